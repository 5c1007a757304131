import { type Kysely, sql } from 'kysely';

// Issue 19, the Union's desk: assisted sign-up ("Đăng ký giúp"). A commune or
// province officer starts a sign-up for a woman; she confirms it with the code
// sent to her own phone (a challenge of purpose 'assisted_signup', which only
// the officer who started it may finish: user_id names her), or, without a
// phone at hand, the officer records her spoken consent with a note and the
// version of the consent text. The account keeps who assisted, and how.
export async function up(db: Kysely<any>) {
  await sql`
    alter table otp_challenges drop constraint otp_challenges_purpose_check;
    alter table otp_challenges add constraint otp_challenges_purpose_check
      check (purpose in ('signup', 'login', 'reset', 'change_phone', 'assisted_signup'));
    alter table otp_challenges add constraint otp_challenges_assisted_officer
      check (purpose <> 'assisted_signup' or user_id is not null);
    create table assisted_signups (
      user_id uuid primary key references users (id) on delete cascade,
      assisted_by uuid references users (id) on delete set null,
      method text not null check (method in ('code', 'spoken')),
      -- the province she was signed up in (within the officer's scope then)
      province text not null check (province ~ '^[a-z-]{2,40}$'),
      consent_version text not null,
      -- spoken consent: what the officer wrote down (who was there, how it was read)
      note text check (note is null or char_length(note) <= 1000),
      created_at timestamptz not null default now(),
      check (method <> 'spoken' or note is not null)
    );
    create index assisted_signups_by_idx on assisted_signups (assisted_by, created_at);
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`
    drop table assisted_signups;
    delete from otp_challenges where purpose = 'assisted_signup';
    alter table otp_challenges drop constraint otp_challenges_assisted_officer;
    alter table otp_challenges drop constraint otp_challenges_purpose_check;
    alter table otp_challenges add constraint otp_challenges_purpose_check
      check (purpose in ('signup', 'login', 'reset', 'change_phone'));
  `.execute(db);
}
