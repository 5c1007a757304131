import { type Kysely, sql } from 'kysely';

// An entrepreneur's business: her public storefront identity and its
// verification state. Contact details are private to her (and later to buyers
// with an order).
export async function up(db: Kysely<any>) {
  await sql`
    create table business_profiles (
      user_id uuid primary key references users (id) on delete cascade,
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
      business_name text not null check (length(business_name) between 1 and 120),
      owner_name text not null check (length(owner_name) between 1 and 80),
      province text not null check (length(province) <= 40),
      story text not null default '' check (length(story) <= 4000),
      categories text[] not null default '{}',
      logo_key text,
      cover_key text,
      contact_phone text check (length(contact_phone) <= 20),
      contact_email citext check (length(contact_email) <= 254),
      verification_status text not null default 'draft'
        check (verification_status in ('draft', 'submitted', 'needs_info', 'approved', 'rejected', 'suspended', 'revoked')),
      verified_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index business_profiles_status_idx on business_profiles (verification_status, province);
  `.execute(db);
}
