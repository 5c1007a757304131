import { sql, type Transaction } from 'kysely';
import type { Database, Locale, ScamLevel } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { log } from '~/lib/log.server';
import { detectScamWithReports } from '~/modules/moderation/scam-accounts.server';
import { type SignalCode } from '~/modules/safety/detector';
import { maskContacts } from './mask';
import { notify } from '~/modules/notifications/notify.server';
import {
  canSeeConversation,
  canSendTo,
  canStartAbout,
  findConversationRow,
  haveDealTogether,
  otherMember,
} from './access.server';
import {
  MESSAGES_PER_MINUTE,
  type Me,
  NEW_CONVERSATIONS_LIMIT,
  NEW_CONVERSATION_WINDOW_MINUTES,
  OFF_PLATFORM_CODES,
  type Refusal,
  type SubjectRef,
  refuse,
} from './common.server';

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
