import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import express from 'express';
import type pg from 'pg';

// The production build behind the app's own HTTP layer, plus what only the
// benchmark needs: a count of the SQL statements each request runs (a hook on
// the pool's clients, installed here and nowhere else) and the framework-floor
// route, which answers only because BENCH=1.

process.env.NODE_ENV = 'production';
process.env.BENCH = '1';

const { currentPool, closeDb, currentEngine } = await import('../../app/lib/db.server');
const { createApp, pageCacheSeconds } = await import('../../app/server/app');

type Counter = { count: number; sqlMs: number };
const requestScope = new AsyncLocalStorage<Counter>();
const pool = await currentPool();
pool.on('connect', (client: pg.PoolClient) => {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const counter = requestScope.getStore();
    if (!counter) return query(...args);
    counter.count += 1;
    const started = performance.now();
    const result = query(...args) as Promise<unknown> | undefined;
    // Time until the database answered (callers use the promise form).
    result?.finally?.(() => {
      counter.sqlMs += performance.now() - started;
    });
    return result;
  };
});

const counts: { path: string; signedIn: boolean; statements: number; sqlMs: number; totalMs: number }[] = [];
const build = await import(pathToFileURL(path.resolve('build/index.js')).href);
const outer = express();
outer.get('/__bench/sql', (_req, res) => {
  res.json(counts.splice(0));
});
outer.use((req, res, next) => {
  const counter: Counter = { count: 0, sqlMs: 0 };
  const started = performance.now();
  res.on('finish', () => {
    const path = req.originalUrl.replace(/[?&]bench=\d+$/, '');
    const signedIn = /(?:^|;\s*)sen_session=/.test(req.get('cookie') ?? '');
    if (counts.length < 1000)
      counts.push({
        path,
        signedIn,
        statements: counter.count,
        sqlMs: counter.sqlMs,
        totalMs: performance.now() - started,
      });
  });
  requestScope.run(counter, next);
});
outer.use(createApp({ build, pageCacheSeconds: pageCacheSeconds() }));

const port = Number(process.env.PORT || 3230);
const server = outer.listen(port, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ msg: 'bench server listening', port, engine: currentEngine() }) + '\n');
});

async function stop() {
  server.close();
  await closeDb();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
