import { z } from 'zod';
import { sendRenewalReminders } from '../app/modules/verification';
import type { JobDefinition } from './types';

// Reminders 30 and 7 days before a verification lapses (each sent once).
export const verificationRenewalReminders: JobDefinition<Record<string, never>> = {
  queue: 'verification-renewal-reminders',
  payload: z
    .object({})
    .strict()
    .or(z.null())
    .transform(() => ({})),
  // Every day at 01:00 UTC (08:00 in Vietnam).
  cron: '0 1 * * *',
  run: () => sendRenewalReminders(),
};
