import { z } from 'zod';
import { deleteOldReplays } from '../app/modules/learning/replay-retention.server';
import type { JobDefinition } from './types';

// Retention: receipts of answers sent again by the service worker, after 30 days (issue 16).
export const deleteOldReplaysJob: JobDefinition<Record<string, never>> = {
  queue: 'delete-old-replays',
  payload: z
    .object({})
    .strict()
    .or(z.null())
    .transform(() => ({})),
  // Every day at 03:40 UTC.
  cron: '40 3 * * *',
  run: async () => {
    await deleteOldReplays();
  },
};
