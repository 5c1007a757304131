import type { Transaction } from 'kysely';
import type Stripe from 'stripe';
import type { Database, PaymentMethod } from '../../../db/schema';
import {
  cardPaymentsEnabled,
  paymentIntentId,
  recordStripeEventOnce,
  type CardPayment,
  type CardRefund,
  type CheckoutLine,
  createCardCheckout,
  refundCard,
} from '~/lib/payments.server';

// One payments interface for every rail (issue 18): create a payment for an
// order (a checkout) or a paid booking, and refund it. The rail is chosen per
// order (orders.payment_method) and looked up in `rails`; a second card provider
// or another bank rail is one entry. Confirmation is the rail's own signal, each
// applied once: Stripe's webhook (orders/payment-events.server.ts,
// mentoring/paid.server.ts), the bank's webhook or the seller's hand for VietQR
// (payments/transfers.server.ts, the order's 'pay' action), the courier's cash
// for COD (the order's 'collect' action).

export type Rail = PaymentMethod;
/** What is paid for: the card rail names it at Stripe (metadata, idempotency keys). */
export type Payable = CardPayment;
export type RefundTarget = CardRefund;

export type PaymentStart = {
  lines: CheckoutLine[];
  email: string | null;
  successUrl: string;
  cancelUrl: string;
  expiresAt: Date;
};

/**
 * What starting a payment gives: `redirect` (the card rail's hosted page), or
 * nothing to open now (VietQR's QR is drawn on the order page from the order's
 * own payee and code; cash is paid to the courier).
 */
export type Started = { redirect: string; reference: string } | { redirect: null; reference: null };

/**
 * Refunding: the card rail sends the money back through Stripe and returns its
 * refund id; on VietQR and COD the seller transfers it herself and records it
 * (with its receipt), so the rail says `manual` and nothing is sent.
 */
export type Refunded = { sent: true; reference: string } | { sent: false; manual: true };

type RailDefinition = {
  /** Whether this deployment offers the rail (card needs STRIPE_SECRET_KEY). */
  enabled: () => boolean;
  start: (payable: Payable, input: PaymentStart) => Promise<Started>;
  refund: (
    target: RefundTarget,
    input: { paymentIntent: string | null; amount: number; key?: string },
  ) => Promise<Refunded>;
};

const manualRefund = async (): Promise<Refunded> => ({ sent: false, manual: true });
const nothingToOpen = async (): Promise<Started> => ({ redirect: null, reference: null });

export const rails: Record<Rail, RailDefinition> = {
  card: {
    enabled: () => cardPaymentsEnabled(),
    start: async (payable, input) => {
      const session = await createCardCheckout(payable, input);
      return { redirect: session.url, reference: session.id };
    },
    refund: async (target, input) => {
      if (!input.paymentIntent) throw new Error('a card payment without its payment intent cannot be refunded');
      const made = await refundCard(target, {
        paymentIntent: input.paymentIntent,
        amount: input.amount,
        key: input.key,
      });
      return { sent: true, reference: made.id };
    },
  },
  vietqr: { enabled: () => true, start: nothingToOpen, refund: manualRefund },
  cod: { enabled: () => true, start: nothingToOpen, refund: manualRefund },
};

export function railEnabled(rail: Rail) {
  return rails[rail].enabled();
}

/** Starts the payment of `payable` on `rail`. Throws when the rail's service refuses or cannot be reached. */
export function createPayment(rail: Rail, payable: Payable, input: PaymentStart) {
  return rails[rail].start(payable, input);
}

/**
 * Refunds `amount` on `rail`. A card refund is keyed at Stripe (by default the
 * order or the booking), so the same refund asked twice happens once; it throws
 * when Stripe refuses or cannot be reached, and the caller's refund stays owed
 * for the retry-refunds job.
 */
export function refundPayment(
  rail: Rail,
  target: RefundTarget,
  input: { paymentIntent: string | null; amount: number; key?: string },
) {
  return rails[rail].refund(target, input);
}

/** The rail's reference of a refund sent (Stripe's refund id); null for one the seller makes by hand. */
export function refundReference(refunded: Refunded) {
  return refunded.sent ? refunded.reference : null;
}

/**
 * What a card event says about one payment, in the interface's own words, so a
 * capability paid by card (a mentoring session, a group seat) never reads
 * Stripe's objects itself: `paid` (the Checkout Session was paid) or `lapsed`
 * (it expired or the payment failed). `reference` is the payment's reference
 * from createPayment; `metadata` names what was paid for. Null for other events.
 */
export type CardEvent = {
  id: string;
  type: string;
  outcome: 'paid' | 'lapsed';
  reference: string;
  paymentIntent: string | null;
  metadata: Record<string, string>;
};

export function readCardEvent(event: Stripe.Event): CardEvent | null {
  const base = { id: event.id, type: event.type };
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      if (session.payment_status !== 'paid') return null;
      return {
        ...base,
        outcome: 'paid',
        reference: session.id,
        paymentIntent: paymentIntentId(session.payment_intent),
        metadata: session.metadata ?? {},
      };
    }
    case 'checkout.session.expired':
    case 'checkout.session.async_payment_failed': {
      const session = event.data.object;
      return {
        ...base,
        outcome: 'lapsed',
        reference: session.id,
        paymentIntent: null,
        metadata: session.metadata ?? {},
      };
    }
    default:
      return null;
  }
}

/** Records a payment event's id in the caller's transaction; false when it was already handled (a replay). */
export function recordPaymentEventOnce(trx: Transaction<Database>, event: { id: string; type: string }) {
  return recordStripeEventOnce(trx, event);
}
