import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { ListingState, VerificationStatus } from '../../../db/schema';
import type { SessionUser } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { screenListing } from '~/modules/moderation/screening.server';
import { accountActive, sellerActive } from '~/modules/moderation/suspension.server';
import { isUuid } from '~/lib/ids';
import { saveVariants, setLiveVariantStock, type VariantRow } from './variants.server';
import { type Cursor, encodeCursor, plainText, type Sort, toTsQuery } from './search.server';

// Listings: the rules on who may publish and edit, and every query the market
// pages run. Routes call these from their loader AND their action.

export const maxImages = 8;
export const pageSize = 24;

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

// ---- buyers: search, listing page, storefront ----

export type SearchFilters = {
  q?: string;
  category?: string;
  province?: string;
  minPrice?: number;
  maxPrice?: number;
  verifiedOnly: boolean;
  /** Only listings whose OCOP claim staff verified (issue 20). */
  ocopOnly?: boolean;
  sort: Sort;
  after?: Cursor | null;
  limit?: number;
};

/** Some live variant of the listing costs between min and max (a variant without its own price costs the listing's). */
function variantPriceIn(min: number | undefined, max: number | undefined) {
  return sql<boolean>`exists (select 1 from listing_variants v where v.listing_id = l.id and v.retired_at is null
    and coalesce(v.price, l.price) >= ${min ?? 0}::bigint and coalesce(v.price, l.price) <= ${max ?? Number.MAX_SAFE_INTEGER}::bigint)`;
}

/** The listing's OCOP stars once staff verified its claim (a claim still under review shows nothing). */
function verifiedOcopStars() {
  return sql<number | null>`case when l.ocop_status = 'verified' then l.ocop_stars end`;
}

function firstThumb() {
  return sql<
    string | null
  >`(select i.thumb_key from listing_images i where i.listing_id = l.id order by i.position limit 1)`;
}

/**
 * One page of published listings. Keyset pagination: the cursor holds the last
 * row's sort value and id, so page 400 costs what page 1 costs. One statement,
 * whatever the number of results.
 */
