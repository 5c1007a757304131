import { type Kysely, sql } from 'kysely';

// What moderation does to the rest of the schema.
//  - A suspended seller's listings leave the market at once: her suspension end
//    is copied onto each listing by triggers (as 0201 copies her verification
//    status), so a search filters one table instead of joining users per row.
//    'infinity' means suspended for good; a time-limited suspension ends by
//    itself because the filter compares the copy with now().
//  - A listing held by the scam screening or hidden by staff can never be
//    published: a check constraint, not only the code, says so.
//  - A business story or mentor bio the screening found dangerous is held (not
//    shown publicly) until staff clear it: one flag per profile.
//  - Staff clear a held profile with their own action, 'clear_profile'.
//  - At most one open screening report per item.
export async function up(db: Kysely<any>) {
  await sql`
    alter table listings add column seller_suspended_until timestamptz;

    update listings l set seller_suspended_until = coalesce(u.suspended_until, 'infinity')
    from users u where u.id = l.seller_id and u.suspended_at is not null;

    create function listings_copy_seller_suspension() returns trigger language plpgsql as $$
    begin
      select case when u.suspended_at is null then null else coalesce(u.suspended_until, 'infinity'::timestamptz) end
        into new.seller_suspended_until
      from users u where u.id = new.seller_id;
      return new;
    end $$;
    create trigger listings_seller_suspension before insert or update of seller_id on listings
      for each row execute function listings_copy_seller_suspension();

    create function users_push_suspension() returns trigger language plpgsql as $$
    declare
      copy timestamptz := case when new.suspended_at is null then null else coalesce(new.suspended_until, 'infinity'::timestamptz) end;
    begin
      update listings set seller_suspended_until = copy
      where seller_id = new.id and seller_suspended_until is distinct from copy;
      return null;
    end $$;
    create trigger users_suspension after update of suspended_at, suspended_until on users
      for each row execute function users_push_suspension();

    alter table listings add constraint listings_moderation_publish_check
      check (state <> 'published' or moderation_state in ('clear', 'flagged'));

    alter table business_profiles add column story_held boolean not null default false;
    alter table mentor_profiles add column bio_held boolean not null default false;

    alter table moderation_actions drop constraint moderation_actions_action_check;
    alter table moderation_actions add constraint moderation_actions_action_check
      check (action in ('dismiss', 'warn', 'hide_listing', 'suspend', 'unsuspend', 'revoke_verification', 'clear_listing', 'clear_profile'));

    create unique index reports_one_open_screening_idx
      on reports (subject_user_id, coalesce(message_id, listing_id, subject_user_id))
      where status = 'open' and category = 'screening';
  `.execute(db);
}

export async function down(db: Kysely<any>) {
  await sql`
    drop index reports_one_open_screening_idx;
    alter table moderation_actions drop constraint moderation_actions_action_check;
    alter table moderation_actions add constraint moderation_actions_action_check
      check (action in ('dismiss', 'warn', 'hide_listing', 'suspend', 'unsuspend', 'revoke_verification', 'clear_listing'));
    alter table mentor_profiles drop column bio_held;
    alter table business_profiles drop column story_held;
    alter table listings drop constraint listings_moderation_publish_check;
    drop trigger users_suspension on users;
    drop function users_push_suspension();
    drop trigger listings_seller_suspension on listings;
    drop function listings_copy_seller_suspension();
    alter table listings drop column seller_suspended_until;
  `.execute(db);
}
