import { sql } from 'kysely';
import { db } from '~/lib/db.server';
import { isUuid } from '~/lib/ids';
import { canSeeConversation, dealBetween } from './access.server';
import { INBOX_PAGE, MESSAGES_PAGE, type Me } from './common.server';
import { type RawMessage, subjectOf, viewMessage } from './views.server';

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
