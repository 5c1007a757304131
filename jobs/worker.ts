import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkEnv } from '../app/lib/env.server';
import { startBoss, stopBoss } from '../app/lib/jobs.server';
import { log } from '../app/lib/log.server';
import { jobQueues, jobs } from './index';
import type { Job } from './types';

async function runOne(job: Job, id: string, data: unknown) {
  const started = Date.now();
  const prepared = job.prepare(data);
  if (!prepared.ok) {
    // A payload that can never succeed is failed at once instead of retried.
    log.error('job payload rejected', prepared.error, { queue: job.queue, jobId: id });
    throw new Error(`invalid payload for ${job.queue}`);
  }
  try {
    const result = await prepared.run();
    log.info('job', { queue: job.queue, jobId: id, status: 'completed', durationMs: Date.now() - started });
    return result;
  } catch (error) {
    log.error('job failed', error, { queue: job.queue, jobId: id, durationMs: Date.now() - started });
    throw error;
  }
}

/** Starts working every queue; returns a function that stops gracefully. */
export async function startWorker(options: { pollingIntervalSeconds?: number } = {}) {
  const boss = await startBoss({ queues: jobQueues, supervise: true });
  for (const job of jobs) {
    await boss.work(job.queue, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (batch) => {
      for (const item of batch) await runOne(job, item.id, item.data);
    });
    if (job.cron) await boss.schedule(job.queue, job.cron);
  }
  log.info('worker started', { queues: jobs.map((j) => j.queue) });
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
