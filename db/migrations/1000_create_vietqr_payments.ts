import { type Kysely, sql } from 'kysely';

// VietQR bank transfers (issue 18): the seller's payout account, checked against
// her verified name; orders paid by transfer with a short code in the note and a
// snapshot of the account they were told to pay; each bank notification recorded
// once per provider transaction id.
export async function up(db: Kysely<any>) {
  await sql`
    create table payout_accounts (
      seller_id uuid primary key references users (id) on delete cascade,
      bank_bin text not null check (bank_bin ~ '^[0-9]{6}$'),
      account_number text not null check (account_number ~ '^[0-9A-Za-z]{1,19}$'),
      -- Upper case without diacritics, as banks print it.
      account_name text not null check (length(account_name) between 2 and 70),
      status text not null check (status in ('pending', 'approved', 'rejected')),
      -- 'name_match': the holder name equals her approved identity's; 'staff': a person decided.
      approved_by text check (approved_by in ('name_match', 'staff')),
      reviewer_id uuid references users (id) on delete set null,
      decided_at timestamptz,
      -- sha256 of the key her bank-notification service sends (SePay: "Authorization: Apikey <key>").
      webhook_key_hash text unique,
      submitted_at timestamptz not null default now(),
      check ((status = 'approved') = (approved_by is not null))
    );
    create index payout_accounts_pending_idx on payout_accounts (submitted_at) where status = 'pending';

    alter table orders drop constraint orders_payment_method_check;
    alter table orders add constraint orders_payment_method_check check (payment_method in ('cod', 'card', 'vietqr'));
    -- What the buyer puts in the transfer note ("SEN <code>"), and the account the QR named.
    alter table orders add column payment_code text unique check (payment_code ~ '^[0-9A-Z]{8}$');
    alter table orders add column payee_bin text;
    alter table orders add column payee_account text;
    alter table orders add column payee_name text;
    -- A transfer that could not simply mark it paid: short/excess amount, or after it lapsed; a paid order cancelled.
    alter table orders add column payment_flag text check (payment_flag in ('amount_mismatch', 'late_transfer', 'refund_due'));
    alter table orders add constraint orders_vietqr_check check (
      payment_method <> 'vietqr' or (payment_code is not null and payee_bin is not null and payee_account is not null and payee_name is not null)
    );

    create table bank_transfers (
      id bigint generated always as identity primary key,
      provider text not null check (provider in ('sepay')),
      provider_id text not null check (length(provider_id) between 1 and 80),
      seller_id uuid not null references users (id) on delete cascade,
      order_id uuid references orders (id) on delete set null,
      amount bigint not null,
      account_number text not null,
      content text not null,
      outcome text not null check (outcome in ('paid', 'amount_mismatch', 'late_transfer', 'already_paid', 'unmatched')),
      received_at timestamptz not null default now(),
      unique (provider, provider_id)
    );
    create index bank_transfers_order_idx on bank_transfers (order_id) where order_id is not null;
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`
    drop table bank_transfers;
    alter table orders drop constraint orders_vietqr_check;
    alter table orders drop column payment_flag;
    alter table orders drop column payee_name;
    alter table orders drop column payee_account;
    alter table orders drop column payee_bin;
    alter table orders drop column payment_code;
    alter table orders drop constraint orders_payment_method_check;
    alter table orders add constraint orders_payment_method_check check (payment_method in ('cod', 'card'));
    drop table payout_accounts;
  `.execute(db);
}
