import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// `npm start`: build when the app changed since the last build, migrate, put demo
// data into an empty embedded database, run the job worker in-process (unless
// WORKER=off), and serve.

process.env.NODE_ENV ??= 'production';

const buildFile = path.resolve('build/index.js');

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

if (!existsSync(buildFile) || statSync(buildFile).mtimeMs < newestSourceTime(path.resolve('app'))) {
  const result = spawnSync('npx', ['remix', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const { log } = await import('../lib/log.server');
const { db, closeDb, currentEngine } = await import('../lib/db.server');
const { migrateToLatest } = await import('../../db/migrate');
const { createApp, pageCacheSeconds } = await import('./app');

const applied = await migrateToLatest(db);
if (applied.length) log.info('migrated', { applied });

if (currentEngine() === 'pglite') {
  const { seedDemoIfEmpty } = await import('../../db/seed');
  await seedDemoIfEmpty(db);
}

let stopWorker: (() => Promise<void>) | undefined;
if (process.env.WORKER !== 'off') {
  const { startWorker } = await import('../../jobs/worker');
  stopWorker = await startWorker();
} else {
  const { getBoss, stopBoss } = await import('../lib/jobs.server');
  await getBoss();
  stopWorker = stopBoss;
}

const build = await import(pathToFileURL(buildFile).href);
const app = createApp({ build, trustProxy: process.env.TRUST_PROXY, pageCacheSeconds: pageCacheSeconds() });
const port = Number(process.env.PORT || 3000);
const server = app.listen(port, process.env.HOST || '0.0.0.0', () => {
  log.info('listening', { url: `http://localhost:${port}`, engine: currentEngine() });
  // Without APP_URL only loopback hosts are answered (app.ts): safe, but unreachable from elsewhere.
  if (!process.env.APP_URL) log.warn('APP_URL is not set: answering only requests for localhost');
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
