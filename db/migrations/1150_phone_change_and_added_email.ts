import { type Kysely, sql } from 'kysely';

// Issue 14, account flows by phone: a code to change the phone number belongs
// to the signed-in person who asked for it, and an email added later waits
// for its confirmation link here.
export async function up(db: Kysely<any>) {
  await sql`
    -- Who asked for a code to change her number: only she can use it.
    alter table otp_challenges add column user_id uuid references users (id) on delete cascade;
    alter table otp_challenges add constraint otp_challenges_change_phone_user check (purpose <> 'change_phone' or user_id is not null);

    -- An email added on /account: the address is hers once the link is opened.
    -- Only the link's hash is kept; it works once, for a limited time.
    create table email_confirmations (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      email text not null check (length(email) <= 254),
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index email_confirmations_user_idx on email_confirmations (user_id, created_at desc);
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`
    drop table email_confirmations;
    alter table otp_challenges drop constraint otp_challenges_change_phone_user;
    alter table otp_challenges drop column user_id;
  `.execute(db);
}
