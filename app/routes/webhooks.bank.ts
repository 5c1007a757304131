import type { ActionFunctionArgs } from '@remix-run/node';
import { handleSepayWebhook } from '~/modules/payments/transfers.server';

// Bank notifications from SePay for a seller's payout account. The API key in
// "Authorization: Apikey <key>" names the seller; a wrong one is a 401 and changes
// nothing. Each transaction id is applied once; the answer is {"success": true}.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return new Response('Method Not Allowed', { status: 405 });
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    body = null;
  }
  const result = await handleSepayWebhook(request.headers.get('Authorization'), body);
  if (result.status !== 200) return Response.json({ success: false }, { status: result.status });
  return Response.json({ success: true, outcome: result.outcome });
}

export async function loader() {
  return new Response('Method Not Allowed', { status: 405 });
}
