import { type Kysely, sql } from 'kysely';

// Reports and moderation. A report is about a person (always) and, when it is
// about one, a message or a listing. People file reports; the system files them
// too (reporter_id null): a listing or profile the scam detector held or
// flagged on save, a burst of messages to new people. Staff resolve a report
// with one action; every action is kept in moderation_actions with its reason.
export async function up(db: Kysely<any>) {
  await sql`
    alter table users
      add column suspended_at timestamptz,
      -- Null with suspended_at set: suspended for good.
      add column suspended_until timestamptz,
      add column suspension_reason text,
      add constraint users_suspension_check check (suspended_until is null or suspended_at is not null);

    -- clear → flagged (caution on save: published, staff look later)
    --       → held (danger on save: may not be published until staff clear it)
    --       → hidden (staff took it down)
    alter table listings
      add column moderation_state text not null default 'clear'
        check (moderation_state in ('clear', 'flagged', 'held', 'hidden')),
      add column moderation_signals text[] not null default '{}';

    create table reports (
      id uuid primary key default gen_random_uuid(),
      reporter_id uuid references users (id) on delete set null,
      subject_user_id uuid not null references users (id) on delete cascade,
      message_id uuid references messages (id) on delete cascade,
      listing_id uuid references listings (id) on delete cascade,
      category text not null
        check (category in ('scam', 'harassment', 'counterfeit', 'other', 'screening', 'rate_limit')),
      note text not null default '' check (length(note) <= 1000),
      -- The detector's signal codes for the reported text, when it had any.
      signals text[] not null default '{}',
      status text not null default 'open' check (status in ('open', 'resolved')),
      resolution text check (resolution in ('dismissed', 'warned', 'listing_hidden', 'suspended', 'verification_revoked')),
      resolved_by uuid references users (id) on delete set null,
      resolved_at timestamptz,
      created_at timestamptz not null default now(),
      check (message_id is null or listing_id is null),
      check ((status = 'resolved') = (resolution is not null and resolved_at is not null))
    );
    -- One open report per reporter and item: reporting twice does not double the weight.
    create unique index reports_one_open_per_reporter_idx
      on reports (reporter_id, subject_user_id, coalesce(message_id, listing_id, subject_user_id))
      where status = 'open' and reporter_id is not null;
    create index reports_open_idx on reports (subject_user_id, created_at) where status = 'open';
    create index reports_status_idx on reports (status, created_at desc);

    create table moderation_actions (
      id bigint generated always as identity primary key,
      report_id uuid references reports (id) on delete set null,
      staff_id uuid references users (id) on delete set null,
      subject_user_id uuid not null references users (id) on delete cascade,
      listing_id uuid references listings (id) on delete set null,
      action text not null
        check (action in ('dismiss', 'warn', 'hide_listing', 'suspend', 'unsuspend', 'revoke_verification', 'clear_listing')),
      reason text not null check (length(reason) between 1 and 1000),
      suspended_until timestamptz,
      created_at timestamptz not null default now()
    );
    create index moderation_actions_subject_idx on moderation_actions (subject_user_id, created_at desc);
  `.execute(db);
}
