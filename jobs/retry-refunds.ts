import { z } from 'zod';
import { refundIfDue } from '../app/modules/mentoring/index.server';
import { refundSeatIfDue } from '../app/modules/mentoring/group-paid.server';
import { refundOwedOrder } from '../app/modules/orders';
import { dueOwedRefunds, type OwedKind } from '../app/modules/payments/refunds.server';
import type { JobDefinition } from './types';

// Refunds owed by a change that already committed (a cancelled paid order,
// booking or group seat; a card payment that came after its hold lapsed) but not
// sent, because the rail could not be reached at the time. Each waits its backoff
// (5, 10, 20 … minutes, at most 6 hours) and is keyed at Stripe by its order,
// session or seat, so a retry never refunds twice.
const senders: Record<OwedKind, (id: string, now: Date) => Promise<boolean>> = {
  order: refundOwedOrder,
  mentoring: refundIfDue,
  group_seat: refundSeatIfDue,
};

export async function sendDueRefunds(now = new Date()) {
  let sent = 0;
  for (const owed of await dueOwedRefunds(now)) if (await senders[owed.kind](owed.subject_id, now)) sent++;
  return { sent };
}

export const retryRefunds: JobDefinition<Record<string, never>> = {
  queue: 'retry-refunds',
  payload: z
    .object({})
    .strict()
    .or(z.null())
    .transform(() => ({})),
  cron: '*/10 * * * *',
  run: () => sendDueRefunds(),
};
