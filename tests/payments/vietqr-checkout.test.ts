import { defined } from '../../app/lib/defined';
import { describe, expect, it } from 'vitest';
import { countryScope } from '../../app/lib/auth.server';
import { db } from '../../app/lib/db.server';
import { addToCart, checkout, expireUnpaidOrders } from '../../app/modules/orders';
import {
  createWebhookKey,
  decidePayoutAccount,
  findPayoutAccount,
  savePayoutAccount,
  sameHolder,
} from '../../app/modules/payments/payout.server';
import { codeInNote } from '../../app/modules/payments/transfers.server';
import * as webhook from '../../app/routes/webhooks.bank';
import { useCleanDatabase } from '../support/clean';
import { createTestUser } from '../support/fixtures';
import { delivery, sellerWithListing, stockOf } from '../support/orders';
import { sepayPayload, sepayRequest } from '../support/sepay';

useCleanDatabase();

const account = { bankBin: '970436', accountNumber: '0011004567890', accountName: 'Hoa' };

/** A verified seller (her identity: "Chị Hoa") with an approved payout account and a webhook key. */
async function vietQrSeller(options: { stock?: number; price?: number } = {}) {
  const s = await sellerWithListing({
    stock: options.stock ?? 5,
    price: options.price ?? 250_000,
    shippingFee: 30_000,
  });
  const saved = await savePayoutAccount(s.seller.id, { ...account, accountName: 'HOA' });
  expect(saved).toEqual({ ok: true, status: 'approved' });
  const key = defined(await createWebhookKey(s.seller.id), '(await createWebhookKey(s.seller.id))');
  return { ...s, key };
}

async function vietQrOrder(listingId: string, quantity = 1) {
  const buyer = await createTestUser();
  await addToCart(buyer.id, listingId, quantity);
  const result = await checkout({ id: buyer.id, email: buyer.email }, delivery, 'vietqr');
  if (!result.ok) throw new Error(result.error);
  const order = await db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', result.orderIds[0])
    .executeTakeFirstOrThrow();
  return { buyer, order, result };
}

async function post(body: unknown, key: string | null) {
  const res = (await webhook.action({
    request: sepayRequest(body, key),
    params: {},
    context: {} as never,
  })) as Response;
  return { status: res.status, json: await res.json() };
}

