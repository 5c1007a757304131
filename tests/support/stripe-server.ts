import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for the few Stripe API endpoints Sen calls, answering with the
// JSON shapes of Stripe's API reference (checkout.session, refund). Point the app
// at it with STRIPE_API_BASE. Same Idempotency-Key, same answer, as Stripe does.

export type StripeCall = { method: string; path: string; idempotencyKey: string | null; body: URLSearchParams };

export async function startStripeServer() {
  const calls: StripeCall[] = [];
  const byKey = new Map<string, string>();
  let failNext = false;
  const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`;

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const body = new URLSearchParams(raw);
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
      calls.push({ method: req.method ?? '', path: req.url ?? '', idempotencyKey: key, body });
      const send = (status: number, json: string) => {
        res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': id('req') });
        res.end(json);
      };
      if (failNext) {
        failNext = false;
        return send(402, JSON.stringify({ error: { type: 'card_error', message: 'Your card was declined.' } }));
      }
      if (key && byKey.has(key)) return send(200, byKey.get(key)!);
      let json: object | null = null;
      if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
        const sessionId = id('cs');
        let amount = 0;
        for (let i = 0; body.has(`line_items[${i}][quantity]`); i += 1) {
          amount +=
            Number(body.get(`line_items[${i}][quantity]`)) *
            Number(body.get(`line_items[${i}][price_data][unit_amount]`));
        }
        json = {
          id: sessionId,
          object: 'checkout.session',
          amount_subtotal: amount,
          amount_total: amount,
          client_reference_id: body.get('client_reference_id'),
          currency: body.get('currency'),
          customer_email: body.get('customer_email'),
          expires_at: Number(body.get('expires_at')),
          livemode: false,
          metadata: { checkout_id: body.get('metadata[checkout_id]') },
          mode: 'payment',
          payment_intent: null,
          payment_status: 'unpaid',
          status: 'open',
          success_url: body.get('success_url'),
          cancel_url: body.get('cancel_url'),
          url: `https://checkout.stripe.com/c/pay/${sessionId}`,
        };
      } else if (req.method === 'POST' && req.url === '/v1/refunds') {
        json = {
          id: id('re'),
          object: 'refund',
          amount: Number(body.get('amount')),
          currency: 'vnd',
          metadata: { order_id: body.get('metadata[order_id]') },
          payment_intent: body.get('payment_intent'),
          status: 'succeeded',
          created: Math.floor(Date.now() / 1000),
        };
      }
      if (!json)
        return send(
          404,
          JSON.stringify({
            error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${req.url})` },
          }),
        );
      const text = JSON.stringify(json);
      if (key) byKey.set(key, text);
      send(200, text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    calls,
    failNext: () => (failNext = true),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
