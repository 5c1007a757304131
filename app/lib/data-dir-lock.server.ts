import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';

// The embedded database belongs to one process: two PGlite instances on one folder
// each see only their own writes, and one loses them at the next start. A lock
// file next to the folder names its owner; a lock whose process is gone is taken over.

type Owner = { pid: number; host: string; since: string };

function readOwner(file: string): Owner | null {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<Owner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string'
      ? { pid: owner.pid, host: owner.host, since: String(owner.since ?? '') }
      : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirInUseError extends Error {}

/** Takes the lock or throws a DataDirInUseError naming the owner; answers the release. */
export function lockDataDir(file: string): () => void {
  const me: Owner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      const release = () => {
        if (readOwner(file)?.pid === me.pid) rmSync(file, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    // Another machine's process cannot be checked from here: it is trusted to be alive.
    const stale = !owner || (owner.host === me.host && owner.pid !== me.pid && !isAlive(owner.pid));
    if (!stale) {
      throw new DataDirInUseError(
        `The embedded database next to ${file} is in use by process ${owner.pid} on ${owner.host} (since ${owner.since}). ` +
          'Stop that process first, or set DATABASE_URL to share a PostgreSQL server between processes.',
      );
    }
    rmSync(file, { force: true });
  }
  throw new DataDirInUseError(`Could not take the lock ${file}`);
}
