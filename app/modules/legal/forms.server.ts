import { z } from 'zod';

// An unticked box she ticks: anything but "on" is no.
const ticked = z.literal('on', { error: 'legal.consent.required' });

export const consentSchema = z.object({
  agree: ticked,
  unionNews: z.literal('on').optional(),
  redirectTo: z.string().optional(),
});
