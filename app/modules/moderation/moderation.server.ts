import { db } from '~/lib/db.server';

// The staff side: the queue, one report with its context, and the actions.
// Every action has a reason, writes one moderation_actions row and resolves the
// open reports about the same item, all in one transaction.
// Routes import from here; the work is in the files named below.

export { queueCategories, reportStatuses, staffActions, type ReportStatus, type StaffAction } from './options';
export { listReportQueue, type QueueFilters } from './queue.server';
export { findReportForStaff, reportInScope } from './report-detail.server';
export { availableActions, moderate, type ModerateResult } from './actions.server';

// ---- what the seller sees ----

/** Why staff hid her listing (the last hide's reason), for her dashboard. */
export async function listingModerationNote(listingId: string) {
  const row = await db
    .selectFrom('moderation_actions')
    .select(['reason', 'created_at'])
    .where('listing_id', '=', listingId)
    .where('action', '=', 'hide_listing')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}
