import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { db } from '~/lib/db.server';
import { accountActive, sellerActive } from '~/modules/moderation/suspension.server';
import { isUuid } from '~/lib/ids';
import { sellerRatingOf } from '~/modules/orders/reviews.server';
import { type Cursor, encodeCursor, plainText, type Sort, toTsQuery } from './search.server';

// What buyers see: search, the listing page and a seller's other listings.

export const pageSize = 24;

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

/**
 * The seller's badge as buyers see it, from her business profile `b`: verified, or an
 * approval not renewed in time (issue 19: no badge, "verification expired").
 */
function sellerStanding() {
  return [
    sql<boolean>`b.verification_status = 'approved' and (b.verified_until is null or b.verified_until > now())`.as(
      'seller_verified',
    ),
    sql<boolean>`b.verification_status = 'approved' and b.verified_until <= now()`.as('seller_lapsed'),
  ] as const;
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
      ...sellerStanding(),
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
      ...sellerStanding(),
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
      ...sellerStanding(),
      'u.created_at as seller_since',
      // Read with the listing, so the page stays within its statements (tests/statements.test.ts).
      sellerRatingOf(sql.ref('l.seller_id')).as('seller_rating'),
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
