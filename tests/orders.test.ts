import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { db } from '../app/lib/db.server';
import { findOwedRefund } from '../app/modules/payments/refunds.server';
import { sendDueRefunds } from '../jobs/retry-refunds';
import { addToCart, checkout, expireUnpaidOrders, advanceStaleOrders } from '../app/modules/orders';
import * as cartRoute from '../app/routes/cart';
import * as checkoutRoute from '../app/routes/checkout';
import * as buyerOrder from '../app/routes/orders.$id';
import * as buyerOrders from '../app/routes/orders._index';
import * as sellerOrder from '../app/routes/dashboard.orders.$id';
import * as sellerOrders from '../app/routes/dashboard.orders._index';
import * as storefront from '../app/routes/s.$slug';
import * as webhook from '../app/routes/webhooks.stripe';
import { useCleanDatabase } from './support/clean';
import { call, createTestUser, formRequest, getRequest, payload, statusOf, testOrigin } from './support/fixtures';
import { delivery, sellerWithListing, stockOf } from './support/orders';
import { startStripeServer } from './support/stripe-server';

useCleanDatabase();

const checkoutForm = (payment = 'cod', province = delivery.province) => ({ ...delivery, province, payment });

async function ordersOf(buyerId: string) {
  return db.selectFrom('orders').selectAll().where('buyer_id', '=', buyerId).orderBy('total').execute();
}

