import type { Kysely } from 'kysely';
import type { Database } from '../schema';

// Issue 20: seller@sen.test's pickup address (a ward of Lào Cai after the 2025
// merger), so that with GHN_TOKEN set her buyers get GHN's fee for their ward and
// she can create shipments at once. Running it again changes nothing.
export async function seedShipping(db: Kysely<Database>) {
  const seller = await db.selectFrom('users').select('id').where('email', '=', 'seller@sen.test').executeTakeFirst();
  if (!seller) return;
  await db
    .insertInto('pickup_addresses')
    .values({
      seller_id: seller.id,
      name: 'Lò Thị Hoa',
      phone: '+84912000111',
      address: 'Thôn Lao Chải',
      province: 'lao-cai',
      ward: 'Phường Sa Pa',
    })
    .onConflict((oc) => oc.column('seller_id').doNothing())
    .execute();
}
