import { type Kysely, sql } from 'kysely';

// Problems with an order, settled fairly (issue 18): the buyer opens one after
// delivery, the seller answers, staff decide when they do not agree. Each step is
// also a row of the order's history (order_events.problem_step).
export async function up(db: Kysely<any>) {
  await sql`
    -- A problem names its order together with that order's buyer and seller, so the
    -- database itself refuses a problem opened by someone who did not buy the order.
    alter table orders add constraint orders_id_buyer_seller_key unique (id, buyer_id, seller_id);

    create table order_problems (
      id uuid primary key default gen_random_uuid(),
      order_id uuid not null,
      buyer_id uuid not null references users (id) on delete cascade,
      seller_id uuid not null references users (id) on delete cascade,
      kind text not null check (kind in ('not_received', 'not_as_described', 'damaged', 'wrong_item')),
      note text not null check (length(note) between 1 and 2000),
      state text not null check (state in ('awaiting_seller', 'answered', 'with_staff', 'resolved', 'withdrawn', 'decided')),
      answer_due timestamptz not null,
      answer_kind text check (answer_kind in ('refund', 'replacement', 'reply')),
      answer_note text check (length(answer_note) <= 2000),
      -- Integer đồng; at most the order's total (the code reads it in the same transaction).
      refund_amount bigint check (refund_amount > 0),
      -- The bank reference of her refund transfer, or Stripe's refund id.
      refund_reference text check (length(refund_reference) <= 120),
      refunded_at timestamptz,
      escalated_by text check (escalated_by in ('buyer', 'seller')),
      escalated_at timestamptz,
      decision text check (decision in ('refund_owed', 'no_refund')),
      decision_note text check (length(decision_note) <= 2000),
      decided_by uuid references users (id) on delete set null,
      decided_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      foreign key (order_id, buyer_id, seller_id) references orders (id, buyer_id, seller_id) on delete cascade,
      check (state <> 'awaiting_seller' or answer_kind is null),
      check (state <> 'answered' or answer_kind is not null),
      check (answer_kind is distinct from 'refund' or refund_amount is not null),
      check ((state = 'decided') = (decision is not null))
    );
    -- One open problem per order: a second "open" racing the first fails here.
    create unique index order_problems_one_open_idx on order_problems (order_id) where state in ('awaiting_seller', 'answered', 'with_staff');
    create index order_problems_staff_idx on order_problems (escalated_at) where state = 'with_staff';
    create index order_problems_seller_idx on order_problems (seller_id, created_at desc);

    -- Photos of either side (evidence) and the seller's refund receipt; private files.
    create table order_problem_photos (
      id uuid primary key default gen_random_uuid(),
      problem_id uuid not null references order_problems (id) on delete cascade,
      side text not null check (side in ('buyer', 'seller')),
      purpose text not null check (purpose in ('evidence', 'receipt')),
      key text not null,
      thumbnail_key text,
      created_at timestamptz not null default now()
    );
    create index order_problem_photos_problem_idx on order_problem_photos (problem_id);

    alter table order_events add column problem_step text check (
      problem_step in ('opened', 'answered', 'accepted', 'escalated', 'withdrawn', 'decided', 'refunded')
    );
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`
    alter table order_events drop column problem_step;
    drop table order_problem_photos;
    drop table order_problems;
    alter table orders drop constraint orders_id_buyer_seller_key;
  `.execute(db);
}
