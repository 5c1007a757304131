import { z } from 'zod';
import { isCategoryCode } from '~/lib/categories';
import { fields } from '~/lib/forms.server';
import { isProvinceCode } from '~/lib/provinces';
import { isPlainName } from '~/modules/moderation/screening.server';
import { expertiseAreas, mentorLanguages } from './options';
import { isReasonFor, staffDecisions, type StaffDecision } from './states';

// The verification forms' schemas (messages are locale keys). They live on the
// server side: route modules reach them only from their actions.

const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export const profileSchema = z.object({
  intent: z.literal('profile'),
  businessName: fields.text(120).refine(isPlainName, 'validation.nameContact'),
  ownerName: fields.text(80).refine(isPlainName, 'validation.nameContact'),
  province: z.string({ error: 'validation.required' }).refine(isProvinceCode, 'validation.required'),
  story: fields.optionalText(4000),
  categories: z.preprocess(list, z.array(z.string().refine(isCategoryCode, 'validation.invalid')).max(8)),
  slug: fields.optionalText(80).pipe(
    z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'verification.profile.slugInvalid')
      .optional(),
  ),
  contactPhone: fields.optionalPhone(),
  contactEmail: z.preprocess((v) => (v === '' ? undefined : v), fields.email().optional()),
});

export const mentorSchema = z.object({
  intent: z.literal('mentor'),
  expertise: z.preprocess(list, z.array(z.enum(expertiseAreas)).min(1, 'verification.field.pickOne').max(8)),
  languages: z.preprocess(list, z.array(z.enum(mentorLanguages)).min(1, 'verification.field.pickOne').max(6)),
  experience: fields.text(2000),
  bio: fields.text(2000),
  province: z.string({ error: 'validation.required' }).refine(isProvinceCode, 'validation.required'),
});

export const decideSchema = z.object({
  intent: z.literal('decide'),
  subject: z.enum(['business', 'mentor']),
  decision: z.enum(staffDecisions as [StaffDecision, ...StaffDecision[]]),
  // Chosen by the staff member, never a default: an empty choice is refused.
  reasonCode: z
    .string({ error: 'verification.problem.reason-required' })
    .min(1, 'verification.problem.reason-required')
    .max(40),
  reasonText: fields.optionalText(2000),
});

/** Staff met her in person: a real past (or today's) date, a place, an optional note. */
export const meetingSchema = z.object({
  intent: z.literal('meeting'),
  metOn: z
    .string({ error: 'validation.required' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.invalid')
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v) && d.getTime() <= Date.now() + 86400000;
    }, 'validation.invalid'),
  place: fields.text(200),
  note: fields.optionalText(2000),
});

/** The same "more information" request to several selected requests ("business:<uuid>" or "mentor:<uuid>"). */
export const bulkSchema = z.object({
  intent: z.literal('bulkNeedsInfo'),
  item: z.preprocess(
    list,
    z
      .array(z.string().regex(/^(business|mentor):[0-9a-f-]{36}$/i, 'validation.invalid'))
      .min(1, 'bulk.pickOne')
      .max(20, 'bulk.tooMany'),
  ),
  reasonCode: z
    .string({ error: 'verification.problem.reason-required' })
    .refine((v) => isReasonFor('needs_info', v), 'verification.problem.reason-required'),
  reasonText: fields.optionalText(2000),
});
