import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '../app/lib/db.server';
import { createPayment, railEnabled, refundPayment, type PaymentStart } from '../app/modules/payments';
import { findOwedRefund, oweRefund, refundBackoff, sendOwedRefund } from '../app/modules/payments/refunds.server';
import { retryRefunds, sendDueRefunds } from '../jobs/retry-refunds';
import { useCleanDatabase } from './support/clean';
import { startStripeServer } from './support/stripe-server';

// The one payments interface, rail by rail (issue 18): what createPayment gives
// the page, and refunds made once however often they are asked for, kept owed
// and retried with backoff when the card rail fails. The card rail runs against
// the local fake Stripe server.

useCleanDatabase();

const start = (): PaymentStart => ({
  lines: [{ name: 'Khăn thổ cẩm', unitAmount: 280_000, quantity: 1 }],
  email: 'lan@sen.test',
  successUrl: 'http://localhost/ok',
  cancelUrl: 'http://localhost/cancel',
  expiresAt: new Date(Date.now() + 31 * 60_000),
});

const owe = (subjectId: string, rail: 'card' | 'vietqr' | 'cod' = 'card', amount = 280_000) =>
  db.transaction().execute((trx) =>
    oweRefund(trx, {
      kind: 'group_seat',
      subjectId,
      rail,
      paymentIntent: rail === 'card' ? 'pi_test_x' : null,
      amount,
    }),
  );

describe('payments interface, per rail', () => {
  let stripe: Awaited<ReturnType<typeof startStripeServer>>;
  const saved = { ...process.env };
  const refundCalls = (key: string) => stripe.calls.filter((c) => c.path === '/v1/refunds' && c.idempotencyKey === key);

  beforeAll(async () => {
    stripe = await startStripeServer();
    process.env.STRIPE_SECRET_KEY = 'sk_test_sen';
    process.env.STRIPE_API_BASE = stripe.base;
  });
  afterAll(async () => {
    for (const k of ['STRIPE_SECRET_KEY', 'STRIPE_API_BASE']) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    await stripe.close();
  });

  it('card: createPayment gives the hosted page to send her to and its reference, once per checkout', async () => {
    expect(railEnabled('card')).toBe(true);
    const checkoutId = randomUUID();
    const first = await createPayment('card', { kind: 'checkout', checkoutId }, start());
    expect(first.redirect).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    expect(first.reference).toMatch(/^cs_test_/);
    // Asked again (a double submit), Stripe's idempotency gives the same session.
    expect(await createPayment('card', { kind: 'checkout', checkoutId }, start())).toEqual(first);
    const call = stripe.calls.filter((c) => c.path === '/v1/checkout/sessions').at(-1);
    expect(call?.idempotencyKey).toBe(`checkout-${checkoutId}`);
    expect(call?.body.get('currency')).toBe('vnd');
  });

  it('vietqr and cod: nothing to open (the QR is drawn on the order page, cash goes to the courier)', async () => {
    const before = stripe.calls.length;
    for (const rail of ['vietqr', 'cod'] as const) {
      expect(railEnabled(rail)).toBe(true);
      expect(await createPayment(rail, { kind: 'checkout', checkoutId: randomUUID() }, start())).toEqual({
        redirect: null,
        reference: null,
      });
    }
    expect(stripe.calls.length).toBe(before);
  });

  it('card: an owed refund asked for twice is sent once, under its key', async () => {
    const id = randomUUID();
    expect(await owe(id)).toBe(true);
    expect(await owe(id)).toBe(false); // owed once per thing refunded
    const sent = await sendOwedRefund('group_seat', id);
    expect(sent?.reference).toMatch(/^re_test_/);
    expect(await sendOwedRefund('group_seat', id)).toBeNull();
    expect(refundCalls(`group-seat-refund-${id}`)).toHaveLength(1);
    // Even refundPayment called twice directly with the key gives back the same refund.
    const again = await refundPayment(
      'card',
      { kind: 'group_seat', bookingId: id },
      { paymentIntent: 'pi_test_x', amount: 280_000, key: `group-seat-refund-${id}` },
    );
    expect(again).toEqual({ sent: true, reference: sent?.reference });
  });

  it('vietqr and cod: the refund is the seller’s own transfer; recorded once, nothing sent to Stripe', async () => {
    const before = stripe.calls.length;
    for (const rail of ['vietqr', 'cod'] as const) {
      expect(
        await refundPayment(rail, { kind: 'order', orderId: randomUUID() }, { paymentIntent: null, amount: 1 }),
      ).toEqual({ sent: false, manual: true });
      const id = randomUUID();
      await owe(id, rail);
      expect(await sendOwedRefund('group_seat', id)).toMatchObject({ amount: 280_000, reference: null });
      expect(await sendOwedRefund('group_seat', id)).toBeNull();
      expect((await findOwedRefund('group_seat', id))?.sent_at).toBeInstanceOf(Date);
    }
    expect(stripe.calls.length).toBe(before);
  });

  it('card: a refund Stripe refuses stays owed; the job retries it after its backoff, once', async () => {
    const id = randomUUID();
    await owe(id);
    const now = new Date();
    stripe.failNext();
    expect(await sendOwedRefund('group_seat', id, now)).toBeNull();
    const owed = await findOwedRefund('group_seat', id);
    expect(owed).toMatchObject({ attempts: 1, sent_at: null });
    expect(owed?.last_error).toContain('declined');
    expect(owed?.next_attempt_at.getTime()).toBe(now.getTime() + refundBackoff(1));
    // Not due yet: the job sends nothing.
    expect(await retryRefunds.run({})).toMatchObject({ sent: 0 });
    expect(await sendDueRefunds(new Date(now.getTime() + refundBackoff(1)))).toMatchObject({ sent: 1 });
    expect((await findOwedRefund('group_seat', id))?.refund_reference).toMatch(/^re_test_/);
    expect(await sendDueRefunds(new Date(now.getTime() + 86_400_000))).toMatchObject({ sent: 0 });
    // The refused attempt and the job's, under the same key: one refund at Stripe.
    expect(refundCalls(`group-seat-refund-${id}`)).toHaveLength(2);
  });

  it('backs off 5, 10, 20 … minutes, at most 6 hours', () => {
    expect([1, 2, 3].map(refundBackoff)).toEqual([5, 10, 20].map((m) => m * 60_000));
    expect(refundBackoff(30)).toBe(6 * 3_600_000);
  });
});
