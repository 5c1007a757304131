import { z } from 'zod';
import { fields } from '~/lib/forms.server';
import { meetingModes } from './options';

// The group-session forms' rules; every message is a locale key.

const seats = z.coerce
  .number({ error: 'validation.invalid' })
  .int('validation.invalid')
  .min(1, 'validation.invalid')
  .max(500, 'validation.invalid');

/** A `datetime-local` value read as Vietnam time (UTC+7, no daylight saving). */
const vietnamTime = z
  .string({ error: 'validation.required' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'validation.invalid')
  .transform((v) => new Date(`${v}:00+07:00`))
  .refine((d) => !Number.isNaN(d.getTime()), 'validation.invalid')
  .refine((d) => d.getTime() > Date.now(), 'depth.group.startsInPast');

export const groupSessionSchema = z.object({
  title: fields.text(120),
  description: z
    .string()
    .max(2000, 'validation.tooLong')
    .optional()
    .transform((v) => (v ?? '').trim()),
  startsAt: vietnamTime,
  minutes: z.coerce
    .number({ error: 'validation.invalid' })
    .int('validation.invalid')
    .min(15, 'validation.invalid')
    .max(480, 'validation.invalid'),
  seats,
  meetingMode: z.enum(meetingModes, { error: 'validation.required' }),
  // Per seat, in đồng; empty or 0: free.
  price: z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/[.\s]/g, '') || '0' : (v ?? '0')),
    z.coerce
      .number({ error: 'validation.invalid' })
      .int('validation.invalid')
      .min(0, 'validation.invalid')
      .max(100_000_000, 'validation.invalid'),
  ),
  meetingPlace: z
    .string()
    .max(300, 'validation.tooLong')
    .optional()
    .transform((v) => (v ?? '').trim()),
});

export const groupActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('book') }),
  z.object({ intent: z.literal('cancel') }),
  z.object({ intent: z.literal('seats'), seats }),
  z.object({
    intent: z.literal('attendance'),
    present: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
      .pipe(z.array(z.string()).max(500)),
  }),
]);
