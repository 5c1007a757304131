import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { formatPhone } from '~/lib/phone';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Database, OrderState, PaymentMethod } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { notify } from '~/modules/notifications/notify.server';
import type { MessageKey } from '~/lib/i18n';
import { log } from '~/lib/log.server';
import type Stripe from 'stripe';
import {
  cardPaymentsEnabled,
  createCardCheckout,
  paymentIntentId,
  recordStripeEventOnce,
  refundCard,
} from '~/lib/payments.server';
import { isUuid } from '~/lib/ids';
import { sellerActive } from '~/modules/moderation/suspension.server';
import { type Actor, mayTake, rules, type OrderAction, returnsStock, shortNumber, targetState } from './states';
import { absoluteUrl } from '~/lib/origin.server';
import { defined } from '~/lib/defined';
import { openProblemStates } from '~/modules/problems/states';
import { lockListingsOf, returnVariantStock, titleWithVariant } from '~/modules/market/variants.server';

// Carts, checkout with stock reserved in the same transaction, the order state
// machine with its permissions, and the queries of the buyer's and the seller's
// pages. Routes call these; rules live here.

export const unpaidMinutes = 30;
/** How long a VietQR order holds its stock waiting for the transfer (VIETQR_HOURS, default 24). */
export function vietQrHours(env = process.env) {
  const n = Number(env.VIETQR_HOURS);
  return Number.isFinite(n) && n > 0 ? n : 24;
}
export const autoDeliverDays = 14;
export const autoCompleteDays = 7;

type Trx = Transaction<Database>;

// ---- cart ----

const maxCartQuantity = 99;

/**
 * Until an account has one completed order it may hold at most `openCodOrders`
 * open cash-on-delivery orders and take at most `unitsPerListing` units of one
 * listing per order: a throwaway account cannot reserve a seller's whole stock.
 */
export const newAccountLimits = { openCodOrders: 2, unitsPerListing: 10 };
const openStates: OrderState[] = ['placed', 'accepted', 'shipped', 'delivered'];

/**
 * Puts a variant of a listing in the cart. Without `variantId` the listing's only
 * variant is meant; a listing with several asks the buyer to choose.
 */
export async function addToCart(buyerId: string, listingId: string, quantity: number, variantId?: string | null) {
  if (!isUuid(listingId) || (variantId && !isUuid(variantId)))
    return { ok: false as const, error: 'orders.cart.unavailable' as const };
  const variants = await db
    .selectFrom('listings as l')
    .innerJoin('listing_variants as v', 'v.listing_id', 'l.id')
    .select(['v.id as variant_id', 'v.stock', 'l.seller_id', 'l.max_per_order'])
    .where('l.id', '=', listingId)
    .where('l.state', '=', 'published')
    .where(sellerActive('l'))
    .where('v.retired_at', 'is', null)
    .$if(Boolean(variantId), (q) => q.where('v.id', '=', variantId ?? ''))
    .execute();
  if (!variantId && variants.length > 1) return { ok: false as const, error: 'depth.variants.required' as const };
  const listing = variants[0];
  if (!listing || listing.stock < 1) return { ok: false as const, error: 'orders.cart.unavailable' as const };
  if (listing.seller_id === buyerId) return { ok: false as const, error: 'orders.cart.own' as const };
  // The seller's per-order maximum caps the cart too; checkout enforces it again in its transaction.
  const cap = Math.min(listing.max_per_order ?? maxCartQuantity, maxCartQuantity);
  await db
    .insertInto('cart_items')
    .values({
      buyer_id: buyerId,
      listing_id: listingId,
      variant_id: listing.variant_id,
      quantity: Math.min(quantity, cap),
    })
    .onConflict((oc) =>
      oc
        .columns(['buyer_id', 'variant_id'])
        .doUpdateSet({ quantity: sql`least(cart_items.quantity + excluded.quantity, ${cap})` }),
    )
    .execute();
  return { ok: true as const };
}

/** Changes one cart line: the variant's, or without one every line of the listing. */
export async function setCartQuantity(buyerId: string, listingId: string, quantity: number, variantId?: string | null) {
  if (quantity <= 0) return removeFromCart(buyerId, listingId, variantId);
  const cap = sql<number>`coalesce((select max_per_order from listings where id = ${listingId}::uuid), ${maxCartQuantity})`;
  await db
    .updateTable('cart_items')
    .set({ quantity: sql`least(${Math.min(quantity, maxCartQuantity)}, ${cap})` })
    .where('buyer_id', '=', buyerId)
    .where('listing_id', '=', listingId)
    .$if(Boolean(variantId), (q) => q.where('variant_id', '=', variantId ?? ''))
    .execute();
}

export async function removeFromCart(buyerId: string, listingId: string, variantId?: string | null) {
  await db
    .deleteFrom('cart_items')
    .where('buyer_id', '=', buyerId)
    .where('listing_id', '=', listingId)
    .$if(Boolean(variantId), (q) => q.where('variant_id', '=', variantId ?? ''))
    .execute();
}

export type CartLine = {
  listingId: string;
  variantId: string;
  /** '' for a listing without options. */
  variantName: string;
  /** The seller retired this variant after it was put in the cart. */
  variantGone: boolean;
  title: string;
  price: number;
  quantity: number;
  stock: number;
  available: boolean;
  shippingFee: number;
  shippingProvinces: string[];
};
export type CartGroup = {
  sellerId: string;
  sellerName: string;
  sellerSlug: string;
  lines: CartLine[];
  subtotal: number;
  shippingFee: number;
  /** null: ships everywhere. */
  provinces: string[] | null;
};

