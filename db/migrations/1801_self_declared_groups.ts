import { type Kysely, sql } from 'kysely';

// Issue 19: optional, self-declared age group and ethnic group, only with her
// consent (kept while consented, cleared when she withdraws it), for the Union's
// reports in cells of at least 10 people, never per person.
export async function up(db: Kysely<any>) {
  await sql`
    alter table users
      add column age_group text check (age_group in ('under_25', '25_34', '35_44', '45_54', '55_plus')),
      add column ethnic_group text check (length(ethnic_group) <= 40),
      add column groups_consented_at timestamptz,
      add check ((age_group is null and ethnic_group is null) or groups_consented_at is not null);
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`alter table users drop column age_group, drop column ethnic_group, drop column groups_consented_at;`.execute(
    db,
  );
}
