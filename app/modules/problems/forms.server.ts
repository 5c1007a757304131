import { z } from 'zod';
import { fields } from '~/lib/forms.server';

// The problem pages' form schemas (kept out of the routes so zod stays on the server).

const amount = z.coerce
  .number({ error: 'validation.invalid' })
  .int('validation.invalid')
  .min(1, 'problems.error.amount')
  .max(1_000_000_000, 'problems.error.amount');

export const openProblemSchema = z.object({
  intent: z.literal('open'),
  kind: z.enum(['not_received', 'not_as_described', 'damaged', 'wrong_item'], { error: 'validation.required' }),
  note: fields.text(2000),
});

export const buyerProblemSchema = z.discriminatedUnion('intent', [
  openProblemSchema,
  z.object({ intent: z.literal('accept') }),
  z.object({ intent: z.literal('escalate') }),
  z.object({ intent: z.literal('withdraw') }),
]);

export const sellerProblemSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('answer'),
    kind: z.enum(['refund', 'replacement', 'reply'], { error: 'validation.required' }),
    note: fields.text(2000),
    amount: z.preprocess((v) => (v === '' ? undefined : v), amount.optional()),
    reference: fields.optionalText(120),
  }),
  z.object({ intent: z.literal('escalate') }),
  z.object({ intent: z.literal('record_refund'), reference: fields.optionalText(120) }),
]);

export const decideSchema = z.object({
  decision: z.enum(['refund_owed', 'no_refund'], { error: 'validation.required' }),
  amount: z.preprocess((v) => (v === '' ? undefined : v), amount.optional()),
  note: fields.text(2000),
});
