import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database, Locale, ScamLevel } from '../../../db/schema';
import { db, type Executor } from '~/lib/db.server';
import type { MessageKey } from '~/lib/i18n';
import { log } from '~/lib/log.server';
import { findPublishedListing } from '~/modules/market/listings.server';
import { isUuid } from '~/lib/ids';
import { findSessionFor } from '~/modules/mentoring/mentoring.server';
import { shortNumber } from '~/modules/orders/states';
import { detectScamWithReports } from '~/modules/moderation/scam-accounts.server';
import { SIGNAL_LESSONS, type SignalCode } from '~/modules/safety/detector';
import { maskContacts, type MaskKind } from './mask';
import { notify } from '~/modules/notifications/notify.server';

// Protected messaging between two people: who may start a conversation and
// about what, who may see and write in one, blocks, mutes, rate limits counted
// in PostgreSQL, masking of contact details until the two have done business
// together, and the scam detector's verdict on every message. Routes call
// these; every "who may" decision is a named function here.

/** Messages per page of a conversation; conversations per page of the inbox. */
export const MESSAGES_PAGE = 20;
export const INBOX_PAGE = 20;
/** At most this many messages per sender per minute. */
export const MESSAGES_PER_MINUTE = 20;
/** At most this many new conversations started per sender in NEW_CONVERSATION_WINDOW_MINUTES. */
export const NEW_CONVERSATIONS_LIMIT = 5;
export const NEW_CONVERSATION_WINDOW_MINUTES = 10;

/** Signals that move money or the talk off Sen: the sender is warned before they are sent. */
export const OFF_PLATFORM_CODES: readonly SignalCode[] = [
  'deposit_request',
  'bank_transfer',
  'ewallet_payment',
  'gift_card_crypto',
  'off_platform_chat',
];

export type Me = { id: string; locale: Locale };
export type SubjectKind = 'listing' | 'order' | 'session';
export type SubjectRef = { kind: SubjectKind; id: string };

type Refusal = { ok: false; status: 400 | 403 | 404 | 429; error: MessageKey };
const refuse = (status: Refusal['status'], error: MessageKey): Refusal => ({ ok: false, status, error });

// ---------------------------------------------------------------- who may

/** SQL: the two people have an order that was placed (not a mere cart) or a booking that was not dropped before it was confirmed. */
function dealBetween(a: RawBuilder<unknown> | string, b: RawBuilder<unknown> | string) {
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

// ---------------------------------------------------------------- sending

export type Warning = { level: ScamLevel; codes: SignalCode[] };
export type SendResult =
  { ok: true; conversationId: string; messageId: string; masked: boolean } | { ok: false; warn: Warning } | Refusal;

async function verdict(body: string, locale: Locale, trustedOrigins: string[]) {
  // With the shared list of reported scam numbers and links: one of them makes any wording a danger.
  const result = await detectScamWithReports(body, { locale, trustedOrigins });
  const codes = [...new Set(result.signals.map((s) => s.code))];
  return { level: result.level, codes, offPlatform: codes.some((c) => OFF_PLATFORM_CODES.includes(c)) };
}

async function lockSender(trx: Transaction<Database>, senderId: string) {
  // Counting and inserting under one per-sender lock, so a burst sent at once is counted right.
  await sql`select pg_advisory_xact_lock(hashtext(${`messaging:${senderId}`}))`.execute(trx);
}

async function tooManyMessages(trx: Transaction<Database>, senderId: string) {
  const row = await trx
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('sender_id', '=', senderId)
    .where('created_at', '>', sql<Date>`now() - interval '1 minute'`)
    .executeTakeFirstOrThrow();
  return Number(row.n) >= MESSAGES_PER_MINUTE;
}

/** Files one open rate-limit report about the sender for staff, unless one is open already. */
async function flagToStaff(trx: Transaction<Database>, senderId: string, started: number) {
  const open = await trx
    .selectFrom('reports')
    .select('id')
    .where('subject_user_id', '=', senderId)
    .where('category', '=', 'rate_limit')
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open) return;
  const note =
    `Bắt đầu ${started + 1} cuộc trò chuyện mới trong ${NEW_CONVERSATION_WINDOW_MINUTES} phút (giới hạn ${NEW_CONVERSATIONS_LIMIT}). / ` +
    `Tried to start ${started + 1} new conversations in ${NEW_CONVERSATION_WINDOW_MINUTES} minutes (limit ${NEW_CONVERSATIONS_LIMIT}).`;
  await trx
    .insertInto('reports')
    .values({ reporter_id: null, subject_user_id: senderId, category: 'rate_limit', note })
    .execute();
  log.info('messaging rate limit flagged', { userId: senderId, started });
}

