import { type Kysely, sql } from 'kysely';

// Paid mentoring sessions: a booking of a paid mentor is first held in
// 'awaiting_payment' while the mentee pays by card (Stripe Checkout). The hold
// counts in both exclusion constraints, so nobody else can take the slot
// meanwhile; it lapses at hold_expires_at. The payment and the refund (if any)
// are recorded on the session.
export async function up(db: Kysely<any>) {
  await sql`
    alter table mentoring_sessions drop constraint mentoring_sessions_status_check;
    alter table mentoring_sessions add constraint mentoring_sessions_status_check
      check (status in ('awaiting_payment', 'pending', 'confirmed', 'declined', 'cancelled'));

    alter table mentoring_sessions
      add column hold_expires_at timestamptz,
      add column stripe_session_id text unique,
      add column stripe_payment_intent text,
      add column paid_at timestamptz,
      add column refund_id text,
      add column refund_amount bigint check (refund_amount > 0),
      add column refunded_at timestamptz,
      add constraint mentoring_sessions_hold_check check ((status = 'awaiting_payment') <= (hold_expires_at is not null)),
      add constraint mentoring_sessions_refund_check check ((refund_id is null) = (refunded_at is null));

    alter table mentoring_sessions drop constraint mentoring_sessions_mentor_overlap;
    alter table mentoring_sessions drop constraint mentoring_sessions_mentee_overlap;
    alter table mentoring_sessions add constraint mentoring_sessions_mentor_overlap exclude using gist (
      mentor_id with =, tstzrange(starts_at, blocked_until, '[)') with &&
    ) where (status in ('awaiting_payment', 'pending', 'confirmed'));
    alter table mentoring_sessions add constraint mentoring_sessions_mentee_overlap exclude using gist (
      mentee_id with =, tstzrange(starts_at, ends_at, '[)') with &&
    ) where (status in ('awaiting_payment', 'pending', 'confirmed'));
    create index mentoring_sessions_hold_idx on mentoring_sessions (hold_expires_at) where status = 'awaiting_payment';
  `.execute(db);
}
