import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';

// Issue 21: `npm start` uses every core on PostgreSQL (node:cluster, WEB_CONCURRENCY
// processes, one job worker among them) and stays one process on the embedded engine.
// Each engine's run of the suite checks its own behaviour.

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

type Line = { msg: string; pid?: number; url?: string; jobs?: boolean; processes?: number; note?: string };

/** `npm start` as a real process (its launcher, then the compiled server), on a port the system picks. */
function start(env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, ['app/server/start.mjs'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env, NODE_ENV: 'production' as const },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: Line[] = [];
  let out = '';
  let rest = '';
  const read = (chunk: Buffer) => {
    out += chunk;
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) {
      if (part.startsWith('{')) lines.push(JSON.parse(part));
    }
  };
  child.stdout!.on('data', read);
  child.stderr!.on('data', read);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = (count: number) =>
    new Promise<Line[]>((resolve, reject) => {
      const check = () => {
        const found = lines.filter((l) => l.msg === 'listening');
        if (found.length >= count) resolve(found);
        else if (child.exitCode !== null) reject(new Error(`exited ${child.exitCode}: ${out}`));
        else setTimeout(check, 100);
      };
      check();
    });
  return { child, lines, exited, listening };
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start', () => {
  if (process.env.DATABASE_URL) {
    it('on PostgreSQL serves from WEB_CONCURRENCY processes, one of them running jobs, and SIGTERM ends them all', async () => {
      const server = start({ DATABASE_URL: process.env.DATABASE_URL, WEB_CONCURRENCY: '2' });
      const listening = await server.listening(2);
      const pids = listening.map((l) => l.pid!);
      expect(new Set(pids).size).toBe(2);
      expect(pids).not.toContain(server.child.pid);
      // One port shared by both; exactly one job worker.
      expect(new Set(listening.map((l) => l.url)).size).toBe(1);
      expect(listening.filter((l) => l.jobs)).toHaveLength(1);
      expect(server.lines.find((l) => l.msg === 'cluster started')).toMatchObject({ processes: 2 });

      const url = listening[0].url!.replace('localhost', '127.0.0.1');
      const answers = await Promise.all(Array.from({ length: 6 }, () => fetch(`${url}/healthz`).then((r) => r.status)));
      expect(answers).toEqual(Array(6).fill(200));

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      await expect.poll(() => pids.filter(alive), { timeout: 20_000 }).toEqual([]);
    }, 180_000);
  } else {
    it('on the embedded engine stays one process and says so, whatever WEB_CONCURRENCY says, and SIGTERM ends it', async () => {
      // A migrated copy of its own: the embedded database belongs to one process.
      const dir = mkdtempSync(path.join(os.tmpdir(), 'sen-cluster-'));
      dirs.push(dir);
      const template = inject('database');
      if (template.kind !== 'pglite') throw new Error('expected the embedded engine');
      cpSync(template.dir, dir, { recursive: true });
      const server = start({ DATABASE_URL: '', DATA_DIR: dir, WEB_CONCURRENCY: '2', WORKER: 'off' });
      const [line] = await server.listening(1);
      expect(line).toMatchObject({ pid: server.child.pid, processes: 1 });
      expect(line.note).toContain('one process');
      expect(server.lines.find((l) => l.msg === 'cluster started')).toBeUndefined();

      expect((await fetch(`${line.url!.replace('localhost', '127.0.0.1')}/healthz`)).status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }, 180_000);
  }
});
