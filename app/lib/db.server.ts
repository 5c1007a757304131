import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../db/schema';
import { lockDataDir } from './data-dir-lock.server';
import { forget, remember } from './remember.server';
import { env, type EnvSource } from './env.server';

// The one place that knows which engine runs: PostgreSQL through pg's pool when
// DATABASE_URL is set, else an embedded PostgreSQL (PGlite) behind the same pg
// wire protocol. Everything above this module sees one Kysely over one pg.Pool.

export type Engine = 'postgres' | 'pglite';
export type DB = Kysely<Database>;
/** Anything queries run on: the database or a transaction (a Kysely `Transaction` is a `Kysely`). */
export type Executor = Kysely<Database>;

// int8 (counts, money sums) and numeric come back as strings by default; money in
// đồng and our counts fit easily in a double.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

type Handle = { db: DB; pool: () => Promise<pg.Pool>; engine: Engine; close: () => Promise<void> };

export function engineFromEnv(source: EnvSource = process.env): Engine {
  return env(source).DATABASE_URL ? 'postgres' : 'pglite';
}

export function dataDir(source: EnvSource = process.env) {
  return path.resolve(env(source).DATA_DIR);
}

async function openPglitePool(directory: string) {
  const [{ PGlite }, { createPgConfig }, { pg_trgm }, { unaccent }, { btree_gist }, { citext }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/node-postgres'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
    import('@electric-sql/pglite/contrib/btree_gist'),
    import('@electric-sql/pglite/contrib/citext'),
  ]);
  mkdirSync(directory, { recursive: true });
  const release = lockDataDir(`${directory}.lock`);
  // Extensions must be passed on every open, also when reopening a data folder.
  const pglite = await PGlite.create(directory, { extensions: { pg_trgm, unaccent, btree_gist, citext } });
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  const end = pool.end.bind(pool);
  pool.end = (async () => {
    await end();
    await pglite.close();
    release();
  }) as typeof pool.end;
  return pool;
}

/**
 * A database that stops answering must not hold requests: connecting (and waiting
 * for a free connection) gives up after 5 s, a statement after 15 s, and a
 * transaction left idle is ended by the server.
 */
export function postgresPoolConfig(source: EnvSource = process.env): pg.PoolConfig {
  const { DATABASE_URL, DB_POOL_SIZE } = env(source);
  return {
    connectionString: DATABASE_URL,
    max: DB_POOL_SIZE,
    connectionTimeoutMillis: 5_000,
    statement_timeout: 15_000,
    query_timeout: 20_000,
    idle_in_transaction_session_timeout: 30_000,
  };
}

/** For a batch script (the large bench seed), whose single statements may rightly run for minutes. */
const withoutTimeouts: pg.PoolConfig = { statement_timeout: 0, query_timeout: 0 };

function openPool(engine: Engine, source: EnvSource, batch = false): Promise<pg.Pool> {
  const pool =
    engine === 'postgres'
      ? Promise.resolve(new pg.Pool({ ...postgresPoolConfig(source), ...(batch ? withoutTimeouts : {}) }))
      : openPglitePool(path.join(dataDir(source), 'pglite'));
  void pool.then((p) =>
    p.on('error', (error) =>
      console.error(JSON.stringify({ level: 'error', msg: 'db pool error', error: error.message })),
    ),
  );
  return pool;
}

// Nothing connects until the first query: a script that imports a module using
// the database but never queries it (scam:check) neither opens nor locks it.
function open(source: EnvSource = process.env, batch = false): Handle {
  const engine = engineFromEnv(source);
  let pool: Promise<pg.Pool> | undefined;
  const lazyPool = () => (pool ??= openPool(engine, source, batch));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: lazyPool }) });
  const close = async () => {
    await db.destroy();
    // The pool may have been opened without Kysely (the job queue, the health check).
    const opened = pool && (await pool);
    if (opened && !opened.ended) await opened.end();
  };
  return { db, pool: lazyPool, engine, close };
}

const handle = () => remember('db', () => open());

/** A database of its own for a batch script: no statement time limit (requests keep theirs). */
export function openBatchDb(source: EnvSource = process.env) {
  const { db, close } = open(source, true);
  return { db, close };
}

/** The process's database. After closeDb it is closed for good; the next currentPool() opens a new one. */
export const db: DB = handle().db;

export function currentEngine(): Engine {
  return handle().engine;
}

export function currentPool(): Promise<pg.Pool> {
  return handle().pool();
}

export async function closeDb() {
  const h = forget<Handle>('db');
  if (h) await h.close();
}

export async function isDatabaseUp(timeoutMs = 2000): Promise<boolean> {
  const pool = await currentPool();
  const probe = pool.query('select 1').then(
    () => true,
    () => false,
  );
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  return Promise.race([probe, timeout]);
}
