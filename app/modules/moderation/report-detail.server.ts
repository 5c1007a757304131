import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { inStaffScope, type StaffScope } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import type { Locale } from '~/lib/i18n';
import { publicUrl } from '~/lib/storage.server';
import { isUuid } from '~/lib/ids';
import { availableActions } from './actions.server';
import { detectScamWithReports } from './scam-accounts.server';
import { isSuspended } from './suspension';

// ---- one report ----

/** Is this report about a person within the scope (checked before an action reads its form)? */
export async function reportInScope(scope: StaffScope, id: string) {
  const row = await db
    .selectFrom('reports')
    .select('id')
    .where('id', '=', id)
    .where(inStaffScope(scope, 'reports.subject_user_id'))
    .executeTakeFirst();
  return Boolean(row);
}

const contextSize = 3;

/** A report with the reported item, the detector's signals (in `locale`) and the person's history. */
export async function findReportForStaff(id: string | undefined, locale: Locale, scope: StaffScope) {
  if (!isUuid(id)) return null;
  const report = await db
    .selectFrom('reports as r')
    .leftJoin('users as rp', 'rp.id', 'r.reporter_id')
    .leftJoin('users as rs', 'rs.id', 'r.resolved_by')
    .selectAll('r')
    .select(['rp.display_name as reporter_name', 'rs.display_name as resolver_name'])
    .where('r.id', '=', id)
    .where(inStaffScope(scope, 'r.subject_user_id'))
    .executeTakeFirst();
  if (!report) return null;
  const subjectId = report.subject_user_id;

  const [subject, listing, messages, earlier, actions, review] = await Promise.all([
    db
      .selectFrom('users as u')
      .leftJoin('business_profiles as b', 'b.user_id', 'u.id')
      .leftJoin('mentor_profiles as p', 'p.user_id', 'u.id')
      .select([
        'u.id',
        'u.display_name',
        'u.email',
        'u.created_at',
        'u.suspended_at',
        'u.suspended_until',
        'u.suspension_reason',
        'b.business_name',
        'b.slug',
        'b.story',
        'b.story_held',
        'b.verification_status as business_status',
        'p.bio',
        'p.bio_held',
        'p.status as mentor_status',
      ])
      .where('u.id', '=', subjectId)
      .executeTakeFirstOrThrow(),
    report.listing_id
      ? db
          .selectFrom('listings')
          .select(['id', 'title', 'description', 'state', 'moderation_state', 'moderation_signals'])
          .where('id', '=', report.listing_id)
          .executeTakeFirst()
      : undefined,
    report.message_id ? messageContext(report.message_id) : undefined,
    db
      .selectFrom('reports as r')
      .leftJoin('users as rp', 'rp.id', 'r.reporter_id')
      .select(['r.id', 'r.category', 'r.status', 'r.resolution', 'r.created_at', 'rp.display_name as reporter_name'])
      .where('r.subject_user_id', '=', subjectId)
      .where('r.id', '<>', report.id)
      .orderBy('r.created_at', 'desc')
      .limit(20)
      .execute(),
    db
      .selectFrom('moderation_actions as a')
      .leftJoin('users as st', 'st.id', 'a.staff_id')
      .select(['a.id', 'a.action', 'a.reason', 'a.suspended_until', 'a.created_at', 'st.display_name as staff_name'])
      .where('a.subject_user_id', '=', subjectId)
      .orderBy('a.id', 'desc')
      .limit(20)
      .execute(),
    report.review_order_id ? reportedReview(report.review_order_id) : undefined,
  ]);

  const reported = messages?.find((m) => m.id === report.message_id);
  const text = reported
    ? reported.body
    : listing
      ? `${listing.title}\n${listing.description}`
      : review
        ? review.comment
        : [subject.story, subject.bio].filter(Boolean).join('\n');
  const detected = await detectScamWithReports(text, { locale });
  return {
    report,
    subject: { ...subject, suspended: isSuspended(subject) },
    listing: listing ?? null,
    messages: messages ?? null,
    review: review ?? null,
    detected,
    earlier,
    actions,
    seen: actions[0]?.id ?? 0,
    available: availableActions(report, subject, listing ?? null, review ?? null),
  };
}

/** A reported review with its photos (staff see them even once hidden). */
async function reportedReview(orderId: string) {
  const review = await db
    .selectFrom('order_reviews as r')
    .select((eb) => [
      'r.order_id',
      'r.rating',
      'r.comment',
      'r.hidden_at',
      jsonArrayFrom(
        eb
          .selectFrom('review_photos as p')
          .select(['p.id', 'p.thumb_key', 'p.small_key'])
          .whereRef('p.order_id', '=', 'r.order_id')
          .orderBy('p.position'),
      ).as('photos'),
    ])
    .where('r.order_id', '=', orderId)
    .executeTakeFirst();
  return review
    ? {
        ...review,
        photos: review.photos.map((p) => ({
          id: p.id,
          thumbUrl: publicUrl(p.thumb_key),
          smallUrl: publicUrl(p.small_key),
        })),
      }
    : undefined;
}

/** The reported message with a few before and after it, oldest first, with their senders' names. */
async function messageContext(messageId: string) {
  const target = await db
    .selectFrom('messages')
    .select(['id', 'conversation_id', 'created_at'])
    .where('id', '=', messageId)
    .executeTakeFirst();
  if (!target) return [];
  const base = () =>
    db
      .selectFrom('messages as m')
      .innerJoin('users as u', 'u.id', 'm.sender_id')
      .select([
        'm.id',
        'm.body',
        'm.created_at',
        'm.sender_id',
        'm.scam_level',
        'm.hidden_at',
        'u.display_name as sender_name',
      ])
      .where('m.conversation_id', '=', target.conversation_id);
  const [before, after] = await Promise.all([
    base()
      .where(sql<boolean>`(m.created_at, m.id) < (${target.created_at}, ${target.id}::uuid)`)
      .orderBy('m.created_at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(contextSize)
      .execute(),
    base()
      .where(sql<boolean>`(m.created_at, m.id) >= (${target.created_at}, ${target.id}::uuid)`)
      .orderBy('m.created_at', 'asc')
      .orderBy('m.id', 'asc')
      .limit(contextSize + 1)
      .execute(),
  ]);
  return [...before.reverse(), ...after];
}
