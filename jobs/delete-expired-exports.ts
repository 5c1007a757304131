import { z } from 'zod';
import { deleteExpiredExports } from '../app/modules/privacy/export.server';
import type { JobDefinition } from './types';

// Retention: a data export lives 7 days, then leaves storage and the table.
export const deleteExpiredExportsJob: JobDefinition<Record<string, never>> = {
  queue: 'delete-expired-exports',
  payload: z
    .object({})
    .strict()
    .or(z.null())
    .transform(() => ({})),
  // Every hour, at minute 20.
  cron: '20 * * * *',
  run: () => deleteExpiredExports(),
};
