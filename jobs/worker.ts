import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkEnv } from '../app/lib/env.server';
import { startBoss, stopBoss } from '../app/lib/jobs.server';
import { log } from '../app/lib/log.server';
import { jobQueues, jobs } from './index';
import type { JobResult } from 'pg-boss';
import type { Job } from './types';

/** Runs one job and says how it ended; its failure is its own (pg-boss retries it alone). */
async function runOne(job: Job, id: string, data: unknown): Promise<JobResult> {
  const started = Date.now();
  const prepared = job.prepare(data);
  if (!prepared.ok) {
    log.error('job payload rejected', prepared.error, { queue: job.queue, jobId: id });
    return { id, status: 'failed', output: new Error(`invalid payload for ${job.queue}`) };
  }
  try {
    const output = await prepared.run();
    log.info('job', { queue: job.queue, jobId: id, status: 'completed', durationMs: Date.now() - started });
    return { id, status: 'completed', output };
  } catch (error) {
    log.error('job failed', error, { queue: job.queue, jobId: id, durationMs: Date.now() - started });
    return { id, status: 'failed', output: error };
  }
}

// Up to 10 jobs a fetch, and while fetches come back full the next one follows at once: a
// backlog (a group session's seat notices) is drained in seconds. One job per poll made a
// sign-up link wait behind 30 notices for a minute.
const batchSize = 10;

/** Starts working every queue (or the given jobs); returns a function that stops gracefully. */
export async function startWorker(options: { pollingIntervalSeconds?: number; jobs?: readonly Job[] } = {}) {
  const list = options.jobs ?? jobs;
  const boss = await startBoss({ queues: jobQueues, supervise: true });
  for (const job of list) {
    const work = {
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
      batchSize,
      burstWhenBatchFull: true,
      perJobResults: true,
    } as const;
    await boss.work(job.queue, work, async (batch) => {
      const results: JobResult[] = [];
      for (const item of batch) results.push(await runOne(job, item.id, item.data));
      return results;
    });
    if (job.cron) await boss.schedule(job.queue, job.cron);
  }
  log.info('worker started', { queues: list.map((j) => j.queue) });
  return stopBoss;
}

const isMain = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (isMain) {
  // Every setting checked before anything starts: a wrong one stops here, named.
  checkEnv();
  const { db, closeDb, currentEngine } = await import('../app/lib/db.server');
  if (currentEngine() === 'pglite') {
    // The embedded database belongs to one process: there `npm start` runs the worker itself.
    log.error('worker needs DATABASE_URL', new Error('the embedded database cannot be shared by two processes'));
    process.exit(1);
  }
  const { migrateToLatest } = await import('../db/migrate');
  await migrateToLatest(db);
  const stop = await startWorker();
  const shutdown = async () => {
    await stop();
    await closeDb();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
}
