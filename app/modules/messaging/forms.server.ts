import { z } from 'zod';
import { fields } from '~/lib/forms.server';

// The messaging pages' form schemas (kept out of route modules so zod never
// reaches the browser bundle).

const body = fields.text(2000);
const confirmed = z
  .string()
  .optional()
  .transform((v) => v === '1');

export const startSchema = z.object({ body, confirmed });

export const conversationSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('send'), body, confirmed }),
  z.object({ intent: z.literal('mute') }),
  z.object({ intent: z.literal('unmute') }),
  z.object({ intent: z.literal('block') }),
  z.object({ intent: z.literal('unblock') }),
]);
