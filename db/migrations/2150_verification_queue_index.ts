import { type Kysely, sql } from 'kysely';

// The staff verification queue lists profiles waiting for a decision: first requests
// (submitted, needs_info) and renewals with changes (issue 19). Its condition is an OR
// across two columns, which the older partial index (submitted only) cannot serve, so
// every queue page read all business profiles (issue 21: 3.1 ms → 1.7 ms on 5,000).
export async function up(db: Kysely<any>) {
  await sql`
    create index business_profiles_waiting_idx on business_profiles (submitted_at, user_id)
      where verification_status in ('submitted', 'needs_info') or renewal_review is not null
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`drop index business_profiles_waiting_idx`.execute(db);
}
