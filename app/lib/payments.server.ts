import type { Transaction } from 'kysely';
import Stripe from 'stripe';
import type { Database } from '../../db/schema';

// Card payments through Stripe Checkout, only when STRIPE_SECRET_KEY is set
// (without it the shop offers cash on delivery alone). STRIPE_API_BASE
// (e.g. http://127.0.0.1:12111) sends the SDK's calls to another server: the
// tests' local fake, or stripe-mock.

export function cardPaymentsEnabled(env = process.env) {
  return Boolean(env.STRIPE_SECRET_KEY);
}

let cached: { key: string; base: string; client: Stripe } | undefined;

export function stripeClient(env = process.env): Stripe {
  const key = env.STRIPE_SECRET_KEY;
  if (!key) throw new Error('STRIPE_SECRET_KEY is not set');
  const base = env.STRIPE_API_BASE ?? '';
  if (cached && cached.key === key && cached.base === base) return cached.client;
  let options: Stripe.StripeConfig = { maxNetworkRetries: 2, timeout: 15_000 };
  if (base) {
    const url = new URL(base);
    options = { ...options, host: url.hostname, port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80), protocol: url.protocol === 'http:' ? 'http' : 'https' };
  }
  cached = { key, base, client: new Stripe(key, options) };
  return cached.client;
}

export type CheckoutLine = { name: string; unitAmount: number; quantity: number };

/**
 * A Checkout Session in VND for one checkout. VND is zero-decimal for Stripe:
 * unit_amount 250000 is 250.000 ₫, exactly our integer đồng. The idempotency key
 * is the checkout's id, so a retried request never opens a second session.
 */
export async function createCheckoutSession(input: {
  checkoutId: string;
  lines: CheckoutLine[];
  email: string | null;
  successUrl: string;
  cancelUrl: string;
  expiresAt: Date;
}) {
  const session = await stripeClient().checkout.sessions.create(
    {
      mode: 'payment',
      currency: 'vnd',
      customer_email: input.email ?? undefined,
      client_reference_id: input.checkoutId,
      metadata: { checkout_id: input.checkoutId },
      payment_intent_data: { metadata: { checkout_id: input.checkoutId } },
      success_url: input.successUrl,
      cancel_url: input.cancelUrl,
      expires_at: Math.floor(input.expiresAt.getTime() / 1000),
      line_items: input.lines.map((line) => ({
        quantity: line.quantity,
        price_data: { currency: 'vnd', unit_amount: line.unitAmount, product_data: { name: line.name.slice(0, 250) } },
      })),
    },
    { idempotencyKey: `checkout-${input.checkoutId}` },
  );
  if (!session.url) throw new Error('Stripe returned a session without a URL');
  return { id: session.id, url: session.url };
}

/** Refunds one order's amount of a payment; the order id keys it, so it happens once. */
export async function refundPayment(input: { paymentIntent: string; amount: number; orderId: string; key?: string }) {
  const refund = await stripeClient().refunds.create(
    { payment_intent: input.paymentIntent, amount: input.amount, metadata: { order_id: input.orderId } },
    // A problem's refund has its own key (`key`), so it never collides with the order's own refund.
    { idempotencyKey: input.key ?? `refund-${input.orderId}` },
  );
  return { id: refund.id, status: refund.status };
}

/** The event, when the signature is right for STRIPE_WEBHOOK_SECRET; throws otherwise. */
export function verifyWebhook(payload: string, signature: string | null, env = process.env): Stripe.Event {
  const secret = env.STRIPE_WEBHOOK_SECRET;
  if (!secret || !signature) throw new Error('missing webhook secret or signature');
  return Stripe.webhooks.constructEvent(payload, signature, secret);
}

/**
 * A Checkout Session in VND for one paid mentoring session. metadata.kind =
 * 'mentoring' tells the webhook to hand its events to the mentoring module; the
 * session id keys the request, so a retry never opens a second Checkout Session.
 */
export async function createMentoringCheckout(input: {
  sessionId: string;
  name: string;
  amount: number;
  email: string | null;
  successUrl: string;
  cancelUrl: string;
  expiresAt: Date;
}) {
  const metadata = { kind: 'mentoring', mentoring_session_id: input.sessionId };
  const session = await stripeClient().checkout.sessions.create(
    {
      mode: 'payment',
      currency: 'vnd',
      customer_email: input.email ?? undefined,
      client_reference_id: input.sessionId,
      metadata,
      payment_intent_data: { metadata },
      success_url: input.successUrl,
      cancel_url: input.cancelUrl,
      expires_at: Math.floor(input.expiresAt.getTime() / 1000),
      line_items: [{ quantity: 1, price_data: { currency: 'vnd', unit_amount: input.amount, product_data: { name: input.name.slice(0, 250) } } }],
    },
    { idempotencyKey: `mentoring-checkout-${input.sessionId}` },
  );
  if (!session.url) throw new Error('Stripe returned a session without a URL');
  return { id: session.id, url: session.url };
}

/** Refunds a paid mentoring session in full; its id keys the request, so it happens once. */
export async function refundMentoringPayment(input: { paymentIntent: string; amount: number; sessionId: string }) {
  const refund = await stripeClient().refunds.create(
    { payment_intent: input.paymentIntent, amount: input.amount, metadata: { kind: 'mentoring', mentoring_session_id: input.sessionId } },
    { idempotencyKey: `mentoring-refund-${input.sessionId}` },
  );
  return { id: refund.id, status: refund.status };
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
