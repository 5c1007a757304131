import type { Kysely } from 'kysely';
import type { Database, OrderState } from '../schema';
import { getStorage } from '../../app/lib/storage.server';
import { demoPhoto } from './market';
import { demoUuid } from './market-data';

// Demo orders of buyer@sen.test, mostly from seller@sen.test, one in each
// interesting state, with their history and two reviews (one answered). Stable
// ids: running it again adds nothing. Demo orders do not take stock.

const path: OrderState[] = ['placed', 'accepted', 'shipped', 'delivered', 'completed'];

const demoOrders: {
  state: OrderState;
  sellerEmail: string;
  daysAgo: number;
  quantity: number;
  review?: { rating: number; comment: string; reply?: string; photo?: boolean };
}[] = [
  { state: 'placed', sellerEmail: 'seller@sen.test', daysAgo: 0, quantity: 1 },
  { state: 'accepted', sellerEmail: 'seller@sen.test', daysAgo: 2, quantity: 2 },
  { state: 'shipped', sellerEmail: 'seller@sen.test', daysAgo: 4, quantity: 1 },
  {
    state: 'delivered',
    sellerEmail: 'seller@sen.test',
    daysAgo: 9,
    quantity: 1,
    review: { rating: 5, comment: 'Khăn dệt rất đẹp, màu y như hình. Cảm ơn chị Hoa!', photo: true },
  },
  {
    state: 'completed',
    sellerEmail: 'seller@sen.test',
    daysAgo: 40,
    quantity: 1,
    review: { rating: 4, comment: 'Hàng đẹp, giao hơi chậm một chút.', reply: 'Cảm ơn chị, lần sau em gửi sớm hơn ạ.' },
  },
  { state: 'cancelled', sellerEmail: 'seller@sen.test', daysAgo: 12, quantity: 1 },
  { state: 'placed', sellerEmail: 'aodai.hue@sen.test', daysAgo: 1, quantity: 1 },
];

export async function seedOrders(db: Kysely<Database>) {
  const buyer = await db.selectFrom('users').select('id').where('email', '=', 'buyer@sen.test').executeTakeFirst();
  if (!buyer) return;
  for (const [index, demo] of demoOrders.entries()) {
    const seller = await db.selectFrom('users').select('id').where('email', '=', demo.sellerEmail).executeTakeFirst();
    if (!seller) continue;
    const listing = await db
      .selectFrom('listings')
      .select(['id', 'title', 'price', 'shipping_fee'])
      .where('seller_id', '=', seller.id)
      .where('state', '=', 'published')
      .orderBy('created_at')
      .orderBy('id')
      .offset(index % 3)
      .limit(1)
      .executeTakeFirst();
    if (!listing) continue;
    const id = demoUuid('order', index);
    const created = new Date(Date.now() - demo.daysAgo * 86_400_000);
    const subtotal = listing.price * demo.quantity;
    const reached = demo.state === 'cancelled' ? 0 : path.indexOf(demo.state);
    const at = (step: number) =>
      new Date(created.getTime() + step * 86_400_000 * Math.min(1, demo.daysAgo / 5 || 0.01));
    const inserted = await db
      .insertInto('orders')
      .values({
        id,
        checkout_id: demoUuid('checkout', index),
        buyer_id: buyer.id,
        seller_id: seller.id,
        state: demo.state,
        payment_method: 'cod',
        delivery_name: 'Nguyễn Thị Mai',
        delivery_phone: '0987654321',
        delivery_address: '25 Trần Phú, phường Ba Đình',
        delivery_province: 'ha-noi',
        subtotal,
        shipping_fee: listing.shipping_fee,
        total: subtotal + listing.shipping_fee,
        carrier: reached >= 2 ? 'Giao Hàng Tiết Kiệm' : null,
        tracking_code: reached >= 2 ? `GHTK${1000 + index}` : null,
        cancel_reason: demo.state === 'cancelled' ? 'Hết màu chị chọn, em xin lỗi.' : null,
        placed_at: created,
        shipped_at: reached >= 2 ? at(2) : null,
        delivered_at: reached >= 3 ? at(3) : null,
        created_at: created,
        updated_at: created,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) continue;
    await db
      .insertInto('order_items')
      .values({
        order_id: id,
        listing_id: listing.id,
        title: listing.title,
        unit_price: listing.price,
        quantity: demo.quantity,
      })
      .execute();
    const events: {
      actor_role: 'buyer' | 'seller' | 'system';
      from_state: OrderState | null;
      to_state: OrderState;
      note: string | null;
      created_at: Date;
    }[] = [{ actor_role: 'buyer', from_state: null, to_state: 'placed', note: null, created_at: created }];
    for (let step = 1; step <= reached; step += 1) {
      events.push({
        actor_role: step === 3 ? 'buyer' : step === 4 ? 'system' : 'seller',
        from_state: path[step - 1],
        to_state: path[step],
        note: step === 2 ? `Giao Hàng Tiết Kiệm GHTK${1000 + index}` : null,
        created_at: at(step),
      });
    }
    if (demo.state === 'cancelled')
      events.push({
        actor_role: 'seller',
        from_state: 'placed',
        to_state: 'cancelled',
        note: 'Hết màu chị chọn, em xin lỗi.',
        created_at: at(1),
      });
    await db
      .insertInto('order_events')
      .values(
        events.map((e) => ({
          ...e,
          order_id: id,
          actor_id: e.actor_role === 'buyer' ? buyer.id : e.actor_role === 'seller' ? seller.id : null,
        })),
      )
      .execute();
    if (demo.review) {
      await db
        .insertInto('order_reviews')
        .values({
          order_id: id,
          seller_id: seller.id,
          buyer_id: buyer.id,
          rating: demo.review.rating,
          comment: demo.review.comment,
          reply: demo.review.reply ?? null,
          replied_at: demo.review.reply ? new Date() : null,
        })
        .execute();
      // One photo review (issue 20): the buyer's picture of what she received.
      if (demo.review.photo) {
        const base = `public/reviews/${id}/demo`;
        const [small, thumb] = await Promise.all([
          demoPhoto('handicrafts', index, 480),
          demoPhoto('handicrafts', index, 240),
        ]);
        const storage = getStorage();
        await storage.put(`${base}.webp`, small, 'image/webp');
        await storage.put(`${base}.small.webp`, small, 'image/webp');
        await storage.put(`${base}.thumb.webp`, thumb, 'image/webp');
        await db
          .insertInto('review_photos')
          .values({
            order_id: id,
            buyer_id: buyer.id,
            position: 0,
            image_key: `${base}.webp`,
            small_key: `${base}.small.webp`,
            thumb_key: `${base}.thumb.webp`,
            width: 480,
            height: 480,
          })
          .execute();
      }
    }
  }
}
