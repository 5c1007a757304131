import { sql } from 'kysely';
import type { ReportCategory } from '../../../db/schema';
import { inStaffScope, type StaffScope } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import type { ReportStatus } from './options';

// The staff queue: open (or resolved) reports grouped by the reported person.

export type QueueFilters = { status: ReportStatus; category?: ReportCategory };

/**
 * Reports grouped by the reported person: people with more reports (in the
 * filter) first, then the longest waiting. One statement.
 */
export async function listReportQueue(scope: StaffScope, filters: QueueFilters, limit = 500) {
  let query = db
    .selectFrom('reports as r')
    .innerJoin('users as s', 's.id', 'r.subject_user_id')
    .leftJoin('users as rp', 'rp.id', 'r.reporter_id')
    .leftJoin('listings as l', 'l.id', 'r.listing_id')
    .leftJoin('business_profiles as b', 'b.user_id', 'r.subject_user_id')
    .select([
      'r.id',
      'r.category',
      'r.note',
      'r.signals',
      'r.status',
      'r.resolution',
      'r.created_at',
      'r.message_id',
      'r.listing_id',
      'r.subject_user_id',
      's.display_name as subject_name',
      'b.business_name as subject_business',
      'rp.display_name as reporter_name',
      'l.title as listing_title',
      sql<number>`(count(*) over (partition by r.subject_user_id))::int`.as('subject_count'),
      sql<Date>`min(r.created_at) over (partition by r.subject_user_id)`.as('first_at'),
    ])
    .where('r.status', '=', filters.status)
    .where(inStaffScope(scope, 'r.subject_user_id'));
  if (filters.category) query = query.where('r.category', '=', filters.category);
  const rows = await query
    .orderBy('subject_count', 'desc')
    .orderBy('first_at', 'asc')
    .orderBy('r.subject_user_id')
    .orderBy('r.created_at', 'asc')
    .limit(limit)
    .execute();
  const groups: { subjectUserId: string; name: string; count: number; reports: typeof rows }[] = [];
  for (const row of rows) {
    let group = groups.at(-1);
    if (!group || group.subjectUserId !== row.subject_user_id) {
      group = {
        subjectUserId: row.subject_user_id,
        name: row.subject_business ?? row.subject_name,
        count: row.subject_count,
        reports: [],
      };
      groups.push(group);
    }
    group.reports.push(row);
  }
  return groups;
}
