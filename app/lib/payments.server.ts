import type { Transaction } from 'kysely';
import Stripe from 'stripe';
import type { Database } from '../../db/schema';
import { env, type EnvSource } from './env.server';

// Card payments through Stripe Checkout, only when STRIPE_SECRET_KEY is set
// (without it the shop offers cash on delivery alone). STRIPE_API_BASE
// (e.g. http://127.0.0.1:12111) sends the SDK's calls to another server: the
// tests' local fake, or stripe-mock.

export function cardPaymentsEnabled(source: EnvSource = process.env) {
  return Boolean(env(source).STRIPE_SECRET_KEY);
}

let cached: { key: string; base: string; client: Stripe } | undefined;

export function stripeClient(source: EnvSource = process.env): Stripe {
  const { STRIPE_SECRET_KEY: key, STRIPE_API_BASE: base = '' } = env(source);
  if (!key) throw new Error('STRIPE_SECRET_KEY is not set');
  if (cached && cached.key === key && cached.base === base) return cached.client;
  let options: Stripe.StripeConfig = { maxNetworkRetries: 2, timeout: 15_000 };
  if (base) {
    const url = new URL(base);
    options = {
      ...options,
      host: url.hostname,
      port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
      protocol: url.protocol === 'http:' ? 'http' : 'https',
    };
  }
  cached = { key, base, client: new Stripe(key, options) };
  return cached.client;
}

export type CheckoutLine = { name: string; unitAmount: number; quantity: number };

/**
 * What a card payment is for: the shop's checkout (paying one or more orders, each
 * refunded on its own) or one paid mentoring session. It names the Stripe metadata
 * (the webhook dispatches on metadata.kind) and the idempotency keys, so a retried
 * request never opens a second Checkout Session nor refunds twice.
 */
export type CardPayment =
  | { kind: 'checkout'; checkoutId: string }
  | { kind: 'mentoring'; sessionId: string }
  | { kind: 'group_seat'; bookingId: string };
export type CardRefund =
  | { kind: 'order'; orderId: string }
  | { kind: 'mentoring'; sessionId: string }
  | { kind: 'group_seat'; bookingId: string };

/** Stripe metadata, client reference and idempotency key of a card payment. */
function paymentNames(payment: CardPayment): [string, Record<string, string>, string] {
  switch (payment.kind) {
    case 'mentoring':
      return [
        payment.sessionId,
        { kind: 'mentoring', mentoring_session_id: payment.sessionId },
        `mentoring-checkout-${payment.sessionId}`,
      ];
    case 'group_seat':
      return [
        payment.bookingId,
        { kind: 'group_seat', group_booking_id: payment.bookingId },
        `group-seat-checkout-${payment.bookingId}`,
      ];
    case 'checkout':
      return [payment.checkoutId, { checkout_id: payment.checkoutId }, `checkout-${payment.checkoutId}`];
  }
}

/** Stripe metadata and default idempotency key of a card refund. */
function refundNames(refund: CardRefund): [Record<string, string>, string] {
  switch (refund.kind) {
    case 'mentoring':
      return [{ kind: 'mentoring', mentoring_session_id: refund.sessionId }, `mentoring-refund-${refund.sessionId}`];
    case 'group_seat':
      return [{ kind: 'group_seat', group_booking_id: refund.bookingId }, `group-seat-refund-${refund.bookingId}`];
    case 'order':
      return [{ order_id: refund.orderId }, `refund-${refund.orderId}`];
  }
}

/**
 * A Checkout Session in VND. VND is zero-decimal for Stripe: unit_amount 250000
 * is 250.000 ₫, exactly our integer đồng.
 */
export async function createCardCheckout(
  payment: CardPayment,
  input: { lines: CheckoutLine[]; email: string | null; successUrl: string; cancelUrl: string; expiresAt: Date },
) {
  const [reference, metadata, idempotencyKey] = paymentNames(payment);
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: 'payment',
    currency: 'vnd',
    customer_email: input.email ?? undefined,
    client_reference_id: reference,
    metadata,
    payment_intent_data: { metadata },
    success_url: input.successUrl,
    cancel_url: input.cancelUrl,
    expires_at: Math.floor(input.expiresAt.getTime() / 1000),
    line_items: input.lines.map((line) => ({
      quantity: line.quantity,
      price_data: { currency: 'vnd', unit_amount: line.unitAmount, product_data: { name: line.name.slice(0, 250) } },
    })),
  };
  const session = await stripeClient().checkout.sessions.create(params, { idempotencyKey });
  if (!session.url) throw new Error('Stripe returned a session without a URL');
  return { id: session.id, url: session.url };
}

/**
 * Refunds `amount` of a card payment. The key defaults to the order or the
 * session, so the same refund asked twice (a retry, the refund job) happens once;
 * another refund of the same order (a problem's) passes its own `key`.
 */
export async function refundCard(refund: CardRefund, input: { paymentIntent: string; amount: number; key?: string }) {
  const [metadata, key] = refundNames(refund);
  const made = await stripeClient().refunds.create(
    { payment_intent: input.paymentIntent, amount: input.amount, metadata },
    { idempotencyKey: input.key ?? key },
  );
  return { id: made.id, status: made.status };
}

/** The event, when the signature is right for STRIPE_WEBHOOK_SECRET; throws otherwise. */
export function verifyWebhook(
  payload: string,
  signature: string | null,
  source: EnvSource = process.env,
): Stripe.Event {
  const secret = env(source).STRIPE_WEBHOOK_SECRET;
  if (!secret || !signature) throw new Error('missing webhook secret or signature');
  return Stripe.webhooks.constructEvent(payload, signature, secret);
}

/** The payment intent's id, whether Stripe sent the id or the expanded object. */
export function paymentIntentId(value: string | Stripe.PaymentIntent | null | undefined) {
  return typeof value === 'string' ? value : (value?.id ?? null);
}

/**
 * Records a webhook event's id in the caller's transaction; false when it was
 * already recorded, so a replayed event changes nothing.
 */
export async function recordStripeEventOnce(trx: Transaction<Database>, event: { id: string; type: string }) {
  const fresh = await trx
    .insertInto('stripe_events')
    .values({ id: event.id, type: event.type })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return Boolean(fresh);
}
