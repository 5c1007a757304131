import { type Kysely, sql } from 'kysely';

// Issue 16: answers made offline (a quiz, a game round) are queued by the service
// worker and sent again when the connection returns, each with a key it made once.
// The key's row makes a second delivery of the same answer a no-op: the primary key
// settles two deliveries racing each other.
export async function up(db: Kysely<any>) {
  await sql`
    create table offline_replays (
      key uuid primary key,
      user_id uuid not null references users (id) on delete cascade,
      path text not null check (length(path) <= 300),
      created_at timestamptz not null default now()
    );
    create index offline_replays_created_at on offline_replays (created_at);
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`drop table offline_replays`.execute(db);
}
