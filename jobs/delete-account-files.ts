import { z } from 'zod';
import { deleteAccountFiles, deleteFilesQueue } from '../app/modules/privacy/deletion.server';
import { assertValidKey } from '../app/lib/storage.server';
import type { JobDefinition } from './types';

// After an account deletion commits: her files leave the folder or S3; a failure retries.
const payload = z.object({
  keys: z
    .array(
      z.string().refine((k) => {
        try {
          assertValidKey(k);
          return true;
        } catch {
          return false;
        }
      }),
    )
    .max(10_000),
});

export const deleteAccountFilesJob: JobDefinition<z.infer<typeof payload>> = {
  queue: deleteFilesQueue,
  payload,
  run: ({ keys }) => deleteAccountFiles(keys),
};
