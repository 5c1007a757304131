import { z } from 'zod';
import { deliverEmailQueue } from '../app/lib/email.server';
import { deliverOutbox } from '../app/modules/notifications/delivery.server';
import type { JobDefinition } from './types';

const payload = z.object({ id: z.number().int().positive() });

// One outbox row of any channel (email, SMS, Zalo); the queue keeps its first name.
export const deliverEmail: JobDefinition<z.infer<typeof payload>> = {
  queue: deliverEmailQueue,
  payload,
  run: ({ id }) => deliverOutbox(id),
};
