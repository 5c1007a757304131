import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>) {
  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      email citext not null unique check (length(email) <= 254),
      password_hash text not null,
      display_name text not null check (length(display_name) between 1 and 80),
      locale text not null default 'vi' check (locale in ('vi', 'en')),
      time_zone text not null default 'Asia/Ho_Chi_Minh' check (length(time_zone) <= 64),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    -- Everyone is a buyer; these are the roles granted on top of that.
    create table user_roles (
      user_id uuid not null references users (id) on delete cascade,
      role text not null check (role in ('entrepreneur', 'mentor', 'staff')),
      granted_at timestamptz not null default now(),
      primary key (user_id, role)
    );

    create table sessions (
      id text primary key,
      user_id uuid not null references users (id) on delete cascade,
      expires_at timestamptz not null,
      created_at timestamptz not null default now()
    );
    create index sessions_user_id_idx on sessions (user_id);
    create index sessions_expires_at_idx on sessions (expires_at);
  `.execute(db);
}
