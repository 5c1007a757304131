import { type Kysely, sql } from 'kysely';

// A deleted account keeps its row (orders and messages point at it) but no way to
// reach her: neither email nor phone. Every other account keeps one (1021).
export async function up(db: Kysely<any>) {
  await sql`
    alter table users drop constraint users_reachable;
    alter table users add constraint users_reachable check (deleted_at is not null or email is not null or phone is not null);
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`
    alter table users drop constraint users_reachable;
    alter table users add constraint users_reachable check (email is not null or phone is not null);
  `.execute(db);
}
