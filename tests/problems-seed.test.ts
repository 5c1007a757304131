import { describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { findProblemOfOrder } from '../app/modules/problems';
import { problemActionsFor } from '../app/modules/problems/states';
import { seedAccounts } from '../db/seeds/accounts';
import { seedMarket } from '../db/seeds/market';
import { demoProblemOrderId, seedProblems } from '../db/seeds/problems';
import { seedVerification } from '../db/seeds/verification';

describe('the problems demo seed', () => {
  it('gives buyer@sen.test a delivered order with an open problem waiting for seller@sen.test, once', async () => {
    await seedAccounts(db);
    await seedVerification(db);
    await seedMarket(db);
    await seedProblems(db);
    await seedProblems(db);
    const seller = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'seller@sen.test')
      .executeTakeFirstOrThrow();
    const buyer = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'buyer@sen.test')
      .executeTakeFirstOrThrow();
    const order = await db
      .selectFrom('orders')
      .select(['state', 'buyer_id', 'seller_id'])
      .where('id', '=', demoProblemOrderId)
      .executeTakeFirstOrThrow();
    expect(order).toEqual({ state: 'delivered', buyer_id: buyer.id, seller_id: seller.id });
    expect(
      await db.selectFrom('order_problems').select('id').where('order_id', '=', demoProblemOrderId).execute(),
    ).toHaveLength(1);
    const problem = await findProblemOfOrder('seller', seller.id, demoProblemOrderId);
    expect(problem?.state).toBe('awaiting_seller');
    expect(problemActionsFor('seller', problem!)).toContain('answer');
  });
});
