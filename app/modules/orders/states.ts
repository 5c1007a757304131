import type { OrderState, PaymentMethod } from '../../../db/schema';

// The order state machine: which action moves an order from which states to
// which, and who may take it. Shared by server and pages (to show buttons).

export type Actor = 'buyer' | 'seller' | 'system';
export type OrderAction =
  | 'pay'
  | 'expire'
  | 'accept'
  | 'ship'
  | 'deliver'
  | 'collect'
  | 'complete'
  | 'cancel'
  | 'refund'
  | 'reinstate'
  | 'return';

export const orderStates: OrderState[] = [
  'awaiting_payment',
  'placed',
  'accepted',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'refunded',
];

type Rule = { from: OrderState[]; by: Actor[] };

export const rules: Record<OrderAction, Rule> = {
  // Stripe says the card payment went through; the bank's notification (or the seller, by hand) that a VietQR transfer arrived.
  pay: { from: ['awaiting_payment'], by: ['system', 'seller'] },
  // Unpaid after 30 minutes, or Stripe's session expired or failed.
  expire: { from: ['awaiting_payment'], by: ['system'] },
  // A payment that arrived after its order expired, when the stock is still there.
  reinstate: { from: ['cancelled'], by: ['system'] },
  accept: { from: ['placed'], by: ['seller'] },
  // The seller by hand; the system when the carrier's webhook says it picked the parcel up.
  ship: { from: ['accepted'], by: ['seller', 'system'] },
  // The buyer confirms, or the system 14 days after shipping.
  deliver: { from: ['shipped'], by: ['buyer', 'system'] },
  // The seller of a cash-on-delivery order: the courier handed it over and the cash came back
  // (many rural buyers never press "received").
  collect: { from: ['shipped'], by: ['seller'] },
  // 7 days after delivery.
  complete: { from: ['delivered'], by: ['system'] },
  // The buyer before the seller accepts; the seller (with a reason) before shipping.
  cancel: { from: ['awaiting_payment', 'placed', 'accepted'], by: ['buyer', 'seller'] },
  // Money back on a paid card order: the seller after shipping; the system once an owed refund was sent.
  refund: { from: ['placed', 'accepted', 'shipped', 'delivered', 'cancelled'], by: ['seller', 'system'] },
  // The carrier's webhook: the parcel came back to the seller undelivered (a paid order is then owed back).
  return: { from: ['shipped'], by: ['system'] },
};

const buyerCancellable: OrderState[] = ['awaiting_payment', 'placed'];
const sellerCancellable: OrderState[] = ['placed', 'accepted'];

/** Whether `actor` may take `action` on an order in `state` paid by `method`. */
export function mayTake(
  action: OrderAction,
  actor: Actor,
  order: { state: OrderState; payment_method: PaymentMethod },
) {
  const rule = rules[action];
  if (!rule.by.includes(actor) || !rule.from.includes(order.state)) return false;
  if (action === 'collect') return order.payment_method === 'cod';
  if (action === 'pay' && actor === 'seller') return order.payment_method === 'vietqr';
  if (action === 'cancel') return (actor === 'buyer' ? buyerCancellable : sellerCancellable).includes(order.state);
  if (action === 'refund') {
    if (order.payment_method !== 'card') return false;
    // People refund paid orders after shipping; before it they cancel (which refunds).
    if (actor === 'seller') return order.state === 'shipped' || order.state === 'delivered';
  }
  return true;
}

/** The state an action leads to (the order is no longer needed: a paid cancel is 'cancelled' too, then refunded). */
export function targetState(
  action: OrderAction,
  _order?: { state: OrderState; payment_method: PaymentMethod },
): OrderState {
  switch (action) {
    case 'pay':
    case 'reinstate':
      return 'placed';
    case 'expire':
    case 'return':
      return 'cancelled';
    case 'accept':
      return 'accepted';
    case 'ship':
      return 'shipped';
    case 'deliver':
    case 'collect':
      return 'delivered';
    case 'complete':
      return 'completed';
    case 'cancel':
      // A paid card order is cancelled first and owes its refund; it becomes refunded once the money went back.
      return 'cancelled';
    case 'refund':
      return 'refunded';
  }
}

/** Whether a move returns the reserved stock: it had not left the seller's hands. */
export function returnsStock(from: OrderState, to: OrderState) {
  return (
    (to === 'cancelled' || to === 'refunded') &&
    (from === 'awaiting_payment' || from === 'placed' || from === 'accepted')
  );
}

/** What the person may do now, for the buttons on her page. */
export function actionsFor(actor: 'buyer' | 'seller', order: { state: OrderState; payment_method: PaymentMethod }) {
  const all: OrderAction[] = ['pay', 'accept', 'ship', 'deliver', 'collect', 'cancel', 'refund'];
  return all.filter((a) => mayTake(a, actor, order));
}

export function shortNumber(id: string) {
  return id.slice(0, 8).toUpperCase();
}
