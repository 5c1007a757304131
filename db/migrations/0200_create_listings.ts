import { type Kysely, sql } from 'kysely';

// Product listings and their images, with a search document that ignores
// Vietnamese diacritics and case, and one index per sort order so every page of
// results (keyset pagination) is an index walk, however deep.
export async function up(db: Kysely<any>) {
  await sql`
    create table listings (
      id uuid primary key default gen_random_uuid(),
      seller_id uuid not null references users (id) on delete cascade,
      title text not null check (length(title) between 1 and 120),
      description text not null default '' check (length(description) <= 5000),
      price bigint not null check (price > 0 and price <= 1000000000000),
      stock integer not null default 0 check (stock >= 0),
      category text not null
        check (category in ('handicrafts', 'food', 'fashion', 'beauty', 'home', 'accessories', 'kids', 'services')),
      shipping_fee bigint not null default 0 check (shipping_fee >= 0 and shipping_fee <= 100000000),
      -- Empty: ships to every province.
      shipping_provinces text[] not null default '{}',
      state text not null default 'draft' check (state in ('draft', 'published', 'archived')),
      published_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      -- Unaccented, lower-case title for trigram (partial word, typo) matching.
      title_plain text not null generated always as (immutable_unaccent(lower(title))) stored,
      search tsvector not null generated always as (
        setweight(to_tsvector('simple', immutable_unaccent(lower(title))), 'A') ||
        setweight(to_tsvector('simple', immutable_unaccent(lower(description))), 'B')
      ) stored,
      check (state <> 'published' or published_at is not null)
    );

    -- fastupdate off: listings are written rarely and searched constantly, and the
    -- embedded engine has no autovacuum to merge a GIN pending list.
    create index listings_search_idx on listings using gin (search) with (fastupdate = off) where state = 'published';
    create index listings_title_trgm_idx on listings using gin (title_plain gin_trgm_ops) with (fastupdate = off) where state = 'published';
    -- Keyset pagination, one index per sort.
    create index listings_newest_idx on listings (published_at desc, id desc) where state = 'published';
    create index listings_price_idx on listings (price, id) where state = 'published';
    create index listings_category_newest_idx on listings (category, published_at desc, id desc) where state = 'published';
    create index listings_category_price_idx on listings (category, price, id) where state = 'published';
    -- The seller's dashboard and her storefront.
    create index listings_seller_idx on listings (seller_id, state, updated_at desc);

    create table listing_images (
      id uuid primary key default gen_random_uuid(),
      listing_id uuid not null references listings (id) on delete cascade,
      position smallint not null check (position between 0 and 7),
      -- Storage keys: the re-encoded original and WebP variants for small screens.
      image_key text not null,
      small_key text not null,
      thumb_key text not null,
      width integer not null check (width > 0),
      height integer not null check (height > 0),
      created_at timestamptz not null default now(),
      unique (listing_id, position)
    );
  `.execute(db);
}