/** The buyer's cart grouped by seller (one order each), with fees and allowed provinces: one statement. */
export async function loadCart(buyerId: string, executor: Trx | typeof db = db): Promise<CartGroup[]> {
  const rows = await executor
    .selectFrom('cart_items as c')
    .innerJoin('listings as l', 'l.id', 'c.listing_id')
    .innerJoin('listing_variants as v', 'v.id', 'c.variant_id')
    .innerJoin('business_profiles as b', 'b.user_id', 'l.seller_id')
    .select([
      'c.listing_id',
      'c.variant_id',
      'v.name as variant_name',
      sql<boolean>`v.retired_at is not null`.as('variant_gone'),
      'c.quantity',
      'l.title',
      sql<number>`coalesce(v.price, l.price)`.as('price'),
      'v.stock',
      'l.shipping_fee',
      'l.shipping_provinces',
      'l.seller_id',
      sql<boolean>`l.state = 'published' and b.verification_status <> 'suspended' and ${sellerActive('l')}`.as(
        'on_sale',
      ),
      'b.business_name',
      'b.slug',
    ])
    .where('c.buyer_id', '=', buyerId)
    .orderBy('b.business_name')
    .orderBy('c.added_at')
    .execute();
  return groupCartRows(rows);
}

type CartRow = {
  listing_id: string;
  variant_id: string;
  variant_name: string;
  variant_gone: boolean;
  quantity: number;
  title: string;
  price: number;
  stock: number;
  shipping_fee: number;
  shipping_provinces: string[];
  seller_id: string;
  on_sale: boolean;
  business_name: string;
  slug: string;
};

/** Groups cart lines by seller, with each group's subtotal, shipping fee and allowed provinces. */
export function groupCartRows(rows: CartRow[]): CartGroup[] {
  const groups = new Map<string, CartGroup>();
  for (const r of rows) {
    let group = groups.get(r.seller_id);
    if (!group) {
      group = {
        sellerId: r.seller_id,
        sellerName: r.business_name,
        sellerSlug: r.slug,
        lines: [],
        subtotal: 0,
        shippingFee: 0,
        provinces: null,
      };
      groups.set(r.seller_id, group);
    }
    const available = r.on_sale && !r.variant_gone && r.stock >= r.quantity;
    group.lines.push({
      listingId: r.listing_id,
      variantId: r.variant_id,
      variantName: r.variant_name,
      variantGone: r.variant_gone,
      title: r.title,
      price: r.price,
      quantity: r.quantity,
      stock: r.on_sale && !r.variant_gone ? r.stock : 0,
      available,
      shippingFee: r.shipping_fee,
      shippingProvinces: r.shipping_provinces,
    });
  }
  for (const group of groups.values()) {
    const live = group.lines.filter((l) => l.available);
    group.subtotal = live.reduce((sum, l) => sum + l.price * l.quantity, 0);
    group.shippingFee = live.reduce((max, l) => Math.max(max, l.shippingFee), 0);
    group.provinces = allowedProvinces(live.map((l) => l.shippingProvinces));
  }
  return [...groups.values()];
}

/** The provinces every item of one seller ships to (an empty list means everywhere); null = anywhere. */
export function allowedProvinces(lists: string[][]): string[] | null {
  let allowed: string[] | null = null;
  for (const list of lists) {
    if (!list.length) continue;
    allowed = allowed === null ? [...list] : allowed.filter((p) => list.includes(p));
  }
  return allowed;
}

export async function cartCount(buyerId: string) {
  const row = await db
    .selectFrom('cart_items')
    .select(sql<number>`coalesce(sum(quantity), 0)::int`.as('n'))
    .where('buyer_id', '=', buyerId)
    .executeTakeFirstOrThrow();
  return row.n;
}

// ---- checkout ----

export type DeliveryInput = { name: string; phone: string; address: string; province: string; ward?: string | null };

export type CheckoutResult =
  | { ok: true; checkoutId: string; orderIds: string[]; paymentUrl: string | null }
  | {
      ok: false;
      error: RefusalReason | 'orders.checkout.cardUnavailable' | 'orders.checkout.paymentFailed';
      titles: string[];
    };

type RefusalReason =
  | 'orders.checkout.soldOut'
  | 'orders.checkout.provinceError'
  | 'orders.checkout.empty'
  | 'orders.checkout.newAccountOrders'
  | 'orders.checkout.newAccountQuantity'
  | 'orders.checkout.sellerMaximum'
  | 'depth.variants.goneCheckout'
  | 'payments.checkout.noAccount';

class CheckoutRefused extends Error {
  constructor(
    readonly error: RefusalReason,
    readonly titles: string[],
  ) {
    super(error);
  }
}

/**
 * The seller's per-order maximum, and the limits of an account without a
 * completed order. Runs in the checkout's transaction after it locked the
 * buyer's row, so two checkouts of one buyer are counted one after the other.
 */
