import { type Kysely, sql } from 'kysely';

// Issue 14: an account may be made with a phone number only. Email becomes
// optional, but every account keeps a way to reach her: a phone or an email.
export async function up(db: Kysely<any>) {
  await sql`
    alter table users alter column email drop not null;
    alter table users add constraint users_reachable check (email is not null or phone is not null);
    -- A sign-up by phone waits for its code here (name, password hash, language, consents);
    -- the account is made only when the code is right.
    alter table otp_challenges add column pending jsonb;
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`
    alter table otp_challenges drop column pending;
    alter table users drop constraint users_reachable;
    alter table users alter column email set not null;
  `.execute(db);
}
