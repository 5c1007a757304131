import { sql } from 'kysely';
import { db } from '~/lib/db.server';
import type Stripe from 'stripe';
import { paymentIntentId, recordStripeEventOnce } from '~/lib/payments.server';
import { oweRefund, settleOwedRefund } from '~/modules/payments/refunds.server';
import { isUuid } from '~/lib/ids';
import { lockListingsOf } from '~/modules/market/variants.server';
import type { Trx } from './settings.server';
import { applyTransition, refundOwedOrder, type ActorRef } from './transitions.server';

// Card payment events (Stripe's webhook) and the refunds a committed change made owed.

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
            else {
              await oweRefund(trx, {
                kind: 'order',
                subjectId: order.id,
                rail: 'card',
                paymentIntent: intent,
                amount: order.total,
              });
              lateRefunds.push(order.id);
            }
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
        for (const order of orders) {
          if (order.state !== 'refunded') await applyTransition(trx, order, 'refund', system);
          // Refunded in Stripe already: a refund still owed must not be sent again.
          await settleOwedRefund(trx, 'order', order.id);
        }
        return 'handled' as const;
      }
      default:
        return 'ignored' as const;
    }
  });
  for (const orderId of lateRefunds) await refundOwedOrder(orderId);
  return outcome;
}

async function sessionOrders(trx: Trx, session: Stripe.Checkout.Session) {
  const checkoutId = session.metadata?.checkout_id;
  if (!isUuid(checkoutId)) return [];
  return trx
    .selectFrom('orders')
    .select(['id', 'state', 'payment_method', 'buyer_id', 'seller_id', 'stripe_payment_intent', 'total'])
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
