import { z } from 'zod';
import { deleteExpiredDocuments } from '../app/modules/verification';
import type { JobDefinition } from './types';

// Identity documents leave storage 30 days after a final decision; the decision stays.
export const deleteIdentityDocuments: JobDefinition<Record<string, never>> = {
  queue: 'delete-identity-documents',
  payload: z
    .object({})
    .strict()
    .or(z.null())
    .transform(() => ({})),
  // Every day at 02:30 UTC.
  cron: '30 2 * * *',
  run: () => deleteExpiredDocuments(),
};
