import type { z } from 'zod';

/** One kind of job: its queue, the shape of its payload, and what it does. */
export type JobDefinition<T> = {
  queue: string;
  payload: z.ZodType<T, any>;
  /** Runs on a schedule (cron, UTC) as well as when sent. */
  cron?: string;
  run: (data: T) => Promise<unknown>;
};
