import { type Kysely, sql } from 'kysely';

// Issue 19: a staff member takes a queue item (a person's verification, or a
// report) so colleagues see it is hers. The primary key settles two officers
// taking the same item at once: one insert wins.
export async function up(db: Kysely<any>) {
  await sql`
    create table review_assignments (
      item_kind text not null check (item_kind in ('verification', 'report')),
      -- the person (verification) or the report
      item_id uuid not null,
      assigned_to uuid not null references users (id) on delete cascade,
      assigned_by uuid references users (id) on delete set null,
      assigned_at timestamptz not null default now(),
      primary key (item_kind, item_id)
    );
    create index review_assignments_assigned_to_idx on review_assignments (assigned_to);
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`drop table review_assignments;`.execute(db);
}
