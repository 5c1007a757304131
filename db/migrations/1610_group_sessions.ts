import { type Kysely, sql } from 'kysely';

// Group mentoring (issue 20): a mentor or a staff trainer offers one session to
// several people. Each booking takes a seat by raising seats_taken in the same
// transaction that writes it; the check seats_taken <= seats is what makes
// overbooking impossible, however many book at once. Lowering the seats below
// the bookings fails the same check.
export async function up(db: Kysely<any>) {
  await sql`
    create table group_sessions (
      id uuid primary key default gen_random_uuid(),
      host_id uuid not null references users (id) on delete cascade,
      title text not null check (length(title) between 1 and 120),
      description text not null default '' check (length(description) <= 2000),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      seats integer not null check (seats between 1 and 500),
      seats_taken integer not null default 0 check (seats_taken >= 0),
      -- Per seat, đồng; 0: free.
      price bigint not null default 0 check (price >= 0 and price <= 100000000),
      meeting_mode text not null check (meeting_mode in ('video', 'phone', 'in_person')),
      meeting_place text not null default '' check (length(meeting_place) <= 300),
      status text not null default 'open' check (status in ('open', 'cancelled')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_at > starts_at),
      constraint group_sessions_no_overbooking check (seats_taken <= seats)
    );
    create index group_sessions_upcoming_idx on group_sessions (starts_at) where status = 'open';
    create index group_sessions_host_idx on group_sessions (host_id, starts_at desc);

    create table group_bookings (
      id uuid primary key default gen_random_uuid(),
      group_session_id uuid not null references group_sessions (id) on delete cascade,
      attendee_id uuid not null references users (id) on delete cascade,
      status text not null default 'booked' check (status in ('booked', 'cancelled')),
      -- Marked by the host after the session; null: not yet.
      attended boolean,
      created_at timestamptz not null default now(),
      cancelled_at timestamptz,
      check ((status = 'cancelled') = (cancelled_at is not null))
    );
    -- One live seat per person per session.
    create unique index group_bookings_one_seat_idx on group_bookings (group_session_id, attendee_id) where status = 'booked';
    create index group_bookings_attendee_idx on group_bookings (attendee_id, created_at desc);

    -- One row per reminder sent to one booking: a second send is impossible.
    create table group_reminders (
      booking_id uuid not null references group_bookings (id) on delete cascade,
      kind text not null check (kind in ('24h', '1h')),
      sent_at timestamptz not null default now(),
      primary key (booking_id, kind)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`
    drop table group_reminders;
    drop table group_bookings;
    drop table group_sessions;
  `.execute(db);
}
