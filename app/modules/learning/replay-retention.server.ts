import { sql } from 'kysely';
import { db } from '~/lib/db.server';
import { queuedAnswerMaxDays } from '~/lib/service-worker.server';

// Retention of offline_replays (issue 16). A key only has to outlive the copies of
// its answer that may still be waiting on a phone: the service worker drops a queued
// answer older than 14 days unsent (service-worker.server.ts), so after 30 days no
// copy of it can arrive again and the receipt is deleted.
export const replayRetentionDays = 30;
export { queuedAnswerMaxDays };

export async function deleteOldReplays(now = new Date()) {
  const result = await db
    .deleteFrom('offline_replays')
    .where('created_at', '<', sql<Date>`${now}::timestamptz - make_interval(days => ${replayRetentionDays})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
