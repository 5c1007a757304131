import { z } from 'zod';
import { deleteOldEmails } from '../app/modules/privacy/retention.server';
import type { JobDefinition } from './types';

// Retention: sent or failed e-mails older than 30 days (addresses and contents).
export const deleteOldEmailsJob: JobDefinition<Record<string, never>> = {
  queue: 'delete-old-emails',
  payload: z
    .object({})
    .strict()
    .or(z.null())
    .transform(() => ({})),
  // Every day at 03:20 UTC.
  cron: '20 3 * * *',
  run: () => deleteOldEmails(),
};
