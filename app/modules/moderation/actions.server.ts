import { sql, type Transaction } from 'kysely';
import type { Database, ReportResolution } from '../../../db/schema';
import { endAllSessions, hasRole, inStaffScope, type StaffUser } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import type { MessageKey } from '~/lib/i18n';
import { log } from '~/lib/log.server';
import { transition } from '~/modules/verification';
import type { StaffAction } from './options';
import { recordFromReport } from './scam-accounts.server';
import { isSuspended, suspensionEnd, type SuspensionPeriod } from './suspension';
import { tellSubject } from './tell-subject.server';
import { notify } from '~/modules/notifications/notify.server';

// Every action has a reason, writes one moderation_actions row and resolves the
// open reports about the same item, all in one transaction.

// ---- actions ----

type SubjectState = {
  suspended_at: Date | string | null;
  suspended_until: Date | string | null;
  story_held: boolean | null;
  bio_held: boolean | null;
  business_status: string | null;
  mentor_status: string | null;
};
type ReportItem = { listing_id: string | null; message_id: string | null; review_order_id: string | null };

const revocable = (status: string | null) => status === 'approved' || status === 'suspended';

/** The actions that make sense for this report and this person now (the page shows these; the server checks them). */
export function availableActions(
  report: ReportItem,
  subject: SubjectState,
  listing: { moderation_state: string } | null,
  review: { hidden_at: Date | string | null } | null = null,
): StaffAction[] {
  const out: StaffAction[] = ['dismiss', 'warn'];
  if (report.listing_id && listing) {
    if (listing.moderation_state !== 'hidden') out.push('hide_listing');
    if (listing.moderation_state !== 'clear') out.push('clear_listing');
  }
  if (report.review_order_id && review && !review.hidden_at) out.push('hide_review');
  const aboutProfile = !report.listing_id && !report.message_id && !report.review_order_id;
  if (aboutProfile && (subject.story_held || subject.bio_held)) out.push('clear_profile');
  out.push(isSuspended(subject) ? 'unsuspend' : 'suspend');
  if (revocable(subject.business_status) || revocable(subject.mentor_status)) out.push('revoke_verification');
  return out;
}

/** The actions that uphold a report (the others dismiss it or undo something). */
const UPHOLDING: readonly StaffAction[] = ['warn', 'hide_listing', 'hide_review', 'suspend', 'revoke_verification'];

const resolutions: Record<StaffAction, ReportResolution> = {
  dismiss: 'dismissed',
  warn: 'warned',
  hide_listing: 'listing_hidden',
  clear_listing: 'dismissed',
  clear_profile: 'dismissed',
  suspend: 'suspended',
  unsuspend: 'dismissed',
  revoke_verification: 'verification_revoked',
  hide_review: 'review_hidden',
};

export type ModerateResult =
  | { ok: true; resolved: number }
  | { ok: false; problem: 'not-found' | 'forbidden' | 'self' | 'not-available' | 'changed' };

