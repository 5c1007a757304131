import { z } from 'zod';
import { isCategoryCode } from '~/lib/categories';
import { fields } from '~/lib/forms.server';
import { isProvinceCode } from '~/lib/provinces';
import { isPlainName } from '~/modules/moderation/screening.server';
import { expertiseAreas, mentorLanguages } from './options';
import { staffDecisions, type StaffDecision } from './states';

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
