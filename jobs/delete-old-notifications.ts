import { z } from 'zod';
import { deleteOldNotifications } from '../app/modules/privacy/retention.server';
import type { JobDefinition } from './types';

// Retention: in-app notices older than 180 days.
export const deleteOldNotificationsJob: JobDefinition<Record<string, never>> = {
  queue: 'delete-old-notifications',
  payload: z
    .object({})
    .strict()
    .or(z.null())
    .transform(() => ({})),
  // Every day at 03:10 UTC.
  cron: '10 3 * * *',
  run: () => deleteOldNotifications(),
};
