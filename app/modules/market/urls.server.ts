// Public image URLs for storage keys. Keys under "public/" are served by the
// storage module's public route; anything else never reaches a page.
export function imageUrl(key: string | null | undefined) {
  return key && key.startsWith('public/') ? `/files/${key}` : null;
}