describe('cart and cash-on-delivery checkout', () => {
  it('makes one order per seller with a price snapshot, reserves stock and notifies each seller', async () => {
    const a = await sellerWithListing({ price: 250_000, stock: 3, shippingFee: 30_000 });
    const b = await sellerWithListing({ price: 120_000, stock: 1, shippingFee: 0 });
    const buyer = await createTestUser();
    expect(
      statusOf(
        await call(
          cartRoute.action,
          formRequest('/cart', { intent: 'add', listingId: a.listingId, quantity: '2' }, { cookie: buyer.cookie }),
        ),
      ),
    ).toBe(302);
    await call(
      cartRoute.action,
      formRequest('/cart', { intent: 'add', listingId: b.listingId }, { cookie: buyer.cookie }),
    );
    const cart = payload(await call(cartRoute.loader, getRequest('/cart', { cookie: buyer.cookie })));
    expect(cart.groups).toHaveLength(2);
    // 2 × 250.000 + 30.000 shipping, and 120.000 shipping free: amounts in integer đồng.
    expect(cart.total).toBe(650_000);

    const res = await call(checkoutRoute.action, formRequest('/checkout', checkoutForm(), { cookie: buyer.cookie }));
    expect(statusOf(res)).toBe(302);
    expect((res as Response).headers.get('location')).toBe('/orders?notice=notice.orders.placed');

    const orders = await ordersOf(buyer.id);
    expect(orders.map((o) => [o.state, o.payment_method, o.subtotal, o.shipping_fee, o.total])).toEqual([
      ['placed', 'cod', 120_000, 0, 120_000],
      ['placed', 'cod', 500_000, 30_000, 530_000],
    ]);
    expect(await stockOf(a.listingId)).toBe(1);
    expect(await stockOf(b.listingId)).toBe(0);
    // The price is kept even when the seller changes it later.
    await db.updateTable('listings').set({ price: 999_000 }).where('id', '=', a.listingId).execute();
    const items = await db.selectFrom('order_items').selectAll().where('order_id', '=', orders[1].id).execute();
    expect(items.map((i) => [i.title, i.unit_price, i.quantity])).toEqual([[expect.any(String), 250_000, 2]]);
    expect(await db.selectFrom('cart_items').selectAll().where('buyer_id', '=', buyer.id).execute()).toEqual([]);
    const notes = await db
      .selectFrom('notifications')
      .select(['user_id', 'message_key'])
      .where('message_key', '=', 'orders.notify.placed')
      .execute();
    expect(notes.map((n) => n.user_id).sort()).toEqual([a.seller.id, b.seller.id].sort());
    expect(await db.selectFrom('outbox_emails').select('id').execute()).toHaveLength(2);
    const list = payload(await call(buyerOrders.loader, getRequest('/orders', { cookie: buyer.cookie })));
    expect(list.orders).toHaveLength(2);
  });

  it('refuses a province the seller does not ship to, creating nothing', async () => {
    const a = await sellerWithListing({ stock: 2, provinces: ['ha-noi', 'hue'] });
    const buyer = await createTestUser();
    await addToCart(buyer.id, a.listingId, 1);
    const res = await call(
      checkoutRoute.action,
      formRequest('/checkout', checkoutForm('cod', 'ho-chi-minh'), { cookie: buyer.cookie }),
    );
    expect(statusOf(res)).toBe(400);
    expect(payload(res).errors.province).toBe('orders.checkout.province.error');
    expect(await ordersOf(buyer.id)).toEqual([]);
    expect(await stockOf(a.listingId)).toBe(2);
    const ok = await call(
      checkoutRoute.action,
      formRequest('/checkout', checkoutForm('cod', 'hue'), { cookie: buyer.cookie }),
    );
    expect(statusOf(ok)).toBe(302);
  });

  it('rejects bad delivery details with every error at once, and card payment when Stripe is off', async () => {
    const a = await sellerWithListing();
    const buyer = await createTestUser();
    await addToCart(buyer.id, a.listingId, 1);
    const res = await call(
      checkoutRoute.action,
      formRequest(
        '/checkout',
        { name: '', phone: '12', address: '', province: 'nowhere', payment: 'cod' },
        { cookie: buyer.cookie },
      ),
    );
    expect(statusOf(res)).toBe(400);
    expect(Object.keys(payload(res).errors).sort()).toEqual(['address', 'name', 'phone', 'province']);
    expect(
      payload(await call(checkoutRoute.loader, getRequest('/checkout', { cookie: buyer.cookie }))).cardEnabled,
    ).toBe(false);
    const card = await call(
      checkoutRoute.action,
      formRequest('/checkout', checkoutForm('card'), { cookie: buyer.cookie }),
    );
    expect(payload(card).errors.form).toBe('orders.checkout.cardUnavailable');
    expect(await stockOf(a.listingId)).toBe(5);
  });

  it('keeps a guest cart in a signed cookie and moves it into her account when she signs in', async () => {
    const a = await sellerWithListing({ price: 99_000, stock: 4 });
    const added = (await call(
      cartRoute.action,
      formRequest('/cart', { intent: 'add', listingId: a.listingId, quantity: '2' }),
    )) as Response;
    expect(added.status).toBe(302);
    const setCookie = added.headers.get('Set-Cookie')!;
    expect(setCookie).toMatch(/^sen_cart=/);
    const cartCookie = setCookie.split(';')[0];
    const guestView = payload(await call(cartRoute.loader, getRequest('/cart', { cookie: cartCookie })));
    expect(guestView).toMatchObject({ guest: true, total: 198_000 + 30_000 });
    // A tampered cookie is an empty cart, never an error.
    const [name, value] = cartCookie.split('=');
    // One letter of the signature changed (a letter, so the percent-encoding stays valid).
    const at = value.lastIndexOf('.') + 1 + value.slice(value.lastIndexOf('.') + 1).search(/[A-Za-z]/);
    const tampered = `${name}=${value.slice(0, at)}${value[at] === 'A' ? 'B' : 'A'}${value.slice(at + 1)}`;
    expect(tampered).not.toBe(cartCookie);
    expect(payload(await call(cartRoute.loader, getRequest('/cart', { cookie: tampered }))).groups).toEqual([]);
    // So is a cookie header that is not even valid percent-encoding.
    expect(
      payload(await call(cartRoute.loader, getRequest('/cart', { cookie: `${name}=%E0%A4%A; sen_session=%ZZ` })))
        .groups,
    ).toEqual([]);
    // Checkout needs an account.
    expect(
      ((await call(checkoutRoute.loader, getRequest('/checkout', { cookie: cartCookie }))) as Response).headers.get(
        'location',
      ),
    ).toMatch(/^\/login/);

    const buyer = await createTestUser();
    const merged = (await call(
      cartRoute.loader,
      getRequest('/cart', { cookie: `${buyer.cookie}; ${cartCookie}` }),
    )) as Response;
    expect(merged.status).toBe(302);
    expect(merged.headers.get('Set-Cookie')).toMatch(/^sen_cart=.*Max-Age=0/i);
    const view = payload(await call(cartRoute.loader, getRequest('/cart', { cookie: buyer.cookie })));
    expect(view.guest).toBe(false);
    expect(view.groups[0].lines).toMatchObject([{ listingId: a.listingId, quantity: 2 }]);
  });

  it('a suspended seller’s listing cannot be added to a cart, and one already in a cart cannot be ordered', async () => {
    const a = await sellerWithListing({ stock: 5 });
    const buyer = await createTestUser();
    await call(
      cartRoute.action,
      formRequest('/cart', { intent: 'add', listingId: a.listingId }, { cookie: buyer.cookie }),
    );
    await db
      .updateTable('users')
      .set({ suspended_at: new Date(), suspended_until: null })
      .where('id', '=', a.seller.id)
      .execute();

    const cart = payload(await call(cartRoute.loader, getRequest('/cart', { cookie: buyer.cookie })));
    expect(cart.groups.flatMap((g: { lines: { available: boolean }[] }) => g.lines.map((l) => l.available))).toEqual([
      false,
    ]);
    await call(checkoutRoute.action, formRequest('/checkout', checkoutForm(), { cookie: buyer.cookie }));
    expect(await ordersOf(buyer.id)).toEqual([]);
    expect(await stockOf(a.listingId)).toBe(5);
    const other = await createTestUser();
    expect(await addToCart(other.id, a.listingId, 1)).toEqual({ ok: false, error: 'orders.cart.unavailable' });
  });

  it('will not put a seller’s own listing in her cart', async () => {
    const a = await sellerWithListing();
    expect(await addToCart(a.seller.id, a.listingId, 1)).toEqual({ ok: false, error: 'orders.cart.own' });
  });
});

