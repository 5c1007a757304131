import { z } from 'zod';
import { mentoringSessionsOwedRefunds, refundIfDue } from '../app/modules/mentoring/index.server';
import { ordersOwedRefunds, refundOwedOrder } from '../app/modules/orders';
import type { JobDefinition } from './types';

// Card refunds owed by a change that already committed (a cancelled paid booking,
// a card order paid after it lapsed) but not sent, because Stripe could not be
// reached at the time. Each is keyed at Stripe by its order or session, so a
// retry never refunds twice.
export const retryRefunds: JobDefinition<Record<string, never>> = {
  queue: 'retry-refunds',
  payload: z
    .object({})
    .strict()
    .or(z.null())
    .transform(() => ({})),
  cron: '*/10 * * * *',
  run: async () => {
    let sent = 0;
    for (const id of await ordersOwedRefunds()) if (await refundOwedOrder(id)) sent++;
    for (const id of await mentoringSessionsOwedRefunds()) if (await refundIfDue(id)) sent++;
    return { sent };
  },
};
