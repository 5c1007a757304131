import { sql } from 'kysely';
import { db } from '~/lib/db.server';
import { isUuid } from '~/lib/ids';
import { notifyAboutOrder } from './notices.server';

// Reviews: the buyer rates a delivered order once, the seller answers once.

/** After delivery, the buyer rates her order once. */
export async function leaveReview(
  buyerId: string,
  orderId: string | undefined,
  input: { rating: number; comment: string },
) {
  if (!isUuid(orderId)) return { ok: false as const, status: 404 as const, error: 'orders.error.notFound' as const };
  return db.transaction().execute(async (trx) => {
    const order = await trx
      .selectFrom('orders')
      .select(['id', 'state', 'seller_id'])
      .where('id', '=', orderId)
      .where('buyer_id', '=', buyerId)
      .executeTakeFirst();
    if (!order) return { ok: false as const, status: 404 as const, error: 'orders.error.notFound' as const };
    if (order.state !== 'delivered' && order.state !== 'completed')
      return { ok: false as const, status: 400 as const, error: 'orders.review.notYet' as const };
    const inserted = await trx
      .insertInto('order_reviews')
      .values({
        order_id: order.id,
        seller_id: order.seller_id,
        buyer_id: buyerId,
        rating: input.rating,
        comment: input.comment,
      })
      .onConflict((oc) => oc.column('order_id').doNothing())
      .returning('order_id')
      .executeTakeFirst();
    if (!inserted) return { ok: false as const, status: 400 as const, error: 'orders.review.already' as const };
    await notifyAboutOrder(trx, order.seller_id, order.id, 'orders.notify.reviewed', `/dashboard/orders/${order.id}`);
    return { ok: true as const };
  });
}

/** The seller answers a review of her order once. */
export async function replyToReview(sellerId: string, orderId: string | undefined, reply: string) {
  if (!isUuid(orderId)) return { ok: false as const, status: 404 as const, error: 'orders.error.notFound' as const };
  return db.transaction().execute(async (trx) => {
    const review = await trx
      .selectFrom('order_reviews')
      .select(['order_id', 'buyer_id', 'reply'])
      .where('order_id', '=', orderId)
      .where('seller_id', '=', sellerId)
      .executeTakeFirst();
    if (!review) return { ok: false as const, status: 404 as const, error: 'orders.error.notFound' as const };
    const r = await trx
      .updateTable('order_reviews')
      .set({ reply, replied_at: new Date() })
      .where('order_id', '=', orderId)
      .where('seller_id', '=', sellerId)
      .where('reply', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      return { ok: false as const, status: 400 as const, error: 'orders.review.alreadyReplied' as const };
    await notifyAboutOrder(trx, review.buyer_id, orderId, 'orders.notify.replied', `/orders/${orderId}`);
    return { ok: true as const };
  });
}
/** The seller's average rating and count: one statement. */
export async function sellerRating(sellerId: string) {
  const row = await db
    .selectFrom('order_reviews')
    .select([sql<number | null>`round(avg(rating), 1)::float8`.as('average'), sql<number>`count(*)::int`.as('count')])
    .where('seller_id', '=', sellerId)
    .executeTakeFirstOrThrow();
  return { average: row.average, count: row.count };
}

/** The latest reviews of a seller, for her storefront. */
export async function latestReviews(sellerId: string, limit = 5) {
  return db
    .selectFrom('order_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.buyer_id')
    .select(['r.order_id', 'r.rating', 'r.comment', 'r.reply', 'r.created_at', 'u.display_name as buyer_name'])
    .where('r.seller_id', '=', sellerId)
    .orderBy('r.created_at', 'desc')
    .limit(limit)
    .execute();
}
