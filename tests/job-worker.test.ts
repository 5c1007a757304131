import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { enqueue, getBoss } from '../app/lib/jobs.server';
import { sealJob } from '../jobs/types';
import { startWorker } from '../jobs/worker';

// A group session fills and thirty notices are queued at once; a sign-up link sent
// just after must not wait behind them a poll each (it did: one job per 2 s poll).

describe('the job worker', () => {
  it('drains a backlog in its first fetches, and a job that fails is retried alone', async () => {
    const queue = 'worker-backlog-test';
    const ran: number[] = [];
    const job = sealJob({
      queue,
      payload: z.object({ n: z.number().int() }),
      run: async ({ n }) => {
        ran.push(n);
        if (n === 7) throw new Error('the mail server said no');
      },
    });
    const ids: (string | null)[] = [];
    for (let n = 0; n < 25; n++) ids.push(await enqueue(queue, { n }));

    // A poll a minute: one job per poll would need 24 minutes for these.
    const stop = await startWorker({ pollingIntervalSeconds: 60, jobs: [job] });
    try {
      await vi.waitFor(() => expect(ran).toHaveLength(25), { timeout: 30_000, interval: 100 });
      // Each ran once, the one that failed too: its failure did not send the others again.
      expect([...ran].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, n) => n));
      const boss = await getBoss();
      const states = await Promise.all(ids.map((id) => boss.getJobById(queue, String(id)).then((j) => j?.state)));
      expect(states[7]).toBe('retry');
      expect(states.filter((state) => state === 'completed')).toHaveLength(24);
    } finally {
      await stop();
    }
  });
});
