import { db } from '~/lib/db.server';
import { canSeeConversation, findConversationRow, otherMember } from './access.server';
import type { Me } from './common.server';

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
