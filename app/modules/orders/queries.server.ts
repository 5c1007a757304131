import { sql } from 'kysely';
import { formatPhone } from '~/lib/phone';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { OrderState } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { isUuid } from '~/lib/ids';

// The queries of the buyer's and the seller's order pages.

function orderDetail(as: 'buyer' | 'seller', userId: string, orderId: string) {
  return db
    .selectFrom('orders as o')
    .innerJoin('users as buyer', 'buyer.id', 'o.buyer_id')
    .innerJoin('business_profiles as b', 'b.user_id', 'o.seller_id')
    .selectAll('o')
    .select((eb) => [
      'buyer.display_name as buyer_name',
      'b.business_name as seller_name',
      'b.slug as seller_slug',
      // Each side's phone reaches the other only through an order they share.
      'b.contact_phone as seller_phone',
      jsonArrayFrom(
        eb
          .selectFrom('order_items as i')
          .select(['i.id', 'i.listing_id', 'i.title', 'i.unit_price', 'i.quantity'])
          .whereRef('i.order_id', '=', 'o.id')
          .orderBy('i.id'),
      ).as('items'),
      jsonArrayFrom(
        eb
          .selectFrom('order_events as e')
          .select(['e.id', 'e.actor_role', 'e.from_state', 'e.to_state', 'e.problem_step', 'e.note', 'e.created_at'])
          .whereRef('e.order_id', '=', 'o.id')
          .orderBy('e.id'),
      ).as('events'),
      jsonObjectFrom(
        eb
          .selectFrom('order_reviews as r')
          .select((e) => [
            'r.rating',
            'r.comment',
            'r.reply',
            'r.created_at',
            'r.replied_at',
            'r.hidden_at',
            jsonArrayFrom(
              e
                .selectFrom('review_photos as p')
                .select(['p.id', 'p.thumb_key', 'p.small_key', 'p.width', 'p.height'])
                .whereRef('p.order_id', '=', 'r.order_id')
                .orderBy('p.position'),
            ).as('photos'),
          ])
          .whereRef('r.order_id', '=', 'o.id'),
      ).as('review'),
    ])
    .where('o.id', '=', orderId)
    .where(as === 'buyer' ? 'o.buyer_id' : 'o.seller_id', '=', userId)
    .executeTakeFirst();
}

export async function findOrder(as: 'buyer' | 'seller', userId: string, orderId: string | undefined) {
  if (!isUuid(orderId)) return null;
  const order = await orderDetail(as, userId, orderId);
  // Stored as E.164; the seller and the courier read it as it is written at home ("0987 111 222").
  return order ? { ...order, delivery_phone: formatPhone(order.delivery_phone) } : null;
}

export async function listBuyerOrders(buyerId: string) {
  return db
    .selectFrom('orders as o')
    .innerJoin('business_profiles as b', 'b.user_id', 'o.seller_id')
    .select(['o.id', 'o.state', 'o.total', 'o.payment_method', 'o.created_at', 'b.business_name as seller_name'])
    .select(sql<number>`(select count(*)::int from order_items i where i.order_id = o.id)`.as('item_count'))
    .where('o.buyer_id', '=', buyerId)
    .orderBy('o.created_at', 'desc')
    .limit(200)
    .execute();
}

export async function listSellerOrders(sellerId: string, state?: OrderState) {
  let query = db
    .selectFrom('orders as o')
    .innerJoin('users as u', 'u.id', 'o.buyer_id')
    .select([
      'o.id',
      'o.state',
      'o.total',
      'o.payment_method',
      'o.created_at',
      'o.delivery_province',
      'u.display_name as buyer_name',
    ])
    .select(
      sql<number>`(select coalesce(sum(quantity), 0)::int from order_items i where i.order_id = o.id)`.as('item_count'),
    )
    .where('o.seller_id', '=', sellerId)
    // Awaiting a card payment is the buyer's business until Stripe confirms it; a VietQR
    // transfer the seller may confirm herself when she sees the money.
    .where((eb) => eb.or([eb('o.state', '<>', 'awaiting_payment'), eb('o.payment_method', '=', 'vietqr')]));
  if (state) query = query.where('o.state', '=', state);
  return query.orderBy('o.created_at', 'desc').limit(200).execute();
}

/** Orders and revenue by month (Vietnam time), counting orders that were not cancelled or refunded. */
export async function salesSummary(sellerId: string) {
  return db
    .selectFrom('orders')
    .select([
      sql<string>`to_char(date_trunc('month', created_at at time zone 'Asia/Ho_Chi_Minh'), 'YYYY-MM')`.as('month'),
      sql<number>`count(*)::int`.as('orders'),
      sql<number>`coalesce(sum(total), 0)::bigint`.as('revenue'),
    ])
    .where('seller_id', '=', sellerId)
    .where('state', 'in', ['placed', 'accepted', 'shipped', 'delivered', 'completed'])
    .groupBy(sql`1`)
    .orderBy(sql`1`, 'desc')
    .limit(12)
    .execute();
}
