import { type Kysely, sql } from 'kysely';

// One refund order everywhere (issue 18): the change that makes a refund owed
// (a cancelled paid order, booking or seat) writes one owed_refunds row in its
// own transaction; the refund is sent after the commit, and a refund that could
// not be sent is retried by the retry-refunds job with backoff. The row's
// idempotency key (unique, also Stripe's Idempotency-Key) makes a second refund
// of the same thing impossible.
//
// Paid group seats (issue 20): a seat of a paid group session is held in
// 'awaiting_payment' (it counts in seats_taken, so the no-overbooking check
// still decides) until the card payment arrives or the hold lapses.
export async function up(db: Kysely<any>) {
  await sql`
    create table owed_refunds (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('order', 'mentoring', 'group_seat')),
      subject_id uuid not null,
      rail text not null check (rail in ('card', 'vietqr', 'cod')),
      payment_intent text,
      amount bigint not null check (amount > 0),
      idempotency_key text not null unique,
      attempts integer not null default 0 check (attempts >= 0),
      next_attempt_at timestamptz not null default now(),
      last_error text,
      refund_reference text,
      sent_at timestamptz,
      created_at timestamptz not null default now(),
      unique (kind, subject_id)
    );
    create index owed_refunds_due_idx on owed_refunds (next_attempt_at) where sent_at is null;

    -- Refunds owed before this table (cancelled card orders holding a payment) are carried over.
    insert into owed_refunds (kind, subject_id, rail, payment_intent, amount, idempotency_key)
      select 'order', id, 'card', stripe_payment_intent, total, 'refund-' || id
      from orders
      where state = 'cancelled' and payment_method = 'card' and stripe_payment_intent is not null and total > 0;

    alter table group_bookings drop constraint group_bookings_status_check;
    alter table group_bookings add constraint group_bookings_status_check
      check (status in ('awaiting_payment', 'booked', 'cancelled'));
    alter table group_bookings
      add column price bigint not null default 0 check (price >= 0),
      add column hold_expires_at timestamptz,
      add column payment_reference text unique,
      add column payment_intent text,
      add column paid_at timestamptz,
      add constraint group_bookings_hold_check check ((status = 'awaiting_payment') <= (hold_expires_at is not null));
    drop index group_bookings_one_seat_idx;
    create unique index group_bookings_one_seat_idx on group_bookings (group_session_id, attendee_id)
      where status in ('awaiting_payment', 'booked');
    create index group_bookings_hold_idx on group_bookings (hold_expires_at) where status = 'awaiting_payment';
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`
    drop index group_bookings_hold_idx;
    drop index group_bookings_one_seat_idx;
    delete from group_bookings where status = 'awaiting_payment';
    create unique index group_bookings_one_seat_idx on group_bookings (group_session_id, attendee_id) where status = 'booked';
    alter table group_bookings
      drop constraint group_bookings_hold_check,
      drop column paid_at,
      drop column payment_intent,
      drop column payment_reference,
      drop column hold_expires_at,
      drop column price;
    alter table group_bookings drop constraint group_bookings_status_check;
    alter table group_bookings add constraint group_bookings_status_check check (status in ('booked', 'cancelled'));
    drop table owed_refunds;
  `.execute(db);
}
