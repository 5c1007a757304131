import { PgBoss, fromKysely } from 'pg-boss';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { currentEngine, currentPool } from './db.server';
import { log } from './log.server';
import { forget, remember } from './remember.server';

// pg-boss on the app's own database and pool, on either engine. Jobs that must
// happen together with a write are sent inside that write's transaction. This
// module knows no job: the list (jobs/index.ts) is handed in by whoever starts
// the process, so app/lib depends on nothing above it.

type Boss = PgBoss;
type Jobs = { boss: Promise<Boss>; queues: Set<string> };

/** Retries with exponential backoff; a job that still fails is kept as failed, never dropped. */
export const defaultQueueOptions = { retryLimit: 8, retryDelay: 5, retryBackoff: true, retryDelayMax: 3600 };

async function createBoss(queues: Set<string>, options: StartOptions) {
  const pool = await currentPool();
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => pool.query(text, values) },
    backend: currentEngine(),
    schema: 'pgboss',
    supervise: options.supervise,
    schedule: options.supervise,
  });
  boss.on('error', (error) => log.error('job system error', error));
  await boss.start();
  // Every queue exists and is cached before any request runs: a job sent inside a
  // transaction then touches only that transaction. (On the embedded engine the
  // pool has one connection, which the transaction holds.)
  for (const queue of options.queues) await ensureQueue(boss, queues, queue);
  return boss;
}

type StartOptions = {
  /** Every queue the process may send to; the caller (server, worker, test setup) knows the job list, this module does not. */
  queues: readonly string[];
  /** Runs pg-boss's maintenance and schedules: only a process that works jobs. */
  supervise: boolean;
};

function jobs(options: StartOptions = { queues: [], supervise: false }): Jobs {
  return remember('jobs', () => {
    const queues = new Set<string>();
    return { queues, boss: createBoss(queues, options) };
  });
}

/**
 * Starts the process's pg-boss with the queues it will send to. Call it when the
 * process starts (the server, the worker and the test setup do), never first
 * inside a transaction. A second call returns the first one's boss.
 */
export function startBoss(options: StartOptions): Promise<Boss> {
  return jobs(options).boss;
}

/** The process's pg-boss (started with no queues if nothing started it). */
export function getBoss(): Promise<Boss> {
  return jobs().boss;
}

export async function stopBoss() {
  const started = forget<Jobs>('jobs');
  if (!started) return;
  const boss = await started.boss;
  await boss.stop({ graceful: true, timeout: 10_000 });
}

/** Creates the queue once per process (pg-boss makes this idempotent across processes). */
async function ensureQueue(boss: Boss, created: Set<string>, queue: string) {
  if (created.has(queue)) return;
  await boss.createQueue(queue, defaultQueueOptions);
  created.add(queue);
}

export async function enqueue(
  queue: string,
  data: object,
  options: { trx?: Transaction<Database>; startAfter?: Date; singletonKey?: string } = {},
) {
  const { boss: pending, queues } = jobs();
  const boss = await pending;
  await ensureQueue(boss, queues, queue);
  return boss.send(queue, data, {
    ...(options.trx ? { db: fromKysely(options.trx) } : {}),
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
  });
}
