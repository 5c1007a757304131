import { z } from 'zod';
import { fields } from '~/lib/forms.server';
import { parsePhone } from '~/lib/phone';
import { locales } from '~/lib/i18n';
import { isTimeZone } from '~/lib/time-zones';
import { isPlainName } from '~/modules/moderation/screening.server';

const displayName = fields.text(80).refine(isPlainName, 'validation.nameContact');

// The account forms' schemas (messages are locale keys). They live in a server
// module: a schema built at the top of a route module would run in the browser
// too, where server-only helpers do not exist (and zod would ship with the page).

export const signupSchema = z.object({
  email: fields.email(),
  password: fields.password(),
  displayName,
  locale: z.enum(locales, { error: 'validation.invalid' }),
  // "Do you want to sell?": optional; yes sends her to the seller dashboard after sign-up.
  wantsToSell: z.enum(['yes', 'no'], { error: 'validation.invalid' }).optional(),
  redirectTo: z.string().optional(),
  // The operating rules and privacy notice: an unticked box she must tick. The news is optional.
  agree: z.literal('on', { error: 'legal.consent.required' }),
  unionNews: z.literal('on').optional(),
});

export const signupConfirmSchema = z.object({ token: z.string().min(1).max(200) });

export const loginSchema = z.object({
  // An email or a phone number (issue 14): a phone becomes E.164, an email lowercase.
  email: z
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
    }),
  password: fields.password(),
  redirectTo: z.string().optional(),
});

export const forgotPasswordSchema = z.object({ email: fields.email() });

export const resetPasswordSchema = z.object({ token: z.string().min(1).max(200), password: fields.password() });

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