export async function searchListings(filters: SearchFilters) {
  const limit = filters.limit ?? pageSize;
  const tsq = filters.q ? toTsQuery(filters.q) : null;
  const sort: Sort = filters.sort === 'relevance' && !tsq ? 'newest' : filters.sort;
  const rank = sql<number>`ts_rank(l.search, to_tsquery('simple', ${tsq}))`;

  // The page is chosen from listings alone (the seller's standing is copied onto
  // each listing), then only its rows are joined to their sellers.
  let page = db
    .selectFrom('listings as l')
    .select(['l.id', 'l.seller_id', 'l.title', 'l.price', 'l.stock', 'l.category', 'l.shipping_fee', 'l.published_at'])
    .select(verifiedOcopStars().as('ocop_stars'))
    .select((sort === 'relevance' ? rank : sql<number>`0::real`).as('rank'))
    .where('l.state', '=', 'published')
    // A suspended business is off the market until staff reinstate it, as is a suspended account.
    .where('l.seller_status', '<>', 'suspended')
    .where(sellerActive('l'));

  if (tsq) page = page.where(sql<boolean>`l.search @@ to_tsquery('simple', ${tsq})`);
  if (filters.category) page = page.where('l.category', '=', filters.category);
  if (filters.province) page = page.where('l.seller_province', '=', filters.province);
  if (filters.minPrice !== undefined || filters.maxPrice !== undefined)
    page = page.where(variantPriceIn(filters.minPrice, filters.maxPrice));
  if (filters.verifiedOnly) page = page.where('l.seller_status', '=', 'approved');
  if (filters.ocopOnly) page = page.where('l.ocop_status', '=', 'verified');

  const after = filters.after;
  if (sort === 'relevance') {
    if (after && typeof after.v === 'number')
      page = page.where(sql<boolean>`(${rank}, l.id) < (${after.v}::real, ${after.id}::uuid)`);
    page = page.orderBy(rank, 'desc').orderBy('l.id', 'desc');
  } else if (sort === 'newest') {
    if (after && typeof after.v === 'string')
      page = page.where(sql<boolean>`(l.published_at, l.id) < (${after.v}::timestamptz, ${after.id}::uuid)`);
    page = page.orderBy('l.published_at', 'desc').orderBy('l.id', 'desc');
  } else if (sort === 'price_asc') {
    if (after && Number.isSafeInteger(after.v))
      page = page.where(sql<boolean>`(l.price, l.id) > (${after.v}::bigint, ${after.id}::uuid)`);
    page = page.orderBy('l.price', 'asc').orderBy('l.id', 'asc');
  } else {
    if (after && Number.isSafeInteger(after.v))
      page = page.where(sql<boolean>`(l.price, l.id) < (${after.v}::bigint, ${after.id}::uuid)`);
    page = page.orderBy('l.price', 'desc').orderBy('l.id', 'desc');
  }

  const order = {
    relevance: sql`p.rank desc, p.id desc`,
    newest: sql`p.published_at desc, p.id desc`,
    price_asc: sql`p.price asc, p.id asc`,
    price_desc: sql`p.price desc, p.id desc`,
  }[sort];
  const rows = await db
    .selectFrom(page.limit(limit + 1).as('p'))
    .innerJoin('business_profiles as b', 'b.user_id', 'p.seller_id')
    .select([
      'p.id',
      'p.title',
      'p.price',
      'p.stock',
      'p.category',
      'p.shipping_fee',
      'p.rank',
      'p.ocop_stars',
      sql<string>`p.published_at::text`.as('published_key'),
      'b.business_name as seller_name',
      'b.slug as seller_slug',
      'b.province as seller_province',
      // A lapsed approval (renewal, issue 19) shows no badge but "verification expired".
      sql<boolean>`b.verification_status = 'approved' and (b.verified_until is null or b.verified_until > now())`.as(
        'seller_verified',
      ),
      sql<boolean>`b.verification_status = 'approved' and b.verified_until <= now()`.as('seller_lapsed'),
      'b.verified_at as seller_verified_at',
      sql<
        string | null
      >`(select i.thumb_key from listing_images i where i.listing_id = p.id order by i.position limit 1)`.as(
        'thumb_key',
      ),
    ])
    .orderBy(order)
    .execute();

  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  let next: string | null = null;
  if (rows.length > limit && last) {
    const v = sort === 'relevance' ? Number(last.rank) : sort === 'newest' ? last.published_key : last.price;
    next = encodeCursor({ v, id: last.id });
  }
  return {
    sort,
    listings: shown.map(({ published_key: _p, rank: _r, ...row }) => row),
    next,
  };
}

/**
 * When a query's words match nothing, titles that look like it (typos, words cut
 * in the middle), by trigram similarity. First page only.
 */
export async function similarListings(
  q: string,
  filters: Omit<SearchFilters, 'q' | 'sort' | 'after'>,
  limit = pageSize,
) {
  const plain = plainText(q).trim().slice(0, 100);
  if (plain.length < 3) return [];
  let query = db
    .selectFrom('listings as l')
    .innerJoin('business_profiles as b', 'b.user_id', 'l.seller_id')
    .select([
      'l.id',
      'l.title',
      'l.price',
      'l.stock',
      'l.category',
      'l.shipping_fee',
      'b.business_name as seller_name',
      'b.slug as seller_slug',
      'b.province as seller_province',
      // A lapsed approval (renewal, issue 19) shows no badge but "verification expired".
      sql<boolean>`b.verification_status = 'approved' and (b.verified_until is null or b.verified_until > now())`.as(
        'seller_verified',
      ),
      sql<boolean>`b.verification_status = 'approved' and b.verified_until <= now()`.as('seller_lapsed'),
      'b.verified_at as seller_verified_at',
      firstThumb().as('thumb_key'),
      verifiedOcopStars().as('ocop_stars'),
    ])
    .where('l.state', '=', 'published')
    .where('l.seller_status', '<>', 'suspended')
    .where(sellerActive('l'))
    .where(sql<boolean>`${plain} <% l.title_plain`);
  if (filters.verifiedOnly) query = query.where('l.seller_status', '=', 'approved');
  if (filters.ocopOnly) query = query.where('l.ocop_status', '=', 'verified');
  if (filters.category) query = query.where('l.category', '=', filters.category);
  if (filters.province) query = query.where('l.seller_province', '=', filters.province);
  if (filters.minPrice !== undefined || filters.maxPrice !== undefined)
    query = query.where(variantPriceIn(filters.minPrice, filters.maxPrice));
  return query
    .orderBy(sql`word_similarity(${plain}, l.title_plain)`, 'desc')
    .orderBy('l.id')
    .limit(limit)
    .execute();
}

