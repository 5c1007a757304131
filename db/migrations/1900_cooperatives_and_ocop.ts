import { type Kysely, sql } from 'kysely';

// Market depth (issue 20): cooperatives and household businesses with members,
// and a listing's origin and OCOP claim.
//
// - business_profiles.business_type: what the business is. A cooperative (hợp tác
//   xã), a cooperative group (tổ hợp tác) or a household business (hộ kinh doanh)
//   has members; its registration is one of the verification documents.
// - business_members: one row per invitation, by phone or e-mail; user_id is set when
//   she accepts. A manager acts on the business's listings and orders (the one
//   ownership rule in app/lib/auth.server.ts); a member is named as the maker of
//   listings she made. She is shown on the storefront only with her consent.
// - ocop_certificates: a certificate number belongs to one seller (primary key),
//   so two sellers can never claim the same certificate, even at the same moment.
// - listings: province of origin, OCOP stars/number/year/certificate file and the
//   staff decision (ocop_status), and the member who made it.
export async function up(db: Kysely<any>) {
  await sql`
    alter table business_profiles add column business_type text not null default 'individual'
      check (business_type in ('individual', 'cooperative', 'cooperative_group', 'household'));

    create table business_members (
      id uuid primary key default gen_random_uuid(),
      business_id uuid not null references business_profiles (user_id) on delete cascade,
      invited_by uuid references users (id) on delete set null,
      -- Exactly one of phone (E.164) or e-mail: who may accept the invitation.
      invited_phone text check (invited_phone ~ '^\\+[0-9]{6,15}$'),
      invited_email citext check (length(invited_email) <= 254),
      check ((invited_phone is null) <> (invited_email is null)),
      user_id uuid references users (id) on delete cascade,
      role text not null check (role in ('manager', 'member')),
      state text not null default 'invited' check (state in ('invited', 'active', 'declined', 'removed')),
      check (state <> 'active' or user_id is not null),
      -- Her own answers when she accepts.
      display_name text check (length(display_name) between 1 and 80),
      is_woman boolean not null default true,
      show_on_storefront boolean not null default false,
      created_at timestamptz not null default now(),
      accepted_at timestamptz
    );
    create unique index business_members_phone_idx on business_members (business_id, invited_phone)
      where state in ('invited', 'active') and invited_phone is not null;
    create unique index business_members_email_idx on business_members (business_id, invited_email)
      where state in ('invited', 'active') and invited_email is not null;
    create unique index business_members_user_idx on business_members (business_id, user_id)
      where state = 'active';
    -- A person manages at most one business (the dashboard acts for one seller).
    create unique index business_members_one_managed_idx on business_members (user_id)
      where state = 'active' and role = 'manager';
    create index business_members_invited_phone_idx on business_members (invited_phone) where state = 'invited';
    create index business_members_invited_email_idx on business_members (invited_email) where state = 'invited';

    create table ocop_certificates (
      number text primary key check (number ~ '^[A-Za-z0-9./-]{3,40}$'),
      seller_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default now()
    );

    alter table listings
      add column origin_province text check (length(origin_province) <= 40),
      add column maker_member_id uuid references business_members (id) on delete set null,
      add column ocop_stars smallint check (ocop_stars between 3 and 5),
      add column ocop_number text references ocop_certificates (number),
      add column ocop_year smallint check (ocop_year between 2018 and 2100),
      add column ocop_certificate_key text,
      add column ocop_status text not null default 'none'
        check (ocop_status in ('none', 'submitted', 'verified', 'rejected')),
      add column ocop_decided_by uuid references users (id) on delete set null,
      add column ocop_decided_at timestamptz,
      add column ocop_submitted_at timestamptz,
      add constraint listings_ocop_complete check (ocop_status = 'none' or
        (ocop_stars is not null and ocop_number is not null and ocop_year is not null and ocop_certificate_key is not null));
    create index listings_ocop_queue_idx on listings (ocop_submitted_at) where ocop_status = 'submitted';
    create index listings_ocop_newest_idx on listings (published_at desc, id desc)
      where state = 'published' and ocop_status = 'verified';
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`
    alter table listings drop column origin_province, drop column maker_member_id, drop column ocop_stars,
      drop column ocop_number, drop column ocop_year, drop column ocop_certificate_key, drop column ocop_status,
      drop column ocop_decided_by, drop column ocop_decided_at, drop column ocop_submitted_at;
    drop table ocop_certificates;
    drop table business_members;
    alter table business_profiles drop column business_type;
  `.execute(db);
}
