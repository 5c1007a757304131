import { createHash } from 'node:crypto';
import { db } from '~/lib/db.server';
import { isUuid } from '~/lib/ids';

/**
 * Answers made offline (issue 16): the service worker (app/lib/service-worker.ts)
 * queues the form post and sends it again when the connection returns, with a key
 * made once per answer in this header. The first delivery with a key is counted; any
 * later one (a retry after a lost response, two tabs replaying) is not.
 */
export const replayHeader = 'Sen-Replay-Key';

export function replayKeyOf(request: Request) {
  const key = request.headers.get(replayHeader);
  return isUuid(key) ? key : null;
}

/** true when this delivery is to be counted: no key (an ordinary post) or a key seen for the first time. */
export async function claimReplay(request: Request, userId: string) {
  const key = replayKeyOf(request);
  if (!key) return true;
  const claimed = await db
    .insertInto('offline_replays')
    .values({ key, user_id: userId, path: new URL(request.url).pathname.slice(0, 300) })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return Boolean(claimed);
}

/** Which questions and choices a quiz has: an answer made for another version is not counted. */
export function quizVersion(quiz: { questions: { id: number; choices: { id: number }[] }[] }) {
  const shape = quiz.questions.map((q) => [q.id, q.choices.map((c) => c.id)]);
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 12);
}
