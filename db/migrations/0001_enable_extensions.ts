import { type Kysely, sql } from 'kysely';

// Extensions both engines provide: citext for e-mail addresses, unaccent and
// pg_trgm for search that ignores Vietnamese diacritics, btree_gist for
// exclusion constraints on time ranges.
export async function up(db: Kysely<any>) {
  await sql`
    create extension if not exists citext;
    create extension if not exists unaccent;
    create extension if not exists pg_trgm;
    create extension if not exists btree_gist;
    -- unaccent() is only STABLE; indexes and generated columns need an IMMUTABLE wrapper.
    create or replace function immutable_unaccent(text) returns text
      language sql immutable parallel safe strict
      as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;
  `.execute(db);
}
