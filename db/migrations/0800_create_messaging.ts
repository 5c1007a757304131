import { type Kysely, sql } from 'kysely';

// Protected messaging: one conversation per pair of people (user_a < user_b, so
// the pair is unique whoever writes first), each member's own read mark and
// mute, the messages with what the scam detector said of them, and blocks.
export async function up(db: Kysely<any>) {
  await sql`
    create table conversations (
      id uuid primary key default gen_random_uuid(),
      user_a uuid not null references users (id) on delete cascade,
      user_b uuid not null references users (id) on delete cascade,
      -- Who wrote first: a burst of first messages to new people is rate limited.
      started_by uuid not null references users (id) on delete cascade,
      -- What the conversation is about, latest first (a listing, an order or a booking).
      listing_id uuid references listings (id) on delete set null,
      order_id uuid references orders (id) on delete set null,
      session_id uuid references mentoring_sessions (id) on delete set null,
      created_at timestamptz not null default now(),
      last_message_at timestamptz not null default now(),
      check (user_a < user_b),
      check (started_by in (user_a, user_b)),
      unique (user_a, user_b)
    );
    create index conversations_user_a_idx on conversations (user_a, last_message_at desc);
    create index conversations_user_b_idx on conversations (user_b, last_message_at desc);
    create index conversations_started_by_idx on conversations (started_by, created_at desc);

    create table conversation_members (
      conversation_id uuid not null references conversations (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      muted_at timestamptz,
      last_read_at timestamptz,
      primary key (conversation_id, user_id)
    );
    create index conversation_members_user_idx on conversation_members (user_id);

    create table messages (
      id uuid primary key default gen_random_uuid(),
      conversation_id uuid not null references conversations (id) on delete cascade,
      sender_id uuid not null references users (id) on delete cascade,
      body text not null check (length(body) between 1 and 2000),
      -- The scam detector's verdict when it was sent, and its signal codes.
      scam_level text not null default 'none' check (scam_level in ('none', 'caution', 'danger')),
      scam_signals text[] not null default '{}',
      -- Set by moderation: the message is no longer shown to the recipient.
      hidden_at timestamptz,
      created_at timestamptz not null default now()
    );
    -- A conversation's pages, newest first (keyset on created_at, id).
    create index messages_conversation_idx on messages (conversation_id, created_at desc, id desc);
    create index messages_sender_idx on messages (sender_id, created_at desc);

    create table user_blocks (
      blocker_id uuid not null references users (id) on delete cascade,
      blocked_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (blocker_id, blocked_id),
      check (blocker_id <> blocked_id)
    );
    create index user_blocks_blocked_idx on user_blocks (blocked_id);
  `.execute(db);
}
