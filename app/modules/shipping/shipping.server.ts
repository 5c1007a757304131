import { sql, type Transaction } from 'kysely';
import type { Database, ShipmentStatus } from '../../../db/schema';
import { db } from '~/lib/db.server';
import type { MessageKey } from '~/lib/i18n';
import { isUuid } from '~/lib/ids';
import { log } from '~/lib/log.server';
import { applyTransition, lockOrder, notifyAboutOrder, type CartGroup } from '~/modules/orders';
import type { CarrierRefusal, ShippingAddress } from './carrier';
import { activeCarrier, carrierByCode } from './carriers.server';

// Delivery by a carrier: the seller's pickup address, the fee quoted for the
// buyer's ward at checkout, the shipment the seller creates from her order page,
// and the carrier's tracking updates moving the order. Which carrier, and how its
// API looks, is carriers.server.ts's business; this file knows none of it.

type Trx = Transaction<Database>;

/** What a parcel weighs when nobody weighed it: per unit ordered (listings carry no weight). */
export const defaultGramsPerUnit = 500;

export function carrierEnabled() {
  return activeCarrier() !== null;
}

export function activeCarrierName() {
  return activeCarrier()?.name ?? null;
}

export const refusalKeys: Record<CarrierRefusal, MessageKey> = {
  notServed: 'shipping.refusal.notServed',
  tooHeavy: 'shipping.refusal.tooHeavy',
  unauthorized: 'shipping.refusal.unauthorized',
  unavailable: 'shipping.refusal.unavailable',
  refused: 'shipping.refusal.refused',
};

/** The same refusals at checkout, naming the seller whose parcel it is ({titles}). */
export const checkoutRefusalKeys: Record<CarrierRefusal, MessageKey> = {
  notServed: 'shipping.checkout.notServed',
  tooHeavy: 'shipping.checkout.tooHeavy',
  unauthorized: 'shipping.checkout.unavailable',
  unavailable: 'shipping.checkout.unavailable',
  refused: 'shipping.checkout.unavailable',
};

// ---- pickup address ----

export type PickupInput = Omit<ShippingAddress, never>;

export async function pickupAddress(sellerId: string) {
  return (
    (await db
      .selectFrom('pickup_addresses')
      .select(['name', 'phone', 'address', 'province', 'ward', 'updated_at'])
      .where('seller_id', '=', sellerId)
      .executeTakeFirst()) ?? null
  );
}

export async function savePickupAddress(sellerId: string, input: PickupInput) {
  const values = { ...input, updated_at: new Date() };
  await db
    .insertInto('pickup_addresses')
    .values({ seller_id: sellerId, ...values })
    .onConflict((oc) => oc.column('seller_id').doUpdateSet(values))
    .execute();
}

// ---- checkout ----

export type CartQuote =
  | { ok: true; fees: Map<string, number>; carrier: string | null }
  | { ok: false; sellerName: string; error: MessageKey };

/**
 * The carrier's fee for each seller of the cart whose pickup address is set, for
 * the buyer's ward; other sellers keep their flat fee (not in the map). Without a
 * carrier, or without a ward, nothing is quoted. One refusal refuses the checkout,
 * naming the seller and why (her ward not served, the parcel too heavy...).
 */
export async function quoteCart(groups: CartGroup[], to: ShippingAddress | null): Promise<CartQuote> {
  const carrier = activeCarrier();
  const fees = new Map<string, number>();
  if (!carrier || !to || !groups.length) return { ok: true, fees, carrier: null };
  const pickups = await db
    .selectFrom('pickup_addresses')
    .selectAll()
    .where(
      'seller_id',
      'in',
      groups.map((g) => g.sellerId),
    )
    .execute();
  for (const group of groups) {
    const from = pickups.find((p) => p.seller_id === group.sellerId);
    if (!from) continue;
    const live = group.lines.filter((l) => l.available);
    const quote = await carrier.quote(from, to, {
      weightGrams:
        Math.max(
          1,
          live.reduce((n, l) => n + l.quantity, 0),
        ) * defaultGramsPerUnit,
      value: group.subtotal,
      cod: 0,
      items: live.map((l) => ({ name: l.title, quantity: l.quantity, price: l.price })),
    });
    if (!quote.ok) return { ok: false, sellerName: group.sellerName, error: checkoutRefusalKeys[quote.reason] };
    fees.set(group.sellerId, quote.fee);
  }
  return { ok: true, fees, carrier: carrier.name };
}

// ---- the seller creates a shipment ----

