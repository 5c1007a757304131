import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>) {
  await sql`
    -- A time-based one-time password (RFC 6238) per person. Enrolment writes the
    -- secret unconfirmed; the first right code confirms it. last_used_step makes
    -- every code single-use: a code's 30-second step must be later than the last one.
    create table two_factor (
      user_id uuid primary key references users (id) on delete cascade,
      secret text not null,
      confirmed_at timestamptz,
      last_used_step bigint not null default 0,
      created_at timestamptz not null default now()
    );

    create table two_factor_recovery_codes (
      id bigint generated always as identity primary key,
      user_id uuid not null references users (id) on delete cascade,
      code_hash text not null,
      used_at timestamptz,
      unique (user_id, code_hash)
    );

    -- The step between a right password and a right code: no session exists yet.
    create table login_challenges (
      token_hash text primary key,
      user_id uuid not null references users (id) on delete cascade,
      attempts int not null default 0 check (attempts >= 0),
      expires_at timestamptz not null,
      created_at timestamptz not null default now()
    );
    create index login_challenges_user_id_idx on login_challenges (user_id);

    -- Staff acts on personal data: who, what, about whom, when. Rows outlive the
    -- people in them (set null), so the log still shows that the act happened.
    create table audit_log (
      id bigint generated always as identity primary key,
      actor_id uuid references users (id) on delete set null,
      action text not null check (action in ('identity_document.open', 'two_factor.enrol', 'two_factor.disable', 'two_factor.recovery_code_used', 'data_export.download', 'account.delete')),
      subject_user_id uuid references users (id) on delete set null,
      detail jsonb not null default '{}'::jsonb,
      created_at timestamptz not null default now()
    );
    create index audit_log_created_at_idx on audit_log (created_at desc);
    create index audit_log_subject_idx on audit_log (subject_user_id, created_at desc);
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`
    drop table audit_log;
    drop table login_challenges;
    drop table two_factor_recovery_codes;
    drop table two_factor;
  `.execute(db);
}
