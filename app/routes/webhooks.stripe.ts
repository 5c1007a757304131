import type { ActionFunctionArgs } from '@remix-run/node';
import { log } from '~/lib/log.server';
import { verifyWebhook } from '~/lib/payments.server';
import { handleMentoringPayment } from '~/modules/mentoring/paid.server';
import { handleGroupSeatPayment } from '~/modules/mentoring/group-paid.server';
import { readCardEvent } from '~/modules/payments';
import { handleStripeEvent } from '~/modules/orders';

// Stripe's events. The signature (STRIPE_WEBHOOK_SECRET) is checked on the raw
// body; a bad one is a 400 and changes nothing. Each event id is handled once.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return new Response('Method Not Allowed', { status: 405 });
  const payload = await request.text();
  let event;
  try {
    event = verifyWebhook(payload, request.headers.get('stripe-signature'));
  } catch {
    log.warn('stripe webhook with a bad signature');
    return new Response('Bad signature', { status: 400 });
  }
  // Dispatch by metadata.kind: a paid mentoring session's or group seat's events go
  // to mentoring (read by the payments interface), everything else (the shop's
  // checkouts, refunds) to orders.
  const object = event.data.object;
  const kind = 'metadata' in object ? object.metadata?.kind : undefined;
  const outcome =
    kind === 'mentoring'
      ? await handleMentoringPayment(readCardEvent(event))
      : kind === 'group_seat'
        ? await handleGroupSeatPayment(readCardEvent(event))
        : await handleStripeEvent(event);
  return Response.json({ received: true, outcome });
}

export async function loader() {
  return new Response('Method Not Allowed', { status: 405 });
}
