import { describe, expect, it } from 'vitest';
import { db } from '../../app/lib/db.server';
import { sameHolder } from '../../app/modules/payments/payout.server';
import { handleSepayWebhook } from '../../app/modules/payments/transfers.server';
import { seedAccounts } from '../../db/seeds/accounts';
import { seedMarket } from '../../db/seeds/market';
import { demoPaymentCode, demoPayoutAccount, demoSepayKey, seedPayments } from '../../db/seeds/payments';
import { seedVerification } from '../../db/seeds/verification';
import { sepayPayload } from '../support/sepay';

describe('the VietQR demo seed', () => {
  it('gives seller@sen.test an approved payout account in her verified name and buyer@sen.test an order awaiting transfer, once', async () => {
    await seedAccounts(db);
    await seedVerification(db);
    await seedMarket(db);
    await seedPayments(db);
    await seedPayments(db);
    const seller = await db
      .selectFrom('users as u')
      .innerJoin('business_profiles as b', 'b.user_id', 'u.id')
      .select(['u.id', 'b.owner_name'])
      .where('u.email', '=', 'seller@sen.test')
      .executeTakeFirstOrThrow();
    expect(sameHolder(demoPayoutAccount.account_name, seller.owner_name)).toBe(true);
    const account = await db
      .selectFrom('payout_accounts')
      .selectAll()
      .where('seller_id', '=', seller.id)
      .executeTakeFirstOrThrow();
    expect(account.status).toBe('approved');
    const orders = await db.selectFrom('orders').selectAll().where('payment_method', '=', 'vietqr').execute();
    expect(orders.map((o) => [o.state, o.payment_code])).toEqual([['awaiting_payment', demoPaymentCode]]);
    // The demo key works with the fake SePay, as the e2e spec uses it.
    const body = sepayPayload({
      accountNumber: demoPayoutAccount.account_number,
      amount: Number(orders[0].total),
      content: `SEN ${demoPaymentCode}`,
    });
    expect(await handleSepayWebhook(`Apikey ${demoSepayKey}`, body)).toEqual({ status: 200, outcome: 'paid' });
  });
});
