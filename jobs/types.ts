import type { z } from 'zod';

/** One kind of job: its queue, the shape of its payload, and what it does. */
export type JobDefinition<T> = {
  queue: string;
  payload: z.ZodType<T>;
  /** Runs on a schedule (cron, UTC) as well as when sent. */
  cron?: string;
  run: (data: T) => Promise<unknown>;
};

/** A job whose payload type is sealed inside, so one list holds jobs of every payload without `any`. */
export type Job = {
  queue: string;
  cron?: string;
  /** Parses the payload: a run of the job, or why the payload can never succeed. */
  prepare: (data: unknown) => { ok: true; run: () => Promise<unknown> } | { ok: false; error: z.ZodError };
};

export function sealJob<T>(job: JobDefinition<T>): Job {
  return {
    queue: job.queue,
    cron: job.cron,
    prepare(data) {
      const parsed = job.payload.safeParse(data ?? {});
      return parsed.success ? { ok: true, run: () => job.run(parsed.data) } : { ok: false, error: parsed.error };
    },
  };
}
