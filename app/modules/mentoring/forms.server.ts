import { z } from 'zod';
import { isTimeZone } from '~/lib/time-zones';
import { mentorLanguages } from '~/modules/verification/options';
import { meetingModes, mentoringTopics, sessionLengths, weekdays } from './options';

// The mentoring forms' schemas, server-side only so the browser bundle carries no zod.
// Messages are locale keys.

export const bookSchema = z.object({
  startsAt: z.iso.datetime({ error: 'mentoring.book.pickSlot' }),
  note: z.string().trim().max(1000, 'validation.tooLong').default(''),
});

export const sessionSchemas = {
  confirm: z.object({ intent: z.literal('confirm') }),
  decline: z.object({ intent: z.literal('decline') }),
  cancel: z.object({
    intent: z.literal('cancel'),
    reason: z.string().trim().max(500, 'validation.tooLong').default(''),
  }),
  reschedule: z.object({
    intent: z.literal('reschedule'),
    startsAt: z.iso.datetime({ error: 'mentoring.book.pickSlot' }),
  }),
  rate: z.object({
    intent: z.literal('rate'),
    rating: z.coerce
      .number({ error: 'mentoring.rate.pick' })
      .int('mentoring.rate.pick')
      .min(1, 'mentoring.rate.pick')
      .max(5, 'mentoring.rate.pick'),
    comment: z.string().trim().max(1000, 'validation.tooLong').default(''),
  }),
  notes: z.object({
    intent: z.literal('notes'),
    mentorNotes: z.string().trim().max(4000, 'validation.tooLong').default(''),
    followUp: z.string().trim().max(4000, 'validation.tooLong').default(''),
  }),
};

const int = (min: number, max: number) =>
  z.coerce
    .number({ error: 'validation.invalid' })
    .int('validation.invalid')
    .min(min, 'mentoring.field.outOfRange')
    .max(max, 'mentoring.field.outOfRange');
const list = <T extends string>(allowed: readonly [T, ...T[]]) =>
  z
    .union([z.string(), z.array(z.string())], { error: 'mentoring.field.pickOne' })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(allowed, { error: 'validation.invalid' })).min(1, 'mentoring.field.pickOne'));
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'mentoring.field.day')
  .refine((d) => !Number.isNaN(Date.parse(d)), 'mentoring.field.day');

export const offerSchema = z
  .object({
    intent: z.literal('offer'),
    topics: list(mentoringTopics),
    languages: list(mentorLanguages),
    sessionMinutes: z.coerce
      .number()
      .refine((n) => (sessionLengths as readonly number[]).includes(n), 'validation.invalid'),
    bufferMinutes: int(0, 120),
    minNoticeHours: int(0, 720),
    maxDaysAhead: int(1, 180),
    price: int(0, 100_000_000),
    meetingMode: z.enum(meetingModes, { error: 'validation.invalid' }),
    meetingPlace: z.string().trim().max(300, 'validation.tooLong').default(''),
    requiresConfirmation: z.literal('on').optional(),
    cancelCutoffHours: int(0, 168),
    timeZone: z.string().max(64).refine(isTimeZone, 'accounts.field.timeZoneInvalid'),
    active: z.literal('on').optional(),
    ...Object.fromEntries(weekdays.map((d) => [`day${d}`, z.string().max(200, 'validation.tooLong').default('')])),
  })
  .refine((o) => o.meetingMode === 'phone' || o.meetingPlace.length > 0, {
    path: ['meetingPlace'],
    message: 'mentoring.field.placeRequired',
  });

export const offSchema = z.object({ intent: z.literal('addOff'), offDay: day });
export const extraSchema = z.object({ intent: z.literal('addExtra'), extraDay: day, range: z.string().max(200) });
export const removeSchema = z.object({ intent: z.literal('remove'), id: z.coerce.number().int().positive() });

export type OfferForm = z.infer<typeof offerSchema> & Record<string, string>;
