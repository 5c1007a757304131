import { z } from 'zod';
import { deliverEmailQueue, deliverOutboxEmail } from '../app/lib/email.server';
import type { JobDefinition } from './types';

const payload = z.object({ id: z.number().int().positive() });

export const deliverEmail: JobDefinition<z.infer<typeof payload>> = {
  queue: deliverEmailQueue,
  payload,
  run: ({ id }) => deliverOutboxEmail(id),
};
