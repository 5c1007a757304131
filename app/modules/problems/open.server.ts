import type { ProblemKind } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { isUuid } from '~/lib/ids';
import { deleteStored } from '~/lib/uploads.server';
import { answerDueFrom, mayOpenProblem } from './states';
import { notFound, noticeAboutProblem, recordStep, type Result, storePhotos, isUniqueViolation } from './shared.server';

// The buyer opens a problem on her order.

/** The buyer opens a problem on her order, inside its window, with up to 4 photos. */
export async function openProblem(
  buyerId: string,
  orderId: string | undefined,
  input: { kind: ProblemKind; note: string },
  photos: File[],
  now = new Date(),
): Promise<Result> {
  if (!isUuid(orderId)) return notFound;
  const order = await db
    .selectFrom('orders')
    .select(['id', 'state', 'shipped_at', 'delivered_at'])
    .where('id', '=', orderId)
    .where('buyer_id', '=', buyerId)
    .executeTakeFirst();
  if (!order) return notFound;
  if (!mayOpenProblem(order, now)) return { ok: false, status: 400, error: 'problems.error.window' };
  const stored = await storePhotos(photos, orderId, 'photos');
  if (!stored.ok) return { ok: false, status: 400, error: stored.error, field: 'photos' };
  try {
    const id = await db.transaction().execute(async (trx) => {
      // Read again under the lock: the window is judged on the order as it is now.
      const locked = await trx
        .selectFrom('orders')
        .select(['id', 'state', 'shipped_at', 'delivered_at', 'buyer_id', 'seller_id'])
        .where('id', '=', orderId)
        .where('buyer_id', '=', buyerId)
        .forUpdate()
        .executeTakeFirst();
      if (!locked || !mayOpenProblem(locked, now)) return null;
      const problem = await trx
        .insertInto('order_problems')
        .values({
          order_id: locked.id,
          buyer_id: locked.buyer_id,
          seller_id: locked.seller_id,
          kind: input.kind,
          note: input.note,
          state: 'awaiting_seller',
          answer_due: answerDueFrom(now),
          updated_at: now,
        })
        .returning(['id', 'order_id', 'buyer_id', 'seller_id'])
        .executeTakeFirstOrThrow();
      if (stored.stored.length) {
        await trx
          .insertInto('order_problem_photos')
          .values(
            stored.stored.map((s) => ({
              problem_id: problem.id,
              side: 'buyer' as const,
              purpose: 'evidence' as const,
              key: s.key,
              thumbnail_key: s.thumbnailKey,
            })),
          )
          .execute();
      }
      await recordStep(trx, locked.id, { id: buyerId, role: 'buyer' }, 'opened', input.note);
      await noticeAboutProblem(trx, problem, 'seller', 'problems.notify.opened');
      return problem.id;
    });
    if (!id) {
      await deleteStored(stored.stored.flatMap((s) => [s.key, s.thumbnailKey]));
      return { ok: false, status: 400, error: 'problems.error.window' };
    }
    return { ok: true, problemId: id };
  } catch (error) {
    await deleteStored(stored.stored.flatMap((s) => [s.key, s.thumbnailKey]));
    // The partial unique index: another problem of this order is still open.
    if (isUniqueViolation(error)) return { ok: false, status: 400, error: 'problems.error.alreadyOpen' };
    throw error;
  }
}
