import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEsmsServer } from '../../tests/support/sms-servers';
import { startGhnServer } from '../../tests/support/ghn-server';
import { serverLogPath, smsLogPath } from './server-log';

// Starts the production server on a fresh database with the demo data: a new
// embedded folder, or a new database on the PostgreSQL server of DATABASE_URL
// (seeded explicitly: the server never seeds PostgreSQL by itself).
export default async function globalSetup() {
  const port = Number(process.env.E2E_PORT || 3100);
  // Every browser of the suite signs up from 127.0.0.1: the hourly sign-up limit per address is raised for it.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    SIGNUPS_PER_ADDRESS: '200',
  };
  delete env.SMTP_URL;
  // SMS goes through the real eSMS client to a local fake eSMS; what it receives is
  // written to e2e/.tmp/sms.jsonl, where specs read the codes (server-log.ts, waitForSms).
  mkdirSync(path.dirname(smsLogPath), { recursive: true });
  writeFileSync(smsLogPath, '');
  const esms = await startEsmsServer({
    onMessage: (message) => appendFileSync(smsLogPath, `${JSON.stringify(message)}\n`),
  });
  Object.assign(env, esms.env);
  // Delivery by a carrier through the real GHN client to a local fake GHN (issue 20); the shipping spec
  // posts GHN's callbacks itself, with the webhook token of tests/support/ghn-server.ts.
  const ghn = await startGhnServer();
  Object.assign(env, ghn.env);
  // A fresh database: no two-step code of the demo staff has been used yet (fixtures.ts).
  rmSync(path.join(os.tmpdir(), `sen-e2e-totp-steps-${port}.json`), { force: true });
  let dropDatabase = async () => {};
  let dataDir: string | undefined;

  if (process.env.DATABASE_URL) {
    const admin = process.env.DATABASE_URL;
    const name = `${new URL(admin).pathname.slice(1) || 'sen'}_e2e_${process.pid}`;
    const run = async (text: string) => {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(text);
      await client.end();
    };
    await run(`create database "${name}"`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    const seeded = spawnSync('npx', ['tsx', 'db/seed.ts'], { env, stdio: 'inherit' });
    if (seeded.status !== 0) throw new Error('seeding the e2e database failed');
    dropDatabase = () => run(`drop database if exists "${name}" with (force)`);
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'sen-e2e-'));
    env.DATA_DIR = dataDir;
  }

  mkdirSync(path.dirname(serverLogPath), { recursive: true });
  const log = openSync(serverLogPath, 'w');
  // `npm start`'s launcher: builds when the sources changed, then runs the compiled server.
  const server = spawn(process.execPath, ['app/server/start.mjs'], {
    env,
    stdio: ['ignore', log, log],
    detached: true,
  });

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}); see ${serverLogPath}`);
    try {
      const response = await fetch(`http://localhost:${port}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not start; see ${serverLogPath}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }

  return async () => {
    // Stop the whole process group (the server and a build it may be running) and wait for it.
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    const stopped = new Promise((resolve) => server.once('exit', resolve));
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    try {
      process.kill(-server.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    await dropDatabase();
    await esms.close();
    await ghn.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
