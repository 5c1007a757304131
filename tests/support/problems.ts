import { randomUUID } from 'node:crypto';
import type { ProblemState } from '../../db/schema';
import { db } from '../../app/lib/db.server';
import { getStorage } from '../../app/lib/storage.server';
import { pngImage } from './images';

// Orders that reached the buyer, with or without a problem, for the problem tests
// and the route-access walk.

/** A delivered order of `buyerId` from `sellerId` (who gets a shop if she has none), delivered `daysAgo` days ago. */
export async function deliveredOrder(
  buyerId: string,
  sellerId: string,
  options: {
    daysAgo?: number;
    method?: 'cod' | 'vietqr' | 'card';
    state?: 'delivered' | 'shipped' | 'placed';
    total?: number;
  } = {},
) {
  await db
    .insertInto('business_profiles')
    .values({
      user_id: sellerId,
      slug: `p-${sellerId.slice(0, 8)}`,
      business_name: 'Thổ cẩm Lan',
      owner_name: 'Chị Lan',
      province: 'son-la',
      verification_status: 'approved',
      verified_at: new Date(),
      updated_at: new Date(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const at = new Date(Date.now() - (options.daysAgo ?? 1) * 86_400_000);
  const state = options.state ?? 'delivered';
  const method = options.method ?? 'cod';
  const total = options.total ?? 280_000;
  const order = await db
    .insertInto('orders')
    .values({
      checkout_id: randomUUID(),
      buyer_id: buyerId,
      seller_id: sellerId,
      state,
      payment_method: method,
      delivery_name: 'Mai',
      delivery_phone: '+84987654321',
      delivery_address: '1 Lê Lợi',
      delivery_province: 'hue',
      subtotal: total - 30_000,
      shipping_fee: 30_000,
      total,
      placed_at: at,
      shipped_at: state === 'placed' ? null : at,
      delivered_at: state === 'delivered' ? at : null,
      updated_at: at,
      ...(method === 'vietqr'
        ? {
            payment_code: randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase(),
            payee_bin: '970436',
            payee_account: '0011001234567',
            payee_name: 'LO THI LAN',
          }
        : {}),
      ...(method === 'card' ? { stripe_payment_intent: `pi_${randomUUID().replace(/-/g, '')}` } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('order_items')
    .values({ order_id: order.id, listing_id: null, title: 'Khăn thổ cẩm', unit_price: total - 30_000, quantity: 1 })
    .execute();
  return order.id;
}

/** A problem on that order in `state`, with one stored buyer photo. */
export async function problemOn(
  orderId: string,
  state: ProblemState = 'awaiting_seller',
  options: { answerDue?: Date } = {},
) {
  const order = await db
    .selectFrom('orders')
    .select(['buyer_id', 'seller_id'])
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  const answered = state !== 'awaiting_seller' && state !== 'withdrawn';
  const problem = await db
    .insertInto('order_problems')
    .values({
      order_id: orderId,
      buyer_id: order.buyer_id,
      seller_id: order.seller_id,
      kind: 'not_as_described',
      note: 'Màu khác với ảnh',
      state,
      answer_due: options.answerDue ?? new Date(Date.now() + 3 * 86_400_000),
      updated_at: new Date(),
      ...(answered ? { answer_kind: 'reply' as const, answer_note: 'Đúng như ảnh' } : {}),
      ...(state === 'with_staff' ? { escalated_by: 'buyer' as const, escalated_at: new Date() } : {}),
      ...(state === 'decided' ? { decision: 'no_refund' as const, decided_at: new Date() } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const key = `private/problems/${orderId}/${randomUUID()}.png`;
  await getStorage().put(key, await pngImage(), 'image/png');
  const photo = await db
    .insertInto('order_problem_photos')
    .values({ problem_id: problem.id, side: 'buyer', purpose: 'evidence', key })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { problemId: problem.id, photoId: photo.id };
}
