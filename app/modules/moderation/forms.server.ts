import { z } from 'zod';
import { reportCategories, staffActions } from './options';
import { suspensionPeriods } from './suspension';

// The moderation forms' rules; every message is a locale key.

export const reportSchema = z.object({
  category: z.enum(reportCategories, { error: 'moderation.field.categoryRequired' }),
  note: z
    .string()
    .max(1000, 'validation.tooLong')
    .optional()
    .transform((v) => (v ?? '').replace(/\r\n/g, '\n').trim()),
});

export const actionSchema = z
  .object({
    action: z.enum(staffActions, { error: 'moderation.field.actionRequired' }),
    reason: z
      .string({ error: 'moderation.field.reasonRequired' })
      .trim()
      .min(1, 'moderation.field.reasonRequired')
      .max(1000, 'validation.tooLong'),
    period: z
      .enum(suspensionPeriods)
      .optional()
      .or(z.literal('').transform(() => undefined)),
    // The latest decision the page showed; missing only from old pages.
    seen: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .refine((v) => v.action !== 'suspend' || v.period !== undefined, {
    path: ['period'],
    message: 'moderation.field.periodRequired',
  });

// The staff page of scam numbers and links (/staff/scam-accounts).
const staffReason = z
  .string({ error: 'moderation.field.reasonRequired' })
  .trim()
  .min(1, 'moderation.field.reasonRequired')
  .max(1000, 'validation.tooLong');

export const scamAccountAddSchema = z.object({
  intent: z.literal('add'),
  kind: z.enum(['number', 'link'], { error: 'validation.required' }),
  value: z.string({ error: 'validation.required' }).trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  reason: staffReason,
});

export const scamAccountRemoveSchema = z.object({
  intent: z.literal('remove'),
  id: z.coerce
    .number({ error: 'validation.invalid' })
    .int('validation.invalid')
    .positive('validation.invalid')
    .max(Number.MAX_SAFE_INTEGER, 'validation.invalid'),
  reason: staffReason,
});
