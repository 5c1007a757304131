import type { ActionFunctionArgs } from '@remix-run/node';
import { handleCarrierWebhook } from '~/modules/shipping/shipping.server';

// Tracking updates from a carrier (/webhooks/carrier/ghn?token=...). The carrier's
// file checks the token or signature; an unknown order is a 404 the carrier's
// logs show, the same update twice is applied once. JSON in, JSON out.
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return new Response('Method Not Allowed', { status: 405 });
  const body = await request.text();
  const outcome = await handleCarrierWebhook(params.code, { url: request.url, headers: request.headers, body });
  return Response.json(outcome.json, { status: outcome.status });
}

export async function loader() {
  return new Response('Method Not Allowed', { status: 405 });
}
