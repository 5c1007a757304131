import { type Kysely, sql } from 'kysely';

// Scam accounts shared across reports (issue 17): bank account numbers, phone
// numbers and links that staff upheld as a scam (from a report, or added by
// hand from a public police or bank warning). A message, listing or profile
// that contains an active one is a danger whatever its wording.
//  - A number is kept only as a keyed hash (HMAC-SHA256 of its digits, secret
//    SCAM_HASH_SECRET) with its last three digits for staff to recognise it;
//    a link as its normalised host and path (links are public warnings).
//  - Removing keeps the row (who, when, why); one active row per key.
export async function up(db: Kysely<any>) {
  await sql`
    create table scam_accounts (
      id bigint generated always as identity primary key,
      kind text not null check (kind in ('number', 'link')),
      key text not null check (length(key) between 1 and 300),
      hint text not null check (length(hint) between 1 and 300),
      reason text not null check (length(reason) between 1 and 1000),
      report_id uuid references reports (id) on delete set null,
      added_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      removed_at timestamptz,
      removed_by uuid references users (id) on delete set null,
      removed_reason text check (length(removed_reason) between 1 and 1000),
      check ((removed_at is null) = (removed_reason is null))
    );
    create unique index scam_accounts_active_key_idx on scam_accounts (kind, key) where removed_at is null;
    create index scam_accounts_created_idx on scam_accounts (created_at desc);
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`drop table scam_accounts`.execute(db);
}
