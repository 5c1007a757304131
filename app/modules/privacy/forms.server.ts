import { z } from 'zod';
import { fields } from '~/lib/forms.server';

// The privacy page's three acts, told apart by `intent`.
export const privacySchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('withdraw'), purpose: z.literal('union_news', { error: 'validation.invalid' }) }),
  z.object({ intent: z.literal('export') }),
  z.object({ intent: z.literal('delete'), password: fields.password() }),
]);