async function checkLimits(trx: Trx, buyerId: string, method: PaymentMethod) {
  const lines = await trx
    .selectFrom('cart_items as c')
    .innerJoin('listings as l', 'l.id', 'c.listing_id')
    // Units of one listing count together, whichever variants they are.
    .select(['l.title', 'l.seller_id', 'l.max_per_order', sql<number>`sum(c.quantity)::int`.as('quantity')])
    .where('c.buyer_id', '=', buyerId)
    .groupBy(['l.id', 'l.title', 'l.seller_id', 'l.max_per_order'])
    .execute();
  const overSellerMax = lines
    .filter((l) => l.max_per_order !== null && l.quantity > l.max_per_order)
    .map((l) => l.title);
  if (overSellerMax.length) throw new CheckoutRefused('orders.checkout.sellerMaximum', overSellerMax);
  const history = await trx
    .selectFrom('orders')
    .select([
      sql<boolean>`coalesce(bool_or(state = 'completed'), false)`.as('has_completed'),
      sql<number>`(count(*) filter (where payment_method = 'cod' and state in (${sql.join(openStates)})))::int`.as(
        'open_cod',
      ),
    ])
    .where('buyer_id', '=', buyerId)
    .executeTakeFirstOrThrow();
  if (history.has_completed) return;
  const tooMany = lines.filter((l) => l.quantity > newAccountLimits.unitsPerListing).map((l) => l.title);
  if (tooMany.length) throw new CheckoutRefused('orders.checkout.newAccountQuantity', tooMany);
  // One order per seller: the cart's sellers are the orders this checkout would open.
  const sellers = new Set(lines.map((l) => l.seller_id)).size;
  if (method === 'cod' && history.open_cod + sellers > newAccountLimits.openCodOrders)
    throw new CheckoutRefused('orders.checkout.newAccountOrders', []);
}

/**
 * Turns the buyer's cart into one order per seller. Every item's stock is taken
 * with a conditional update in the same transaction that writes the orders, so
 * two buyers racing for the last one get one order and one "sold out", never two.
 */
