import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { ListingState, VerificationStatus } from '../../../db/schema';
import type { SessionUser } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { isUuid } from '~/lib/ids';

// The seller's side of listings: who may publish and edit, the listing she is
// about to edit, and her dashboard list.

export const maxImages = 8;

// ---- rules ----

/** Only a seller whose business Union staff approved may publish. */
export function mayPublish(status: VerificationStatus | null | undefined) {
  return status === 'approved';
}

/** A listing is edited by its seller only. */
export function mayEdit(user: Pick<SessionUser, 'id'>, listing: { seller_id: string }) {
  return listing.seller_id === user.id;
}

/** Which state changes a listing allows (publishing also needs `mayPublish`). */
export function nextStates(state: ListingState): ListingState[] {
  if (state === 'draft') return ['published', 'archived'];
  if (state === 'published') return ['draft', 'archived'];
  return ['published', 'draft'];
}

export async function sellerStatus(userId: string): Promise<VerificationStatus | null> {
  const row = await db
    .selectFrom('business_profiles')
    .select('verification_status')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.verification_status ?? null;
}

/**
 * The listing a seller is about to edit: 404 when there is no such listing, 403
 * when it belongs to another seller (nothing of it is returned).
 */
export async function requireEditableListing(user: Pick<SessionUser, 'id'>, id: string | undefined) {
  if (!isUuid(id)) throw new Response('Not found', { status: 404 });
  const listing = await db
    .selectFrom('listings as l')
    .selectAll('l')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('listing_images as i')
          .select(['i.id', 'i.position', 'i.thumb_key', 'i.small_key', 'i.width', 'i.height'])
          .whereRef('i.listing_id', '=', 'l.id')
          .orderBy('i.position'),
      ).as('images'),
      jsonArrayFrom(
        eb
          .selectFrom('listing_variants as v')
          .select(['v.name', 'v.price', 'v.stock', 'v.sku'])
          .whereRef('v.listing_id', '=', 'l.id')
          .where('v.retired_at', 'is', null)
          .orderBy('v.position'),
      ).as('variants'),
      eb
        .selectFrom('business_profiles as b')
        .select('b.verification_status')
        .where('b.user_id', '=', user.id)
        .as('seller_status'),
    ])
    .where('l.id', '=', id)
    .executeTakeFirst();
  if (!listing) throw new Response('Not found', { status: 404 });
  if (!mayEdit(user, listing)) throw new Response('Forbidden', { status: 403 });
  return listing;
}

// ---- the seller's dashboard ----

export async function listSellerListings(sellerId: string) {
  return db
    .selectFrom('listings as l')
    .select((eb) => [
      'l.id',
      'l.title',
      'l.price',
      'l.stock',
      'l.state',
      'l.moderation_state',
      'l.category',
      'l.updated_at',
      eb
        .selectFrom('listing_images as i')
        .select('i.thumb_key')
        .whereRef('i.listing_id', '=', 'l.id')
        .orderBy('i.position')
        .limit(1)
        .as('thumb_key'),
      // Her live named variants, in the same statement (the quick edit has a stock field per variant).
      jsonArrayFrom(
        eb
          .selectFrom('listing_variants as v')
          .select(['v.id', 'v.name', 'v.stock'])
          .whereRef('v.listing_id', '=', 'l.id')
          .where('v.retired_at', 'is', null)
          .where('v.name', '<>', '')
          .orderBy('v.position'),
      ).as('variants'),
    ])
    .where('l.seller_id', '=', sellerId)
    .orderBy(sql`case l.state when 'draft' then 0 when 'published' then 1 else 2 end`)
    .orderBy('l.updated_at', 'desc')
    .limit(500)
    .execute();
}
