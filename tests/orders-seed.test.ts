import { describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { seedAccounts } from '../db/seeds/accounts';
import { seedMarket } from '../db/seeds/market';
import { seedOrders } from '../db/seeds/orders';
import { seedVerification } from '../db/seeds/verification';
import { sellerRating } from '../app/modules/orders';

describe('the orders demo seed', () => {
  it('gives buyer@sen.test orders in several states from seller@sen.test, with reviews, and runs twice without duplicates', async () => {
    await seedAccounts(db);
    await seedVerification(db);
    await seedMarket(db);
    await seedOrders(db);
    await seedOrders(db);
    const buyer = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'buyer@sen.test')
      .executeTakeFirstOrThrow();
    const seller = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'seller@sen.test')
      .executeTakeFirstOrThrow();
    const orders = await db
      .selectFrom('orders')
      .select(['state', 'seller_id'])
      .where('buyer_id', '=', buyer.id)
      .execute();
    expect(orders).toHaveLength(7);
    expect(new Set(orders.filter((o) => o.seller_id === seller.id).map((o) => o.state))).toEqual(
      new Set(['placed', 'accepted', 'shipped', 'delivered', 'completed', 'cancelled']),
    );
    expect(await sellerRating(seller.id)).toEqual({ average: 4.5, count: 2 });
    const shipped = await db
      .selectFrom('orders')
      .select(['carrier', 'tracking_code'])
      .where('state', '=', 'shipped')
      .executeTakeFirstOrThrow();
    expect(shipped.carrier).toBeTruthy();
  });
});