export async function checkout(
  buyer: { id: string; email: string | null },
  delivery: DeliveryInput,
  method: PaymentMethod,
  // shippingFees: the carrier's quotes per seller (app/modules/shipping); other sellers keep their flat fee.
  urls: { shippingLabel?: string; shippingFees?: ReadonlyMap<string, number> } = {},
): Promise<CheckoutResult> {
  if (method === 'card' && !cardPaymentsEnabled())
    return { ok: false, error: 'orders.checkout.cardUnavailable', titles: [] };
  const checkoutId = randomUUID();
  const payBy = new Date(Date.now() + (method === 'vietqr' ? vietQrHours() * 60 : unpaidMinutes) * 60_000);
  let created: { orderIds: string[]; lines: { name: string; unitAmount: number; quantity: number }[]; total: number };
  try {
    created = await db.transaction().execute(async (trx) => {
      // One checkout per buyer at a time: a second one reads the cart (and the
      // order counts) only after the first has committed, so one cart never makes
      // two orders and the new-account limits count every order.
      await trx.selectFrom('users').select('id').where('id', '=', buyer.id).forUpdate().execute();
      const cart = await trx
        .selectFrom('cart_items as c')
        .innerJoin('listing_variants as v', 'v.id', 'c.variant_id')
        .innerJoin('listings as l', 'l.id', 'c.listing_id')
        .select(['c.listing_id', 'c.variant_id', 'c.quantity', 'v.retired_at', 'v.name', 'l.title'])
        .where('c.buyer_id', '=', buyer.id)
        // One lock order for everyone: two checkouts never wait on each other in a circle.
        .orderBy('c.variant_id')
        .execute();
      if (!cart.length) throw new CheckoutRefused('orders.checkout.empty', []);
      // A variant the seller removed after it went into the cart: said by name, nothing ordered.
      const gone = cart.filter((c) => c.retired_at !== null).map((c) => titleWithVariant(c.title, c.name));
      if (gone.length) throw new CheckoutRefused('depth.variants.goneCheckout', gone);
      await checkLimits(trx, buyer.id, method);
      // The listings first (the variants' stock trigger writes them), in one order for everyone.
      await lockListingsOf(
        trx,
        cart.map((c) => c.variant_id),
      );
      const taken: {
        listingId: string;
        variantId: string;
        variantName: string;
        sellerId: string;
        title: string;
        price: number;
        quantity: number;
        shippingFee: number;
        provinces: string[];
      }[] = [];
      const soldOut: string[] = [];
      for (const item of cart) {
        const row = await trx
          .updateTable('listing_variants as v')
          .from('listings as l')
          .set({ stock: sql`v.stock - ${item.quantity}` })
          .whereRef('l.id', '=', 'v.listing_id')
          .where('v.id', '=', item.variant_id)
          .where('v.retired_at', 'is', null)
          .where('v.stock', '>=', item.quantity)
          .where('l.state', '=', 'published')
          .where('l.seller_id', '<>', buyer.id)
          .where(sellerActive('l'))
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('business_profiles as b')
                .select('b.user_id')
                .whereRef('b.user_id', '=', 'l.seller_id')
                .where('b.verification_status', '<>', 'suspended'),
            ),
          )
          .returning([
            'l.id',
            'l.seller_id',
            'l.title',
            sql<number>`coalesce(v.price, l.price)`.as('price'),
            'l.shipping_fee',
            'l.shipping_provinces',
            'v.id as variant_id',
            'v.name as variant_name',
          ])
          .executeTakeFirst();
        if (!row) {
          soldOut.push(titleWithVariant(item.title, item.name));
          continue;
        }
        taken.push({
          listingId: row.id,
          variantId: row.variant_id,
          variantName: row.variant_name,
          sellerId: row.seller_id,
          title: titleWithVariant(row.title, row.variant_name),
          price: Number(row.price),
          quantity: item.quantity,
          shippingFee: row.shipping_fee,
          provinces: row.shipping_provinces,
        });
      }
      if (soldOut.length) throw new CheckoutRefused('orders.checkout.soldOut', soldOut);
      const wrongProvince = taken
        .filter((t) => t.provinces.length && !t.provinces.includes(delivery.province))
        .map((t) => t.title);
      if (wrongProvince.length) throw new CheckoutRefused('orders.checkout.provinceError', wrongProvince);

      const bySeller = new Map<string, typeof taken>();
      for (const t of taken) bySeller.set(t.sellerId, [...(bySeller.get(t.sellerId) ?? []), t]);
      // VietQR: every seller needs an approved payout account; the order keeps the one its QR names.
      const payees = method === 'vietqr' ? await approvedPayees(trx, [...bySeller.keys()]) : new Map<string, Payee>();
      if (method === 'vietqr') {
        const missing = [...bySeller.keys()].filter((id) => !payees.has(id));
        if (missing.length) {
          const names = await trx
            .selectFrom('business_profiles')
            .select('business_name')
            .where('user_id', 'in', missing)
            .execute();
          throw new CheckoutRefused(
            'payments.checkout.noAccount',
            names.map((n) => n.business_name),
          );
        }
      }
      const orderIds: string[] = [];
      const lines: { name: string; unitAmount: number; quantity: number }[] = [];
      let total = 0;
      const state: OrderState = method === 'cod' ? 'placed' : 'awaiting_payment';
      for (const [sellerId, items] of bySeller) {
        const subtotal = items.reduce((s, i) => s + i.price * i.quantity, 0);
        const shippingFee = urls.shippingFees?.get(sellerId) ?? items.reduce((m, i) => Math.max(m, i.shippingFee), 0);
        const order = await trx
          .insertInto('orders')
          .values({
            checkout_id: checkoutId,
            buyer_id: buyer.id,
            seller_id: sellerId,
            state,
            payment_method: method,
            delivery_name: delivery.name,
            delivery_phone: delivery.phone,
            delivery_address: delivery.address,
            delivery_province: delivery.province,
            delivery_ward: delivery.ward ?? null,
            subtotal,
            shipping_fee: shippingFee,
            total: subtotal + shippingFee,
            pay_by: method === 'cod' ? null : payBy,
            placed_at: method === 'cod' ? new Date() : null,
            updated_at: new Date(),
            ...(method === 'vietqr'
              ? {
                  payment_code: paymentCode(),
                  ...payeeColumns(defined(payees.get(sellerId), "the seller's payout account")),
                }
              : {}),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('order_items')
          .values(
            items.map((i) => ({
              order_id: order.id,
              listing_id: i.listingId,
              variant_id: i.variantId,
              variant_name: i.variantName,
              title: i.title,
              unit_price: i.price,
              quantity: i.quantity,
            })),
          )
          .execute();
        await trx
          .insertInto('order_events')
          .values({ order_id: order.id, actor_id: buyer.id, actor_role: 'buyer', from_state: null, to_state: state })
          .execute();
        if (state === 'placed') await notifyState(trx, sellerId, order.id, 'placed', 'seller');
        orderIds.push(order.id);
        for (const i of items) lines.push({ name: i.title, unitAmount: i.price, quantity: i.quantity });
        if (shippingFee > 0)
          lines.push({ name: urls.shippingLabel ?? 'Phí vận chuyển', unitAmount: shippingFee, quantity: 1 });
        total += subtotal + shippingFee;
      }
      await trx.deleteFrom('cart_items').where('buyer_id', '=', buyer.id).execute();
      return { orderIds, lines, total };
    });
  } catch (error) {
    if (error instanceof CheckoutRefused) return { ok: false, error: error.error, titles: error.titles };
    throw error;
  }

  if (method === 'cod') return { ok: true, checkoutId, orderIds: created.orderIds, paymentUrl: null };
  // The QR is on the order page; with several sellers, one order (and one QR) each.
  if (method === 'vietqr') {
    const paymentUrl =
      created.orderIds.length === 1 ? `/orders/${created.orderIds[0]}` : `/orders?notice=notice.payments.transferEach`;
    return { ok: true, checkoutId, orderIds: created.orderIds, paymentUrl };
  }
  try {
    const session = await createCardCheckout(
      { kind: 'checkout', checkoutId },
      {
        lines: created.lines,
        email: buyer.email,
        successUrl: absoluteUrl(`/orders?paid=${checkoutId}`),
        cancelUrl: absoluteUrl(`/orders?unpaid=${checkoutId}`),
        expiresAt: payBy,
      },
    );
    await db
      .updateTable('orders')
      .set({ stripe_session_id: session.id })
      .where('checkout_id', '=', checkoutId)
      .execute();
    return { ok: true, checkoutId, orderIds: created.orderIds, paymentUrl: session.url };
  } catch (error) {
    log.warn('stripe checkout session failed; releasing the stock', { checkoutId, error: String(error) });
    for (const id of created.orderIds) await runTransition(id, 'expire', { id: null, role: 'system' });
    return { ok: false, error: 'orders.checkout.paymentFailed', titles: [] };
  }
}

type Payee = { bank_bin: string; account_number: string; account_name: string };

/** The order's copy of the payout account it is paid to (kept even if the seller changes hers later). */
function payeeColumns(payee: Payee) {
  return { payee_bin: payee.bank_bin, payee_account: payee.account_number, payee_name: payee.account_name };
}

async function approvedPayees(trx: Trx, sellerIds: string[]) {
  const rows = await trx
    .selectFrom('payout_accounts')
    .select(['seller_id', 'bank_bin', 'account_number', 'account_name'])
    .where('seller_id', 'in', sellerIds)
    .where('status', '=', 'approved')
    .execute();
  return new Map<string, Payee>(rows.map((r) => [r.seller_id, r]));
}

// No 0/O or 1/I: read aloud or typed into a banking app, the code survives.
const codeAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The short code of a VietQR order ("SEN <code>" in the transfer note): 32^8 values, unique in the table. */
export function paymentCode() {
  const bytes = randomBytes(8);
  return [...bytes].map((b) => codeAlphabet[b % 32]).join('');
}

