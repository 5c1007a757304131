import { isDatabaseUp } from '~/lib/db.server';

// For load balancers: 200 while the database answers, 503 when it does not.
export async function loader() {
  const up = await isDatabaseUp();
  return new Response(up ? 'ok' : 'database unavailable', {
    status: up ? 200 : 503,
    headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' },
  });
}
