import type { Insertable } from 'kysely';
import { db } from '../../app/lib/db.server';
import type { BusinessProfilesTable, ListingsTable } from '../../db/schema';
import { createTestUser } from './fixtures';

// One place that knows what a valid row looks like, so a new NOT NULL column is
// added here once instead of in every test file. Each takes overrides for what
// the test is about; everything else is a plausible, unique default.

let n = 0;
const next = () => (n += 1);

export { createTestUser as createUser };

/** An approved storefront (business profile) for `userId`. */
export async function createBusiness(userId: string, overrides: Partial<Insertable<BusinessProfilesTable>> = {}) {
  const i = next();
  return db
    .insertInto('business_profiles')
    .values({
      user_id: userId,
      slug: `shop-${i}-${userId.slice(0, 6)}`,
      business_name: `Cửa hàng ${i}`,
      owner_name: 'Chị Hoa',
      province: 'son-la',
      verification_status: 'approved',
      verified_at: new Date(),
      updated_at: new Date(),
      ...overrides,
    })
    .returning(['user_id', 'slug', 'business_name'])
    .executeTakeFirstOrThrow();
}

/** A published listing of `sellerId`. */
export async function createListing(sellerId: string, overrides: Partial<Insertable<ListingsTable>> = {}) {
  const i = next();
  return db
    .insertInto('listings')
    .values({
      seller_id: sellerId,
      title: `Khăn thổ cẩm ${i}`,
      price: 250_000,
      stock: 5,
      category: 'handicrafts',
      state: 'published',
      published_at: new Date(),
      updated_at: new Date(),
      ...overrides,
    })
    .returning(['id', 'title'])
    .executeTakeFirstOrThrow();
}

/** A signed-in entrepreneur with an approved storefront. */
export async function createSeller(
  options: { displayName?: string; business?: Partial<Insertable<BusinessProfilesTable>> } = {},
) {
  const user = await createTestUser({ roles: ['entrepreneur'], displayName: options.displayName });
  const business = await createBusiness(user.id, options.business);
  return { ...user, slug: business.slug };
}
