import { sql } from 'kysely';
import type { ListingState } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { screenListing } from '~/modules/moderation/screening.server';
import { maxImages, mayPublish, nextStates } from './seller-listings.server';
import { saveVariants, setLiveVariantStock, type VariantRow } from './variants.server';

// A seller's writes: the listing, its state and its image rows. Ownership is
// part of every query.

// ---- writes ----

export type ListingInput = {
  title: string;
  description: string;
  price: number;
  stock: number;
  category: string;
  shippingFee: number;
  shippingProvinces: string[];
  /** The seller's cap on units per order; null or absent: none. */
  maxPerOrder?: number | null;
  /** Named variants (sizes, colours); empty or absent: none, `stock` is the listing's. */
  variants?: VariantRow[];
};

function columns(input: ListingInput) {
  return {
    title: input.title,
    description: input.description,
    price: input.price,
    stock: input.stock,
    category: input.category,
    shipping_fee: input.shippingFee,
    shipping_provinces: input.shippingProvinces,
    max_per_order: input.maxPerOrder ?? null,
  };
}

/** Creates a draft and screens its words for scams in the same transaction (moderation). */
export async function createListing(sellerId: string, input: ListingInput) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('listings')
      .values({ seller_id: sellerId, ...columns(input), updated_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The insert made the unnamed variant; named ones replace it.
    if (input.variants?.length) await saveVariants(trx, row.id, input.variants, input.stock);
    await screenListing(trx, row.id);
    return row.id;
  });
}

/** Ownership is part of the query: another seller's listing is simply not updated. Re-screened on every save. */
export async function updateListing(sellerId: string, id: string, input: ListingInput) {
  return db.transaction().execute(async (trx) => {
    // The stock lives in the variants: saveVariants writes it, after this update locked the listing.
    const { stock: _stock, ...rest } = columns(input);
    const result = await trx
      .updateTable('listings')
      .set({ ...rest, updated_at: new Date() })
      .where('id', '=', id)
      .where('seller_id', '=', sellerId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await saveVariants(trx, id, input.variants ?? [], input.stock);
    await screenListing(trx, id);
    return true;
  });
}

export type QuickEditInput =
  { price: number; stock: number } | { price: number; variants: { id: string; stock: number }[] };
export type QuickEditResult = { ok: true } | { ok: false; error: 'quickstock.changed' };

/** Thrown inside the quick edit's transaction to roll it back. */
class OptionsChanged extends Error {}

/**
 * The dashboard's quick edit: the price, and the stock of the listing (no named
 * variants) or of each named variant she typed. Her form must match the listing
 * as it is now: a variant retired meanwhile (or not this listing's), or options
 * added or removed since she loaded the page, and nothing is written.
 */
export async function quickEditListing(sellerId: string, id: string, input: QuickEditInput): Promise<QuickEditResult> {
  try {
    await db.transaction().execute(async (trx) => {
      // The update locks the listing row first, as saveVariants expects.
      const listing = await trx
        .updateTable('listings')
        .set({ price: input.price, updated_at: new Date() })
        .where('id', '=', id)
        .where('seller_id', '=', sellerId)
        .returning(
          sql<boolean>`exists (select 1 from listing_variants v where v.listing_id = listings.id and v.retired_at is null and v.name <> '')`.as(
            'named',
          ),
        )
        .executeTakeFirst();
      if (!listing) throw new OptionsChanged();
      if ('variants' in input) {
        if (!listing.named || !(await setLiveVariantStock(trx, id, input.variants))) throw new OptionsChanged();
      } else {
        if (listing.named) throw new OptionsChanged();
        // The trigger of migration 1600 moves the stock to the listing's unnamed variant.
        await trx.updateTable('listings').set({ stock: input.stock }).where('id', '=', id).execute();
      }
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof OptionsChanged) return { ok: false, error: 'quickstock.changed' };
    throw error;
  }
}

export type StateChange =
  | { ok: true }
  | {
      ok: false;
      error:
        | 'market.state.notVerified'
        | 'market.state.notAllowed'
        | 'moderation.listing.heldNoPublish'
        | 'moderation.listing.hiddenNoPublish';
    };

/** Moves a listing to `to`, checking the state machine and, to publish, the seller's verification. */
export async function changeListingState(sellerId: string, id: string, to: ListingState): Promise<StateChange> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('listings as l')
      .leftJoin('business_profiles as b', 'b.user_id', 'l.seller_id')
      .select(['l.state', 'l.moderation_state', 'b.verification_status'])
      .where('l.id', '=', id)
      .where('l.seller_id', '=', sellerId)
      .forUpdate('l')
      .executeTakeFirst();
    if (!current || !nextStates(current.state).includes(to))
      return { ok: false, error: 'market.state.notAllowed' } as const;
    if (to === 'published' && !mayPublish(current.verification_status))
      return { ok: false, error: 'market.state.notVerified' } as const;
    // Held by the scam screening or hidden by staff: only staff lift it (moderation).
    if (to === 'published' && current.moderation_state === 'held')
      return { ok: false, error: 'moderation.listing.heldNoPublish' } as const;
    if (to === 'published' && current.moderation_state === 'hidden')
      return { ok: false, error: 'moderation.listing.hiddenNoPublish' } as const;
    await trx
      .updateTable('listings')
      .set({
        state: to,
        updated_at: new Date(),
        ...(to === 'published' ? { published_at: sql<Date>`now()` } : {}),
      })
      .where('id', '=', id)
      .where('seller_id', '=', sellerId)
      .execute();
    return { ok: true } as const;
  });
}

