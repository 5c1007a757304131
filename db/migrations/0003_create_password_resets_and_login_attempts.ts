import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>) {
  await sql`
    create table password_reset_tokens (
      token_hash text primary key,
      user_id uuid not null references users (id) on delete cascade,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index password_reset_tokens_user_id_idx on password_reset_tokens (user_id);

    -- Failed logins, counted per account and per client address over a window,
    -- so the limit holds across several app servers.
    create table login_failures (
      id bigint generated always as identity primary key,
      email citext not null,
      client_address text not null,
      created_at timestamptz not null default now()
    );
    create index login_failures_email_idx on login_failures (email, created_at);
    create index login_failures_address_idx on login_failures (client_address, created_at);
  `.execute(db);
}