export type ShipmentResult = { ok: true } | { ok: false; status: 400 | 404 | 409; error: MessageKey };

/**
 * Asks the carrier to pick up an accepted order: its order code, fee and label
 * link are stored. The order becomes shipped when the carrier says it picked the
 * parcel up (webhook). A second shipment for the same order is refused here, and
 * by the carrier (Sen's order id is its client_order_code).
 */
export async function createShipment(
  sellerId: string,
  orderId: string | undefined,
  weightGrams: number,
): Promise<ShipmentResult> {
  if (!isUuid(orderId)) return { ok: false, status: 404, error: 'orders.error.notFound' };
  const order = await db
    .selectFrom('orders as o')
    .leftJoin('shipments as s', 's.order_id', 'o.id')
    .select([
      'o.id',
      'o.state',
      'o.payment_method',
      'o.total',
      'o.subtotal',
      'o.delivery_name',
      'o.delivery_phone',
      'o.delivery_address',
      'o.delivery_province',
      'o.delivery_ward',
      's.status as shipment_status',
    ])
    .where('o.id', '=', orderId)
    .where('o.seller_id', '=', sellerId)
    .executeTakeFirst();
  if (!order) return { ok: false, status: 404, error: 'orders.error.notFound' };
  const carrier = activeCarrier();
  if (!carrier) return { ok: false, status: 400, error: 'shipping.error.noCarrier' };
  if (order.state !== 'accepted') return { ok: false, status: 400, error: 'shipping.error.notAccepted' };
  if (order.shipment_status && order.shipment_status !== 'cancelled')
    return { ok: false, status: 409, error: 'shipping.error.exists' };
  if (!order.delivery_ward) return { ok: false, status: 400, error: 'shipping.error.noWard' };
  const from = await pickupAddress(sellerId);
  if (!from) return { ok: false, status: 400, error: 'shipping.error.noPickup' };
  const items = await db
    .selectFrom('order_items')
    .select(['title', 'quantity', 'unit_price'])
    .where('order_id', '=', order.id)
    .orderBy('id')
    .execute();
  const cod = order.payment_method === 'cod' ? order.total : 0;
  const created = await carrier.createShipment({
    clientOrderCode: order.id,
    from,
    to: {
      name: order.delivery_name,
      phone: order.delivery_phone,
      address: order.delivery_address,
      province: order.delivery_province,
      ward: order.delivery_ward,
    },
    parcel: {
      weightGrams,
      value: order.subtotal,
      cod,
      items: items.map((i) => ({ name: i.title, quantity: i.quantity, price: i.unit_price })),
    },
    note: `Sen ${order.id.slice(0, 8).toUpperCase()}`,
  });
  if (!created.ok) return { ok: false, status: 400, error: refusalKeys[created.reason] };
  const row = {
    carrier: carrier.code,
    carrier_order_code: created.orderCode,
    label_url: created.labelUrl,
    status: 'ready_to_pick' as const,
    carrier_status: 'ready_to_pick',
    fee: created.fee,
    cod_amount: cod,
    cod_collected: null,
    cod_transferred_at: null,
    weight_grams: weightGrams,
    updated_at: new Date(),
  };
  // Two presses at once: the carrier refuses the second (same client_order_code); here only a cancelled one is replaced.
  const saved = await db
    .insertInto('shipments')
    .values({ order_id: order.id, ...row })
    .onConflict((oc) => oc.column('order_id').doUpdateSet(row).where('shipments.status', '=', 'cancelled'))
    .returning('order_id')
    .executeTakeFirst();
  if (!saved) {
    log.warn('shipment created twice; the carrier holds a second one', { orderId: order.id, code: created.orderCode });
    return { ok: false, status: 409, error: 'shipping.error.exists' };
  }
  log.info('shipment created', { orderId: order.id, carrier: carrier.code, code: created.orderCode });
  return { ok: true };
}

// ---- tracking ----

const rank: Record<ShipmentStatus, number> = {
  ready_to_pick: 0,
  cancelled: 0,
  picked_up: 1,
  in_transit: 2,
  delivered: 3,
  returned: 3,
};

/** Whether an update moves the shipment forward (late or repeated updates never move it back). */
export function movesForward(from: ShipmentStatus, to: ShipmentStatus) {
  if (from === 'delivered' || from === 'returned' || from === 'cancelled') return false;
  if (to === 'cancelled') return from === 'ready_to_pick';
  return rank[to] > rank[from];
}

