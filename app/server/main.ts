import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkEnv } from '../lib/env.server';

// The server `npm start` runs, compiled to build/server/main.js (app/server/start.mjs
// builds first when the sources changed): migrate, put demo data into an empty
// embedded database, run the job worker in-process (unless WORKER=off), and serve.
// `npm run dev` runs this file through tsx under `remix dev`, which rebuilds the app
// and restarts it on every change.
// On PostgreSQL (DATABASE_URL set) it serves from WEB_CONCURRENCY processes
// (node:cluster; default: one per core): the first process migrates,
// then starts the others, which share the port; exactly one of them runs the job
// worker. SIGTERM to the first stops them all. The embedded engine belongs to one
// process, so without DATABASE_URL it stays one.

process.env.NODE_ENV ??= 'production';
// Every setting checked before anything starts: a wrong one stops here, named.
const settings = checkEnv();

/** WEB_CONCURRENCY: how many HTTP processes on PostgreSQL; default one per core. */
function webConcurrency() {
  return settings.WEB_CONCURRENCY ?? os.availableParallelism();
}

// The Remix build, read at run time (not bundled into build/server/).
const buildFile = path.resolve('build/index.js');

const { log } = await import('../lib/log.server');
const { db, closeDb, currentEngine } = await import('../lib/db.server');
const { migrateToLatest } = await import('../../db/migrate');
const { createApp, pageCacheSeconds } = await import('./app');

const processes = currentEngine() === 'postgres' ? webConcurrency() : 1;
if (currentEngine() === 'pglite' && settings.WEB_CONCURRENCY && settings.WEB_CONCURRENCY !== 1) {
  log.warn('WEB_CONCURRENCY ignored: the embedded database belongs to one process', {
    WEB_CONCURRENCY: settings.WEB_CONCURRENCY,
  });
}

if (cluster.isPrimary) {
  const applied = await migrateToLatest(db);
  if (applied.length) log.info('migrated', { applied });
}

if (currentEngine() === 'pglite') {
  const { seedDemoIfEmpty } = await import('../../db/seed');
  await seedDemoIfEmpty(db);
}

if (cluster.isPrimary && processes > 1) {
  await closeDb();
  await runCluster(processes);
} else {
  await serve();
}

/** The first process: starts `count` HTTP processes, replaces one that dies, stops them all on SIGTERM. */
async function runCluster(count: number) {
  const jobs = settings.WORKER;
  let stopping = false;
  const fork = (runsJobs: boolean) => {
    const worker = cluster.fork({ WORKER: runsJobs ? 'on' : 'off' });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      log.error('HTTP process ended; starting another', {
        pid: worker.process.pid,
        code,
        signal,
      });
      setTimeout(() => !stopping && fork(runsJobs), 1000);
    });
    return worker;
  };
  // The first one runs the job worker (unless WORKER=off): exactly one among them.
  for (let i = 0; i < count; i++) fork(jobs && i === 0);
  log.info('cluster started', {
    processes: count,
    engine: 'postgres',
    pid: process.pid,
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', {
      signal,
      processes: Object.keys(cluster.workers ?? {}).length,
    });
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
    // Each finishes its work and exits; one that hangs is killed after 15 s.
    const killer = setTimeout(() => workers.forEach((w) => w.process.kill('SIGKILL')), 15_000);
    killer.unref();
    Promise.all(workers.map((w) => (w.isDead() ? null : new Promise((resolve) => w.once('exit', resolve))))).then(() =>
      process.exit(0),
    );
    for (const w of workers) w.process.kill('SIGTERM');
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function serve() {
  let stopWorker: (() => Promise<void>) | undefined;
  if (settings.WORKER) {
    const { startWorker } = await import('../../jobs/worker');
    stopWorker = await startWorker();
  } else {
    const { startBoss, stopBoss } = await import('../lib/jobs.server');
    const { jobQueues } = await import('../../jobs/index');
    await startBoss({ queues: jobQueues, supervise: false });
    stopWorker = stopBoss;
  }

  const build = await import(pathToFileURL(buildFile).href);
  const app = createApp({
    build,
    trustProxy: settings.TRUST_PROXY,
    pageCacheSeconds: pageCacheSeconds(),
  });
  const port = settings.PORT;
  const server = app.listen(port, settings.HOST, () => {
    log.info('listening', {
      url: `http://localhost:${(server.address() as { port: number }).port}`,
      engine: currentEngine(),
      pid: process.pid,
      jobs: settings.WORKER,
      ...(currentEngine() === 'pglite'
        ? {
            processes: 1,
            note: 'embedded database: one process (WEB_CONCURRENCY applies with DATABASE_URL)',
          }
        : {}),
    });
    // Without APP_URL only loopback hosts are answered (app.ts): safe, but unreachable from elsewhere.
    if (!settings.APP_URL) log.warn('APP_URL is not set: answering only requests for localhost');
    // Under `remix dev`: it waits for this before reloading the browser.
    if (process.env.REMIX_DEV_ORIGIN) {
      void import('@remix-run/node').then(({ broadcastDevReady }) => broadcastDevReady(build));
    }
  });

  // A slow client cannot hold a connection for Node's default 5 minutes: headers within
  // 20 s, the whole request within 2 minutes (a few MB of photos on a slow 3G line).
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;

  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    server.close();
    await stopWorker?.().catch((error) => log.error('worker stop failed', error));
    await closeDb();
    process.exit(0);
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
