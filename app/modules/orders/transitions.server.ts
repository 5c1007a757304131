import type { OrderState, PaymentMethod } from '../../../db/schema';
import { db } from '~/lib/db.server';
import type { MessageKey } from '~/lib/i18n';
import { log } from '~/lib/log.server';
import { oweRefund, sendOwedRefund } from '~/modules/payments/refunds.server';
import { isUuid } from '~/lib/ids';
import { type Actor, mayTake, rules, type OrderAction, returnsStock, targetState } from './states';
import { returnVariantStock } from '~/modules/market/variants.server';
import type { Trx } from './settings.server';
import { notifyState } from './notices.server';

// The order state machine applied to rows: one locked order, one action, one event, the other side told.

export type ActorRef = { id: string | null; role: Actor };
export type Extras = { carrier?: string; trackingCode?: string; reason?: string; paymentIntent?: string | null };

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

export async function runTransition(orderId: string, action: OrderAction, actor: ActorRef, extras: Extras = {}) {
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
 * cancelled or refunded follows the one refund order: the change and the owed
 * refund commit together, then the refund is sent (refundOwedOrder); if Stripe
 * fails, the refund stays owed and the retry-refunds job sends it.
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
  if (action === 'refund' && !order.stripe_payment_intent)
    return { ok: false, status: 400, error: 'orders.error.notAllowed' };

  const actor: ActorRef = { id: user.id, role: as };
  const owes = await db.transaction().execute(async (trx) => {
    const locked = await lockOrder(trx, order.id);
    if (!locked) return null;
    // The seller's refund is a transition once the money went back; a cancellation is one now.
    if (
      action === 'refund' ? !mayTake(action, as, locked) : !(await applyTransition(trx, locked, action, actor, extras))
    )
      return null;
    const paidByCard = locked.payment_method === 'card' && locked.stripe_payment_intent !== null;
    const owed = paidByCard && (action === 'refund' || (action === 'cancel' && order.state !== 'awaiting_payment'));
    if (owed)
      await oweRefund(trx, {
        kind: 'order',
        subjectId: order.id,
        rail: 'card',
        paymentIntent: locked.stripe_payment_intent,
        amount: locked.total,
      });
    return { owed };
  });
  if (!owes) return { ok: false, status: 400, error: 'orders.error.notAllowed' };
  const refunded = owes.owed && (await refundOwedOrder(order.id));
  const to = refunded ? 'refunded' : action === 'refund' ? order.state : targetState(action, order);
  log.info('order transition', { orderId: order.id, action, by: as, to, refundOwed: owes.owed && !refunded });
  return { ok: true, to };
}

/**
 * Sends the refund a card order is owed (recorded by the change that owed it,
 * committed before) and then moves the order to refunded. When Stripe cannot be
 * reached the refund stays owed and the retry-refunds job sends it later, under
 * the same idempotency key, so it is never paid back twice.
 */
export async function refundOwedOrder(orderId: string, now = new Date()) {
  const sent = await sendOwedRefund('order', orderId, now);
  if (!sent) return false;
  await runTransition(orderId, 'refund', { id: null, role: 'system' });
  return true;
}
