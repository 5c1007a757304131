import type { SessionUser } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { isUuid } from '~/lib/ids';
import { maskContacts } from '~/modules/messaging/mask';
import { haveDealTogether } from '~/modules/messaging/index.server';
import type { PersonReportCategory } from './options';
import { screenText } from './screening.server';

// Reports filed by people: what may be reported, by whom, and filing it once.

export { reportCategories, type PersonReportCategory } from './options';

export type ReportTargetRef = { kind: 'message' | 'listing' | 'review' | 'user'; id: string };

/** The item named in /reports/new?message=… | ?listing=… | ?review=<order id> | ?user=…, or null. */
export function reportTargetFrom(params: URLSearchParams): ReportTargetRef | null {
  for (const kind of ['message', 'listing', 'review', 'user'] as const) {
    const id = params.get(kind);
    if (id !== null) return isUuid(id) ? { kind, id } : null;
  }
  return null;
}

export type ReportTarget = {
  kind: ReportTargetRef['kind'];
  subjectUserId: string;
  subjectName: string;
  messageId: string | null;
  listingId: string | null;
  /** A review is named by its order's id. */
  reviewOrderId: string | null;
  /** What the reporter sees of the item on the form. */
  label: string;
  /** The words the detector reads. */
  text: string;
  /** Where she goes after reporting. */
  back: string;
};

type Reporter = Pick<SessionUser, 'id'>;

/** Nobody reports herself. */
export function canReportPerson(reporter: Reporter, subjectUserId: string) {
  return reporter.id !== subjectUserId;
}

/** A message is reported by its recipient only: the other member of its conversation. */
export function canReportMessage(reporter: Reporter, message: { sender_id: string; user_a: string; user_b: string }) {
  return message.sender_id !== reporter.id && (message.user_a === reporter.id || message.user_b === reporter.id);
}

/**
 * A listing is reported by anyone but its seller once it has been public
 * (published now, or published once: she may have seen it before it went away).
 * A draft nobody was shown cannot be reported.
 */
export function canReportListing(
  reporter: Reporter,
  listing: { seller_id: string; state: string; published_at: Date | string | null },
) {
  return listing.seller_id !== reporter.id && (listing.state === 'published' || listing.published_at !== null);
}

export type TargetLookup = { ok: true; target: ReportTarget } | { ok: false; status: 403 | 404 };

