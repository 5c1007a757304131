import { type Kysely, sql } from 'kysely';

// Issue 14, notifications: every notice goes in-app, and by the channels she
// chose (Zalo, SMS, email) per kind. The email outbox becomes the outbox of every
// channel (one delivery table, one job), so SMS and Zalo inherit its transaction,
// retries and record. Its name stays outbox_emails so nothing else has to move.
export async function up(db: Kysely<any>) {
  await sql`
    alter table outbox_emails add column channel text not null default 'email' check (channel in ('email', 'sms', 'zalo'));
    -- Whom it is for, and which in-app notice it carries (null: an account email such as a reset link).
    alter table outbox_emails add column user_id uuid references users (id) on delete cascade;
    alter table outbox_emails add column notification_id bigint references notifications (id) on delete cascade;
    alter table outbox_emails add column kind text;
    -- A Zalo message is an approved template and its parameters.
    alter table outbox_emails add column template_params jsonb;
    -- Held by quiet hours (or a digest's interval) until then.
    alter table outbox_emails add column send_after timestamptz;
    -- One delivery per notice and channel: a retried notify() or a second fallback cannot send twice.
    create unique index outbox_emails_notice_channel_key on outbox_emails (notification_id, channel);
    create index outbox_emails_user_idx on outbox_emails (user_id, created_at desc) where user_id is not null;

    -- Her choice per kind of notice: her phone (Zalo, SMS or nothing) and email.
    -- A kind without a row uses the defaults (app/modules/notifications/kinds.ts).
    create table notification_preferences (
      user_id uuid not null references users (id) on delete cascade,
      kind text not null,
      phone text not null check (phone in ('zalo', 'sms', 'off')),
      email boolean not null,
      updated_at timestamptz not null default now(),
      primary key (user_id, kind)
    );
  `.execute(db);
}
