import { type Kysely, sql } from 'kysely';

// Delivery by a carrier (issue 20): the seller's pickup address, the buyer's ward
// on an order, and one shipment per order made through a carrier's API with the
// tracking updates its webhook sent. (carrier, event_key) is unique, so the same
// update delivered twice is applied once.
export async function up(db: Kysely<any>) {
  await sql`
    create table pickup_addresses (
      seller_id uuid primary key references users (id) on delete cascade,
      name text not null check (length(name) between 1 and 120),
      phone text not null check (length(phone) between 8 and 20),
      address text not null check (length(address) between 1 and 300),
      province text not null,
      ward text not null check (length(ward) between 1 and 120),
      updated_at timestamptz not null default now()
    );

    alter table orders add column delivery_ward text check (length(delivery_ward) between 1 and 120);

    create table shipments (
      order_id uuid primary key references orders (id) on delete cascade,
      carrier text not null check (length(carrier) between 1 and 40),
      carrier_order_code text not null check (length(carrier_order_code) between 1 and 80),
      label_url text check (length(label_url) <= 2000),
      status text not null default 'ready_to_pick'
        check (status in ('ready_to_pick', 'picked_up', 'in_transit', 'delivered', 'returned', 'cancelled')),
      carrier_status text not null default 'ready_to_pick' check (length(carrier_status) <= 60),
      fee bigint not null check (fee >= 0),
      -- What the carrier collects from the buyer at the door (0 when paid online).
      cod_amount bigint not null default 0 check (cod_amount >= 0),
      -- What the carrier reported collected, and when it paid it over to the seller.
      cod_collected bigint check (cod_collected >= 0),
      cod_transferred_at timestamptz,
      weight_grams integer not null check (weight_grams between 1 and 1000000),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (carrier, carrier_order_code)
    );

    create table shipment_events (
      id bigint generated always as identity primary key,
      order_id uuid not null references shipments (order_id) on delete cascade,
      carrier text not null,
      event_key text not null check (length(event_key) <= 300),
      carrier_status text not null check (length(carrier_status) <= 60),
      description text not null default '' check (length(description) <= 500),
      happened_at timestamptz,
      received_at timestamptz not null default now(),
      unique (carrier, event_key)
    );
    create index shipment_events_order_idx on shipment_events (order_id, id);
  `.execute(db);
}