/** A published listing with its images and seller card: one statement. */
export async function findPublishedListing(id: string | undefined) {
  if (!isUuid(id)) return null;
  const listing = await db
    .selectFrom('listings as l')
    .innerJoin('business_profiles as b', 'b.user_id', 'l.seller_id')
    .innerJoin('users as u', 'u.id', 'l.seller_id')
    .select((eb) => [
      'l.id',
      'l.seller_id',
      'l.title',
      'l.description',
      'l.price',
      'l.stock',
      'l.category',
      'l.shipping_fee',
      'l.shipping_provinces',
      'l.published_at',
      'l.origin_province',
      verifiedOcopStars().as('ocop_stars'),
      sql<
        string | null
      >`(select m.display_name from business_members m where m.id = l.maker_member_id and m.state = 'active' and m.show_on_storefront)`.as(
        'maker_name',
      ),
      'b.business_name as seller_name',
      'b.slug as seller_slug',
      'b.province as seller_province',
      'b.verified_at as seller_verified_at',
      // A lapsed approval (renewal, issue 19) shows no badge but "verification expired".
      sql<boolean>`b.verification_status = 'approved' and (b.verified_until is null or b.verified_until > now())`.as(
        'seller_verified',
      ),
      sql<boolean>`b.verification_status = 'approved' and b.verified_until <= now()`.as('seller_lapsed'),
      'u.created_at as seller_since',
      jsonArrayFrom(
        eb
          .selectFrom('listing_images as i')
          .select(['i.id', 'i.image_key', 'i.small_key', 'i.thumb_key', 'i.width', 'i.height'])
          .whereRef('i.listing_id', '=', 'l.id')
          .orderBy('i.position'),
      ).as('images'),
      // Its live variants in the seller's order, each with the price a buyer pays.
      jsonArrayFrom(
        eb
          .selectFrom('listing_variants as v')
          .select(['v.id', 'v.name', 'v.stock', sql<number>`coalesce(v.price, l.price)`.as('price')])
          .whereRef('v.listing_id', '=', 'l.id')
          .where('v.retired_at', 'is', null)
          .orderBy('v.position'),
      ).as('variants'),
    ])
    .where('l.id', '=', id)
    .where('l.state', '=', 'published')
    .where('b.verification_status', '<>', 'suspended')
    .where(accountActive('u'))
    .executeTakeFirst();
  return listing ?? null;
}

/** A seller's other published listings, newest first: one statement. */
export async function listSellerPublished(sellerId: string, options: { exclude?: string; limit?: number } = {}) {
  let query = db
    .selectFrom('listings as l')
    .select(['l.id', 'l.title', 'l.price', 'l.stock', 'l.category', firstThumb().as('thumb_key')])
    .where('l.seller_id', '=', sellerId)
    .where('l.state', '=', 'published');
  if (options.exclude) query = query.where('l.id', '<>', options.exclude);
  return query
    .orderBy('l.published_at', 'desc')
    .orderBy('l.id', 'desc')
    .limit(options.limit ?? 8)
    .execute();
}
