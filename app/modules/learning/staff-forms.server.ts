import { z } from 'zod';
import { fields } from '~/lib/forms.server';

// Form rules shared by the staff pages; every message is a locale key.
export const slugField = z
  .string({ error: 'validation.required' })
  .trim()
  .toLowerCase()
  .min(1, 'validation.required')
  .max(60, 'validation.tooLong')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'learning.staff.slugInvalid');

export const checkbox = z.preprocess((v) => v === 'on' || v === 'true', z.boolean());
export const position = z.coerce
  .number({ error: 'validation.invalid' })
  .int('validation.invalid')
  .min(0, 'validation.invalid')
  .max(1000, 'validation.invalid');
export const longText = (max: number) =>
  z
    .string()
    .max(max, 'validation.tooLong')
    .default('')
    .transform((v) => v.replace(/\r\n/g, '\n'));

export const courseFields = {
  title_vi: fields.text(160),
  title_en: fields.text(160),
  summary_vi: longText(1000),
  summary_en: longText(1000),
  position,
  published: checkbox,
};

export const moduleFields = {
  title_vi: fields.text(160),
  title_en: fields.text(160),
  position,
  published: checkbox,
  pass_percent: z.coerce
    .number({ error: 'validation.invalid' })
    .int('validation.invalid')
    .min(1, 'validation.invalid')
    .max(100, 'validation.invalid'),
};
