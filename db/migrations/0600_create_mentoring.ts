import { type Kysely, sql } from 'kysely';

// Mentoring: an approved mentor's offer, her weekly hours in her own time zone,
// dates off and extra dates, the sessions booked with her, and the reminders sent.
// The database itself refuses a double booking: two exclusion constraints
// (btree_gist) over the live sessions, one per mentor with her buffer after each
// session included, one per mentee.
export async function up(db: Kysely<any>) {
  await sql`
    create extension if not exists btree_gist;

    create table mentor_offers (
      mentor_id uuid primary key references mentor_profiles (user_id) on delete cascade,
      topics text[] not null check (cardinality(topics) between 1 and 10),
      languages text[] not null check (cardinality(languages) between 1 and 7),
      session_minutes integer not null default 60 check (session_minutes in (30, 45, 60)),
      buffer_minutes integer not null default 15 check (buffer_minutes between 0 and 120),
      min_notice_hours integer not null default 12 check (min_notice_hours between 0 and 720),
      max_days_ahead integer not null default 30 check (max_days_ahead between 1 and 180),
      price bigint not null default 0 check (price >= 0 and price <= 100000000),
      meeting_mode text not null check (meeting_mode in ('video', 'phone', 'in_person')),
      meeting_place text not null default '' check (length(meeting_place) <= 300),
      requires_confirmation boolean not null default false,
      cancel_cutoff_hours integer not null default 12 check (cancel_cutoff_hours between 0 and 168),
      time_zone text not null check (length(time_zone) between 1 and 64),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (meeting_mode = 'phone' or length(meeting_place) > 0)
    );

    -- Weekly hours: several ranges a day, in minutes after local midnight; weekday 1 = Monday.
    create table mentor_weekly_hours (
      id bigint generated always as identity primary key,
      mentor_id uuid not null references mentor_offers (mentor_id) on delete cascade,
      weekday smallint not null check (weekday between 1 and 7),
      start_minute integer not null check (start_minute between 0 and 1439),
      end_minute integer not null check (end_minute between 1 and 1440),
      check (end_minute > start_minute)
    );
    create index mentor_weekly_hours_mentor_idx on mentor_weekly_hours (mentor_id, weekday);

    -- A date off (no weekly hours that day) or an extra range on one date.
    create table mentor_date_exceptions (
      id bigint generated always as identity primary key,
      mentor_id uuid not null references mentor_offers (mentor_id) on delete cascade,
      day date not null,
      kind text not null check (kind in ('off', 'extra')),
      start_minute integer check (start_minute between 0 and 1439),
      end_minute integer check (end_minute between 1 and 1440),
      check ((kind = 'off' and start_minute is null and end_minute is null)
          or (kind = 'extra' and end_minute > start_minute))
    );
    create index mentor_date_exceptions_mentor_idx on mentor_date_exceptions (mentor_id, day);
    create unique index mentor_date_exceptions_off_idx on mentor_date_exceptions (mentor_id, day) where kind = 'off';

    create table mentoring_sessions (
      id uuid primary key default gen_random_uuid(),
      mentor_id uuid not null references users (id) on delete cascade,
      mentee_id uuid not null references users (id) on delete cascade,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      -- ends_at plus the mentor's buffer when booked: the mentor is busy until then.
      blocked_until timestamptz not null,
      status text not null check (status in ('pending', 'confirmed', 'declined', 'cancelled')),
      note text not null default '' check (length(note) <= 1000),
      price bigint not null default 0 check (price >= 0),
      meeting_mode text not null check (meeting_mode in ('video', 'phone', 'in_person')),
      meeting_place text not null default '' check (length(meeting_place) <= 300),
      time_zone text not null,
      cancelled_by text check (cancelled_by in ('mentee', 'mentor')),
      cancelled_at timestamptz,
      cancel_reason text check (length(cancel_reason) <= 500),
      late_cancellation boolean not null default false,
      reschedule_count integer not null default 0,
      rating smallint check (rating between 1 and 5),
      rating_comment text check (length(rating_comment) <= 1000),
      rated_at timestamptz,
      mentor_notes text not null default '' check (length(mentor_notes) <= 4000),
      follow_up text not null default '' check (length(follow_up) <= 4000),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (mentee_id <> mentor_id),
      check (ends_at > starts_at and blocked_until >= ends_at),
      check ((status = 'cancelled') = (cancelled_at is not null)),
      check ((rating is null) = (rated_at is null)),
      constraint mentoring_sessions_mentor_overlap exclude using gist (
        mentor_id with =, tstzrange(starts_at, blocked_until, '[)') with &&
      ) where (status in ('pending', 'confirmed')),
      constraint mentoring_sessions_mentee_overlap exclude using gist (
        mentee_id with =, tstzrange(starts_at, ends_at, '[)') with &&
      ) where (status in ('pending', 'confirmed'))
    );
    create index mentoring_sessions_mentor_idx on mentoring_sessions (mentor_id, starts_at);
    create index mentoring_sessions_mentee_idx on mentoring_sessions (mentee_id, starts_at);

    -- One row per reminder sent: the primary key makes a second send impossible.
    create table mentoring_reminders (
      session_id uuid not null references mentoring_sessions (id) on delete cascade,
      kind text not null check (kind in ('24h', '1h')),
      sent_at timestamptz not null default now(),
      primary key (session_id, kind)
    );
  `.execute(db);
}
