import type { VerificationStatus } from '../../../db/schema';
import { listSellerPublished } from './public-listings.server';
import { imageUrl } from './urls.server';

/** A storefront's published listings (none while the business is suspended): one statement. */
export async function storefrontListings(sellerId: string, status: VerificationStatus) {
  if (status === 'suspended') return [];
  const rows = await listSellerPublished(sellerId, { limit: 48 });
  return rows.map((r) => ({ ...r, thumbUrl: imageUrl(r.thumb_key) }));
}
