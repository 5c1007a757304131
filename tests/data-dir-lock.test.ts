import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '../app/lib/data-dir-lock.server';

// Issue 12, point 4: the embedded database has one owner.

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** A real process that opens the embedded database in `dir` and says "open" once it holds it. */
function openInProcess(dir: string) {
  const script = `import('./app/lib/db.server.ts').then(async ({ db }) => { const { sql } = await import('kysely'); await sql\`select 1\`.execute(db); console.log('open'); setTimeout(() => process.exit(0), 60000); }).catch((e) => { console.error(e.message); process.exit(3); });`;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
    env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const opened = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', () => out.includes('open') && resolve());
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  opened.catch(() => {}); // a refused process is awaited through `exited`
  const exited = new Promise<{ code: number | null; out: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, out })),
  );
  return { child, opened, exited };
}

describe('one owner for the embedded database', () => {
  it('a second process on the same folder exits with a message naming the first', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sen-lock-'));
    try {
      const first = openInProcess(dir);
      await first.opened;
      const second = openInProcess(dir);
      const { code, out } = await second.exited;
      expect(code).toBe(3);
      expect(out).toContain(`in use by process ${first.child.pid}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('takes over the lock of a process that is gone, and refuses one that is alive', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sen-lock-'));
    const file = path.join(dir, 'pglite.lock');
    const alive = spawn('sleep', ['30']);
    children.push(alive);
    try {
      writeFileSync(file, JSON.stringify({ pid: alive.pid, host: os.hostname(), since: 'earlier' }));
      expect(() => lockDataDir(file)).toThrow(DataDirInUseError);
      alive.kill('SIGKILL');
      await new Promise((resolve) => alive.once('exit', resolve));
      // Killed with -9: its lock stayed behind, and is stale now.
      const release = lockDataDir(file);
      // Held now: a second open, even in this process, would be a second instance on one folder.
      expect(() => lockDataDir(file)).toThrow(DataDirInUseError);
      release();
      expect(() => lockDataDir(file)()).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
