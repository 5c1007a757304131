import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { OrderState, PaymentMethod } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { log } from '~/lib/log.server';
import { createPayment, railEnabled } from '~/modules/payments';
import { sellerActive } from '~/modules/moderation/suspension.server';
import { absoluteUrl } from '~/lib/origin.server';
import { defined } from '~/lib/defined';
import { lockListingsOf, titleWithVariant } from '~/modules/market/variants.server';
import type { Trx } from './settings.server';
import { unpaidMinutes, vietQrHours } from './settings.server';
import { newAccountLimits, openStates } from './cart.server';
import { approvedPayees, payeeColumns, paymentCode, type Payee } from './payee.server';
import { runTransition } from './transitions.server';
import { notifyState } from './notices.server';

// Checkout: the cart becomes one order per seller, stock taken in the same
// transaction, and the payment opened on the rail the buyer chose.

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
  if (method === 'card' && !railEnabled('card'))
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
    const session = await createPayment(
      'card',
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
      .set({ stripe_session_id: session.reference })
      .where('checkout_id', '=', checkoutId)
      .execute();
    return { ok: true, checkoutId, orderIds: created.orderIds, paymentUrl: session.redirect };
  } catch (error) {
    log.warn('stripe checkout session failed; releasing the stock', { checkoutId, error: String(error) });
    for (const id of created.orderIds) await runTransition(id, 'expire', { id: null, role: 'system' });
    return { ok: false, error: 'orders.checkout.paymentFailed', titles: [] };
  }
}
