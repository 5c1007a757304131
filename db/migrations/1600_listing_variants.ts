import { type Kysely, sql } from 'kysely';

// Variants (issue 20): a listing is sold as one or more variants (sizes, colours),
// each with its own stock and optional price and SKU. The variants' stock is the
// truth; listings.stock stays as their sum (kept by a trigger), so every page that
// shows "in stock" and the search's cards read one row as before.
//
// - Every listing has at least one variant: a listing without options has one
//   unnamed variant (name ''), made here for existing listings and by a trigger for
//   new ones. Writing listings.stock of such a listing moves its variant's stock
//   (old code paths, seeds and bulk inserts keep working); writing it on a
//   listing with named variants is refused.
// - A variant a seller removes is retired, not deleted: carts and orders that
//   point at it say so instead of losing the line.
// - At most 50 live variants (a trigger; positions 0..49).
export async function up(db: Kysely<any>) {
  await sql`
    create table listing_variants (
      id uuid primary key default gen_random_uuid(),
      listing_id uuid not null references listings (id) on delete cascade,
      -- '' for a listing without options; else the option values, e.g. "M" or "Đỏ / M".
      name text not null default '' check (length(name) <= 60 and name = btrim(name)),
      position smallint not null default 0 check (position between 0 and 49),
      -- null: the listing's price.
      price bigint check (price > 0 and price <= 1000000000000),
      stock integer not null default 0 check (stock >= 0),
      sku text check (length(sku) between 1 and 40),
      retired_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index listing_variants_listing_idx on listing_variants (listing_id);
    create unique index listing_variants_live_name_idx on listing_variants (listing_id, lower(name)) where retired_at is null;
    -- At most 50 live variants. Every writer of a listing's variants has locked the
    -- listing row first (the seller's save updates it), so the count cannot race.
    create function listing_variants_at_most_50() returns trigger language plpgsql as $$
    begin
      if (select count(*) from listing_variants where listing_id = new.listing_id and retired_at is null) > 50 then
        raise exception 'a listing has at most 50 variants' using errcode = '23514';
      end if;
      return null;
    end $$;
    create trigger listing_variants_at_most_50 after insert or update of retired_at on listing_variants
      for each row execute function listing_variants_at_most_50();

    insert into listing_variants (listing_id, name, position, stock)
      select id, '', 0, stock from listings;

    -- listings.stock = the sum of its live variants' stock.
    create function listing_variants_sum_stock() returns trigger language plpgsql as $$
    declare
      target uuid;
    begin
      for target in
        select distinct x from unnest(array[
          case when tg_op <> 'INSERT' then old.listing_id end,
          case when tg_op <> 'DELETE' then new.listing_id end]) as x where x is not null
      loop
        update listings l set stock = coalesce((select sum(v.stock) from listing_variants v where v.listing_id = target and v.retired_at is null), 0)
          where l.id = target;
      end loop;
      return null;
    end $$;
    create trigger listing_variants_sum_stock after insert or update or delete on listing_variants
      for each row execute function listing_variants_sum_stock();

    -- A new listing gets its one unnamed variant with the stock it was written with.
    create function listings_default_variant() returns trigger language plpgsql as $$
    begin
      insert into listing_variants (listing_id, name, position, stock) values (new.id, '', 0, new.stock);
      return null;
    end $$;
    create trigger listings_default_variant after insert on listings
      for each row execute function listings_default_variant();

    -- listings.stock written directly (not by the sum above): moves the unnamed variant.
    create function listings_stock_to_variant() returns trigger language plpgsql as $$
    begin
      if pg_trigger_depth() > 1 or new.stock = old.stock then return null; end if;
      if exists (select 1 from listing_variants where listing_id = new.id and retired_at is null and name <> '') then
        raise exception 'listing % has variants: change the stock of a variant', new.id using errcode = '23514';
      end if;
      update listing_variants set stock = new.stock where listing_id = new.id and retired_at is null and name = '';
      if not found then
        insert into listing_variants (listing_id, name, position, stock) values (new.id, '', 0, new.stock);
      end if;
      return null;
    end $$;
    create trigger listings_stock_to_variant after update of stock on listings
      for each row execute function listings_stock_to_variant();

    -- The cart holds a variant; the listing id stays for the pages that group by listing.
    alter table cart_items add column variant_id uuid references listing_variants (id) on delete cascade;
    update cart_items c set variant_id = v.id from listing_variants v where v.listing_id = c.listing_id;
    alter table cart_items alter column variant_id set not null;
    alter table cart_items drop constraint cart_items_pkey;
    alter table cart_items add primary key (buyer_id, variant_id);

    -- What was bought: the variant (kept when it is retired) and its name at the time.
    alter table order_items add column variant_id uuid references listing_variants (id) on delete set null;
    alter table order_items add column variant_name text not null default '' check (length(variant_name) <= 60);
    update order_items i set variant_id = v.id from listing_variants v where v.listing_id = i.listing_id;

    -- A cart line or order item written with only its listing (older code paths, seeds)
    -- means the listing's first live variant: its only one when it has no options.
    create function variant_of_listing() returns trigger language plpgsql as $$
    begin
      if new.variant_id is null and new.listing_id is not null then
        new.variant_id := (select id from listing_variants where listing_id = new.listing_id and retired_at is null order by position, created_at limit 1);
      end if;
      return new;
    end $$;
    create trigger cart_items_variant before insert on cart_items for each row execute function variant_of_listing();
    create trigger order_items_variant before insert on order_items for each row execute function variant_of_listing();
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`
    drop trigger order_items_variant on order_items;
    drop trigger cart_items_variant on cart_items;
    drop function variant_of_listing();
    alter table order_items drop column variant_name;
    alter table order_items drop column variant_id;
    delete from cart_items a using cart_items b where a.buyer_id = b.buyer_id and a.listing_id = b.listing_id and a.variant_id > b.variant_id;
    alter table cart_items drop constraint cart_items_pkey;
    alter table cart_items drop column variant_id;
    alter table cart_items add primary key (buyer_id, listing_id);
    drop trigger listings_stock_to_variant on listings;
    drop function listings_stock_to_variant();
    drop trigger listings_default_variant on listings;
    drop function listings_default_variant();
    drop trigger listing_variants_sum_stock on listing_variants;
    drop function listing_variants_sum_stock();
    drop trigger listing_variants_at_most_50 on listing_variants;
    drop function listing_variants_at_most_50();
    drop table listing_variants;
  `.execute(db);
}
