import { type Kysely, sql } from 'kysely';

// Verification of business profiles and mentor applications by Union staff:
// the declaration and submission times on the profile, the private documents,
// mentor profiles with their own state, and one audit log for every transition.
export async function up(db: Kysely<any>) {
  await sql`
    alter table business_profiles
      add column women_led_declared_at timestamptz,
      add column submitted_at timestamptz,
      add column decided_at timestamptz;
    create index business_profiles_queue_idx on business_profiles (submitted_at) where verification_status = 'submitted';

    -- Identity and business documents: private objects in storage, read by staff only.
    -- storage_key becomes null once the file is deleted (30 days after a final decision).
    create table verification_documents (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references business_profiles (user_id) on delete cascade,
      kind text not null check (kind in ('citizen_id', 'business_registration')),
      storage_key text unique check (length(storage_key) <= 300),
      thumbnail_key text check (length(thumbnail_key) <= 300),
      content_type text not null check (content_type in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
      size_bytes integer not null check (size_bytes > 0),
      original_name text not null default '' check (length(original_name) <= 120),
      created_at timestamptz not null default now(),
      deleted_at timestamptz,
      check ((storage_key is null) = (deleted_at is not null))
    );
    create index verification_documents_user_idx on verification_documents (user_id, created_at);

    create table mentor_profiles (
      user_id uuid primary key references users (id) on delete cascade,
      expertise text[] not null default '{}' check (cardinality(expertise) between 1 and 8),
      languages text[] not null default '{}' check (cardinality(languages) between 1 and 6),
      experience text not null check (length(experience) between 1 and 2000),
      bio text not null check (length(bio) between 1 and 2000),
      province text not null check (length(province) <= 40),
      status text not null default 'draft'
        check (status in ('draft', 'submitted', 'needs_info', 'approved', 'rejected', 'suspended', 'revoked')),
      submitted_at timestamptz,
      decided_at timestamptz,
      approved_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index mentor_profiles_status_idx on mentor_profiles (status, province);

    -- Every state change of a profile or application: who, when, from, to, why.
    create table verification_events (
      id bigint generated always as identity primary key,
      subject text not null check (subject in ('business', 'mentor')),
      user_id uuid not null references users (id) on delete cascade,
      actor_id uuid references users (id) on delete set null,
      from_status text not null,
      to_status text not null,
      reason_code text check (length(reason_code) <= 40),
      reason_text text check (length(reason_text) <= 2000),
      created_at timestamptz not null default now()
    );
    create index verification_events_subject_idx on verification_events (user_id, subject, created_at);
  `.execute(db);
}