// ---- transitions ----

type ActorRef = { id: string | null; role: Actor };
type Extras = { carrier?: string; trackingCode?: string; reason?: string; paymentIntent?: string | null };

type LockedOrder = {
  id: string;
  state: OrderState;
  payment_method: PaymentMethod;
  buyer_id: string;
  seller_id: string;
};

/**
 * Moves a locked order by one action: checks the rule, updates only if the state
 * is still the one read, records the event, gives stock back when it never left,
 * and notifies the other side. Returns false when the move is not allowed.
 */
export async function applyTransition(
  trx: Trx,
  order: LockedOrder,
  action: OrderAction,
  actor: ActorRef,
  extras: Extras = {},
) {
  if (!mayTake(action, actor.role, order)) return false;
  const to = targetState(action, order);
  const now = new Date();
  const changed = await trx
    .updateTable('orders')
    .set({
      state: to,
      updated_at: now,
      ...(to === 'placed' ? { placed_at: now, pay_by: null } : {}),
      ...(action === 'ship' ? { carrier: extras.carrier, tracking_code: extras.trackingCode, shipped_at: now } : {}),
      ...(to === 'delivered' ? { delivered_at: now } : {}),
      ...(extras.reason ? { cancel_reason: extras.reason } : {}),
      ...(extras.paymentIntent ? { stripe_payment_intent: extras.paymentIntent } : {}),
      // A VietQR order cancelled after the money came: the seller owes the transfer back.
      ...(order.payment_method === 'vietqr' && to === 'cancelled' && order.state !== 'awaiting_payment'
        ? { payment_flag: 'refund_due' as const }
        : {}),
    })
    .where('id', '=', order.id)
    .where('state', '=', order.state)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1) return false;
  if (returnsStock(order.state, to)) {
    const items = await trx
      .selectFrom('order_items')
      .select(['variant_id', 'quantity'])
      .where('order_id', '=', order.id)
      .where('variant_id', 'is not', null)
      .execute();
    await returnVariantStock(trx, items);
  }
  await trx
    .insertInto('order_events')
    .values({
      order_id: order.id,
      actor_id: actor.id,
      actor_role: actor.role,
      from_state: order.state,
      to_state: to,
      note: action === 'ship' ? `${extras.carrier} ${extras.trackingCode}` : (extras.reason ?? null),
    })
    .execute();
  // The other side hears of it; a system change reaches both (an expiry only the buyer).
  if (actor.role !== 'seller' && !(action === 'expire'))
    await notifyState(trx, order.seller_id, order.id, to, 'seller');
  if (actor.role !== 'buyer') await notifyState(trx, order.buyer_id, order.id, to, 'buyer');
  order.state = to;
  return true;
}

export async function lockOrder(trx: Trx, orderId: string) {
  return trx
    .selectFrom('orders')
    .select(['id', 'state', 'payment_method', 'buyer_id', 'seller_id', 'stripe_payment_intent', 'total'])
    .where('id', '=', orderId)
    .forUpdate()
    .executeTakeFirst();
}

async function runTransition(orderId: string, action: OrderAction, actor: ActorRef, extras: Extras = {}) {
  return db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, orderId);
    if (!order) return false;
    return applyTransition(trx, order, action, actor, extras);
  });
}

export type ChangeResult = { ok: true; to: OrderState } | { ok: false; status: 400 | 403 | 404; error: MessageKey };

/**
 * What the buyer or the seller asks for on her order page. Another person's order
 * is not found (404); an action of the other side is forbidden (403); an action
 * the state does not allow is a form error (400). A paid card order that is
 * cancelled or refunded is refunded through Stripe first.
 */
export async function changeOrder(
  user: { id: string },
  as: 'buyer' | 'seller',
  orderId: string | undefined,
  action: OrderAction,
  extras: Extras = {},
): Promise<ChangeResult> {
  if (!isUuid(orderId)) return { ok: false, status: 404, error: 'orders.error.notFound' };
  const order = await db
    .selectFrom('orders')
    .select(['id', 'state', 'payment_method', 'stripe_payment_intent', 'total'])
    .where('id', '=', orderId)
    .where(as === 'buyer' ? 'buyer_id' : 'seller_id', '=', user.id)
    .executeTakeFirst();
  if (!order) return { ok: false, status: 404, error: 'orders.error.notFound' };
  const userActions: OrderAction[] = ['pay', 'accept', 'ship', 'deliver', 'collect', 'cancel', 'refund'];
  const rule = userActions.includes(action) && rules[action].by.includes(as);
  if (!rule) return { ok: false, status: 403, error: 'orders.error.forbidden' };
  if (!mayTake(action, as, order)) return { ok: false, status: 400, error: 'orders.error.notAllowed' };
  if (action === 'cancel' && as === 'seller' && !extras.reason)
    return { ok: false, status: 400, error: 'orders.error.reasonRequired' };
  if (action === 'ship' && (!extras.carrier || !extras.trackingCode))
    return { ok: false, status: 400, error: 'orders.error.trackingRequired' };

  const to = targetState(action, order);
  if (to === 'refunded' && order.payment_method === 'card') {
    if (!order.stripe_payment_intent) return { ok: false, status: 400, error: 'orders.error.notAllowed' };
    try {
      await refundCard(
        { kind: 'order', orderId: order.id },
        { paymentIntent: order.stripe_payment_intent, amount: order.total },
      );
    } catch (error) {
      log.warn('stripe refund failed', { orderId: order.id, error: String(error) });
      return { ok: false, status: 400, error: 'orders.error.refundFailed' };
    }
  }
  const done = await db.transaction().execute(async (trx) => {
    const locked = await lockOrder(trx, order.id);
    if (!locked) return false;
    return applyTransition(trx, locked, action, { id: user.id, role: as }, extras);
  });
  if (!done) return { ok: false, status: 400, error: 'orders.error.notAllowed' };
  log.info('order transition', { orderId: order.id, action, by: as, to });
  return { ok: true, to };
}

