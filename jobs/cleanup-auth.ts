import { z } from 'zod';
import { deleteExpiredAuthRows } from '../app/modules/accounts/accounts.server';
import type { JobDefinition } from './types';

export const cleanupAuth: JobDefinition<Record<string, never>> = {
  queue: 'cleanup-auth',
  payload: z
    .object({})
    .strict()
    .or(z.null())
    .transform(() => ({})),
  // Every hour, on the hour.
  cron: '0 * * * *',
  run: () => deleteExpiredAuthRows(),
};