/** The item to report with what the form and the queue need, or why not (404: not there or never public; 403: not hers to report). */
export async function findReportTarget(reporter: Reporter, ref: ReportTargetRef | null): Promise<TargetLookup> {
  if (!ref) return { ok: false, status: 404 };
  if (ref.kind === 'message') {
    const m = await db
      .selectFrom('messages as m')
      .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
      .innerJoin('users as s', 's.id', 'm.sender_id')
      .select(['m.id', 'm.body', 'm.sender_id', 'm.conversation_id', 'c.user_a', 'c.user_b', 's.display_name'])
      .where('m.id', '=', ref.id)
      .executeTakeFirst();
    if (!m) return { ok: false, status: 404 };
    // Not a member: as if there were no such message. A member who wrote it: 403.
    if (m.user_a !== reporter.id && m.user_b !== reporter.id) return { ok: false, status: 404 };
    if (!canReportMessage(reporter, m)) return { ok: false, status: 403 };
    return {
      ok: true,
      target: {
        kind: 'message',
        subjectUserId: m.sender_id,
        subjectName: m.display_name,
        messageId: m.id,
        listingId: null,
        reviewOrderId: null,
        // Shown to her as in the conversation: contact details stay masked until the two have done business on Sen.
        label: ((await haveDealTogether(m.user_a, m.user_b)) ? m.body : maskContacts(m.body).text).slice(0, 300),
        text: m.body,
        back: `/messages/${m.conversation_id}`,
      },
    };
  }
  if (ref.kind === 'listing') {
    const l = await db
      .selectFrom('listings as l')
      .innerJoin('users as u', 'u.id', 'l.seller_id')
      .leftJoin('business_profiles as b', 'b.user_id', 'l.seller_id')
      .select([
        'l.id',
        'l.seller_id',
        'l.title',
        'l.description',
        'l.state',
        'l.published_at',
        'u.display_name',
        'b.business_name',
      ])
      .where('l.id', '=', ref.id)
      .executeTakeFirst();
    if (!l || (l.seller_id !== reporter.id && !canReportListing(reporter, l))) return { ok: false, status: 404 };
    if (!canReportPerson(reporter, l.seller_id)) return { ok: false, status: 403 };
    return {
      ok: true,
      target: {
        kind: 'listing',
        subjectUserId: l.seller_id,
        subjectName: l.business_name ?? l.display_name,
        messageId: null,
        listingId: l.id,
        reviewOrderId: null,
        label: l.title,
        text: `${l.title}\n${l.description}`,
        back: `/market/${l.id}`,
      },
    };
  }
  if (ref.kind === 'review') {
    // A review is public while staff have not hidden it; its author is the person reported.
    const r = await db
      .selectFrom('order_reviews as r')
      .innerJoin('users as u', 'u.id', 'r.buyer_id')
      .innerJoin('business_profiles as b', 'b.user_id', 'r.seller_id')
      .select(['r.order_id', 'r.buyer_id', 'r.comment', 'r.hidden_at', 'u.display_name', 'b.slug'])
      .where('r.order_id', '=', ref.id)
      .executeTakeFirst();
    if (!r || r.hidden_at) return { ok: false, status: 404 };
    if (!canReportPerson(reporter, r.buyer_id)) return { ok: false, status: 403 };
    return {
      ok: true,
      target: {
        kind: 'review',
        subjectUserId: r.buyer_id,
        subjectName: r.display_name,
        messageId: null,
        listingId: null,
        reviewOrderId: r.order_id,
        label: r.comment,
        text: r.comment,
        back: `/s/${r.slug}`,
      },
    };
  }
  const u = await db
    .selectFrom('users as u')
    .leftJoin('business_profiles as b', 'b.user_id', 'u.id')
    .leftJoin('mentor_profiles as p', 'p.user_id', 'u.id')
    .select(['u.id', 'u.display_name', 'b.business_name', 'b.slug', 'b.story', 'p.bio', 'p.status as mentor_status'])
    .where('u.id', '=', ref.id)
    .executeTakeFirst();
  if (!u) return { ok: false, status: 404 };
  if (!canReportPerson(reporter, u.id)) return { ok: false, status: 403 };
  return {
    ok: true,
    target: {
      kind: 'user',
      subjectUserId: u.id,
      subjectName: u.business_name ?? u.display_name,
      messageId: null,
      listingId: null,
      reviewOrderId: null,
      label: u.business_name ?? u.display_name,
      text: [u.story, u.bio].filter(Boolean).join('\n'),
      back: u.slug ? `/s/${u.slug}` : u.mentor_status === 'approved' ? `/mentors/${u.id}` : '/',
    },
  };
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/**
 * Files her report with the detector's signal codes for the reported words.
 * The same item reported again while her first report is open keeps one report
 * (a unique index says so; the violation is the answer 'duplicate').
 */
export async function fileReport(
  reporter: Reporter,
  target: ReportTarget,
  input: { category: PersonReportCategory; note: string },
) {
  const codes = screenText(target.text).codes;
  try {
    await db
      .insertInto('reports')
      .values({
        reporter_id: reporter.id,
        subject_user_id: target.subjectUserId,
        message_id: target.messageId,
        listing_id: target.listingId,
        review_order_id: target.reviewOrderId,
        category: input.category,
        note: input.note,
        signals: codes,
      })
      .execute();
    return 'filed' as const;
  } catch (error) {
    if (isUniqueViolation(error)) return 'duplicate' as const;
    throw error;
  }
}
