import { PgBoss, fromKysely } from 'pg-boss';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { currentEngine, currentPool } from './db.server';
import { log } from './log.server';

// pg-boss on the app's own database and pool, on either engine. Jobs that must
// happen together with a write are sent inside that write's transaction.

type Boss = PgBoss;

const globalKey = Symbol.for('sen.jobs');
// Kept on globalThis: the server (run by tsx) and the Remix build each load their
// own copy of this module, and both must see one pg-boss and one set of queues.
type GlobalWithBoss = typeof globalThis & { [globalKey]?: Promise<Boss>; [queuesKey]?: Set<string> };
const queuesKey = Symbol.for('sen.jobs.queues');

/** Retries with exponential backoff; a job that still fails is kept as failed, never dropped. */
export const defaultQueueOptions = { retryLimit: 8, retryDelay: 5, retryBackoff: true, retryDelayMax: 3600 };

async function createBoss(options: { supervise: boolean }) {
  const pool = await currentPool();
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => pool.query(text, values as unknown[]) },
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
  const { jobs } = await import('../../jobs/index');
  for (const job of jobs) await ensureQueue(boss, job.queue);
  return boss;
}

/**
 * The process's pg-boss (sending only, unless startWorker ran first). Start it
 * when the process starts (the server, the worker and the test setup do), never
 * first inside a transaction.
 */
export function getBoss(options = { supervise: false }): Promise<Boss> {
  const g = globalThis as GlobalWithBoss;
  return (g[globalKey] ??= createBoss(options));
}

export async function stopBoss() {
  const g = globalThis as GlobalWithBoss;
  const pending = g[globalKey];
  if (!pending) return;
  delete g[globalKey];
  createdQueues().clear();
  const boss = await pending;
  await boss.stop({ graceful: true, timeout: 10_000 });
}

function createdQueues() {
  const g = globalThis as GlobalWithBoss;
  return (g[queuesKey] ??= new Set<string>());
}

/** Creates the queue once per process (pg-boss makes this idempotent across processes). */
export async function ensureQueue(boss: Boss, queue: string) {
  if (createdQueues().has(queue)) return;
  await boss.createQueue(queue, defaultQueueOptions);
  createdQueues().add(queue);
}

export async function enqueue(
  queue: string,
  data: object,
  options: { trx?: Transaction<Database>; startAfter?: Date; singletonKey?: string } = {},
) {
  const boss = await getBoss();
  await ensureQueue(boss, queue);
  return boss.send(queue, data, {
    ...(options.trx ? { db: fromKysely(options.trx) } : {}),
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
  });
}