describe('the race for the last item', () => {
  it('many checkouts at once against a stock of 1 make exactly one order', async () => {
    const parallel = 25;
    const a = await sellerWithListing({ stock: 1 });
    const buyers = await Promise.all(Array.from({ length: parallel }, () => createTestUser()));
    for (const b of buyers) await addToCart(b.id, a.listingId, 1);
    const results = await Promise.all(buyers.map((b) => checkout(b, delivery, 'cod')));
    const ok = results.filter((r) => r.ok);
    const soldOut = results.filter((r) => !r.ok && r.error === 'orders.checkout.soldOut');
    console.info(
      `race: ${parallel} parallel checkouts against stock 1 (${process.env.DATABASE_URL ? 'postgres' : 'pglite'}): ${ok.length} order, ${soldOut.length} sold out`,
    );
    expect(ok).toHaveLength(1);
    expect(soldOut).toHaveLength(parallel - 1);
    expect(await db.selectFrom('orders').select('id').execute()).toHaveLength(1);
    expect(await stockOf(a.listingId)).toBe(0);
    // The losers keep their carts, and the page says sold out (409), naming the item.
    const loser = buyers.find((b, i) => !results[i].ok)!;
    const res = await call(checkoutRoute.action, formRequest('/checkout', checkoutForm(), { cookie: loser.cookie }));
    expect(statusOf(res)).toBe(409);
    expect(payload(res).errors.form).toBe('orders.checkout.soldOut');
    expect(payload(res).titles).toEqual([expect.stringContaining('Khăn thổ cẩm')]);
  });
});