async function insertMessage(
  trx: Transaction<Database>,
  input: {
    conversationId: string;
    senderId: string;
    recipientId: string;
    senderName: string;
    body: string;
    level: ScamLevel;
    codes: string[];
  },
) {
  const message = await trx
    .insertInto('messages')
    .values({
      conversation_id: input.conversationId,
      sender_id: input.senderId,
      body: input.body,
      scam_level: input.level,
      scam_signals: input.codes,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('conversations')
    .set({ last_message_at: message.created_at })
    .where('id', '=', input.conversationId)
    .execute();
  // Writing is reading: her own message does not make the conversation unread for her.
  await trx
    .updateTable('conversation_members')
    .set({ last_read_at: message.created_at })
    .where('conversation_id', '=', input.conversationId)
    .where('user_id', '=', input.senderId)
    .execute();
  const recipient = await trx
    .selectFrom('conversation_members')
    .select('muted_at')
    .where('conversation_id', '=', input.conversationId)
    .where('user_id', '=', input.recipientId)
    .executeTakeFirst();
  if (recipient && !recipient.muted_at) {
    await notify(trx, input.recipientId, {
      kind: 'new_message',
      key: 'messaging.notify.new',
      params: { name: input.senderName },
      link: `/messages/${input.conversationId}`,
    });
  }
  return message.id;
}

type SendInput = {
  sender: Me & { displayName: string };
  body: string;
  /** She saw the warning about off-platform payment and sends anyway. */
  confirmed: boolean;
  /** The app's own origin: links to it are never suspicious. */
  trustedOrigins?: string[];
};

/** Sends a message in a conversation she belongs to. */
export async function sendMessage(input: SendInput & { conversationId: string }): Promise<SendResult> {
  const conversation = await findConversationRow(input.conversationId);
  if (!canSeeConversation(input.sender, conversation)) return refuse(404, 'messaging.start.notFound');
  const recipientId = otherMember(input.sender, conversation);
  const may = await canSendTo(input.sender.id, recipientId);
  if (!may.ok) return may;
  const v = await verdict(input.body, input.sender.locale, input.trustedOrigins ?? []);
  if (v.offPlatform && !input.confirmed) return { ok: false, warn: { level: v.level, codes: v.codes } };
  const result = await db.transaction().execute(async (trx) => {
    await lockSender(trx, input.sender.id);
    if (await tooManyMessages(trx, input.sender.id)) return refuse(429, 'messaging.error.tooFast');
    const messageId = await insertMessage(trx, {
      conversationId: conversation.id,
      senderId: input.sender.id,
      recipientId,
      senderName: input.sender.displayName,
      body: input.body,
      level: v.level,
      codes: v.codes,
    });
    return { ok: true as const, messageId, deal: await haveDealTogether(input.sender.id, recipientId, trx) };
  });
  if (!result.ok) return result;
  return {
    ok: true,
    conversationId: conversation.id,
    messageId: result.messageId,
    masked: !result.deal && maskContacts(input.body).kinds.length > 0,
  };
}

const subjectColumns = (subject: SubjectRef) => ({
  listing_id: subject.kind === 'listing' ? subject.id : null,
  order_id: subject.kind === 'order' ? subject.id : null,
  session_id: subject.kind === 'session' ? subject.id : null,
});

/**
 * Starts (or continues) the conversation of the pair about a subject with a
 * first message. A sixth new conversation within ten minutes is refused and
 * flagged to staff.
 */
export async function startConversation(input: SendInput & { subject: SubjectRef | null }): Promise<SendResult> {
  const decision = await canStartAbout(input.sender, input.subject);
  if (!decision.ok) return decision;
  const recipientId = decision.otherId;
  const may = await canSendTo(input.sender.id, recipientId);
  if (!may.ok) return may;
  const v = await verdict(input.body, input.sender.locale, input.trustedOrigins ?? []);
  if (v.offPlatform && !input.confirmed) return { ok: false, warn: { level: v.level, codes: v.codes } };
  const [userA, userB] = [input.sender.id, recipientId].sort();
  const result = await db.transaction().execute(async (trx) => {
    await lockSender(trx, input.sender.id);
    if (await tooManyMessages(trx, input.sender.id)) return refuse(429, 'messaging.error.tooFast');
    let conversation = await trx
      .selectFrom('conversations')
      .select('id')
      .where('user_a', '=', userA)
      .where('user_b', '=', userB)
      .executeTakeFirst();
    if (conversation) {
      await trx
        .updateTable('conversations')
        .set(subjectColumns(decision.subject))
        .where('id', '=', conversation.id)
        .execute();
    } else {
      const started = await trx
        .selectFrom('conversations')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('started_by', '=', input.sender.id)
        .where('created_at', '>', sql<Date>`now() - make_interval(mins => ${NEW_CONVERSATION_WINDOW_MINUTES})`)
        .executeTakeFirstOrThrow();
      if (Number(started.n) >= NEW_CONVERSATIONS_LIMIT) {
        await flagToStaff(trx, input.sender.id, Number(started.n));
        return refuse(429, 'messaging.error.slowDown');
      }
      // The other person may be starting it at this very moment: then hers is the pair's conversation.
      const created = await trx
        .insertInto('conversations')
        .values({ user_a: userA, user_b: userB, started_by: input.sender.id, ...subjectColumns(decision.subject) })
        .onConflict((oc) => oc.columns(['user_a', 'user_b']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (created) {
        await trx
          .insertInto('conversation_members')
          .values([
            { conversation_id: created.id, user_id: userA },
            { conversation_id: created.id, user_id: userB },
          ])
          .execute();
      }
      conversation =
        created ??
        (await trx
          .selectFrom('conversations')
          .select('id')
          .where('user_a', '=', userA)
          .where('user_b', '=', userB)
          .executeTakeFirstOrThrow());
    }
    const messageId = await insertMessage(trx, {
      conversationId: conversation.id,
      senderId: input.sender.id,
      recipientId,
      senderName: input.sender.displayName,
      body: input.body,
      level: v.level,
      codes: v.codes,
    });
    return {
      ok: true as const,
      conversationId: conversation.id,
      messageId,
      deal: await haveDealTogether(input.sender.id, recipientId, trx),
    };
  });
  if (!result.ok) return result;
  return {
    ok: true,
    conversationId: result.conversationId,
    messageId: result.messageId,
    masked: !result.deal && maskContacts(input.body).kinds.length > 0,
  };
}

// ---------------------------------------------------------------- mute, block

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

/** Mutes or unmutes a conversation for her: no in-app notification of new messages while muted. */
export async function setMuted(userId: string, conversationId: string, muted: boolean) {
  const done = await db
    .updateTable('conversation_members')
    .set({ muted_at: muted ? new Date() : null })
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}

/** She blocks (or unblocks) the other person of a conversation she belongs to. */
export async function setBlocked(user: Pick<Me, 'id'>, conversationId: string, blocked: boolean) {
  const conversation = await findConversationRow(conversationId);
  if (!canSeeConversation(user, conversation)) return false;
  const other = otherMember(user, conversation);
  if (blocked) {
    await db
      .insertInto('user_blocks')
      .values({ blocker_id: user.id, blocked_id: other })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await db.deleteFrom('user_blocks').where('blocker_id', '=', user.id).where('blocked_id', '=', other).execute();
  }
  return true;
}

// ---------------------------------------------------------------- reading

export type SignalView = { code: string; lessonId: string };

function signalViews(codes: string[]): SignalView[] {
  return codes
    .filter((c): c is SignalCode => c in SIGNAL_LESSONS)
    .map((code) => ({ code, lessonId: SIGNAL_LESSONS[code] }));
}

export type MessageView = {
  id: string;
  mine: boolean;
  createdAt: string;
  /** The text as this reader may see it; null when held back or removed by moderation. */
  body: string | null;
  state: 'shown' | 'held' | 'removed';
  /** Her own message, hidden by moderation from the other side. */
  removedForOther: boolean;
  /** Her own message: what in it the other side does not see yet. */
  maskedForOther: MaskKind[];
  level: ScamLevel;
  signals: SignalView[];
};

type RawMessage = {
  id: string;
  sender_id: string;
  body: string;
  scam_level: ScamLevel;
  scam_signals: string[];
  hidden_at: Date | null;
  created_at: Date;
};

/**
 * One message as `readerId` sees it: her own in full (with what is hidden from
 * the other side); the other's masked until they have done business together,
 * held back when it is dangerous and from a first-time contact (unless she
 * asked to see it), and gone when moderation removed it.
 */
export function viewMessage(
  m: RawMessage,
  ctx: { readerId: string; deal: boolean; readerHasWritten: boolean; show?: string | null },
): MessageView {
  const mine = m.sender_id === ctx.readerId;
  const base = {
    id: m.id,
    mine,
    createdAt: m.created_at.toISOString(),
    level: m.scam_level,
    signals: signalViews(m.scam_signals),
  };
  if (mine) {
    return {
      ...base,
      body: m.body,
      state: 'shown',
      removedForOther: m.hidden_at != null,
      maskedForOther: ctx.deal ? [] : maskContacts(m.body).kinds,
    };
  }
  if (m.hidden_at)
    return {
      ...base,
      body: null,
      state: 'removed',
      removedForOther: false,
      maskedForOther: [],
      level: 'none',
      signals: [],
    };
  const firstContact = !ctx.readerHasWritten && !ctx.deal;
  if (m.scam_level === 'danger' && firstContact && ctx.show !== m.id) {
    return { ...base, body: null, state: 'held', removedForOther: false, maskedForOther: [] };
  }
  return {
    ...base,
    body: ctx.deal ? m.body : maskContacts(m.body).text,
    state: 'shown',
    removedForOther: false,
    maskedForOther: [],
  };
}

type Subject = { kind: SubjectKind; id: string; title: string } | null;

function subjectOf(row: {
  listing_id: string | null;
  listing_title: string | null;
  order_id: string | null;
  session_id: string | null;
  session_starts_at: Date | null;
}): Subject {
  if (row.order_id) return { kind: 'order', id: row.order_id, title: shortNumber(row.order_id) };
  if (row.session_id && row.session_starts_at)
    return { kind: 'session', id: row.session_id, title: new Date(row.session_starts_at).toISOString() };
  if (row.listing_id && row.listing_title) return { kind: 'listing', id: row.listing_id, title: row.listing_title };
  return null;
}

const otherIdSql = (me: string) => sql<string>`case when c.user_a = ${me}::uuid then c.user_b else c.user_a end`;

/**
 * Her conversations with what both the inbox and a conversation page show of
 * each: the other person, the subject, her mute, whether the two have a deal and
 * whether she has written (which decide masking and holding).
 */
function conversationsOf(userId: string) {
  return db
    .selectFrom('conversations as c')
    .innerJoin('conversation_members as me', (j) =>
      j.onRef('me.conversation_id', '=', 'c.id').on('me.user_id', '=', userId),
    )
    .innerJoin('users as other', (j) => j.on(sql`other.id`, '=', otherIdSql(userId)))
    .leftJoin('listings as l', 'l.id', 'c.listing_id')
    .leftJoin('mentoring_sessions as s', 's.id', 'c.session_id')
    .select((eb) => [
      'c.id',
      'c.user_a',
      'c.user_b',
      'c.last_message_at',
      'c.listing_id',
      'l.title as listing_title',
      'c.order_id',
      'c.session_id',
      's.starts_at as session_starts_at',
      'other.id as other_id',
      'other.display_name as other_name',
      'me.muted_at',
      dealBetween(sql.ref('c.user_a'), sql.ref('c.user_b')).as('deal'),
      eb
        .exists(
          eb
            .selectFrom('messages as w')
            .select('w.id')
            .whereRef('w.conversation_id', '=', 'c.id')
            .where('w.sender_id', '=', userId),
        )
        .as('i_wrote'),
    ]);
}

/** Her conversations, newest activity first, keyset paged (`after`: the last conversation id of the previous page). */
export async function listInbox(userId: string, options: { after?: string | null } = {}) {
  let query = conversationsOf(userId).select((eb) => [
    eb
      .exists(
        eb
          .selectFrom('messages as u')
          .select('u.id')
          .whereRef('u.conversation_id', '=', 'c.id')
          .where('u.sender_id', '<>', userId)
          .where('u.hidden_at', 'is', null)
          .where(sql<boolean>`u.created_at > coalesce(me.last_read_at, '-infinity'::timestamptz)`),
      )
      .as('unread'),
    // A mark in the list when anything she was sent here carries a scam warning (issue 22).
    eb
      .exists(
        eb
          .selectFrom('messages as w')
          .select('w.id')
          .whereRef('w.conversation_id', '=', 'c.id')
          .where('w.sender_id', '<>', userId)
          .where('w.hidden_at', 'is', null)
          .where('w.scam_level', '<>', 'none'),
      )
      .as('warned'),
    eb
      .selectFrom('messages as m')
      .select(
        sql<RawMessage>`json_build_object('id', m.id, 'sender_id', m.sender_id, 'body', m.body, 'scam_level', m.scam_level, 'scam_signals', m.scam_signals, 'hidden_at', m.hidden_at, 'created_at', m.created_at)`.as(
          'm',
        ),
      )
      .whereRef('m.conversation_id', '=', 'c.id')
      .orderBy('m.created_at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(1)
      .as('last'),
  ]);
  if (isUuid(options.after)) {
    query = query.where(
      sql<boolean>`(c.last_message_at, c.id) < (select last_message_at, id from conversations where id = ${options.after}::uuid)`,
    );
  }
  const rows = await query
    .orderBy('c.last_message_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(INBOX_PAGE + 1)
    .execute();
  const page = rows.slice(0, INBOX_PAGE);
  return {
    conversations: page.map((r) => {
      const last = r.last
        ? viewMessage(
            {
              ...r.last,
              hidden_at: r.last.hidden_at ? new Date(r.last.hidden_at) : null,
              created_at: new Date(r.last.created_at),
            },
            { readerId: userId, deal: Boolean(r.deal), readerHasWritten: Boolean(r.i_wrote) },
          )
        : null;
      return {
        id: r.id,
        lastMessageAt: new Date(r.last_message_at).toISOString(),
        otherName: r.other_name,
        subject: subjectOf(r),
        unread: Boolean(r.unread),
        warned: Boolean(r.warned),
        muted: r.muted_at != null,
        last: last ? { mine: last.mine, state: last.state, body: last.body, level: last.level } : null,
      };
    }),
    next: rows.length > INBOX_PAGE ? page[page.length - 1].id : null,
  };
}

/** How many of her conversations have a message she has not read (for the header). */
export async function unreadConversations(userId: string) {
  const row = await db
    .selectFrom('conversation_members as me')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('me.user_id', '=', userId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('messages as m')
          .select('m.id')
          .whereRef('m.conversation_id', '=', 'me.conversation_id')
          .where('m.sender_id', '<>', userId)
          .where('m.hidden_at', 'is', null)
          .where(sql<boolean>`m.created_at > coalesce(me.last_read_at, '-infinity'::timestamptz)`),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * One conversation as one of its members sees it, one page of messages
 * (newest page first; `before`: the oldest message id of the page after).
 * Null for anyone else.
 */
export async function loadConversation(
  user: Pick<Me, 'id'>,
  id: string | undefined,
  options: { before?: string | null; show?: string | null } = {},
) {
  if (!isUuid(id)) return null;
  const row = await conversationsOf(user.id)
    .select((eb) => [
      eb
        .exists(
          eb
            .selectFrom('user_blocks')
            .select('blocker_id')
            .where('blocker_id', '=', user.id)
            .whereRef('blocked_id', '=', 'other.id'),
        )
        .as('i_blocked'),
      eb
        .exists(
          eb
            .selectFrom('user_blocks')
            .select('blocker_id')
            .whereRef('blocker_id', '=', 'other.id')
            .where('blocked_id', '=', user.id),
        )
        .as('blocked_me'),
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row || !canSeeConversation(user, row)) return null;
  let query = db
    .selectFrom('messages as m')
    .select(['m.id', 'm.sender_id', 'm.body', 'm.scam_level', 'm.scam_signals', 'm.hidden_at', 'm.created_at'])
    .where('m.conversation_id', '=', row.id);
  if (isUuid(options.before)) {
    query = query.where(
      sql<boolean>`(m.created_at, m.id) < (select created_at, id from messages where id = ${options.before}::uuid and conversation_id = ${row.id}::uuid)`,
    );
  }
  const rows = await query
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(MESSAGES_PAGE + 1)
    .execute();
  // Shown oldest first within the page.
  const page = rows.slice(0, MESSAGES_PAGE).reverse();
  const ctx = {
    readerId: user.id,
    deal: Boolean(row.deal),
    readerHasWritten: Boolean(row.i_wrote),
    show: options.show ?? null,
  };
  return {
    id: row.id,
    other: { id: row.other_id, name: row.other_name },
    subject: subjectOf(row),
    muted: row.muted_at != null,
    deal: row.deal,
    iBlocked: Boolean(row.i_blocked),
    blockedMe: Boolean(row.blocked_me),
    messages: page.map((m) => viewMessage(m, ctx)),
    older: rows.length > MESSAGES_PAGE ? page[0].id : null,
  };
}

/** She has read the conversation up to now. */
export async function markRead(userId: string, conversationId: string) {
  await db
    .updateTable('conversation_members')
    .set({ last_read_at: sql<Date>`now()` })
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .execute();
}

/** The conversation of a pair, whoever wrote first. */
export async function findPairConversation(a: string, b: string) {
  const [userA, userB] = [a, b].sort();
  return (
    (await db
      .selectFrom('conversations')
      .select('id')
      .where('user_a', '=', userA)
      .where('user_b', '=', userB)
      .executeTakeFirst()) ?? null
  );
}
