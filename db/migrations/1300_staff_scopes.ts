import { type Kysely, sql } from 'kysely';

// Issue 19: the Women's Union works through its branches. A staff member acts for
// the whole country or for one or more provinces; a staff member with no scope
// row sees nothing (fail closed), so every existing staff account is given the
// country here, as it had before.
export async function up(db: Kysely<any>) {
  await sql`
    create table staff_scopes (
      user_id uuid not null references users (id) on delete cascade,
      -- 'country', or a province code (app/lib/provinces.ts)
      scope text not null check (scope ~ '^[a-z-]{2,40}$'),
      granted_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (user_id, scope)
    );
    insert into staff_scopes (user_id, scope) select user_id, 'country' from user_roles where role = 'staff';
    -- A buyer's province (a seller's is her business's, a mentor's her application's): which
    -- provincial office looks after her reports.
    alter table users add column home_province text;
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`
    alter table users drop column home_province;
    drop table staff_scopes;
  `.execute(db);
}
