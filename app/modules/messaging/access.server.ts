import { type RawBuilder, sql } from 'kysely';
import { db, type Executor } from '~/lib/db.server';
import { findPublishedListing } from '~/modules/market/listings.server';
import { isUuid } from '~/lib/ids';
import { findSessionFor } from '~/modules/mentoring/index.server';
import { shortNumber } from '~/modules/orders/states';
import { type Me, type Refusal, type SubjectRef, refuse } from './common.server';

/** SQL: the two people have an order that was placed (not a mere cart) or a booking that was not dropped before it was confirmed. */
export function dealBetween(a: RawBuilder<unknown> | string, b: RawBuilder<unknown> | string) {
  const x = typeof a === 'string' ? sql`${a}::uuid` : a;
  const y = typeof b === 'string' ? sql`${b}::uuid` : b;
  return sql<boolean>`(exists (
      select 1 from orders o where o.placed_at is not null
        and ((o.buyer_id = ${x} and o.seller_id = ${y}) or (o.buyer_id = ${y} and o.seller_id = ${x}))
    ) or exists (
      select 1 from mentoring_sessions s
      where (s.status in ('pending', 'confirmed') or (s.status = 'cancelled' and s.paid_at is not null))
        and ((s.mentor_id = ${x} and s.mentee_id = ${y}) or (s.mentor_id = ${y} and s.mentee_id = ${x}))
    ))`;
}

/** Whether two people have an order or a booking together: then contact details are shown to each other. */
export async function haveDealTogether(a: string, b: string, executor: Executor = db) {
  const { rows } = await sql<{ deal: boolean }>`select ${dealBetween(a, b)} as deal`.execute(executor);
  return Boolean(rows[0]?.deal);
}

const suspendedSql = sql<boolean>`(u.suspended_at is not null and (u.suspended_until is null or u.suspended_until > now()))`;

type StartDecision = { ok: true; otherId: string; subject: SubjectRef; title: string; otherName: string } | Refusal;

/** A signed-in buyer may write to the seller about a published listing (not her own). */
export async function canStartAboutListing(user: Me, listingId: string | null | undefined): Promise<StartDecision> {
  const listing = await findPublishedListing(listingId ?? undefined);
  if (!listing) return refuse(404, 'messaging.start.notFound');
  if (listing.seller_id === user.id) return refuse(403, 'messaging.start.own');
  return {
    ok: true,
    otherId: listing.seller_id,
    subject: { kind: 'listing', id: listing.id },
    title: listing.title,
    otherName: listing.seller_name,
  };
}

/** Either party of an order may write to the other about it (the seller once it is placed, as her pages show it). */
export async function canStartAboutOrder(user: Me, orderId: string | null | undefined): Promise<StartDecision> {
  if (!isUuid(orderId)) return refuse(404, 'messaging.start.notFound');
  const order = await db
    .selectFrom('orders as o')
    .innerJoin('users as b', 'b.id', 'o.buyer_id')
    .innerJoin('users as s', 's.id', 'o.seller_id')
    .select([
      'o.id',
      'o.buyer_id',
      'o.seller_id',
      'o.state',
      'b.display_name as buyer_name',
      's.display_name as seller_name',
    ])
    .where('o.id', '=', orderId)
    .where((eb) => eb.or([eb('o.buyer_id', '=', user.id), eb('o.seller_id', '=', user.id)]))
    .executeTakeFirst();
  if (!order) return refuse(404, 'messaging.start.notFound');
  const asBuyer = order.buyer_id === user.id;
  if (!asBuyer && order.state === 'awaiting_payment') return refuse(404, 'messaging.start.notFound');
  return {
    ok: true,
    otherId: asBuyer ? order.seller_id : order.buyer_id,
    subject: { kind: 'order', id: order.id },
    title: shortNumber(order.id),
    otherName: asBuyer ? order.seller_name : order.buyer_name,
  };
}

/** The mentee and the mentor of a booking may write to each other about it. */
export async function canStartAboutSession(user: Me, sessionId: string | null | undefined): Promise<StartDecision> {
  const s = await findSessionFor(sessionId ?? '', user.id);
  if (!s) return refuse(404, 'messaging.start.notFound');
  const mentee = s.side === 'mentee';
  return {
    ok: true,
    otherId: mentee ? s.mentor_id : s.mentee_id,
    subject: { kind: 'session', id: s.id },
    title: s.starts_at.toISOString(),
    otherName: mentee ? s.mentor_name : s.mentee_name,
  };
}

/** What a new conversation is about, from the page's query string; null when none is given. */
export function subjectFromQuery(search: URLSearchParams): SubjectRef | null {
  for (const kind of ['listing', 'order', 'session'] as const) {
    const id = search.get(kind);
    if (id) return { kind, id };
  }
  return null;
}

/** Who may start a conversation about this subject, and with whom. No cold messages: there is always a subject. */
export function canStartAbout(user: Me, subject: SubjectRef | null): Promise<StartDecision> {
  if (!subject) return Promise.resolve(refuse(404, 'messaging.start.notFound'));
  if (subject.kind === 'listing') return canStartAboutListing(user, subject.id);
  if (subject.kind === 'order') return canStartAboutOrder(user, subject.id);
  return canStartAboutSession(user, subject.id);
}

type ConversationRow = { id: string; user_a: string; user_b: string };

/** Only the two members of a conversation see it; anyone else is told it does not exist. */
export function canSeeConversation(
  user: Pick<Me, 'id'>,
  conversation: ConversationRow | null | undefined,
): conversation is ConversationRow {
  return Boolean(conversation && (conversation.user_a === user.id || conversation.user_b === user.id));
}

export function otherMember(user: Pick<Me, 'id'>, conversation: ConversationRow) {
  return conversation.user_a === user.id ? conversation.user_b : conversation.user_a;
}

/**
 * Whether `senderId` may write to `recipientId` now: not when either is
 * suspended, when the recipient blocked her, or when she blocked the recipient
 * (she unblocks first).
 */
export async function canSendTo(
  senderId: string,
  recipientId: string,
  executor: Executor = db,
): Promise<{ ok: true } | Refusal> {
  const rows = await executor
    .selectFrom('users as u')
    .select([
      'u.id',
      suspendedSql.as('suspended'),
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('user_blocks')
              .select('blocker_id')
              .where('blocker_id', '=', recipientId)
              .where('blocked_id', '=', senderId),
          )
          .as('blocked_me'),
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('user_blocks')
              .select('blocker_id')
              .where('blocker_id', '=', senderId)
              .where('blocked_id', '=', recipientId),
          )
          .as('i_blocked'),
    ])
    .where('u.id', 'in', [senderId, recipientId])
    .execute();
  const sender = rows.find((r) => r.id === senderId);
  const recipient = rows.find((r) => r.id === recipientId);
  if (!sender || !recipient) return refuse(404, 'messaging.start.notFound');
  if (sender.suspended) return refuse(403, 'messaging.error.suspended');
  if (recipient.suspended) return refuse(403, 'messaging.error.recipientSuspended');
  if (sender.blocked_me) return refuse(403, 'messaging.error.blocked');
  if (sender.i_blocked) return refuse(403, 'messaging.error.youBlocked');
  return { ok: true };
}

export async function findConversationRow(id: string | undefined, executor: Executor = db) {
  if (!isUuid(id)) return null;
  return (
    (await executor
      .selectFrom('conversations')
      .select(['id', 'user_a', 'user_b'])
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  );
}
