import { z } from 'zod';
import { fields } from '~/lib/forms.server';
import { isUuid } from '~/lib/ids';
import { locales } from '~/lib/i18n';

// The sign-up-by-phone forms (issue 14).

export const phoneSignupSchema = z.object({
  phone: fields.phone(),
  channel: z.enum(['sms', 'zalo'], { error: 'validation.invalid' }),
  password: fields.password(),
  displayName: fields.text(80),
  locale: z.enum(locales, { error: 'validation.invalid' }),
  wantsToSell: z.enum(['yes', 'no'], { error: 'validation.invalid' }).optional(),
  agree: z.literal('on', { error: 'legal.consent.required' }),
  unionNews: z.literal('on').optional(),
});

export const phoneCodeSchema = z.object({
  challenge: z.string().refine(isUuid, 'phone.code.unknown'),
  code: z
    .string({ error: 'validation.required' })
    .transform((v) => v.normalize('NFKC').replace(/\D/g, ''))
    .pipe(z.string().length(6, 'phone.code.sixDigits')),
});