// ---- notifications ----

async function notifyState(trx: Trx, userId: string, orderId: string, state: OrderState, side: 'buyer' | 'seller') {
  const link = side === 'buyer' ? `/orders/${orderId}` : `/dashboard/orders/${orderId}`;
  await notifyAboutOrder(
    trx,
    userId,
    orderId,
    `orders.notify.${state}` as MessageKey,
    link,
    state === 'placed' && side === 'seller' ? 'order_placed' : 'order_update',
  );
}

// ---- Stripe ----

/**
 * Applies one Stripe event, once: its id is recorded in the same transaction, so
 * a replay does nothing. Each handler moves orders only from the states it
 * expects, so events arriving late or out of order change nothing they should not.
 */
export async function handleStripeEvent(event: Stripe.Event) {
  const lateRefunds: string[] = [];
  const outcome = await db.transaction().execute(async (trx) => {
    if (!(await recordStripeEventOnce(trx, event))) return 'duplicate' as const;
    const system: ActorRef = { id: null, role: 'system' };
    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded': {
        const session = event.data.object;
        if (session.payment_status !== 'paid' && session.payment_status !== 'no_payment_required')
          return 'ignored' as const;
        const intent = paymentIntentId(session.payment_intent);
        for (const order of await sessionOrders(trx, session)) {
          if (order.state === 'awaiting_payment') {
            await applyTransition(trx, order, 'pay', system, { paymentIntent: intent });
          } else if (order.state === 'cancelled' && !order.stripe_payment_intent) {
            // Paid after it expired: take the stock again if it is still there; else
            // the money is owed back (a cancelled card order with a payment, see refundOwedOrder).
            await trx.updateTable('orders').set({ stripe_payment_intent: intent }).where('id', '=', order.id).execute();
            if (await retakeStock(trx, order.id)) await applyTransition(trx, order, 'reinstate', system);
            else lateRefunds.push(order.id);
          }
        }
        return 'handled' as const;
      }
      case 'checkout.session.expired':
      case 'checkout.session.async_payment_failed': {
        for (const order of await sessionOrders(trx, event.data.object)) {
          if (order.state === 'awaiting_payment')
            await applyTransition(trx, order, 'expire', system, { reason: 'payment' });
        }
        return 'handled' as const;
      }
      case 'charge.refunded': {
        const charge = event.data.object;
        const intent = paymentIntentId(charge.payment_intent);
        // A full refund (made in Stripe's dashboard too) refunds every order it paid for.
        if (!intent || !charge.refunded) return 'ignored' as const;
        const orders = await trx
          .selectFrom('orders')
          .select(['id', 'state', 'payment_method', 'buyer_id', 'seller_id', 'stripe_payment_intent'])
          .where('stripe_payment_intent', '=', intent)
          .orderBy('id')
          .forUpdate()
          .execute();
        for (const order of orders) if (order.state !== 'refunded') await applyTransition(trx, order, 'refund', system);
        return 'handled' as const;
      }
      default:
        return 'ignored' as const;
    }
  });
  for (const orderId of lateRefunds) await refundOwedOrder(orderId);
  return outcome;
}

/**
 * Sends the refund a cancelled card order is owed (paid after it lapsed, its stock
 * gone), then records it. The change that made it owed committed first; when
 * Stripe cannot be reached the order stays owed and the retry-refunds job sends
 * it later, under the same idempotency key, so it is never paid back twice.
 */
export async function refundOwedOrder(orderId: string) {
  const order = await db
    .selectFrom('orders')
    .select(['id', 'total', 'stripe_payment_intent'])
    .where('id', '=', orderId)
    .where('state', '=', 'cancelled')
    .where('payment_method', '=', 'card')
    .executeTakeFirst();
  if (!order?.stripe_payment_intent) return false;
  try {
    await refundCard({ kind: 'order', orderId }, { paymentIntent: order.stripe_payment_intent, amount: order.total });
  } catch (error) {
    log.warn('stripe refund failed; the retry-refunds job will try again', { orderId, error: String(error) });
    return false;
  }
  return runTransition(orderId, 'refund', { id: null, role: 'system' });
}

