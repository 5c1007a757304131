import { type Expression, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { db } from '~/lib/db.server';
import { isUuid } from '~/lib/ids';
import type { MessageKey } from '~/lib/i18n';
import { publicUrl } from '~/lib/storage.server';
import { deleteStored } from '~/lib/uploads.server';
import { photoKeys, preparePhotos, putPhotos } from '~/modules/market/images.server';
import { notifyAboutOrder } from './notices.server';

// Reviews: the buyer rates a delivered order once (with up to 3 photos), the
// seller answers once. A review staff hid (after a report) leaves every public page.

/** A review carries at most this many photos (issue 20); the database says so too. */
export const maxReviewPhotos = 3;

type ReviewResult =
  { ok: true } | { ok: false; status: 404 } | { ok: false; status: 400; field: 'form' | 'photos'; error: MessageKey };

const notFoundResult = { ok: false, status: 404 } as const;

/**
 * After delivery, the buyer rates her order once, with up to 3 photos checked
 * like listing photos (bytes sniffed, re-encoded without EXIF, 640 px WebP and
 * thumbnail). Photos are checked before anything is written and stored before
 * the review's transaction; if the review is not written, they are removed: no
 * half-written review, and never photos on someone else's review.
 */
export async function leaveReview(
  buyerId: string,
  orderId: string | undefined,
  input: { rating: number; comment: string },
  files: File[] = [],
): Promise<ReviewResult> {
  if (!isUuid(orderId)) return notFoundResult;
  const order = await db
    .selectFrom('orders')
    .leftJoin('order_reviews as r', 'r.order_id', 'orders.id')
    .select(['orders.id', 'orders.state', 'r.order_id as reviewed'])
    .where('orders.id', '=', orderId)
    .where('orders.buyer_id', '=', buyerId)
    .executeTakeFirst();
  if (!order) return notFoundResult;
  if (order.state !== 'delivered' && order.state !== 'completed')
    return { ok: false, status: 400, field: 'form', error: 'orders.review.notYet' };
  if (order.reviewed) return { ok: false, status: 400, field: 'form', error: 'orders.review.already' };
  if (files.length > maxReviewPhotos)
    return { ok: false, status: 400, field: 'photos', error: 'reviews.photos.tooMany' };
  const prepared = await preparePhotos(files);
  if (!prepared.ok) return { ok: false, status: 400, field: 'photos', error: prepared.error };
  const photos = prepared.photos.length ? await putPhotos(`public/reviews/${orderId}`, prepared.photos) : [];
  try {
    const result = await db.transaction().execute(async (trx): Promise<ReviewResult> => {
      const locked = await trx
        .selectFrom('orders')
        .select(['id', 'state', 'seller_id'])
        .where('id', '=', orderId)
        .where('buyer_id', '=', buyerId)
        .executeTakeFirst();
      if (!locked) return notFoundResult;
      if (locked.state !== 'delivered' && locked.state !== 'completed')
        return { ok: false, status: 400, field: 'form', error: 'orders.review.notYet' };
      const inserted = await trx
        .insertInto('order_reviews')
        .values({
          order_id: locked.id,
          seller_id: locked.seller_id,
          buyer_id: buyerId,
          rating: input.rating,
          comment: input.comment,
        })
        .onConflict((oc) => oc.column('order_id').doNothing())
        .returning('order_id')
        .executeTakeFirst();
      if (!inserted) return { ok: false, status: 400, field: 'form', error: 'orders.review.already' };
      if (photos.length)
        await trx
          .insertInto('review_photos')
          .values(
            photos.map((p, position) => ({
              order_id: locked.id,
              buyer_id: buyerId,
              position,
              image_key: p.imageKey,
              small_key: p.smallKey,
              thumb_key: p.thumbKey,
              width: p.width,
              height: p.height,
            })),
          )
          .execute();
      await notifyAboutOrder(
        trx,
        locked.seller_id,
        locked.id,
        'orders.notify.reviewed',
        `/dashboard/orders/${locked.id}`,
      );
      return { ok: true };
    });
    if (!result.ok) await deleteStored(photoKeys(photos));
    return result;
  } catch (error) {
    await deleteStored(photoKeys(photos));
    throw error;
  }
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
export type SellerRating = { average: number | null; count: number };

/**
 * A seller's average rating and count (reviews staff hid left out), as a column of
 * another query: the listing page and the storefront read it with what they show.
 */
export function sellerRatingOf(sellerId: Expression<string>) {
  return sql<SellerRating>`(
    select json_build_object('average', round(avg(r.rating), 1)::float8, 'count', count(*)::int)
    from order_reviews r
    where r.seller_id = ${sellerId} and r.hidden_at is null
  )`;
}

export async function sellerRating(sellerId: string) {
  const { rows } = await sql<{ rating: SellerRating }>`select ${sellerRatingOf(sql.val(sellerId))} as rating`.execute(
    db,
  );
  return rows[0].rating;
}

/** Public reviews with their author's name and photos; `where` picks which. One statement. */
function publicReviews() {
  return db
    .selectFrom('order_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.buyer_id')
    .select((eb) => [
      'r.order_id',
      'r.buyer_id',
      'r.rating',
      'r.comment',
      'r.reply',
      'r.created_at',
      'u.display_name as buyer_name',
      jsonArrayFrom(
        eb
          .selectFrom('review_photos as p')
          .select(['p.id', 'p.small_key', 'p.thumb_key', 'p.width', 'p.height'])
          .whereRef('p.order_id', '=', 'r.order_id')
          .orderBy('p.position'),
      ).as('photos'),
    ])
    .where('r.hidden_at', 'is', null)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.order_id');
}

/** The latest reviews of a seller, for her storefront. */
export async function latestReviews(sellerId: string, limit = 5) {
  return publicReviews().where('r.seller_id', '=', sellerId).limit(limit).execute();
}

/** The latest reviews of orders that bought this listing, for its page. */
export async function listingReviews(listingId: string, limit = 5) {
  return publicReviews()
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('order_items as i')
          .select('i.id')
          .whereRef('i.order_id', '=', 'r.order_id')
          .where('i.listing_id', '=', listingId),
      ),
    )
    .limit(limit)
    .execute();
}

export type ReviewRow = Awaited<ReturnType<typeof latestReviews>>[number];

/** Thumbnails are shown at this width (CSS pixels); their height keeps the photo's shape. */
export const reviewThumbWidth = 96;

/** What a page sends of a review: photo URLs instead of keys, and whether the viewer wrote it (no ids of people). */
export function reviewsForPage(rows: ReviewRow[], viewerId: string | null | undefined) {
  return rows.map((r) => ({
    id: r.order_id,
    rating: r.rating,
    comment: r.comment,
    reply: r.reply,
    buyerName: r.buyer_name,
    createdAt: r.created_at,
    mine: r.buyer_id === viewerId,
    photos: r.photos.map((p) => ({
      id: p.id,
      thumbUrl: publicUrl(p.thumb_key),
      smallUrl: publicUrl(p.small_key),
      width: reviewThumbWidth,
      height: Math.max(1, Math.round((reviewThumbWidth * p.height) / p.width)),
    })),
  }));
}

export type PageReview = ReturnType<typeof reviewsForPage>[number];
