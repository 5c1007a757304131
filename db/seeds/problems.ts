import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { demoUuid } from './market-data';

// Issue 18: a cash-on-delivery order of buyer@sen.test from seller@sen.test,
// delivered two days before seeding, with an open problem ("damaged") waiting
// for the seller's answer. Stable ids: running it again adds nothing. It takes no stock.

export const demoProblemOrderId = demoUuid('problem-order', 0);

export async function seedProblems(db: Kysely<Database>) {
  const seller = await db.selectFrom('users').select('id').where('email', '=', 'seller@sen.test').executeTakeFirst();
  const buyer = await db.selectFrom('users').select('id').where('email', '=', 'buyer@sen.test').executeTakeFirst();
  if (!seller || !buyer) return;
  const listing = await db
    .selectFrom('listings')
    .select(['id', 'title', 'price', 'shipping_fee'])
    .where('seller_id', '=', seller.id)
    .where('state', '=', 'published')
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!listing) return;
  const now = new Date();
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('orders')
      .values({
        id: demoProblemOrderId,
        checkout_id: demoUuid('problem-checkout', 0),
        buyer_id: buyer.id,
        seller_id: seller.id,
        state: 'delivered',
        payment_method: 'cod',
        delivery_name: 'Nguyễn Thị Mai',
        delivery_phone: '0987654321',
        delivery_address: '25 Trần Phú, phường Ba Đình',
        delivery_province: 'ha-noi',
        subtotal: listing.price,
        shipping_fee: listing.shipping_fee,
        total: listing.price + listing.shipping_fee,
        carrier: 'GHN',
        tracking_code: 'GHNDEMO0001',
        created_at: at(6),
        placed_at: at(6),
        shipped_at: at(4),
        delivered_at: at(2),
        updated_at: at(1),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return;
    await trx
      .insertInto('order_items')
      .values({
        order_id: demoProblemOrderId,
        listing_id: listing.id,
        title: listing.title,
        unit_price: listing.price,
        quantity: 1,
      })
      .execute();
    await trx
      .insertInto('order_events')
      .values([
        {
          order_id: demoProblemOrderId,
          actor_id: buyer.id,
          actor_role: 'buyer',
          from_state: null,
          to_state: 'placed',
          created_at: at(6),
        },
        {
          order_id: demoProblemOrderId,
          actor_id: seller.id,
          actor_role: 'seller',
          from_state: 'placed',
          to_state: 'accepted',
          created_at: at(5),
        },
        {
          order_id: demoProblemOrderId,
          actor_id: seller.id,
          actor_role: 'seller',
          from_state: 'accepted',
          to_state: 'shipped',
          note: 'GHN GHNDEMO0001',
          created_at: at(4),
        },
        {
          order_id: demoProblemOrderId,
          actor_id: buyer.id,
          actor_role: 'buyer',
          from_state: 'shipped',
          to_state: 'delivered',
          created_at: at(2),
        },
        {
          order_id: demoProblemOrderId,
          actor_id: buyer.id,
          actor_role: 'buyer',
          from_state: 'delivered',
          to_state: 'delivered',
          problem_step: 'opened',
          note: 'Khăn bị rách một góc khi nhận.',
          created_at: at(1),
        },
      ])
      .execute();
    await trx
      .insertInto('order_problems')
      .values({
        order_id: demoProblemOrderId,
        buyer_id: buyer.id,
        seller_id: seller.id,
        kind: 'damaged',
        note: 'Khăn bị rách một góc khi nhận.',
        state: 'awaiting_seller',
        answer_due: new Date(at(1).getTime() + 3 * 86_400_000),
        created_at: at(1),
        updated_at: at(1),
      })
      .execute();
  });
}
