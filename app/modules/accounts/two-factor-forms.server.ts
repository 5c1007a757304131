import { z } from 'zod';
import { fields } from '~/lib/forms.server';

// A 6-digit code from her app, or a recovery code typed by hand.
const code = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, 'validation.required')
  .max(20, 'validation.tooLong');

export const securitySchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('start') }),
  z.object({ intent: z.literal('confirm'), code }),
  z.object({ intent: z.literal('disable'), password: fields.password(), code }),
]);

export const loginCodeSchema = z.object({ code, redirectTo: z.string().optional() });
