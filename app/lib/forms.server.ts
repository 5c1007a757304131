import { data } from '@remix-run/node';
import { z } from 'zod';
import type { MessageKey } from './i18n';
import { parsePhone, type PhoneProblem } from './phone';
import { isMessageKey } from './i18n.server';

export type FieldErrors = Partial<Record<string, MessageKey>>;

/** What a form's action answers on bad input: every error at once, and what was typed. */
export type FormReply = { errors: FieldErrors; values: Record<string, string> };

// Never echo secrets back into the page.
const secretFields = /password|token|secret/i;

function typedValues(formData: FormData) {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === 'string' && !secretFields.test(name)) values[name] = value.slice(0, 5000);
  }
  return values;
}

function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : 'form';
    // Schemas name their messages by locale key; anything else is a generic "invalid".
    errors[field] ??= isMessageKey(issue.message) ? issue.message : 'validation.invalid';
  }
  return errors;
}

/**
 * Parses a form against a zod schema. On failure returns the reply to send back
 * with status 400; callers add errors that need the database the same way.
 */
export function parseForm<S extends z.ZodType>(formData: FormData, schema: S) {
  // One pass over the entries: asking getAll() per name costs time quadratic in the number of names.
  const input: Record<string, unknown> = Object.create(null);
  for (const [key, value] of formData.entries()) {
    const seen = input[key];
    if (seen === undefined) input[key] = value;
    else if (Array.isArray(seen)) seen.push(value);
    else input[key] = [seen, value];
  }
  const result = schema.safeParse(input);
  if (result.success) return { ok: true as const, data: result.data as z.infer<S> };
  return { ok: false as const, reply: { errors: fieldErrors(result.error), values: typedValues(formData) } };
}

export function formError(formData: FormData, errors: FieldErrors, status = 400) {
  return data<FormReply>({ errors, values: typedValues(formData) }, { status });
}

/**
 * A decision a person receives is sent only on a second, explicit post: the first
 * (valid) post answers with what would be sent, for the page to show before the
 * final "confirm" button (works without JavaScript). Null once confirmed.
 */
export function awaitConfirmation(formData: FormData) {
  if (formData.get('confirmed') === 'yes') return null;
  return data<FormReply & { confirm: true }>({ errors: {}, values: typedValues(formData), confirm: true });
}

/** A limit was hit (a flood of codes, of sign-ups): HTTP 429 and when to try again, with what she typed. */
export function formLimit(formData: FormData, key: MessageKey, retryAfterSeconds: number, status = 429) {
  return data<FormReply>(
    { errors: { form: key }, values: typedValues(formData) },
    { status, headers: { 'Retry-After': String(retryAfterSeconds) } },
  );
}

export function invalid(reply: FormReply, status = 400) {
  return data<FormReply>(reply, { status });
}

/**
 * Reads a urlencoded or multipart body. A malformed or wrongly typed body is the
 * client's mistake: it gets a 400, never a 500.
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get('Content-Type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
    throw new Response('Unsupported Media Type', { status: 415 });
  }
  try {
    return await request.formData();
  } catch {
    throw new Response('Bad Request', { status: 400 });
  }
}

/** Reusable field rules; each message is a locale key. */
export const fields = {
  text: (max: number, min = 1) =>
    z
      .string({ error: 'validation.required' })
      .trim()
      .min(min, min <= 1 ? 'validation.required' : 'validation.tooShort')
      .max(max, 'validation.tooLong'),
  optionalText: (max: number) =>
    z
      .string()
      .trim()
      .max(max, 'validation.tooLong')
      .optional()
      .transform((v) => (v ? v : undefined)),
  email: () =>
    z
      .string({ error: 'validation.required' })
      .trim()
      .min(1, 'validation.required')
      .max(254, 'validation.tooLong')
      .pipe(z.email('validation.email'))
      .transform((v) => v.toLowerCase()),
  password: () =>
    z.string({ error: 'validation.required' }).min(1, 'validation.required').max(200, 'validation.tooLong'),
  /** A mobile number by the one rule of app/lib/phone.ts, as E.164 ("+84912345678"). */
  phone: () =>
    z.string({ error: 'validation.required' }).transform((v, ctx) => {
      const parsed = parsePhone(v);
      if (parsed.ok) return parsed.e164;
      ctx.addIssue({ code: 'custom', message: phoneProblemKey[parsed.problem] });
      return z.NEVER;
    }),
  optionalPhone: () =>
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v || !v.trim()) return undefined;
        const parsed = parsePhone(v);
        if (parsed.ok) return parsed.e164;
        ctx.addIssue({ code: 'custom', message: phoneProblemKey[parsed.problem] });
        return z.NEVER;
      }),
};

const phoneProblemKey = {
  required: 'validation.required',
  invalid: 'phone.problem.invalid',
  landline: 'phone.problem.landline',
  country: 'phone.problem.country',
} as const satisfies Record<PhoneProblem, MessageKey>;
