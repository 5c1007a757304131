import { afterAll, afterEach, beforeAll, beforeEach, inject, vi } from 'vitest';
import { createFileDatabase } from './databases';

// Runs before each test file: a database of its own, closed and dropped after.
const dropDatabase = await createFileDatabase(inject('database'));

// As at server start: the job queues are ready before any transaction sends a job.
beforeAll(async () => {
  const { startBoss } = await import('../../app/lib/jobs.server');
  const { jobQueues } = await import('../../jobs/index');
  await startBoss({ queues: jobQueues, supervise: false });
});

afterAll(async () => {
  const { stopBoss } = await import('../../app/lib/jobs.server');
  const { closeDb } = await import('../../app/lib/db.server');
  await stopBoss();
  await closeDb();
  await dropDatabase();
});

// An error printed during a test fails it: errors are never silently swallowed.
let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error');
});
afterEach(() => {
  const calls = consoleError.mock.calls;
  consoleError.mockRestore();
  if (calls.length) throw new Error(`console.error was called: ${calls.map((c: unknown[]) => c.join(' ')).join('\n')}`);
});