async function orderRow(id: string) {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('payout account', () => {
  it('matches the holder name to the verified identity as banks print it', () => {
    expect(sameHolder('NGUYEN THI LAN', 'Nguyễn Thị Lan')).toBe(true);
    expect(sameHolder('nguyen thi lan', 'Chị Nguyễn Thị Lan')).toBe(true);
    expect(sameHolder('DANG VAN DUC', 'Đặng Văn Đức')).toBe(true);
    expect(sameHolder('TRAN VAN B', 'Nguyễn Thị Lan')).toBe(false);
  });

  it('approves a first account in her verified name, holds another name for staff, and needs staff again after a change', async () => {
    const s = await sellerWithListing();
    expect(await savePayoutAccount(s.seller.id, { ...account, accountName: 'Tran Van B' })).toEqual({
      ok: true,
      status: 'pending',
    });
    const staff = await createTestUser({ roles: ['staff'] });
    expect(await decidePayoutAccount(staff.id, s.seller.id, 'rejected', countryScope)).toBe(true);
    // A decided account is not decided again.
    expect(await decidePayoutAccount(staff.id, s.seller.id, 'approved', countryScope)).toBe(false);
    expect((await findPayoutAccount(s.seller.id))?.status).toBe('rejected');

    const other = await sellerWithListing();
    expect(await savePayoutAccount(other.seller.id, { ...account, accountName: 'hoa' })).toEqual({
      ok: true,
      status: 'approved',
    });
    expect(await savePayoutAccount(other.seller.id, { ...account, accountNumber: '999888777' })).toEqual({
      ok: true,
      status: 'pending',
    });
  });

  it('refuses an unverified seller and an unknown bank', async () => {
    const buyer = await createTestUser();
    expect(await savePayoutAccount(buyer.id, account)).toEqual({ ok: false, error: 'payments.payout.notVerified' });
    const s = await sellerWithListing();
    expect(await savePayoutAccount(s.seller.id, { ...account, bankBin: '123456' })).toEqual({
      ok: false,
      error: 'payments.payout.bankUnknown',
    });
  });
});

describe('VietQR checkout', () => {
  it('creates an order awaiting transfer with a short code and the verified account, stock held for 24 h', async () => {
    const s = await vietQrSeller({ stock: 3 });
    const before = Date.now();
    const { order, result } = await vietQrOrder(s.listingId, 2);
    expect(result.ok && result.paymentUrl).toBe(`/orders/${order.id}`);
    expect(order.state).toBe('awaiting_payment');
    expect(order.payment_method).toBe('vietqr');
    expect(order.payment_code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect([order.payee_bin, order.payee_account, order.payee_name]).toEqual(['970436', '0011004567890', 'HOA']);
    expect(defined(order.pay_by, 'order.pay_by').getTime() - before).toBeGreaterThan(23.9 * 3_600_000);
    expect(await stockOf(s.listingId)).toBe(1);
  });

  it('refuses VietQR when the seller has no approved account, and pauses it while a changed account waits', async () => {
    const plain = await sellerWithListing();
    const buyer = await createTestUser();
    await addToCart(buyer.id, plain.listingId, 1);
    expect(await checkout({ id: buyer.id, email: buyer.email }, delivery, 'vietqr')).toMatchObject({
      ok: false,
      error: 'payments.checkout.noAccount',
    });
    expect(await db.selectFrom('orders').select('id').execute()).toEqual([]);

    const s = await vietQrSeller();
    const { order } = await vietQrOrder(s.listingId);
    // She changes her account while an order awaits transfer: that order keeps the verified one; new VietQR checkouts wait.
    await savePayoutAccount(s.seller.id, { ...account, accountNumber: '1234567' });
    expect((await orderRow(order.id)).payee_account).toBe('0011004567890');
    const late = await createTestUser();
    await addToCart(late.id, s.listingId, 1);
    expect(await checkout({ id: late.id, email: late.email }, delivery, 'vietqr')).toMatchObject({
      ok: false,
      error: 'payments.checkout.noAccount',
    });
  });

  it('lapses unpaid VietQR orders after their deadline and gives the stock back', async () => {
    const s = await vietQrSeller({ stock: 1 });
    const { order } = await vietQrOrder(s.listingId);
    expect(await stockOf(s.listingId)).toBe(0);
    expect(await expireUnpaidOrders(new Date(Date.now() + 23 * 3_600_000))).toBe(0);
    expect(await expireUnpaidOrders(new Date(Date.now() + 25 * 3_600_000))).toBe(1);
    expect((await orderRow(order.id)).state).toBe('cancelled');
    expect(await stockOf(s.listingId)).toBe(1);
  });
});

describe('SePay bank webhook', () => {
  it('finds the code in the notes banks actually send', () => {
    expect(codeInNote('SEN 7K3Q9XAB')).toBe('7K3Q9XAB');
    expect(codeInNote('MBVCB.3278907687.NGUYEN THI MAI chuyen tien.sen7k3q9xab.CT tu 0123')).toBe('7K3Q9XAB');
    expect(codeInNote('SEN 7K3Q9XABC')).toBe(null);
    expect(codeInNote('thanh toan don hang')).toBe(null);
  });

  it('marks the order paid when the note carries its code and the amount matches; a retry changes nothing', async () => {
    const s = await vietQrSeller();
    const { order, buyer } = await vietQrOrder(s.listingId);
    const body = sepayPayload({
      accountNumber: '0011004567890',
      amount: 280_000,
      content: `NGUYEN THI MAI chuyen tien SEN ${order.payment_code}`,
    });
    expect(await post(body, s.key)).toEqual({ status: 200, json: { success: true, outcome: 'paid' } });
    const paid = await orderRow(order.id);
    expect(paid.state).toBe('placed');
    expect(paid.pay_by).toBe(null);
    expect(await post(body, s.key)).toEqual({ status: 200, json: { success: true, outcome: 'duplicate' } });
    const events = await db
      .selectFrom('order_events')
      .select('to_state')
      .where('order_id', '=', order.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.to_state)).toEqual(['awaiting_payment', 'placed']);
    const notes = await db
      .selectFrom('notifications')
      .select(['user_id', 'message_key'])
      .where('message_key', '=', 'orders.notify.placed')
      .execute();
    expect(notes.map((n) => n.user_id).sort()).toEqual([buyer.id, s.seller.id].sort());
  });

  it('refuses a wrong or missing key and a malformed body, changing nothing', async () => {
    const s = await vietQrSeller();
    const { order } = await vietQrOrder(s.listingId);
    const body = sepayPayload({
      accountNumber: '0011004567890',
      amount: 280_000,
      content: `SEN ${order.payment_code}`,
    });
    expect((await post(body, 'sen_wrong')).status).toBe(401);
    expect((await post(body, null)).status).toBe(401);
    expect((await post({ ...body, transferAmount: '280000đ' }, s.key)).status).toBe(400);
    expect((await orderRow(order.id)).state).toBe('awaiting_payment');
    expect(await db.selectFrom('bank_transfers').select('id').execute()).toEqual([]);
  });

  it('flags an amount off by one đồng to both sides and leaves the order unpaid', async () => {
    const s = await vietQrSeller();
    const { order, buyer } = await vietQrOrder(s.listingId);
    const r = await post(
      sepayPayload({ accountNumber: '0011004567890', amount: 279_999, content: `SEN ${order.payment_code}` }),
      s.key,
    );
    expect(r.json.outcome).toBe('amount_mismatch');
    const row = await orderRow(order.id);
    expect([row.state, row.payment_flag]).toEqual(['awaiting_payment', 'amount_mismatch']);
    const notes = await db
      .selectFrom('notifications')
      .select('user_id')
      .where('message_key', '=', 'payments.notify.amountMismatch')
      .execute();
    expect(notes.map((n) => n.user_id).sort()).toEqual([buyer.id, s.seller.id].sort());
  });

  it("does not pay an order with another order's code, another seller's code, or into another account", async () => {
    const s = await vietQrSeller();
    const other = await vietQrSeller();
    const mine = await vietQrOrder(s.listingId);
    const theirs = await vietQrOrder(other.listingId);
    // The note names the other seller's order: this seller's key cannot touch it.
    expect(
      (
        await post(
          sepayPayload({
            accountNumber: '0011004567890',
            amount: 280_000,
            content: `SEN ${theirs.order.payment_code}`,
          }),
          s.key,
        )
      ).json.outcome,
    ).toBe('unmatched');
    // Right code, but the money went to an account the order did not name.
    expect(
      (
        await post(
          sepayPayload({ accountNumber: '5555555', amount: 280_000, content: `SEN ${mine.order.payment_code}` }),
          s.key,
        )
      ).json.outcome,
    ).toBe('unmatched');
    expect((await orderRow(mine.order.id)).state).toBe('awaiting_payment');
    expect((await orderRow(theirs.order.id)).state).toBe('awaiting_payment');
    expect(await db.selectFrom('bank_transfers').select('outcome').execute()).toEqual([
      { outcome: 'unmatched' },
      { outcome: 'unmatched' },
    ]);
  });

  it('flags a transfer for a lapsed order for refund and never re-opens sold-out stock', async () => {
    const s = await vietQrSeller({ stock: 1 });
    const { order } = await vietQrOrder(s.listingId);
    await expireUnpaidOrders(new Date(Date.now() + 25 * 3_600_000));
    // Someone else buys the item given back.
    const cod = await createTestUser();
    await addToCart(cod.id, s.listingId, 1);
    expect((await checkout({ id: cod.id, email: cod.email }, delivery, 'cod')).ok).toBe(true);
    const r = await post(
      sepayPayload({ accountNumber: '0011004567890', amount: 280_000, content: `SEN ${order.payment_code}` }),
      s.key,
    );
    expect(r.json.outcome).toBe('late_transfer');
    const row = await orderRow(order.id);
    expect([row.state, row.payment_flag]).toEqual(['cancelled', 'late_transfer']);
    expect(await stockOf(s.listingId)).toBe(0);
    expect(
      await db
        .selectFrom('notifications')
        .select('user_id')
        .where('message_key', '=', 'payments.notify.lateTransfer')
        .execute(),
    ).toHaveLength(2);
  });

  it('ten identical posts at once mark the order paid once', async () => {
    const s = await vietQrSeller();
    const { order } = await vietQrOrder(s.listingId);
    const body = sepayPayload({
      accountNumber: '0011004567890',
      amount: 280_000,
      content: `SEN ${order.payment_code}`,
    });
    const results = await Promise.all(Array.from({ length: 10 }, () => post(body, s.key)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.map((r) => r.json.outcome).sort()).toEqual(['paid', ...Array(9).fill('duplicate')].sort());
    expect((await orderRow(order.id)).state).toBe('placed');
    const events = await db.selectFrom('order_events').select('to_state').where('order_id', '=', order.id).execute();
    expect(events.filter((e) => e.to_state === 'placed')).toHaveLength(1);
    expect(await db.selectFrom('bank_transfers').select('id').execute()).toHaveLength(1);
  });

  it('ignores outgoing transfers', async () => {
    const s = await vietQrSeller();
    const r = await post(
      sepayPayload({ accountNumber: '0011004567890', amount: 1, content: 'rut tien', transferType: 'out' }),
      s.key,
    );
    expect(r).toEqual({ status: 200, json: { success: true, outcome: 'outgoing' } });
  });
});

describe('VietQR pages', () => {
  it('checks out with VietQR through the form and shows a QR that pays exactly this order into the verified account', async () => {
    const { call, formRequest, getRequest, payload, statusOf } = await import('../support/fixtures');
    const checkoutRoute = await import('../../app/routes/checkout');
    const buyerOrder = await import('../../app/routes/orders.$id');
    const { readVietQr } = await import('../../app/modules/payments/vietqr');
    const s = await vietQrSeller();
    const buyer = await createTestUser();
    await addToCart(buyer.id, s.listingId, 1);
    const page = payload(await call(checkoutRoute.loader, getRequest('/checkout', { cookie: buyer.cookie })));
    expect(page.noVietQr).toEqual([]);
    const res = (await call(
      checkoutRoute.action,
      formRequest('/checkout', { ...delivery, payment: 'vietqr' }, { cookie: buyer.cookie }),
    )) as Response;
    expect(res.status).toBe(302);
    const order = await db.selectFrom('orders').selectAll().where('buyer_id', '=', buyer.id).executeTakeFirstOrThrow();
    expect(res.headers.get('location')).toBe(`/orders/${order.id}`);
    const view = payload(
      await call(buyerOrder.loader, getRequest(`/orders/${order.id}`, { cookie: buyer.cookie }), { id: order.id }),
    );
    expect(view.qr).toMatchObject({
      amount: 280_000,
      holder: 'HOA',
      bank: 'Vietcombank',
      account: '0011004567890',
      note: `SEN ${order.payment_code}`,
    });
    expect(defined(view.qr, 'view.qr').src).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(defined(view.qr, 'view.qr').src.split(',')[1], 'base64').toString()).toContain('<svg');
    const read = defined(
      readVietQr(defined(view.qr, 'view.qr').payload),
      'readVietQr(defined(view.qr, ’view.qr’).payload)',
    );
    expect(read.crcValid).toBe(true);
    expect(read.fields.get('54')).toBe('280000');
    expect(read.fields.get('62')).toBe(`0812SEN ${order.payment_code}`);
    // Another buyer does not see it.
    const stranger = await createTestUser();
    expect(
      statusOf(
        await call(buyerOrder.loader, getRequest(`/orders/${order.id}`, { cookie: stranger.cookie }), { id: order.id }),
      ),
    ).toBe(404);
  });

  it('lets the seller confirm a transfer by hand, and not another seller', async () => {
    const { call, formRequest } = await import('../support/fixtures');
    const sellerOrder = await import('../../app/routes/dashboard.orders.$id');
    const s = await vietQrSeller();
    const other = await vietQrSeller();
    const { order } = await vietQrOrder(s.listingId);
    const otherCookie = other.seller.cookie;
    expect(
      (
        (await call(
          sellerOrder.action,
          formRequest(`/dashboard/orders/${order.id}`, { intent: 'pay' }, { cookie: otherCookie }),
          { id: order.id },
        )) as Response
      ).status,
    ).toBe(404);
    const res = (await call(
      sellerOrder.action,
      formRequest(`/dashboard/orders/${order.id}`, { intent: 'pay' }, { cookie: s.seller.cookie }),
      { id: order.id },
    )) as Response;
    expect(res.status).toBe(302);
    expect((await orderRow(order.id)).state).toBe('placed');
  });

  it('keeps what she typed when the payout form is wrong, and staff decide once after confirming', async () => {
    const { call, formRequest, payload, statusOf } = await import('../support/fixtures');
    const payoutRoute = await import('../../app/routes/dashboard.payout');
    const staffRoute = await import('../../app/routes/staff.payouts');
    const s = await sellerWithListing();
    const bad = await call(
      payoutRoute.action,
      formRequest(
        '/dashboard/payout',
        { intent: 'save', bankBin: '', accountNumber: '12ab', accountName: 'Tran Van B' },
        { cookie: s.seller.cookie },
      ),
    );
    expect(statusOf(bad)).toBe(400);
    expect(payload(bad).errors).toEqual({
      bankBin: 'payments.payout.bankUnknown',
      accountNumber: 'payments.payout.accountNumberInvalid',
    });
    expect(payload(bad).values.accountName).toBe('Tran Van B');
    const ok = (await call(
      payoutRoute.action,
      formRequest(
        '/dashboard/payout',
        { intent: 'save', bankBin: '970436', accountNumber: '0011 0045 67890', accountName: 'Tran Van B' },
        { cookie: s.seller.cookie },
      ),
    )) as Response;
    expect(ok.status).toBe(302);
    expect(await findPayoutAccount(s.seller.id)).toMatchObject({
      status: 'pending',
      account_number: '0011004567890',
      account_name: 'TRAN VAN B',
    });

    const staff = await createTestUser({ roles: ['staff'] });
    const first = await call(
      staffRoute.action,
      formRequest('/staff/payouts', { sellerId: s.seller.id, decision: 'approved' }, { cookie: staff.cookie }),
    );
    // Typed as plain FormReply: the action's inferred return type folds the confirm branch into it.
    expect(payload(first)).toHaveProperty('confirm', true);
    expect((await findPayoutAccount(s.seller.id))?.status).toBe('pending');
    const confirmed = (await call(
      staffRoute.action,
      formRequest(
        '/staff/payouts',
        { sellerId: s.seller.id, decision: 'approved', confirmed: 'yes' },
        { cookie: staff.cookie },
      ),
    )) as Response;
    expect(confirmed.status).toBe(302);
    expect(await findPayoutAccount(s.seller.id)).toMatchObject({ status: 'approved', approved_by: 'staff' });
    const again = await call(
      staffRoute.action,
      formRequest(
        '/staff/payouts',
        { sellerId: s.seller.id, decision: 'rejected', confirmed: 'yes' },
        { cookie: staff.cookie },
      ),
    );
    expect(statusOf(again)).toBe(409);
  });
});
