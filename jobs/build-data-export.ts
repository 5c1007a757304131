import { z } from 'zod';
import { buildExport, exportQueue } from '../app/modules/privacy/export.server';
import type { JobDefinition } from './types';

// "Download my data": builds her ZIP, stores it privately, tells her it is ready.
const payload = z.object({ id: z.uuid() });

export const buildDataExport: JobDefinition<z.infer<typeof payload>> = {
  queue: exportQueue,
  payload,
  run: ({ id }) => buildExport(id),
};
