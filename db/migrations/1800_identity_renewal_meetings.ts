import { type Kysely, sql } from 'kysely';

// Issue 19, verification at scale:
// - the citizen-ID number, kept only as a keyed hash (HMAC-SHA-256, hex) and its last 3 digits,
//   so staff are warned when a second account uses the same identity (not unique: a warning,
//   not a refusal, since a typo or a shared family business must stay decidable by a person);
// - an approval lapses (verified_until); reminders before it, each sent once (primary key);
//   a renewal re-declared twice counts once (unique on the approval it renews);
// - staff record that they met the applicant in person.
export async function up(db: Kysely<any>) {
  await sql`
    alter table business_profiles
      add column id_number_hmac text check (id_number_hmac ~ '^[0-9a-f]{64}$'),
      add column id_number_last3 text check (id_number_last3 ~ '^[0-9]{3}$'),
      add column verified_until timestamptz,
      add check ((id_number_hmac is null) = (id_number_last3 is null));
    create index business_profiles_id_number_idx on business_profiles (id_number_hmac) where id_number_hmac is not null;
    -- Approvals given before renewal existed run 12 months from their date.
    update business_profiles set verified_until = coalesce(verified_at, now()) + interval '12 months'
      where verification_status in ('approved', 'suspended');

    create table verification_reminders (
      user_id uuid not null references business_profiles (user_id) on delete cascade,
      -- the approval's end this reminder is about, and how many days before it
      verified_until timestamptz not null,
      days_before integer not null check (days_before in (30, 7)),
      sent_at timestamptz not null default now(),
      primary key (user_id, verified_until, days_before)
    );

    create table verification_renewals (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references business_profiles (user_id) on delete cascade,
      previous_until timestamptz not null,
      renewed_until timestamptz not null check (renewed_until > previous_until),
      created_at timestamptz not null default now(),
      unique (user_id, previous_until)
    );

    create table verification_meetings (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      staff_id uuid references users (id) on delete set null,
      met_on date not null,
      place text not null check (length(place) between 1 and 200),
      note text not null default '' check (length(note) <= 2000),
      created_at timestamptz not null default now()
    );
    create index verification_meetings_user_idx on verification_meetings (user_id, met_on);
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`
    drop table verification_meetings;
    drop table verification_renewals;
    drop table verification_reminders;
    alter table business_profiles
      drop column id_number_hmac, drop column id_number_last3, drop column verified_until;
  `.execute(db);
}
