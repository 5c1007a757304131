import { defined } from '../app/lib/defined';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { provinces } from '../app/lib/provinces';
import { addToCart } from '../app/modules/orders';
import { ghnCarrier, ghnConfig } from '../app/modules/shipping/ghn.server';
import { movesForward } from '../app/modules/shipping/shipping.server';
import { findWard, wardsOf } from '../app/modules/shipping/wards';
import * as checkoutRoute from '../app/routes/checkout';
import * as pickupRoute from '../app/routes/dashboard.shipping';
import * as sellerOrder from '../app/routes/dashboard.orders.$id';
import * as buyerOrder from '../app/routes/orders.$id';
import * as webhook from '../app/routes/webhooks.carrier.$code';
import { useCleanDatabase } from './support/clean';
import {
  call,
  createTestUser,
  formRequest,
  getRequest,
  payload,
  statusOf,
  testOrigin,
  withKey,
} from './support/fixtures';
import { ghnCallback, ghnFee, ghnTest, startGhnServer } from './support/ghn-server';
import { sellerWithListing } from './support/orders';

useCleanDatabase();

let ghn: Awaited<ReturnType<typeof startGhnServer>>;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  ghn = await startGhnServer({ unserved: ['Xã Y Tý'] });
});
afterAll(async () => {
  await ghn.close();
});

