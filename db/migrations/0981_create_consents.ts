import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>) {
  await sql`
    -- Each consent she gives or withdraws, with the version of the text she saw and
    -- how she gave it: the record the data-protection law asks for (silence is not consent).
    create table consents (
      id bigint generated always as identity primary key,
      user_id uuid not null references users (id) on delete cascade,
      purpose text not null check (purpose in ('terms', 'union_news')),
      version text not null,
      channel text not null check (channel in ('web', 'assisted')),
      granted_at timestamptz not null default now(),
      withdrawn_at timestamptz
    );
    -- One standing consent per person, purpose and version.
    create unique index consents_one_standing_idx on consents (user_id, purpose, version) where withdrawn_at is null;
    create index consents_user_idx on consents (user_id, purpose, granted_at desc);
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`drop table consents`.execute(db);
}
