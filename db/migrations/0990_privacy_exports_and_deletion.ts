import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>) {
  await sql`
    -- A deleted account keeps its row (orders, messages and reviews of the other
    -- side point at it) but nothing that names her: deleted_at marks it.
    alter table users add column deleted_at timestamptz;

    -- A withdrawal is recorded like a consent: when (withdrawn_at) and how.
    alter table consents add column withdrawn_channel text check (withdrawn_channel in ('web', 'assisted'));
    alter table consents add check (withdrawn_channel is null or withdrawn_at is not null);

    -- "Download my data": one ZIP per request, built by a job, kept 7 days.
    create table data_exports (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      status text not null default 'pending' check (status in ('pending', 'ready', 'failed')),
      storage_key text,
      size_bytes integer,
      created_at timestamptz not null default now(),
      ready_at timestamptz,
      expires_at timestamptz not null default now() + interval '7 days',
      check ((status = 'ready') = (storage_key is not null))
    );
    -- One export in the making per person: a second click waits for the first.
    create unique index data_exports_one_pending_idx on data_exports (user_id) where status = 'pending';
    create index data_exports_user_idx on data_exports (user_id, created_at desc);
    create index data_exports_expires_idx on data_exports (expires_at);
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`
    drop table data_exports;
    alter table consents drop column withdrawn_channel;
    alter table users drop column deleted_at;
  `.execute(db);
}