/** Turns the carrier on (the fake GHN) for one test; `off()` restores the environment. */
function carrierOn() {
  for (const [k, v] of Object.entries(ghn.env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
}
function carrierOff() {
  for (const k of Object.keys(ghn.env)) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
}
beforeEach(() => {
  carrierOff();
  ghn.calls.length = 0;
});

const pickup = {
  name: 'Hợp tác xã Thổ cẩm Sa Pa',
  phone: '0912 000 111',
  address: 'Thôn Lao Chải',
  province: 'lao-cai',
  ward: 'sa pa', // typed without diacritics or "Phường": found as "Phường Sa Pa"
};
const buyerAddress = {
  name: 'Nguyễn Thị Mai',
  phone: '0987654321',
  address: 'Thôn Bản Lác',
  province: 'son-la',
  ward: 'Xã Mai Sơn',
};

function webhookPost(body: unknown, token: string = ghnTest.webhookToken) {
  return new Request(new URL(`/webhooks/carrier/ghn?token=${encodeURIComponent(token)}`, testOrigin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function sendWebhook(body: unknown, token?: string) {
  const res = (await call(webhook.action, webhookPost(body, token), { code: 'ghn' })) as Response;
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** A seller with her pickup address set through her page, and a buyer with the listing in her cart. */
async function sellerAndBuyer(options: { stock?: number } = {}) {
  const s = await sellerWithListing({ price: 200_000, stock: options.stock ?? 5, shippingFee: 30_000 });
  const res = await call(pickupRoute.action, formRequest('/dashboard/shipping', pickup, { cookie: s.seller.cookie }));
  expect(statusOf(res)).toBe(302);
  const buyer = await createTestUser();
  await addToCart(buyer.id, s.listingId, 1);
  return { ...s, buyer };
}

async function placeOrder(buyerCookie: string, fields: Record<string, string> = {}) {
  return call(
    checkoutRoute.action,
    formRequest('/checkout', { ...buyerAddress, payment: 'cod', ...fields }, { cookie: buyerCookie }),
  );
}

async function theOrder(buyerId: string) {
  return db.selectFrom('orders').selectAll().where('buyer_id', '=', buyerId).executeTakeFirstOrThrow();
}

async function shipWithCarrier(sellerCookie: string, orderId: string, weight = '800') {
  return call(
    sellerOrder.action,
    formRequest(`/dashboard/orders/${orderId}`, { intent: 'carrierShip', weight }, { cookie: sellerCookie }),
    { id: orderId },
  );
}

async function accept(sellerCookie: string, orderId: string) {
  const res = await call(
    sellerOrder.action,
    formRequest(`/dashboard/orders/${orderId}`, { intent: 'accept' }, { cookie: sellerCookie }),
    { id: orderId },
  );
  expect(statusOf(res)).toBe(302);
}

describe('the wards after the 2025 merger', () => {
  it('lists the 3,321 communal units of the 34 provinces, each named once per province', () => {
    expect(provinces.every((p) => wardsOf(p.code).length > 0)).toBe(true);
    expect(provinces.reduce((n, p) => n + wardsOf(p.code).length, 0)).toBe(3321);
    for (const p of provinces) expect(new Set(wardsOf(p.code)).size).toBe(wardsOf(p.code).length);
    // Lào Cai took in Yên Bái: both its old centres are wards of it now.
    expect(wardsOf('lao-cai')).toEqual(expect.arrayContaining(['Phường Lào Cai', 'Phường Yên Bái', 'Xã Bát Xát']));
  });

  it('finds a ward as she types it, and refuses one of another province', () => {
    expect(findWard('lao-cai', 'bat xat')).toBe('Xã Bát Xát');
    expect(findWard('lao-cai', '  XÃ  BÁT XÁT ')).toBe('Xã Bát Xát');
    expect(findWard('son-la', 'Xã Bát Xát')).toBeNull();
    expect(findWard('lao-cai', '')).toBeNull();
    expect(findWard('nowhere', 'Xã Bát Xát')).toBeNull();
  });
});

describe('the GHN client against the fake GHN', () => {
  const from = { ...pickup, phone: '+84912000111', ward: 'Phường Sa Pa' };
  const to = { ...buyerAddress };
  const parcel = { weightGrams: 1200, value: 200_000, cod: 0, items: [{ name: 'Khăn', quantity: 1, price: 200_000 }] };

  it('quotes the fee with the documented body and headers', async () => {
    const config = ghnConfig(ghn.env);
    if (!config) throw new Error('config');
    const carrier = ghnCarrier(config);
    expect(await carrier.quote(from, to, parcel)).toEqual({ ok: true, fee: ghnFee(1200, 'Lào Cai', 'Sơn La') });
    const [sent] = ghn.calls;
    expect(sent.path).toBe('/v2/shipping-order/preview');
    expect(sent.body).toMatchObject({
      from_phone: '0912000111',
      from_ward_name: 'Phường Sa Pa',
      from_province_name: 'Lào Cai',
      to_ward_name: 'Xã Mai Sơn',
      to_province_name: 'Sơn La',
      weight: 1200,
      service_type_id: 2,
      payment_type_id: 1,
    });
  });

  it('names its refusals: ward not served, too heavy, token invalid, GHN down or unreachable', async () => {
    const config = ghnConfig(ghn.env);
    if (!config) throw new Error('config');
    const carrier = ghnCarrier(config);
    expect(await carrier.quote(from, { ...to, ward: 'Xã Y Tý', province: 'lao-cai' }, parcel)).toMatchObject({
      ok: false,
      reason: 'notServed',
    });
    expect(await carrier.quote(from, to, { ...parcel, weightGrams: 60_000 })).toMatchObject({
      ok: false,
      reason: 'tooHeavy',
    });
    expect(await ghnCarrier({ ...config, token: 'wrong' }).quote(from, to, parcel)).toMatchObject({
      ok: false,
      reason: 'unauthorized',
    });
    ghn.failNext(502, { code: 502, message: 'Bad gateway' });
    expect(await carrier.quote(from, to, parcel)).toMatchObject({ ok: false, reason: 'unavailable' });
    const nowhere = ghnCarrier({ ...config, apiUrl: 'http://127.0.0.1:9/shiip/public-api' });
    expect(await nowhere.quote(from, to, parcel)).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it('only moves a shipment forward', () => {
    expect(movesForward('ready_to_pick', 'picked_up')).toBe(true);
    expect(movesForward('in_transit', 'picked_up')).toBe(false);
    expect(movesForward('delivered', 'returned')).toBe(false);
    expect(movesForward('picked_up', 'cancelled')).toBe(false);
    expect(movesForward('ready_to_pick', 'cancelled')).toBe(true);
  });
});

describe('pickup address and checkout by ward', () => {
  it('refuses a ward that does not belong to the chosen province, keeping what she typed', async () => {
    const s = await sellerWithListing();
    const res = await call(
      pickupRoute.action,
      formRequest('/dashboard/shipping', { ...pickup, ward: 'Xã Mai Sơn' }, { cookie: s.seller.cookie }),
    );
    expect(statusOf(res)).toBe(400);
    expect(payload(res).errors.ward).toBe('shipping.ward.notInProvince');
    expect(payload(res).values.ward).toBe('Xã Mai Sơn');
    expect(payload(res).wards).toContain('Phường Sa Pa');
    expect(await db.selectFrom('pickup_addresses').selectAll().execute()).toEqual([]);
  });

  it('without the carrier: the flat fee, the ward kept, nothing asked of GHN', async () => {
    const { buyer } = await sellerAndBuyer();
    expect(statusOf(await placeOrder(buyer.cookie))).toBe(302);
    const order = await theOrder(buyer.id);
    expect([order.shipping_fee, order.delivery_ward]).toEqual([30_000, 'Xã Mai Sơn']);
    expect(ghn.calls).toEqual([]);
  });

  it('with the carrier: quotes for her ward ("see the fee"), then charges the quoted fee', async () => {
    carrierOn();
    const { buyer } = await sellerAndBuyer();
    const quote = await placeOrder(buyer.cookie, { intent: 'quote' });
    expect(statusOf(quote)).toBe(200);
    const fee = ghnFee(500, 'Lào Cai', 'Sơn La');
    expect(Object.values(withKey(payload(quote), 'quotes').quotes)).toEqual([fee]);
    expect(await db.selectFrom('orders').select('id').execute()).toEqual([]);
    expect(statusOf(await placeOrder(buyer.cookie))).toBe(302);
    const order = await theOrder(buyer.id);
    expect([order.shipping_fee, order.total, order.delivery_ward]).toEqual([fee, 200_000 + fee, 'Xã Mai Sơn']);
  });

  it('refuses a ward of another province and a ward GHN does not serve, creating nothing', async () => {
    carrierOn();
    const { buyer } = await sellerAndBuyer();
    const wrong = await placeOrder(buyer.cookie, { ward: 'Xã Bát Xát' });
    expect(statusOf(wrong)).toBe(400);
    expect(payload(wrong).errors.ward).toBe('shipping.ward.notInProvince');
    const unserved = await placeOrder(buyer.cookie, { province: 'lao-cai', ward: 'Xã Y Tý' });
    expect(statusOf(unserved)).toBe(400);
    expect(payload(unserved).errors.form).toBe('shipping.checkout.notServed');
    expect(payload(unserved).titles).toEqual([expect.stringMatching(/^Shop /)]);
    expect(await db.selectFrom('orders').select('id').execute()).toEqual([]);
  });
});

describe('a shipment through the carrier, moved by its webhook', () => {
  it('creates the shipment, then picked up → in transit → delivered, each update once, COD shown', async () => {
    carrierOn();
    const { seller, buyer } = await sellerAndBuyer();
    await placeOrder(buyer.cookie);
    const order = await theOrder(buyer.id);
    // Not before she accepted it.
    expect(payload(await shipWithCarrier(seller.cookie, order.id)).errors.form).toBe('shipping.error.notAccepted');
    await accept(seller.cookie, order.id);
    expect(payload(await shipWithCarrier(seller.cookie, order.id, '60000')).errors.form).toBe(
      'shipping.refusal.tooHeavy',
    );
    const created = await shipWithCarrier(seller.cookie, order.id);
    expect(statusOf(created)).toBe(302);
    const shipment = await db.selectFrom('shipments').selectAll().executeTakeFirstOrThrow();
    expect(shipment).toMatchObject({
      carrier: 'ghn',
      status: 'ready_to_pick',
      cod_amount: order.total,
      weight_grams: 800,
    });
    expect(shipment.carrier_order_code).toMatch(/^GHN\d+$/);
    expect(shipment.label_url).toMatch(new RegExp(`^${ghn.url}/a5/public-api/printA5\\?token=`));
    expect((await fetch(shipment.label_url ?? '')).status).toBe(200);
    const create = ghn.calls.filter((c) => c.path === '/v2/shipping-order/create').at(-1);
    expect(create?.body).toMatchObject({ client_order_code: order.id, cod_amount: order.total, weight: 800 });
    // A second press: refused, one shipment.
    expect(statusOf(await shipWithCarrier(seller.cookie, order.id))).toBe(409);
    expect(await db.selectFrom('orders').select('state').where('id', '=', order.id).executeTakeFirst()).toEqual({
      state: 'accepted',
    });

    const code = shipment.carrier_order_code;
    expect((await sendWebhook(ghnCallback(code, 'picked'), 'wrong')).status).toBe(401);
    expect((await sendWebhook(ghnCallback(code, 'picked', { ShopID: 1 }))).status).toBe(401);
    expect((await sendWebhook(ghnCallback('GHN_UNKNOWN', 'picked'))).status).toBe(404);
    expect((await sendWebhook({ ShopID: Number(ghnTest.shopId), Status: 'picked' })).status).toBe(400);

    const picked = ghnCallback(code, 'picked', { Time: '2026-12-05T02:00:00Z' });
    expect(await sendWebhook(picked)).toEqual({ status: 200, json: { outcome: 'picked_up' } });
    expect(await sendWebhook(picked)).toEqual({ status: 200, json: { outcome: 'duplicate' } });
    let row = await theOrder(buyer.id);
    expect([row.state, row.carrier, row.tracking_code]).toEqual(['shipped', 'Giao Hàng Nhanh', code]);

    await sendWebhook(ghnCallback(code, 'transporting', { Time: '2026-12-05T05:00:00Z' }));
    await sendWebhook(ghnCallback(code, 'delivering', { Time: '2026-12-06T01:00:00Z' }));
    const delivered = ghnCallback(code, 'delivered', { Time: '2026-12-06T03:00:00Z', CODAmount: order.total });
    expect((await sendWebhook(delivered)).json).toEqual({ outcome: 'delivered' });
    expect((await sendWebhook(delivered)).json).toEqual({ outcome: 'duplicate' });
    // A late "picked" changes nothing.
    expect((await sendWebhook(ghnCallback(code, 'picked', { Time: '2026-12-05T02:30:00Z' }))).json).toEqual({
      outcome: 'recorded',
    });
    row = await theOrder(buyer.id);
    expect(row.state).toBe('delivered');
    const events = await db
      .selectFrom('order_events')
      .select(['actor_role', 'from_state', 'to_state'])
      .where('order_id', '=', order.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => `${e.actor_role}:${e.from_state}→${e.to_state}`)).toEqual([
      'buyer:null→placed',
      'seller:placed→accepted',
      'system:accepted→shipped',
      'system:shipped→delivered',
    ]);
    const notices = await db
      .selectFrom('notifications')
      .select(['user_id', 'message_key'])
      .where('user_id', '=', buyer.id)
      .orderBy('id')
      .execute();
    expect(notices.map((n) => n.message_key)).toEqual([
      'orders.notify.accepted',
      'orders.notify.shipped',
      'shipping.notify.inTransit',
      'orders.notify.delivered',
    ]);
    const after = await db.selectFrom('shipments').selectAll().executeTakeFirstOrThrow();
    expect([after.status, after.cod_collected]).toEqual(['delivered', order.total]);
    // Both sides see where it is; the seller sees the cash the carrier collected for her.
    const sellerView = payload(
      await call(sellerOrder.loader, getRequest(`/dashboard/orders/${order.id}`, { cookie: seller.cookie }), {
        id: order.id,
      }),
    );
    expect(sellerView.shipment).toMatchObject({ status: 'delivered', cod_collected: order.total });
    expect(defined(sellerView.shipment, 'sellerView.shipment').events).toHaveLength(5);
    const buyerView = payload(
      await call(buyerOrder.loader, getRequest(`/orders/${order.id}`, { cookie: buyer.cookie }), { id: order.id }),
    );
    expect(defined(buyerView.shipment, 'buyerView.shipment').status).toBe('delivered');
  });

  it('a parcel returned to the seller cancels the order and tells both sides', async () => {
    carrierOn();
    const { seller, buyer } = await sellerAndBuyer();
    await placeOrder(buyer.cookie);
    const order = await theOrder(buyer.id);
    await accept(seller.cookie, order.id);
    expect(statusOf(await shipWithCarrier(seller.cookie, order.id))).toBe(302);
    const { carrier_order_code: code } = await db
      .selectFrom('shipments')
      .select('carrier_order_code')
      .executeTakeFirstOrThrow();
    // "returned" without "picked" first (a lost update): the order is still shipped, then cancelled.
    expect((await sendWebhook(ghnCallback(code, 'returned'))).json).toEqual({ outcome: 'returned' });
    const row = await theOrder(buyer.id);
    expect(row.state).toBe('cancelled');
    expect(row.cancel_reason).toContain(code);
    const told = await db
      .selectFrom('notifications')
      .select('user_id')
      .where('message_key', '=', 'orders.notify.cancelled')
      .execute();
    expect(told.map((n) => n.user_id).sort()).toEqual([buyer.id, seller.id].sort());
  });

  it('without the carrier: no shipment form, the webhook answers 404, hand-typed tracking still works', async () => {
    const { seller, buyer } = await sellerAndBuyer();
    await placeOrder(buyer.cookie);
    const order = await theOrder(buyer.id);
    await accept(seller.cookie, order.id);
    const view = payload(
      await call(sellerOrder.loader, getRequest(`/dashboard/orders/${order.id}`, { cookie: seller.cookie }), {
        id: order.id,
      }),
    );
    expect(view.carrier).toBeNull();
    expect(payload(await shipWithCarrier(seller.cookie, order.id)).errors.form).toBe('shipping.error.noCarrier');
    expect((await sendWebhook(ghnCallback('GHN00001', 'picked'))).status).toBe(404);
    const res = await call(
      sellerOrder.action,
      formRequest(
        `/dashboard/orders/${order.id}`,
        { intent: 'ship', carrier: 'Viettel Post', trackingCode: 'VTP123' },
        { cookie: seller.cookie },
      ),
      { id: order.id },
    );
    expect(statusOf(res)).toBe(302);
    expect((await theOrder(buyer.id)).state).toBe('shipped');
  });

  it("another seller's order is not found", async () => {
    carrierOn();
    const { buyer } = await sellerAndBuyer();
    await placeOrder(buyer.cookie);
    const order = await theOrder(buyer.id);
    const other = await sellerWithListing();
    expect(statusOf(await shipWithCarrier(other.seller.cookie, order.id))).toBe(404);
  });
});
