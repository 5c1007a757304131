import { db } from '~/lib/db.server';
import { openProblemStates } from '~/modules/problems/states';
import { autoCompleteDays, autoDeliverDays } from './settings.server';
import { runTransition } from './transitions.server';

// The jobs: unpaid orders lapse, shipped orders are delivered, delivered orders complete.

/** Unpaid card orders past their 30 minutes give their stock back. Returns how many. */
export async function expireUnpaidOrders(now = new Date()) {
  const due = await db
    .selectFrom('orders')
    .select('id')
    .where('state', '=', 'awaiting_payment')
    .where('pay_by', '<', now)
    .orderBy('pay_by')
    .limit(500)
    .execute();
  let n = 0;
  for (const { id } of due)
    if (await runTransition(id, 'expire', { id: null, role: 'system' }, { reason: 'expired' })) n += 1;
  return n;
}

/** Shipped 14 days ago and not confirmed: delivered. Delivered 7 days ago, with no problem open: completed. */
export async function advanceStaleOrders(now = new Date()) {
  const shipped = await db
    .selectFrom('orders')
    .select('id')
    .where('state', '=', 'shipped')
    .where('shipped_at', '<', new Date(now.getTime() - autoDeliverDays * 86_400_000))
    .limit(500)
    .execute();
  const delivered = await db
    .selectFrom('orders as o')
    .select('o.id')
    .where('o.state', '=', 'delivered')
    .where('o.delivered_at', '<', new Date(now.getTime() - autoCompleteDays * 86_400_000))
    // A problem still open keeps the order from completing until it is settled.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('order_problems as p')
            .select('p.id')
            .whereRef('p.order_id', '=', 'o.id')
            .where('p.state', 'in', openProblemStates),
        ),
      ),
    )
    .limit(500)
    .execute();
  for (const { id } of shipped) await runTransition(id, 'deliver', { id: null, role: 'system' });
  for (const { id } of delivered) await runTransition(id, 'complete', { id: null, role: 'system' });
  return { delivered: shipped.length, completed: delivered.length };
}

export async function runOrderHousekeeping(now = new Date()) {
  const expired = await expireUnpaidOrders(now);
  return { expired, ...(await advanceStaleOrders(now)) };
}
