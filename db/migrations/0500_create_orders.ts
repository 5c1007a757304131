import { type Kysely, sql } from 'kysely';

// Carts, orders (one per seller at checkout), their items with a price snapshot,
// the log of every state change, reviews, and the Stripe events already handled.
export async function up(db: Kysely<any>) {
  await sql`
    create table cart_items (
      buyer_id uuid not null references users (id) on delete cascade,
      listing_id uuid not null references listings (id) on delete cascade,
      quantity integer not null check (quantity between 1 and 99),
      added_at timestamptz not null default now(),
      primary key (buyer_id, listing_id)
    );

    create table orders (
      id uuid primary key default gen_random_uuid(),
      -- The orders of one checkout (one per seller) share it, and one card payment.
      checkout_id uuid not null,
      buyer_id uuid not null references users (id) on delete restrict,
      seller_id uuid not null references users (id) on delete restrict,
      state text not null check (state in ('awaiting_payment', 'placed', 'accepted', 'shipped', 'delivered', 'completed', 'cancelled', 'refunded')),
      payment_method text not null check (payment_method in ('cod', 'card')),
      delivery_name text not null check (length(delivery_name) between 1 and 120),
      delivery_phone text not null check (length(delivery_phone) between 8 and 20),
      delivery_address text not null check (length(delivery_address) between 1 and 300),
      delivery_province text not null,
      subtotal bigint not null check (subtotal > 0),
      shipping_fee bigint not null check (shipping_fee >= 0),
      total bigint not null check (total = subtotal + shipping_fee),
      carrier text check (length(carrier) <= 80),
      tracking_code text check (length(tracking_code) <= 80),
      cancel_reason text check (length(cancel_reason) <= 500),
      stripe_session_id text,
      stripe_payment_intent text,
      -- An unpaid card order gives its stock back after this.
      pay_by timestamptz,
      placed_at timestamptz,
      shipped_at timestamptz,
      delivered_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (state <> 'shipped' or (carrier is not null and tracking_code is not null))
    );
    create index orders_buyer_idx on orders (buyer_id, created_at desc);
    create index orders_seller_idx on orders (seller_id, created_at desc);
    create index orders_checkout_idx on orders (checkout_id);
    create index orders_session_idx on orders (stripe_session_id) where stripe_session_id is not null;
    create index orders_intent_idx on orders (stripe_payment_intent) where stripe_payment_intent is not null;
    create index orders_unpaid_idx on orders (pay_by) where state = 'awaiting_payment';
    create index orders_shipped_idx on orders (shipped_at) where state = 'shipped';
    create index orders_delivered_idx on orders (delivered_at) where state = 'delivered';

    create table order_items (
      id bigint generated always as identity primary key,
      order_id uuid not null references orders (id) on delete cascade,
      listing_id uuid references listings (id) on delete set null,
      title text not null,
      unit_price bigint not null check (unit_price > 0),
      quantity integer not null check (quantity between 1 and 99)
    );
    create index order_items_order_idx on order_items (order_id);

    create table order_events (
      id bigint generated always as identity primary key,
      order_id uuid not null references orders (id) on delete cascade,
      actor_id uuid references users (id) on delete set null,
      actor_role text not null check (actor_role in ('buyer', 'seller', 'system')),
      from_state text,
      to_state text not null,
      note text check (length(note) <= 500),
      created_at timestamptz not null default now()
    );
    create index order_events_order_idx on order_events (order_id, id);

    create table order_reviews (
      order_id uuid primary key references orders (id) on delete cascade,
      seller_id uuid not null references users (id) on delete cascade,
      buyer_id uuid not null references users (id) on delete cascade,
      rating smallint not null check (rating between 1 and 5),
      comment text not null default '' check (length(comment) <= 2000),
      reply text check (length(reply) <= 2000),
      replied_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index order_reviews_seller_idx on order_reviews (seller_id, created_at desc);

    -- Each Stripe event is handled once, however often it is delivered.
    create table stripe_events (
      id text primary key,
      type text not null,
      received_at timestamptz not null default now()
    );
  `.execute(db);
}
