import { type Kysely, sql } from 'kysely';

// The seller's verification status and province, copied onto her listings so a
// search filters and pages through one table (a join per matching row was the
// largest cost of a search). Triggers keep the copy exact in the same
// transaction: a revoked or suspended seller leaves the results at once.
export async function up(db: Kysely<any>) {
  await sql`
    alter table listings
      add column seller_status text not null default 'none',
      add column seller_province text not null default '';

    update listings l set seller_status = b.verification_status, seller_province = b.province
    from business_profiles b where b.user_id = l.seller_id;

    create function listings_copy_seller_standing() returns trigger language plpgsql as $$
    begin
      select b.verification_status, b.province into new.seller_status, new.seller_province
      from business_profiles b where b.user_id = new.seller_id;
      new.seller_status := coalesce(new.seller_status, 'none');
      new.seller_province := coalesce(new.seller_province, '');
      return new;
    end $$;
    create trigger listings_seller_standing before insert or update of seller_id on listings
      for each row execute function listings_copy_seller_standing();

    create function business_profiles_push_standing() returns trigger language plpgsql as $$
    begin
      update listings set seller_status = new.verification_status, seller_province = new.province
      where seller_id = new.user_id
        and (seller_status, seller_province) is distinct from (new.verification_status, new.province);
      return null;
    end $$;
    create trigger business_profiles_standing after insert or update of verification_status, province on business_profiles
      for each row execute function business_profiles_push_standing();
  `.execute(db);
}