/** Cancelled card orders holding a payment: refunds owed and not yet sent. */
export async function ordersOwedRefunds(limit = 100) {
  const rows = await db
    .selectFrom('orders')
    .select('id')
    .where('state', '=', 'cancelled')
    .where('payment_method', '=', 'card')
    .where('stripe_payment_intent', 'is not', null)
    .orderBy('updated_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

async function sessionOrders(trx: Trx, session: Stripe.Checkout.Session) {
  const checkoutId = session.metadata?.checkout_id;
  if (!isUuid(checkoutId)) return [];
  return trx
    .selectFrom('orders')
    .select(['id', 'state', 'payment_method', 'buyer_id', 'seller_id', 'stripe_payment_intent'])
    .where('checkout_id', '=', checkoutId)
    .where('payment_method', '=', 'card')
    .orderBy('id')
    .forUpdate()
    .execute();
}

async function retakeStock(trx: Trx, orderId: string) {
  const wanted = await trx
    .selectFrom('order_items')
    .select(['variant_id', 'quantity'])
    .where('order_id', '=', orderId)
    .execute();
  const lines = wanted.flatMap((i) => (i.variant_id === null ? [] : [{ id: i.variant_id, quantity: i.quantity }]));
  if (lines.length !== wanted.length) return false;
  const ids = lines.map((i) => i.id);
  await lockListingsOf(trx, ids);
  const stock = await trx
    .selectFrom('listing_variants')
    .select(['id', 'stock'])
    .where('id', 'in', ids)
    .where('retired_at', 'is', null)
    .orderBy('id')
    .forUpdate()
    .execute();
  const have = new Map(stock.map((s) => [s.id, s.stock]));
  if (!lines.every((i) => (have.get(i.id) ?? 0) >= i.quantity)) return false;
  for (const item of lines) {
    await trx
      .updateTable('listing_variants')
      .set({ stock: sql`stock - ${item.quantity}` })
      .where('id', '=', item.id)
      .execute();
  }
  return true;
}

// ---- jobs ----

/** Unpaid card orders past their 30 minutes give their stock back. Returns how many. */
export async function expireUnpaidOrders(now = new Date()) {
  const due = await db
    .selectFrom('orders')
    .select('id')
    .where('state', '=', 'awaiting_payment')
    .where('pay_by', '<', now)
    .orderBy('pay_by')
    .limit(500)
    .execute();
  let n = 0;
  for (const { id } of due)
    if (await runTransition(id, 'expire', { id: null, role: 'system' }, { reason: 'expired' })) n += 1;
  return n;
}

/** Shipped 14 days ago and not confirmed: delivered. Delivered 7 days ago, with no problem open: completed. */
export async function advanceStaleOrders(now = new Date()) {
  const shipped = await db
    .selectFrom('orders')
    .select('id')
    .where('state', '=', 'shipped')
    .where('shipped_at', '<', new Date(now.getTime() - autoDeliverDays * 86_400_000))
    .limit(500)
    .execute();
  const delivered = await db
    .selectFrom('orders as o')
    .select('o.id')
    .where('o.state', '=', 'delivered')
    .where('o.delivered_at', '<', new Date(now.getTime() - autoCompleteDays * 86_400_000))
    // A problem still open keeps the order from completing until it is settled.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('order_problems as p')
            .select('p.id')
            .whereRef('p.order_id', '=', 'o.id')
            .where('p.state', 'in', openProblemStates),
        ),
      ),
    )
    .limit(500)
    .execute();
  for (const { id } of shipped) await runTransition(id, 'deliver', { id: null, role: 'system' });
  for (const { id } of delivered) await runTransition(id, 'complete', { id: null, role: 'system' });
  return { delivered: shipped.length, completed: delivered.length };
}

export async function runOrderHousekeeping(now = new Date()) {
  const expired = await expireUnpaidOrders(now);
  return { expired, ...(await advanceStaleOrders(now)) };
}

// ---- queries for pages ----

function orderDetail(as: 'buyer' | 'seller', userId: string, orderId: string) {
  return db
    .selectFrom('orders as o')
    .innerJoin('users as buyer', 'buyer.id', 'o.buyer_id')
    .innerJoin('business_profiles as b', 'b.user_id', 'o.seller_id')
    .selectAll('o')
    .select((eb) => [
      'buyer.display_name as buyer_name',
      'b.business_name as seller_name',
      'b.slug as seller_slug',
      // Each side's phone reaches the other only through an order they share.
      'b.contact_phone as seller_phone',
      jsonArrayFrom(
        eb
          .selectFrom('order_items as i')
          .select(['i.id', 'i.listing_id', 'i.title', 'i.unit_price', 'i.quantity'])
          .whereRef('i.order_id', '=', 'o.id')
          .orderBy('i.id'),
      ).as('items'),
      jsonArrayFrom(
        eb
          .selectFrom('order_events as e')
          .select(['e.id', 'e.actor_role', 'e.from_state', 'e.to_state', 'e.problem_step', 'e.note', 'e.created_at'])
          .whereRef('e.order_id', '=', 'o.id')
          .orderBy('e.id'),
      ).as('events'),
      jsonObjectFrom(
        eb
          .selectFrom('order_reviews as r')
          .select(['r.rating', 'r.comment', 'r.reply', 'r.created_at', 'r.replied_at'])
          .whereRef('r.order_id', '=', 'o.id'),
      ).as('review'),
    ])
    .where('o.id', '=', orderId)
    .where(as === 'buyer' ? 'o.buyer_id' : 'o.seller_id', '=', userId)
    .executeTakeFirst();
}

export async function findOrder(as: 'buyer' | 'seller', userId: string, orderId: string | undefined) {
  if (!isUuid(orderId)) return null;
  const order = await orderDetail(as, userId, orderId);
  // Stored as E.164; the seller and the courier read it as it is written at home ("0987 111 222").
  return order ? { ...order, delivery_phone: formatPhone(order.delivery_phone) } : null;
}

export async function listBuyerOrders(buyerId: string) {
  return db
    .selectFrom('orders as o')
    .innerJoin('business_profiles as b', 'b.user_id', 'o.seller_id')
    .select(['o.id', 'o.state', 'o.total', 'o.payment_method', 'o.created_at', 'b.business_name as seller_name'])
    .select(sql<number>`(select count(*)::int from order_items i where i.order_id = o.id)`.as('item_count'))
    .where('o.buyer_id', '=', buyerId)
    .orderBy('o.created_at', 'desc')
    .limit(200)
    .execute();
}

