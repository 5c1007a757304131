import { z } from 'zod';
import { fields } from '~/lib/forms.server';
import { isUuid } from '~/lib/ids';
import { parsePhone } from '~/lib/phone';
import { locales } from '~/lib/i18n';
import { isTimeZone } from '~/lib/time-zones';
import { isPlainName } from '~/modules/moderation/screening.server';

const displayName = fields.text(80).refine(isPlainName, 'validation.nameContact');

// A phone code's challenge (from the page's URL) and the six digits she typed, with spaces or full-width digits.
export const challengeId = z.string({ error: 'phone.code.unknown' }).refine(isUuid, 'phone.code.unknown');
export const sixDigits = z
  .string({ error: 'validation.required' })
  .transform((v) => v.normalize('NFKC').replace(/\D/g, ''))
  .pipe(z.string().length(6, 'phone.code.sixDigits'));

// The account forms' schemas (messages are locale keys). They live in a server
// module: a schema built at the top of a route module would run in the browser
// too, where server-only helpers do not exist (and zod would ship with the page).

// One sign-up form (issue 14), by phone number (a code by SMS or Zalo) or by
// email (a link): the fields both share, then what each adds.
const signupFields = {
  password: fields.password(),
  displayName,
  locale: z.enum(locales, { error: 'validation.invalid' }),
  // "Do you want to sell?": optional; yes sends her to the seller dashboard after sign-up.
  wantsToSell: z.enum(['yes', 'no'], { error: 'validation.invalid' }).optional(),
  redirectTo: z.string().optional(),
  // The operating rules and privacy notice: an unticked box she must tick. The news is optional.
  agree: z.literal('on', { error: 'legal.consent.required' }),
  unionNews: z.literal('on').optional(),
};

export const codeChannel = z.enum(['sms', 'zalo'], { error: 'validation.invalid' });

export const signupSchema = z.object({ ...signupFields, email: fields.email() });

export const phoneSignupSchema = z.object({ ...signupFields, phone: fields.phone(), channel: codeChannel });

export const signupConfirmSchema = z.object({ token: z.string().min(1).max(200) });

/** An email (lowercase) or a mobile number (E.164), in one field: log-in and forgotten password. */
const emailOrPhone = () =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, 'validation.required')
    .max(254, 'validation.tooLong')
    .transform((v, ctx) => {
      if (v.includes('@')) {
        const email = z.email().safeParse(v);
        if (email.success) return email.data.toLowerCase();
        ctx.addIssue({ code: 'custom', message: 'validation.email' });
        return z.NEVER;
      }
      const phone = parsePhone(v);
      if (phone.ok) return phone.e164;
      ctx.addIssue({ code: 'custom', message: 'phone.login.identifierInvalid' });
      return z.NEVER;
    });

export const loginSchema = z.object({
  // An email or a phone number (issue 14): a phone becomes E.164, an email lowercase.
  email: emailOrPhone(),
  password: fields.password(),
  redirectTo: z.string().optional(),
});

// The field keeps its name "email", as on the log-in form, but takes a phone number too.
export const forgotPasswordSchema = z.object({ email: emailOrPhone(), channel: codeChannel.optional() });

export const resetPasswordSchema = z.object({ token: z.string().min(1).max(200), password: fields.password() });

export const resetByCodeSchema = z.object({ challenge: challengeId, code: sixDigits, password: fields.password() });

export const profileSchema = z.object({
  intent: z.literal('profile'),
  displayName,
  locale: z.enum(locales, { error: 'validation.invalid' }),
  timeZone: z.string().max(64).refine(isTimeZone, 'accounts.field.timeZoneInvalid'),
});

export const passwordSchema = z.object({
  intent: z.literal('password'),
  currentPassword: fields.password(),
  newPassword: fields.password(),
});

export const changePhoneSchema = z.object({
  intent: z.literal('phone'),
  phone: fields.phone(),
  channel: codeChannel,
  password: fields.password(),
});

export const confirmPhoneSchema = z.object({ intent: z.literal('phoneCode'), challenge: challengeId, code: sixDigits });

export const addEmailSchema = z.object({ intent: z.literal('email'), email: fields.email() });

export const emailConfirmSchema = z.object({ token: z.string().min(1).max(200) });

export const phoneCodeSchema = z.object({ challenge: challengeId, code: sixDigits });
