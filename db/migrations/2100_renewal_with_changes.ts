import { type Kysely, sql } from 'kysely';

// Issue 19, renewal when something changed: she says what changed (and may add new
// documents); the renewal goes back into the staff review queue while her approval,
// and so her badge, stays valid until its current end. One pending renewal review at
// a time: the column is the state, so a second submission finds it already sent.
export async function up(db: Kysely<any>) {
  await sql`
    alter table business_profiles
      add column renewal_review text check (renewal_review in ('submitted', 'needs_info')),
      add column renewal_changes text check (char_length(renewal_changes) <= 2000),
      add check (renewal_review is null or renewal_changes is not null);
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`
    alter table business_profiles drop column renewal_review, drop column renewal_changes;
  `.execute(db);
}
