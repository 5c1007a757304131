import { type Kysely, sql } from 'kysely';

// Photo reviews (issue 20): a buyer's review carries up to 3 photos, and a review
// can be reported and hidden by staff like a listing.
//
// - review_photos: one row per photo, its stored keys (full image, 640 px WebP,
//   thumbnail) under public/reviews/<order>/; (order_id, position) unique with
//   position 0–2, so the database itself refuses a fourth photo. buyer_id is the
//   review's author: her account deletion deletes the rows (and the job the files).
// - order_reviews.hidden_at: staff hid the review (its words and photos); public
//   pages leave hidden reviews out.
// - reports.review_order_id: a report about a review (at most one item per report);
//   the one-open-report indexes now tell a review apart from its author.
// - moderation: the staff action 'hide_review' and its resolution 'review_hidden'.
export async function up(db: Kysely<any>) {
  await sql`
    alter table order_reviews add column hidden_at timestamptz;

    create table review_photos (
      id uuid primary key default gen_random_uuid(),
      order_id uuid not null references order_reviews (order_id) on delete cascade,
      buyer_id uuid not null references users (id) on delete cascade,
      position smallint not null check (position between 0 and 2),
      image_key text not null,
      small_key text not null,
      thumb_key text not null,
      width integer not null check (width > 0),
      height integer not null check (height > 0),
      created_at timestamptz not null default now(),
      unique (order_id, position)
    );
    create index review_photos_buyer_idx on review_photos (buyer_id);

    alter table reports add column review_order_id uuid references order_reviews (order_id) on delete cascade;
    alter table reports add constraint reports_one_item_check
      check (review_order_id is null or (message_id is null and listing_id is null));
    drop index reports_one_open_per_reporter_idx;
    create unique index reports_one_open_per_reporter_idx
      on reports (reporter_id, subject_user_id, coalesce(message_id, listing_id, review_order_id, subject_user_id))
      where status = 'open' and reporter_id is not null;
    drop index reports_one_open_screening_idx;
    create unique index reports_one_open_screening_idx
      on reports (subject_user_id, coalesce(message_id, listing_id, review_order_id, subject_user_id))
      where status = 'open' and category = 'screening';

    alter table reports drop constraint reports_resolution_check;
    alter table reports add constraint reports_resolution_check
      check (resolution in ('dismissed', 'warned', 'listing_hidden', 'suspended', 'verification_revoked', 'review_hidden'));
    alter table moderation_actions drop constraint moderation_actions_action_check;
    alter table moderation_actions add constraint moderation_actions_action_check
      check (action in ('dismiss', 'warn', 'hide_listing', 'suspend', 'unsuspend', 'revoke_verification', 'clear_listing', 'clear_profile', 'hide_review'));
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`
    delete from moderation_actions where action = 'hide_review';
    alter table moderation_actions drop constraint moderation_actions_action_check;
    alter table moderation_actions add constraint moderation_actions_action_check
      check (action in ('dismiss', 'warn', 'hide_listing', 'suspend', 'unsuspend', 'revoke_verification', 'clear_listing', 'clear_profile'));
    delete from reports where review_order_id is not null or resolution = 'review_hidden';
    alter table reports drop constraint reports_resolution_check;
    alter table reports add constraint reports_resolution_check
      check (resolution in ('dismissed', 'warned', 'listing_hidden', 'suspended', 'verification_revoked'));
    drop index reports_one_open_screening_idx;
    create unique index reports_one_open_screening_idx
      on reports (subject_user_id, coalesce(message_id, listing_id, subject_user_id))
      where status = 'open' and category = 'screening';
    drop index reports_one_open_per_reporter_idx;
    create unique index reports_one_open_per_reporter_idx
      on reports (reporter_id, subject_user_id, coalesce(message_id, listing_id, subject_user_id))
      where status = 'open' and reporter_id is not null;
    alter table reports drop constraint reports_one_item_check;
    alter table reports drop column review_order_id;
    drop table review_photos;
    alter table order_reviews drop column hidden_at;
  `.execute(db);
}
