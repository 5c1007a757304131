import { z } from 'zod';
import { runOrderHousekeeping } from '../app/modules/orders';
import type { JobDefinition } from './types';

// Unpaid card orders expire after 30 minutes and give their stock back; shipped
// orders nobody confirmed become delivered after 14 days, delivered ones
// completed after 7.
export const ordersHousekeeping: JobDefinition<Record<string, never>> = {
  queue: 'orders-housekeeping',
  payload: z
    .object({})
    .strict()
    .or(z.null())
    .transform(() => ({})),
  cron: '*/5 * * * *',
  run: () => runOrderHousekeeping(),
};
