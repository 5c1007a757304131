import { z } from 'zod';
import { sendDueReminders } from '../app/modules/mentoring/index.server';
import { releaseExpiredHolds } from '../app/modules/mentoring/paid.server';
import { sendDueGroupReminders } from '../app/modules/mentoring/group.server';
import { releaseExpiredSeatHolds } from '../app/modules/mentoring/group-paid.server';
import type { JobDefinition } from './types';

// Reminders 24 h and 1 h before each confirmed session, to both sides. Runs every
// five minutes; a reminder row per session and kind makes a second run send nothing.
// The same run releases paid bookings and paid group seats left unpaid past their 30-minute hold.
export const mentoringReminders: JobDefinition<Record<string, never>> = {
  queue: 'mentoring-reminders',
  payload: z
    .object({})
    .strict()
    .or(z.null())
    .transform(() => ({})),
  cron: '*/5 * * * *',
  // Group sessions' seat holders too (issue 20): `groupSent`.
  run: async () => ({
    ...(await releaseExpiredHolds()),
    ...(await releaseExpiredSeatHolds()),
    ...(await sendDueReminders()),
    groupSent: (await sendDueGroupReminders()).sent,
  }),
};
