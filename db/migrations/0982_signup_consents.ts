import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>) {
  await sql`
    -- What she ticked on the sign-up form and the version of the texts she saw:
    -- recorded as her consents when the link creates the account.
    alter table signup_requests add column consents text[] not null default '{}';
    alter table signup_requests add column consent_version text;
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`
    alter table signup_requests drop column consent_version;
    alter table signup_requests drop column consents;
  `.execute(db);
}
