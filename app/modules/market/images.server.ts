import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { MessageKey } from '~/lib/i18n';
import { getStorage } from '~/lib/storage.server';
import { deleteStored, prepareFile } from '~/lib/uploads.server';
import { addListingImages, maxImages, removeListingImage } from './listings.server';
import { db } from '~/lib/db.server';

// Listing photos go through the same checked uploads as identity documents
// (bytes sniffed, re-encoded, EXIF dropped), then get a WebP variant for small
// screens beside the thumbnail. They are public: keys under "public/listings/".

export const smallWidth = 640;

export async function storeListingImages(
  sellerId: string,
  listingId: string,
  files: File[],
): Promise<{ ok: true; added: number } | { ok: false; error: MessageKey }> {
  const { count } = await db
    .selectFrom('listing_images')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('listing_id', '=', listingId)
    .executeTakeFirstOrThrow();
  if (Number(count) + files.length > maxImages) return { ok: false, error: 'market.edit.tooManyImages' };

  const prepared = [];
  for (const file of files) {
    const result = await prepareFile(file, { allow: ['jpeg', 'png', 'webp'] });
    if (!result.ok) return { ok: false, error: result.error };
    const small = await sharp(result.file.body)
      .resize({ width: smallWidth, height: smallWidth, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    prepared.push({ ...result.file, small });
  }

  const storage = getStorage();
  const written: string[] = [];
  try {
    const images = [];
    for (const file of prepared) {
      const base = `public/listings/${listingId}/${randomUUID()}`;
      const image = { imageKey: `${base}.${file.ext}`, smallKey: `${base}.small.webp`, thumbKey: `${base}.thumb.webp` };
      await storage.put(image.imageKey, file.body, file.contentType);
      written.push(image.imageKey);
      await storage.put(image.smallKey, file.small, 'image/webp');
      written.push(image.smallKey);
      await storage.put(image.thumbKey, file.thumbnail ?? file.small, 'image/webp');
      written.push(image.thumbKey);
      images.push({ ...image, width: file.width ?? 1, height: file.height ?? 1 });
    }
    const added = await addListingImages(sellerId, listingId, images);
    if (added < images.length) {
      await deleteStored(written);
      return { ok: false, error: 'market.edit.tooManyImages' };
    }
    return { ok: true, added };
  } catch (error) {
    await deleteStored(written);
    throw error;
  }
}

export async function deleteListingImage(sellerId: string, listingId: string, imageId: string) {
  const removed = await removeListingImage(sellerId, listingId, imageId);
  if (removed) await deleteStored([removed.image_key, removed.small_key, removed.thumb_key]);
  return Boolean(removed);
}