/** The id of the latest staff decision about a person (0: none): what a decision form was made against. */
async function latestDecision(subjectId: string, ex: Transaction<Database> | typeof db = db) {
  const row = await ex
    .selectFrom('moderation_actions')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('subject_user_id', '=', subjectId)
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

type Staff = Pick<StaffUser, 'id' | 'roles' | 'scope'>;

/**
 * Staff act on a report: the action, its audit row, the open reports about the
 * same item resolved (for a suspension: every open report about the person),
 * the person told (warn, hide, suspend, unsuspend; revocation tells her through
 * the verification module) and each reporter told the outcome: one transaction.
 * A suspension then ends all her sessions.
 */
export async function moderate(input: {
  reportId: string;
  staff: Staff;
  action: StaffAction;
  reason: string;
  period?: SuspensionPeriod;
  /** The latest decision about this person the staff member saw (0: none); another one since means she decides again. */
  seen?: number;
}): Promise<ModerateResult> {
  const { staff, action } = input;
  if (!hasRole(staff, 'staff')) return { ok: false, problem: 'forbidden' };
  const reason = input.reason.trim();
  const result = await db.transaction().execute(async (trx): Promise<ModerateResult & { subjectId?: string }> => {
    const report = await trx
      .selectFrom('reports')
      .selectAll()
      .where('id', '=', input.reportId)
      .where(inStaffScope(staff.scope, 'reports.subject_user_id'))
      .forUpdate()
      .executeTakeFirst();
    if (!report) return { ok: false, problem: 'not-found' };
    const subjectId = report.subject_user_id;
    if (subjectId === staff.id) return { ok: false, problem: 'self' };
    const subject = await trx
      .selectFrom('users as u')
      .leftJoin('business_profiles as b', 'b.user_id', 'u.id')
      .leftJoin('mentor_profiles as p', 'p.user_id', 'u.id')
      .select([
        'u.email',
        'u.display_name',
        'u.locale',
        'u.suspended_at',
        'u.suspended_until',
        'b.story_held',
        'b.verification_status as business_status',
        'p.bio_held',
        'p.status as mentor_status',
      ])
      .where('u.id', '=', subjectId)
      .forUpdate('u')
      .executeTakeFirstOrThrow();
    if (input.seen !== undefined && (await latestDecision(subjectId, trx)) !== input.seen)
      return { ok: false, problem: 'changed' };
    const listing = report.listing_id
      ? await trx
          .selectFrom('listings')
          .select(['id', 'title', 'moderation_state'])
          .where('id', '=', report.listing_id)
          .forUpdate()
          .executeTakeFirst()
      : undefined;
    const review = report.review_order_id
      ? await trx
          .selectFrom('order_reviews as r')
          .select([
            'r.order_id',
            'r.hidden_at',
            sql<string>`coalesce((select i.title from order_items i where i.order_id = r.order_id order by i.id limit 1), '')`.as(
              'title',
            ),
          ])
          .where('r.order_id', '=', report.review_order_id)
          .forUpdate('r')
          .executeTakeFirst()
      : undefined;
    if (!availableActions(report, subject, listing ?? null, review ?? null).includes(action))
      return { ok: false, problem: 'not-available' };

    const now = new Date();
    let suspendedUntil: Date | null = null;
    if (action === 'hide_listing' && listing) {
      await trx
        .updateTable('listings')
        .set({
          moderation_state: 'hidden',
          state: sql`case when state = 'published' then 'draft' else state end`,
          updated_at: now,
        })
        .where('id', '=', listing.id)
        .execute();
    } else if (action === 'clear_listing' && listing) {
      await trx
        .updateTable('listings')
        .set({ moderation_state: 'clear', moderation_signals: [], updated_at: now })
        .where('id', '=', listing.id)
        .execute();
    } else if (action === 'hide_review' && review) {
      // Hidden, not deleted: public pages leave it out; staff and its author still see it.
      await trx.updateTable('order_reviews').set({ hidden_at: now }).where('order_id', '=', review.order_id).execute();
    } else if (action === 'clear_profile') {
      await trx.updateTable('business_profiles').set({ story_held: false }).where('user_id', '=', subjectId).execute();
      await trx.updateTable('mentor_profiles').set({ bio_held: false }).where('user_id', '=', subjectId).execute();
    } else if (action === 'suspend') {
      suspendedUntil = suspensionEnd(input.period ?? 'forever', now);
      await trx
        .updateTable('users')
        .set({ suspended_at: now, suspended_until: suspendedUntil, suspension_reason: reason, updated_at: now })
        .where('id', '=', subjectId)
        .execute();
    } else if (action === 'unsuspend') {
      await trx
        .updateTable('users')
        .set({ suspended_at: null, suspended_until: null, suspension_reason: null, updated_at: now })
        .where('id', '=', subjectId)
        .execute();
    } else if (action === 'revoke_verification') {
      // The verification module's own transition: its event log, badge and notice stay one way.
      let revoked = 0;
      for (const [kind, status] of [
        ['business', subject.business_status],
        ['mentor', subject.mentor_status],
      ] as const) {
        if (!revocable(status)) continue;
        const done = await transition(
          {
            subject: kind,
            userId: subjectId,
            name: 'revoke',
            actor: staff,
            scope: staff.scope,
            reasonCode: 'other',
            reasonText: reason,
          },
          trx,
        );
        if (done.ok) revoked += 1;
      }
      if (!revoked) return { ok: false, problem: 'not-available' };
    }

    await trx
      .insertInto('moderation_actions')
      .values({
        report_id: report.id,
        staff_id: staff.id,
        subject_user_id: subjectId,
        listing_id: report.listing_id,
        action,
        reason,
        suspended_until: suspendedUntil,
      })
      .execute();

    // An upheld scam report shares what it found: the numbers and links of the reported message or listing (scam-accounts.server.ts).
    if (UPHOLDING.includes(action) && (report.category === 'scam' || report.category === 'screening')) {
      await recordFromReport(trx, report, staff.id, reason);
    }

    let resolve = trx
      .updateTable('reports')
      .set({ status: 'resolved', resolution: resolutions[action], resolved_by: staff.id, resolved_at: now })
      .where('status', '=', 'open')
      .where('subject_user_id', '=', subjectId);
    if (action !== 'suspend') {
      if (report.message_id) resolve = resolve.where('message_id', '=', report.message_id);
      else if (report.listing_id) resolve = resolve.where('listing_id', '=', report.listing_id);
      else if (report.review_order_id) resolve = resolve.where('review_order_id', '=', report.review_order_id);
      else
        resolve = resolve
          .where('message_id', 'is', null)
          .where('listing_id', 'is', null)
          .where('review_order_id', 'is', null);
    }
    const resolved = await resolve.returning(['id', 'reporter_id']).execute();

    if (
      action === 'warn' ||
      action === 'hide_listing' ||
      action === 'hide_review' ||
      action === 'suspend' ||
      action === 'unsuspend'
    ) {
      await tellSubject(trx, {
        userId: subjectId,
        user: subject,
        action,
        reason,
        until: suspendedUntil,
        listing: listing ?? null,
        review: review ?? null,
      });
    }
    const reporters = [
      ...new Set(resolved.map((r) => r.reporter_id).filter((id): id is string => Boolean(id) && id !== staff.id)),
    ];
    if (reporters.length) {
      const key: MessageKey =
        resolutions[action] === 'dismissed' ? 'moderation.outcome.noAction' : 'moderation.outcome.actionTaken';
      for (const id of reporters) await notify(trx, id, { kind: 'report_outcome', key, link: '/safety' });
    }
    return { ok: true, resolved: resolved.length, subjectId };
  });
  if (!result.ok) return result;
  if (action === 'suspend' && result.subjectId) await endAllSessions(result.subjectId);
  log.info('moderation action', { reportId: input.reportId, staffId: staff.id, action, resolved: result.resolved });
  return { ok: true, resolved: result.resolved };
}
