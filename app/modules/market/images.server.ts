import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { MessageKey } from '~/lib/i18n';
import { getStorage } from '~/lib/storage.server';
import { deleteStored, prepareFile, type PreparedFile } from '~/lib/uploads.server';
import { addListingImages, removeListingImage } from './listing-writes.server';
import { maxImages } from './seller-listings.server';
import { db } from '~/lib/db.server';

// Listing photos go through the same checked uploads as identity documents
// (bytes sniffed, re-encoded, EXIF dropped), then get a WebP variant for small
// screens beside the thumbnail. They are public: keys under "public/listings/".

export const smallWidth = 640;

export type PreparedPhoto = PreparedFile & { small: Buffer };
export type StoredPhoto = { imageKey: string; smallKey: string; thumbKey: string; width: number; height: number };

/**
 * Checks photos by their bytes and re-encodes them (EXIF dropped), each with its
 * 640 px WebP and thumbnail: nothing is stored yet. Listing photos and review
 * photos (issue 20) share it.
 */
export async function preparePhotos(
  files: File[],
): Promise<{ ok: true; photos: PreparedPhoto[] } | { ok: false; error: MessageKey }> {
  const photos: PreparedPhoto[] = [];
  for (const file of files) {
    const result = await prepareFile(file, { allow: ['jpeg', 'png', 'webp'] });
    if (!result.ok) return { ok: false, error: result.error };
    const small = await sharp(result.file.body)
      .resize({ width: smallWidth, height: smallWidth, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    photos.push({ ...result.file, small });
  }
  return { ok: true, photos };
}

/** Stores prepared photos under a public prefix: all of them, or (on a storage failure) none. */
export async function putPhotos(prefix: string, photos: PreparedPhoto[]): Promise<StoredPhoto[]> {
  const storage = getStorage();
  const written: string[] = [];
  try {
    const stored: StoredPhoto[] = [];
    for (const file of photos) {
      const base = `${prefix}/${randomUUID()}`;
      const image = { imageKey: `${base}.${file.ext}`, smallKey: `${base}.small.webp`, thumbKey: `${base}.thumb.webp` };
      await storage.put(image.imageKey, file.body, file.contentType);
      written.push(image.imageKey);
      await storage.put(image.smallKey, file.small, 'image/webp');
      written.push(image.smallKey);
      await storage.put(image.thumbKey, file.thumbnail ?? file.small, 'image/webp');
      written.push(image.thumbKey);
      stored.push({ ...image, width: file.width ?? 1, height: file.height ?? 1 });
    }
    return stored;
  } catch (error) {
    await deleteStored(written);
    throw error;
  }
}

/** The keys of stored photos, to remove them when the row that should name them was not written. */
export function photoKeys(photos: StoredPhoto[]) {
  return photos.flatMap((p) => [p.imageKey, p.smallKey, p.thumbKey]);
}

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

  const prepared = await preparePhotos(files);
  if (!prepared.ok) return prepared;
  const images = await putPhotos(`public/listings/${listingId}`, prepared.photos);
  try {
    const added = await addListingImages(sellerId, listingId, images);
    if (added < images.length) {
      await deleteStored(photoKeys(images));
      return { ok: false, error: 'market.edit.tooManyImages' };
    }
    return { ok: true, added };
  } catch (error) {
    await deleteStored(photoKeys(images));
    throw error;
  }
}

export async function deleteListingImage(sellerId: string, listingId: string, imageId: string) {
  const removed = await removeListingImage(sellerId, listingId, imageId);
  if (removed) await deleteStored([removed.image_key, removed.small_key, removed.thumb_key]);
  return Boolean(removed);
}
