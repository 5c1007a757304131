import { publicUrl } from '~/lib/storage.server';

// Public image URLs for storage keys: only keys under "public/" have one.
export function imageUrl(key: string | null | undefined) {
  return publicUrl(key);
}
