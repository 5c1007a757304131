import { z } from 'zod';
import { sendDueReminders } from '../app/modules/mentoring/mentoring.server';
import type { JobDefinition } from './types';

// Reminders 24 h and 1 h before each confirmed session, to both sides. Runs every
// five minutes; a reminder row per session and kind makes a second run send nothing.
export const mentoringReminders: JobDefinition<Record<string, never>> = {
  queue: 'mentoring-reminders',
  payload: z.object({}).strict().or(z.null()).transform(() => ({})),
  cron: '*/5 * * * *',
  run: () => sendDueReminders(),
};