export async function listSellerOrders(sellerId: string, state?: OrderState) {
  let query = db
    .selectFrom('orders as o')
    .innerJoin('users as u', 'u.id', 'o.buyer_id')
    .select([
      'o.id',
      'o.state',
      'o.total',
      'o.payment_method',
      'o.created_at',
      'o.delivery_province',
      'u.display_name as buyer_name',
    ])
    .select(
      sql<number>`(select coalesce(sum(quantity), 0)::int from order_items i where i.order_id = o.id)`.as('item_count'),
    )
    .where('o.seller_id', '=', sellerId)
    // Awaiting a card payment is the buyer's business until Stripe confirms it; a VietQR
    // transfer the seller may confirm herself when she sees the money.
    .where((eb) => eb.or([eb('o.state', '<>', 'awaiting_payment'), eb('o.payment_method', '=', 'vietqr')]));
  if (state) query = query.where('o.state', '=', state);
  return query.orderBy('o.created_at', 'desc').limit(200).execute();
}

/** Orders and revenue by month (Vietnam time), counting orders that were not cancelled or refunded. */
export async function salesSummary(sellerId: string) {
  return db
    .selectFrom('orders')
    .select([
      sql<string>`to_char(date_trunc('month', created_at at time zone 'Asia/Ho_Chi_Minh'), 'YYYY-MM')`.as('month'),
      sql<number>`count(*)::int`.as('orders'),
      sql<number>`coalesce(sum(total), 0)::bigint`.as('revenue'),
    ])
    .where('seller_id', '=', sellerId)
    .where('state', 'in', ['placed', 'accepted', 'shipped', 'delivered', 'completed'])
    .groupBy(sql`1`)
    .orderBy(sql`1`, 'desc')
    .limit(12)
    .execute();
}

// ---- reviews ----

/** After delivery, the buyer rates her order once. */
export async function leaveReview(
  buyerId: string,
  orderId: string | undefined,
  input: { rating: number; comment: string },
) {
  if (!isUuid(orderId)) return { ok: false as const, status: 404 as const, error: 'orders.error.notFound' as const };
  return db.transaction().execute(async (trx) => {
    const order = await trx
      .selectFrom('orders')
      .select(['id', 'state', 'seller_id'])
      .where('id', '=', orderId)
      .where('buyer_id', '=', buyerId)
      .executeTakeFirst();
    if (!order) return { ok: false as const, status: 404 as const, error: 'orders.error.notFound' as const };
    if (order.state !== 'delivered' && order.state !== 'completed')
      return { ok: false as const, status: 400 as const, error: 'orders.review.notYet' as const };
    const inserted = await trx
      .insertInto('order_reviews')
      .values({
        order_id: order.id,
        seller_id: order.seller_id,
        buyer_id: buyerId,
        rating: input.rating,
        comment: input.comment,
      })
      .onConflict((oc) => oc.column('order_id').doNothing())
      .returning('order_id')
      .executeTakeFirst();
    if (!inserted) return { ok: false as const, status: 400 as const, error: 'orders.review.already' as const };
    await notifyAboutOrder(trx, order.seller_id, order.id, 'orders.notify.reviewed', `/dashboard/orders/${order.id}`);
    return { ok: true as const };
  });
}

/** The seller answers a review of her order once. */
export async function replyToReview(sellerId: string, orderId: string | undefined, reply: string) {
  if (!isUuid(orderId)) return { ok: false as const, status: 404 as const, error: 'orders.error.notFound' as const };
  return db.transaction().execute(async (trx) => {
    const review = await trx
      .selectFrom('order_reviews')
      .select(['order_id', 'buyer_id', 'reply'])
      .where('order_id', '=', orderId)
      .where('seller_id', '=', sellerId)
      .executeTakeFirst();
    if (!review) return { ok: false as const, status: 404 as const, error: 'orders.error.notFound' as const };
    const r = await trx
      .updateTable('order_reviews')
      .set({ reply, replied_at: new Date() })
      .where('order_id', '=', orderId)
      .where('seller_id', '=', sellerId)
      .where('reply', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      return { ok: false as const, status: 400 as const, error: 'orders.review.alreadyReplied' as const };
    await notifyAboutOrder(trx, review.buyer_id, orderId, 'orders.notify.replied', `/orders/${orderId}`);
    return { ok: true as const };
  });
}

/** Tells one side about her order (in-app, and her channels for orders). */
export async function notifyAboutOrder(
  trx: Trx,
  userId: string,
  orderId: string,
  key: MessageKey,
  link: string,
  kind: 'order_placed' | 'order_update' = 'order_update',
) {
  await notify(trx, userId, {
    kind,
    key,
    params: { number: shortNumber(orderId) },
    link,
    email: { subject: 'orders.email.subject', body: 'orders.email.body' },
  });
}

/** The seller's average rating and count: one statement. */
export async function sellerRating(sellerId: string) {
  const row = await db
    .selectFrom('order_reviews')
    .select([sql<number | null>`round(avg(rating), 1)::float8`.as('average'), sql<number>`count(*)::int`.as('count')])
    .where('seller_id', '=', sellerId)
    .executeTakeFirstOrThrow();
  return { average: row.average, count: row.count };
}

/** The latest reviews of a seller, for her storefront. */
export async function latestReviews(sellerId: string, limit = 5) {
  return db
    .selectFrom('order_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.buyer_id')
    .select(['r.order_id', 'r.rating', 'r.comment', 'r.reply', 'r.created_at', 'u.display_name as buyer_name'])
    .where('r.seller_id', '=', sellerId)
    .orderBy('r.created_at', 'desc')
    .limit(limit)
    .execute();
}