export type WebhookOutcome = { status: number; json: Record<string, unknown> };

/**
 * One tracking update from a carrier's webhook. A wrong token is 401, an unknown
 * carrier or order 404, a malformed body 400; the same update twice is applied
 * once (its key is unique in shipment_events, written in the same transaction as
 * its effect). Picked up, in transit and delivered make the order shipped (if it
 * was not yet) and then delivered; returned cancels it (a paid order is then owed back).
 */
export async function handleCarrierWebhook(
  code: string | undefined,
  request: { url: string; headers: Headers; body: string },
): Promise<WebhookOutcome> {
  const carrier = carrierByCode(code);
  if (!carrier) return { status: 404, json: { error: 'unknown carrier' } };
  const reading = carrier.readWebhook(request);
  if (!reading.ok) {
    log.warn('carrier webhook refused', { carrier: carrier.code, status: reading.status, why: reading.error });
    return { status: reading.status, json: { error: reading.error } };
  }
  const update = reading.update;
  return db.transaction().execute(async (trx): Promise<WebhookOutcome> => {
    const shipment = await trx
      .selectFrom('shipments')
      .select(['order_id', 'status', 'carrier_order_code'])
      .where('carrier', '=', carrier.code)
      .where('carrier_order_code', '=', update.orderCode)
      .forUpdate()
      .executeTakeFirst();
    if (!shipment) return { status: 404, json: { error: 'unknown order' } };
    const fresh = await trx
      .insertInto('shipment_events')
      .values({
        order_id: shipment.order_id,
        carrier: carrier.code,
        event_key: update.key,
        carrier_status: update.carrierStatus,
        description: update.description,
        happened_at: update.happenedAt,
      })
      .onConflict((oc) => oc.columns(['carrier', 'event_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!fresh) return { status: 200, json: { outcome: 'duplicate' } };
    const next = update.status && movesForward(shipment.status, update.status) ? update.status : null;
    await trx
      .updateTable('shipments')
      .set({
        carrier_status: update.carrierStatus,
        updated_at: new Date(),
        ...(next ? { status: next } : {}),
        ...(update.codCollected !== null ? { cod_collected: update.codCollected } : {}),
        ...(update.codTransferredAt ? { cod_transferred_at: update.codTransferredAt } : {}),
      })
      .where('order_id', '=', shipment.order_id)
      .execute();
    if (next) await moveOrder(trx, shipment.order_id, next, carrier.name, shipment.carrier_order_code);
    return { status: 200, json: { outcome: next ?? 'recorded' } };
  });
}

async function moveOrder(trx: Trx, orderId: string, status: ShipmentStatus, carrierName: string, code: string) {
  const order = await lockOrder(trx, orderId);
  if (!order) return;
  const system = { id: null, role: 'system' as const };
  const onTheWay = status === 'picked_up' || status === 'in_transit' || status === 'delivered' || status === 'returned';
  // An update that skipped "picked" (or came before it) still ships the order first.
  if (onTheWay && order.state === 'accepted')
    await applyTransition(trx, order, 'ship', system, { carrier: carrierName, trackingCode: code });
  if (status === 'in_transit' && order.state === 'shipped')
    await notifyAboutOrder(trx, order.buyer_id, order.id, 'shipping.notify.inTransit', `/orders/${order.id}`);
  if (status === 'delivered') await applyTransition(trx, order, 'deliver', system);
  if (status === 'returned')
    await applyTransition(trx, order, 'return', system, { reason: `${carrierName}: ${code} — hoàn về người bán` });
  log.info('order moved by carrier', { orderId, status, state: order.state });
}

// ---- pages ----

/** The order's shipment and its tracking updates (newest first), for the buyer's and the seller's pages. */
export async function shipmentOf(orderId: string) {
  const shipment = await db
    .selectFrom('shipments')
    .select([
      'carrier',
      'carrier_order_code',
      'label_url',
      'status',
      'carrier_status',
      'fee',
      'cod_amount',
      'cod_collected',
      'cod_transferred_at',
      'weight_grams',
      'created_at',
    ])
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  if (!shipment) return null;
  const events = await db
    .selectFrom('shipment_events')
    .select(['carrier_status', 'description', sql<Date>`coalesce(happened_at, received_at)`.as('at')])
    .where('order_id', '=', orderId)
    .orderBy('id', 'desc')
    .limit(30)
    .execute();
  return { ...shipment, carrierName: carrierByCode(shipment.carrier)?.name ?? shipment.carrier, events };
}