export type NewImage = { imageKey: string; smallKey: string; thumbKey: string; width: number; height: number };

/** Adds images after the listing's last one; refuses beyond eight. Returns how many were added. */
export async function addListingImages(sellerId: string, listingId: string, images: NewImage[]) {
  return db.transaction().execute(async (trx) => {
    const owned = await trx
      .selectFrom('listings')
      .select('id')
      .where('id', '=', listingId)
      .where('seller_id', '=', sellerId)
      .forUpdate()
      .executeTakeFirst();
    if (!owned) return 0;
    const { count, last } = await trx
      .selectFrom('listing_images')
      .select([sql<number>`count(*)::int`.as('count'), sql<number>`coalesce(max(position), -1)::int`.as('last')])
      .where('listing_id', '=', listingId)
      .executeTakeFirstOrThrow();
    const room = Math.max(0, maxImages - count);
    const taken = images.slice(0, room);
    if (!taken.length) return 0;
    // Positions stay between 0 and 7: renumber when deletions left gaps at the end.
    let position = last + 1 + taken.length > maxImages ? -1 : last;
    if (position === -1) {
      const existing = await trx
        .selectFrom('listing_images')
        .select('id')
        .where('listing_id', '=', listingId)
        .orderBy('position')
        .execute();
      for (const [index, row] of existing.entries()) {
        await trx
          .updateTable('listing_images')
          .set({ position: index + 100 })
          .where('id', '=', row.id)
          .execute();
      }
      for (const [index, row] of existing.entries()) {
        await trx.updateTable('listing_images').set({ position: index }).where('id', '=', row.id).execute();
      }
      position = existing.length - 1;
    }
    await trx
      .insertInto('listing_images')
      .values(
        taken.map((image, index) => ({
          listing_id: listingId,
          position: position + 1 + index,
          image_key: image.imageKey,
          small_key: image.smallKey,
          thumb_key: image.thumbKey,
          width: image.width,
          height: image.height,
        })),
      )
      .execute();
    return taken.length;
  });
}

export async function removeListingImage(sellerId: string, listingId: string, imageId: string) {
  const removed = await db
    .deleteFrom('listing_images')
    .where('id', '=', imageId)
    .where('listing_id', 'in', (eb) =>
      eb.selectFrom('listings').select('id').where('id', '=', listingId).where('seller_id', '=', sellerId),
    )
    .returning(['image_key', 'small_key', 'thumb_key'])
    .executeTakeFirst();
  return removed ?? null;
}