describe('order transitions and who may make them', () => {
  async function placed() {
    const a = await sellerWithListing({ stock: 3, phone: '0911222333' });
    const buyer = await createTestUser();
    await addToCart(buyer.id, a.listingId, 1);
    const r = await checkout(buyer, delivery, 'cod');
    if (!r.ok) throw new Error(r.error);
    return { ...a, buyer, orderId: r.orderIds[0] };
  }
  const sellerPost = (
    o: { orderId: string; seller: { cookie: string } },
    form: Record<string, string>,
    cookie = o.seller.cookie,
  ) => call(sellerOrder.action, formRequest(`/dashboard/orders/${o.orderId}`, form, { cookie }), { id: o.orderId });
  const buyerPost = (
    o: { orderId: string; buyer: { cookie: string } },
    form: Record<string, string>,
    cookie = o.buyer.cookie,
  ) => call(buyerOrder.action, formRequest(`/orders/${o.orderId}`, form, { cookie }), { id: o.orderId });
  const stateOf = async (id: string) =>
    (await db.selectFrom('orders').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;

  it('placed → accepted → shipped → delivered → reviewed, each change recorded and told to the other side', async () => {
    const o = await placed();
    // Contacts: the buyer sees the seller's phone on her order, the seller the buyer's.
    const buyerView = payload(
      await call(buyerOrder.loader, getRequest(`/orders/${o.orderId}`, { cookie: o.buyer.cookie }), { id: o.orderId }),
    );
    expect(buyerView.order.seller_phone).toBe('0911222333');
    expect(buyerView.actions).toEqual(['cancel']);
    const sellerView = payload(
      await call(sellerOrder.loader, getRequest(`/dashboard/orders/${o.orderId}`, { cookie: o.seller.cookie }), {
        id: o.orderId,
      }),
    );
    // Written as at home, whatever form it was typed or stored in.
    expect(sellerView.order.delivery_phone).toBe('0987 654 321');
    expect(sellerView.actions).toEqual(['accept', 'cancel']);

    expect(statusOf(await sellerPost(o, { intent: 'accept' }))).toBe(302);
    expect(await stateOf(o.orderId)).toBe('accepted');
    // Shipping needs a carrier and a tracking code.
    const bad = await sellerPost(o, { intent: 'ship', carrier: '', trackingCode: '' });
    expect(statusOf(bad)).toBe(400);
    expect(statusOf(await sellerPost(o, { intent: 'ship', carrier: 'GHTK', trackingCode: 'S123456' }))).toBe(302);
    expect(await stateOf(o.orderId)).toBe('shipped');
    // A review before delivery is refused.
    expect(payload(await buyerPost(o, { intent: 'review', rating: '5', comment: 'Đẹp' })).errors.form).toBe(
      'orders.review.notYet',
    );
    expect(statusOf(await buyerPost(o, { intent: 'deliver' }))).toBe(302);
    expect(await stateOf(o.orderId)).toBe('delivered');
    expect(statusOf(await buyerPost(o, { intent: 'review', rating: '5', comment: 'Khăn rất đẹp <b>!</b>' }))).toBe(302);
    expect(payload(await buyerPost(o, { intent: 'review', rating: '1', comment: 'again' })).errors.form).toBe(
      'orders.review.already',
    );
    expect(statusOf(await sellerPost(o, { intent: 'reply', reply: 'Cảm ơn chị!' }))).toBe(302);
    expect(payload(await sellerPost(o, { intent: 'reply', reply: 'again' })).errors.form).toBe(
      'orders.review.alreadyReplied',
    );

    const events = await db
      .selectFrom('order_events')
      .select(['actor_role', 'from_state', 'to_state', 'actor_id'])
      .where('order_id', '=', o.orderId)
      .orderBy('id')
      .execute();
    expect(events.map((e) => `${e.actor_role}:${e.from_state}→${e.to_state}`)).toEqual([
      'buyer:null→placed',
      'seller:placed→accepted',
      'seller:accepted→shipped',
      'buyer:shipped→delivered',
    ]);
    const buyerNotes = await db
      .selectFrom('notifications')
      .select('message_key')
      .where('user_id', '=', o.buyer.id)
      .orderBy('id')
      .execute();
    expect(buyerNotes.map((n) => n.message_key)).toEqual([
      'orders.notify.accepted',
      'orders.notify.shipped',
      'orders.notify.replied',
    ]);
    const sellerNotes = await db
      .selectFrom('notifications')
      .select('message_key')
      .where('user_id', '=', o.seller.id)
      .orderBy('id')
      .execute();
    expect(sellerNotes.map((n) => n.message_key)).toEqual([
      'orders.notify.placed',
      'orders.notify.delivered',
      'orders.notify.reviewed',
    ]);

    const store = payload(await call(storefront.loader, getRequest(`/s/${o.slug}`), { slug: o.slug }));
    expect(store.rating).toEqual({ average: 5, count: 1 });
    expect(store.reviews[0].comment).toBe('Khăn rất đẹp <b>!</b>');
    // The storefront never carries the phone.
    expect(JSON.stringify(store)).not.toContain('0911222333');

    // 7 days after delivery the order completes by itself.
    await advanceStaleOrders(new Date(Date.now() + 8 * 86_400_000));
    expect(await stateOf(o.orderId)).toBe('completed');
  });

  it('forbids the other side’s actions (403) and hides others’ orders (404)', async () => {
    const o = await placed();
    const stranger = await createTestUser({ roles: ['entrepreneur'] });
    // The buyer cannot accept or refund her own order; the seller cannot confirm delivery.
    expect(statusOf(await buyerPost(o, { intent: 'accept' }))).toBe(403);
    expect(statusOf(await buyerPost(o, { intent: 'refund' }))).toBe(403);
    expect(statusOf(await sellerPost(o, { intent: 'deliver' }))).toBe(403);
    // Another person: not found, to read or to act.
    expect(
      statusOf(
        await call(buyerOrder.loader, getRequest(`/orders/${o.orderId}`, { cookie: stranger.cookie }), {
          id: o.orderId,
        }),
      ),
    ).toBe(404);
    expect(statusOf(await buyerPost(o, { intent: 'cancel' }, stranger.cookie))).toBe(404);
    expect(
      statusOf(
        await call(sellerOrder.loader, getRequest(`/dashboard/orders/${o.orderId}`, { cookie: stranger.cookie }), {
          id: o.orderId,
        }),
      ),
    ).toBe(404);
    expect(statusOf(await sellerPost(o, { intent: 'accept' }, stranger.cookie))).toBe(404);
    // A buyer is not a seller at all.
    expect(statusOf(await call(sellerOrders.loader, getRequest('/dashboard/orders', { cookie: o.buyer.cookie })))).toBe(
      403,
    );
    expect(
      statusOf(
        await call(buyerOrder.loader, getRequest('/orders/not-a-uuid', { cookie: o.buyer.cookie }), {
          id: 'not-a-uuid',
        }),
      ),
    ).toBe(404);
    // A state that does not allow the move is a form error; nothing changes.
    expect(payload(await sellerPost(o, { intent: 'ship', carrier: 'GHN', trackingCode: 'X1' })).errors.form).toBe(
      'orders.error.notAllowed',
    );
    expect(await stateOf(o.orderId)).toBe('placed');
  });

  it('the buyer cancels before acceptance (stock back); not after', async () => {
    const o = await placed();
    expect(await stockOf(o.listingId)).toBe(2);
    expect(statusOf(await buyerPost(o, { intent: 'cancel' }))).toBe(302);
    expect(await stateOf(o.orderId)).toBe('cancelled');
    expect(await stockOf(o.listingId)).toBe(3);
    expect(payload(await buyerPost(o, { intent: 'cancel' })).errors.form).toBe('orders.error.notAllowed');
    expect(await stockOf(o.listingId)).toBe(3);

    const p = await placed();
    await sellerPost(p, { intent: 'accept' });
    expect(payload(await buyerPost(p, { intent: 'cancel' })).errors.form).toBe('orders.error.notAllowed');
    expect(await stateOf(p.orderId)).toBe('accepted');
  });

  it('the seller cancels with a reason only, and the buyer sees it', async () => {
    const o = await placed();
    await sellerPost(o, { intent: 'accept' });
    expect(statusOf(await sellerPost(o, { intent: 'cancel', reason: '' }))).toBe(400);
    expect(await stateOf(o.orderId)).toBe('accepted');
    expect(statusOf(await sellerPost(o, { intent: 'cancel', reason: 'Hết vải màu này' }))).toBe(302);
    expect(await stateOf(o.orderId)).toBe('cancelled');
    expect(await stockOf(o.listingId)).toBe(3);
    const view = payload(
      await call(buyerOrder.loader, getRequest(`/orders/${o.orderId}`, { cookie: o.buyer.cookie }), { id: o.orderId }),
    );
    expect(view.order.cancel_reason).toBe('Hết vải màu này');
  });

  it('shipped orders nobody confirms become delivered after 14 days; seller filters and monthly sales', async () => {
    const o = await placed();
    await sellerPost(o, { intent: 'accept' });
    await sellerPost(o, { intent: 'ship', carrier: 'VNPost', trackingCode: 'EE1' });
    await advanceStaleOrders(new Date(Date.now() + 13 * 86_400_000));
    expect(await stateOf(o.orderId)).toBe('shipped');
    await advanceStaleOrders(new Date(Date.now() + 15 * 86_400_000));
    expect(await stateOf(o.orderId)).toBe('delivered');
    const page = payload(
      await call(sellerOrders.loader, getRequest('/dashboard/orders?state=delivered', { cookie: o.seller.cookie })),
    );
    expect(page.orders).toHaveLength(1);
    expect(page.summary).toEqual([{ month: expect.stringMatching(/^\d{4}-\d{2}$/), orders: 1, revenue: 280_000 }]);
    const none = payload(
      await call(sellerOrders.loader, getRequest('/dashboard/orders?state=placed', { cookie: o.seller.cookie })),
    );
    expect(none.orders).toEqual([]);
  });
});

describe('card payments through Stripe (offline)', () => {
  let stripeServer: Awaited<ReturnType<typeof startStripeServer>>;
  const secret = 'whsec_test_secret';
  const signer = new Stripe('sk_test_signer');
  const saved = { ...process.env };

  beforeAll(async () => {
    stripeServer = await startStripeServer();
    process.env.STRIPE_SECRET_KEY = 'sk_test_sen';
    process.env.STRIPE_API_BASE = stripeServer.base;
    process.env.STRIPE_WEBHOOK_SECRET = secret;
  });
  afterAll(async () => {
    process.env.STRIPE_SECRET_KEY = saved.STRIPE_SECRET_KEY;
    process.env.STRIPE_API_BASE = saved.STRIPE_API_BASE;
    process.env.STRIPE_WEBHOOK_SECRET = saved.STRIPE_WEBHOOK_SECRET;
    for (const k of ['STRIPE_SECRET_KEY', 'STRIPE_API_BASE', 'STRIPE_WEBHOOK_SECRET'])
      if (saved[k] === undefined) delete process.env[k];
    await stripeServer.close();
  });

  let eventCounter = 0;
  function event(type: string, object: object, id = `evt_test_${++eventCounter}`) {
    return {
      id,
      object: 'event',
      api_version: '2025-01-27.acacia',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      type,
      data: { object },
    };
  }
  function post(body: object, signature?: string) {
    const text = JSON.stringify(body);
    const header = signature ?? signer.webhooks.generateTestHeaderString({ payload: text, secret });
    return call(
      webhook.action,
      new Request(`${testOrigin}/webhooks/stripe`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'stripe-signature': header },
        body: text,
      }),
    );
  }
  async function cardCheckout(options: { stock?: number } = {}) {
    const a = await sellerWithListing({ price: 250_000, stock: options.stock ?? 2, shippingFee: 30_000 });
    const buyer = await createTestUser();
    await addToCart(buyer.id, a.listingId, 1);
    const res = await call(
      checkoutRoute.action,
      formRequest('/checkout', checkoutForm('card'), { cookie: buyer.cookie }),
    );
    const order = (await ordersOf(buyer.id))[0];
    return { ...a, buyer, res, order };
  }
  const session = (o: { order: { checkout_id: string; stripe_session_id: string | null } }, extra: object = {}) => ({
    id: o.order.stripe_session_id,
    object: 'checkout.session',
    metadata: { checkout_id: o.order.checkout_id },
    payment_status: 'paid',
    payment_intent: `pi_test_${o.order.checkout_id.slice(0, 8)}`,
    amount_total: 280_000,
    currency: 'vnd',
    ...extra,
  });
  const stateOf = async (id: string) =>
    (await db.selectFrom('orders').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;

  it('opens a Checkout Session in VND with an idempotency key and holds the stock', async () => {
    const o = await cardCheckout();
    expect(
      payload(await call(checkoutRoute.loader, getRequest('/checkout', { cookie: o.buyer.cookie }))),
    ).toBeInstanceOf(Response);
    expect(statusOf(o.res)).toBe(302);
    expect((o.res as Response).headers.get('location')).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);
    expect(o.order.state).toBe('awaiting_payment');
    expect(await stockOf(o.listingId)).toBe(1);
    const create = stripeServer.calls.filter((c) => c.path === '/v1/checkout/sessions').at(-1)!;
    expect(create.idempotencyKey).toBe(`checkout-${o.order.checkout_id}`);
    expect(create.body.get('currency')).toBe('vnd');
    // Zero-decimal: 250.000 ₫ is sent as 250000, the shipping fee as its own line.
    expect(create.body.get('line_items[0][price_data][unit_amount]')).toBe('250000');
    expect(create.body.get('line_items[1][price_data][unit_amount]')).toBe('30000');
    // The seller does not see an unpaid order.
    const sellerList = payload(
      await call(sellerOrders.loader, getRequest('/dashboard/orders', { cookie: o.seller.cookie })),
    );
    expect(sellerList.orders).toEqual([]);
  });

  it('checkout.session.completed places the order once; replays and late expiries change nothing', async () => {
    const o = await cardCheckout();
    const completed = event('checkout.session.completed', session(o));
    expect(await ((await post(completed)) as Response).json()).toEqual({ received: true, outcome: 'handled' });
    expect(await stateOf(o.order.id)).toBe('placed');
    const eventsAfter = await db.selectFrom('order_events').select('id').where('order_id', '=', o.order.id).execute();
    const notesAfter = await db.selectFrom('notifications').select('id').execute();
    // The same event again: recorded once, nothing more happens.
    expect(await ((await post(completed)) as Response).json()).toEqual({ received: true, outcome: 'duplicate' });
    // An expiry arriving after the payment (out of order) does not cancel it.
    await post(event('checkout.session.expired', session(o, { payment_status: 'unpaid', status: 'expired' })));
    expect(await stateOf(o.order.id)).toBe('placed');
    expect(await stockOf(o.listingId)).toBe(1);
    expect(await db.selectFrom('order_events').select('id').where('order_id', '=', o.order.id).execute()).toHaveLength(
      eventsAfter.length,
    );
    expect(await db.selectFrom('notifications').select('id').execute()).toHaveLength(notesAfter.length);
    const row = await db
      .selectFrom('orders')
      .select('stripe_payment_intent')
      .where('id', '=', o.order.id)
      .executeTakeFirstOrThrow();
    expect(row.stripe_payment_intent).toBe(`pi_test_${o.order.checkout_id.slice(0, 8)}`);
  });

  it('a bad signature is a 400 and changes nothing', async () => {
    const o = await cardCheckout();
    const body = event('checkout.session.completed', session(o));
    const forged = signer.webhooks.generateTestHeaderString({ payload: JSON.stringify(body), secret: 'whsec_wrong' });
    expect(statusOf(await post(body, forged))).toBe(400);
    expect(statusOf(await post(body, 'garbage'))).toBe(400);
    expect(await stateOf(o.order.id)).toBe('awaiting_payment');
    expect(await db.selectFrom('stripe_events').select('id').execute()).toEqual([]);
  });

  it('an expired session or a failed payment gives the stock back', async () => {
    const o = await cardCheckout();
    await post(event('checkout.session.expired', session(o, { payment_status: 'unpaid', status: 'expired' })));
    expect(await stateOf(o.order.id)).toBe('cancelled');
    expect(await stockOf(o.listingId)).toBe(2);
    const p = await cardCheckout();
    await post(event('checkout.session.async_payment_failed', session(p, { payment_status: 'unpaid' })));
    expect(await stateOf(p.order.id)).toBe('cancelled');
    expect(await stockOf(p.listingId)).toBe(2);
  });

  it('the job expires unpaid card orders after 30 minutes; a payment arriving later is kept if stock remains, else refunded', async () => {
    const o = await cardCheckout({ stock: 1 });
    expect(await expireUnpaidOrders(new Date(Date.now() + 29 * 60_000))).toBe(0);
    expect(await expireUnpaidOrders(new Date(Date.now() + 31 * 60_000))).toBe(1);
    expect(await stateOf(o.order.id)).toBe('cancelled');
    expect(await stockOf(o.listingId)).toBe(1);
    // Late payment, stock still there: the order comes back.
    await post(event('checkout.session.completed', session(o)));
    expect(await stateOf(o.order.id)).toBe('placed');
    expect(await stockOf(o.listingId)).toBe(0);

    // Late payment after someone else bought the last one: refunded through Stripe.
    const p = await cardCheckout({ stock: 1 });
    await expireUnpaidOrders(new Date(Date.now() + 31 * 60_000));
    await db.updateTable('listings').set({ stock: 0 }).where('id', '=', p.listingId).execute();
    await post(event('checkout.session.completed', session(p)));
    expect(await stateOf(p.order.id)).toBe('refunded');
    const refund = stripeServer.calls.filter((c) => c.path === '/v1/refunds').at(-1)!;
    expect(refund.idempotencyKey).toBe(`refund-${p.order.id}`);
    expect(refund.body.get('amount')).toBe('280000');
  });

  it('the seller refunds a shipped card order through Stripe; charge.refunded then changes nothing more', async () => {
    const o = await cardCheckout();
    await post(event('checkout.session.completed', session(o)));
    const form = (f: Record<string, string>) =>
      call(sellerOrder.action, formRequest(`/dashboard/orders/${o.order.id}`, f, { cookie: o.seller.cookie }), {
        id: o.order.id,
      });
    await form({ intent: 'accept' });
    await form({ intent: 'ship', carrier: 'GHTK', trackingCode: 'T1' });
    expect(statusOf(await form({ intent: 'refund' }))).toBe(302);
    expect(await stateOf(o.order.id)).toBe('refunded');
    const refund = stripeServer.calls.filter((c) => c.path === '/v1/refunds').at(-1)!;
    expect(refund.body.get('payment_intent')).toBe(`pi_test_${o.order.checkout_id.slice(0, 8)}`);
    expect(refund.body.get('amount')).toBe('280000');
    // Shipped goods are not back on the shelf.
    expect(await stockOf(o.listingId)).toBe(1);
    const charge = {
      id: 'ch_test_1',
      object: 'charge',
      amount: 280_000,
      amount_refunded: 280_000,
      refunded: true,
      currency: 'vnd',
      payment_intent: `pi_test_${o.order.checkout_id.slice(0, 8)}`,
    };
    expect(await ((await post(event('charge.refunded', charge))) as Response).json()).toEqual({
      received: true,
      outcome: 'handled',
    });
    expect(
      await db
        .selectFrom('order_events')
        .select('to_state')
        .where('order_id', '=', o.order.id)
        .where('to_state', '=', 'refunded')
        .execute(),
    ).toHaveLength(1);
  });

  it('charge.refunded (a refund made in Stripe) marks a paid order refunded and returns unshipped stock', async () => {
    const o = await cardCheckout();
    await post(event('checkout.session.completed', session(o)));
    const charge = {
      id: 'ch_test_2',
      object: 'charge',
      amount: 280_000,
      amount_refunded: 280_000,
      refunded: true,
      currency: 'vnd',
      payment_intent: `pi_test_${o.order.checkout_id.slice(0, 8)}`,
    };
    await post(event('charge.refunded', charge));
    expect(await stateOf(o.order.id)).toBe('refunded');
    expect(await stockOf(o.listingId)).toBe(2);
  });

  it('the real HTTP stack passes Stripe’s raw body through (no Origin header needed) and verifies it', async () => {
    const { startAppServer } = await import('./support/app-server');
    const server = await startAppServer();
    try {
      const o = await cardCheckout();
      const text = JSON.stringify(event('checkout.session.completed', session(o)));
      const send = (signature: string) =>
        fetch(`${server.origin}/webhooks/stripe`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
          body: text,
        });
      expect((await send('t=1,v1=forged')).status).toBe(400);
      expect(await stateOf(o.order.id)).toBe('awaiting_payment');
      const ok = await send(signer.webhooks.generateTestHeaderString({ payload: text, secret }));
      expect(ok.status).toBe(200);
      expect(await stateOf(o.order.id)).toBe('placed');
    } finally {
      await server.close();
    }
  });

  it('a buyer cancelling a paid card order before acceptance is refunded in full and the stock comes back', async () => {
    const o = await cardCheckout();
    await post(event('checkout.session.completed', session(o)));
    const res = await call(
      buyerOrder.action,
      formRequest(`/orders/${o.order.id}`, { intent: 'cancel' }, { cookie: o.buyer.cookie }),
      { id: o.order.id },
    );
    expect(statusOf(res)).toBe(302);
    expect(await stateOf(o.order.id)).toBe('refunded');
    expect(await stockOf(o.listingId)).toBe(2);
    const refund = stripeServer.calls.filter((c) => c.path === '/v1/refunds').at(-1)!;
    expect([refund.idempotencyKey, refund.body.get('amount')]).toEqual([`refund-${o.order.id}`, '280000']);
  });

  it('when Stripe refuses the refund of a cancelled paid order, the cancellation stands, the refund stays owed and the job sends it once', async () => {
    const o = await cardCheckout();
    await post(event('checkout.session.completed', session(o)));
    stripeServer.failNext();
    const res = await call(
      buyerOrder.action,
      formRequest(`/orders/${o.order.id}`, { intent: 'cancel' }, { cookie: o.buyer.cookie }),
      { id: o.order.id },
    );
    expect(statusOf(res)).toBe(302);
    expect(await stateOf(o.order.id)).toBe('cancelled');
    expect(await stockOf(o.listingId)).toBe(2);
    expect(await findOwedRefund('order', o.order.id)).toMatchObject({ attempts: 1, sent_at: null, amount: 280_000 });
    expect(await sendDueRefunds(new Date(Date.now() + 6 * 60_000))).toMatchObject({ sent: 1 });
    expect(await stateOf(o.order.id)).toBe('refunded');
    expect(await sendDueRefunds(new Date(Date.now() + 86_400_000))).toMatchObject({ sent: 0 });
    const keyed = stripeServer.calls.filter((c) => c.idempotencyKey === `refund-${o.order.id}`);
    expect(keyed).toHaveLength(2); // the refused attempt and the job's, one refund
  });

  it('when Stripe refuses to open a session, the stock is released and the buyer is told', async () => {
    const a = await sellerWithListing({ stock: 1 });
    const buyer = await createTestUser();
    await addToCart(buyer.id, a.listingId, 1);
    stripeServer.failNext();
    const res = await call(
      checkoutRoute.action,
      formRequest('/checkout', checkoutForm('card'), { cookie: buyer.cookie }),
    );
    expect(payload(res).errors.form).toBe('orders.checkout.paymentFailed');
    expect(await stockOf(a.listingId)).toBe(1);
    expect((await ordersOf(buyer.id))[0].state).toBe('cancelled');
  });
});
