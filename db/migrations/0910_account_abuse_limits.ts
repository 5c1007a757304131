import { type Kysely, sql } from 'kysely';

// Limits against throwaway accounts and reset spam (issue 12). Every limit is
// counted from rows in PostgreSQL, so it holds across several app servers.
export async function up(db: Kysely<any>) {
  await sql`
    -- Accepted forgotten-password requests, known email or not: counted per
    -- email and per client address over a window.
    create table password_reset_requests (
      id bigint generated always as identity primary key,
      email citext not null,
      client_address text not null,
      created_at timestamptz not null default now()
    );
    create index password_reset_requests_email_idx on password_reset_requests (email, created_at);
    create index password_reset_requests_address_idx on password_reset_requests (client_address, created_at);

    -- A sign-up waits here until the emailed link is opened: the account exists
    -- only once the address is proven. A row is written for a taken email too
    -- (its token is never sent), so the per-address count and the work are the same.
    create table signup_requests (
      token_hash text primary key,
      email citext not null,
      password_hash text not null,
      display_name text not null,
      locale text not null check (locale in ('vi', 'en')),
      wants_to_sell boolean not null default false,
      redirect_to text,
      client_address text not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index signup_requests_address_idx on signup_requests (client_address, created_at);

    -- A seller's own cap on units of one listing in one order (null: none).
    alter table listings add column max_per_order integer check (max_per_order is null or max_per_order between 1 and 100000);
  `.execute(db);
}
