import { type Kysely, sql } from 'kysely';

// Issue 14: phone numbers on accounts, one-time codes sent to them, and the
// Zalo Official Account's rotating tokens.
export async function up(db: Kysely<any>) {
  await sql`
    -- A person's mobile number, once, as E.164 (app/lib/phone.ts); confirmed by a code.
    alter table users add column phone text;
    alter table users add column phone_confirmed_at timestamptz;
    alter table users add constraint users_phone_e164 check (phone ~ '^\\+[1-9][0-9]{7,14}$');
    create unique index users_phone_key on users (phone);

    -- A 6-digit code sent by SMS or Zalo. Only its hash is kept; it expires,
    -- takes a few wrong tries, and is used once (used_at set with the expected
    -- state in the WHERE, so two tabs cannot both use it).
    create table otp_challenges (
      id uuid primary key default gen_random_uuid(),
      phone text not null check (phone ~ '^\\+[1-9][0-9]{7,14}$'),
      purpose text not null check (purpose in ('signup', 'login', 'reset', 'change_phone')),
      channel text not null check (channel in ('sms', 'zalo')),
      code_hash text not null,
      client_address text not null,
      attempts int not null default 0 check (attempts >= 0),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index otp_challenges_phone_idx on otp_challenges (phone, created_at desc);
    create index otp_challenges_client_idx on otp_challenges (client_address, created_at desc);

    -- Zalo's refresh token is single-use: each refresh hands back the next one,
    -- which must outlive a restart. One row.
    create table zalo_tokens (
      id int primary key default 1 check (id = 1),
      access_token text not null,
      refresh_token text not null,
      expires_at timestamptz not null,
      updated_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`
    drop table zalo_tokens;
    drop table otp_challenges;
    drop index users_phone_key;
    alter table users drop constraint users_phone_e164;
    alter table users drop column phone_confirmed_at;
    alter table users drop column phone;
  `.execute(db);
}
