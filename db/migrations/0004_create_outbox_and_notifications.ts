import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>) {
  await sql`
    create table outbox_emails (
      id bigint generated always as identity primary key,
      to_address text not null,
      subject text not null,
      body text not null,
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
      attempts integer not null default 0,
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );
    create index outbox_emails_pending_idx on outbox_emails (created_at) where status = 'pending';

    -- In-app notifications: a message key and its parameters, rendered in the reader's language.
    create table notifications (
      id bigint generated always as identity primary key,
      user_id uuid not null references users (id) on delete cascade,
      message_key text not null,
      params jsonb not null default '{}'::jsonb,
      link text,
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create index notifications_user_idx on notifications (user_id, created_at desc);
  `.execute(db);
}
