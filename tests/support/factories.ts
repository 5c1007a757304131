import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { db } from '../../app/lib/db.server';
import { type OfferInput, saveOffer } from '../../app/modules/mentoring/index.server';
import type { BusinessProfilesTable, ListingsTable, MentorProfilesTable, OrdersTable } from '../../db/schema';
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

/**
 * A placed cash-on-delivery order of `buyerId` for one unit of `listingId` (its
 * seller's), written directly: for tests about what happens to an order, not how
 * checkout makes one (stock is not taken).
 */
export async function createOrder(
  buyerId: string,
  listingId: string,
  overrides: Partial<Insertable<OrdersTable>> = {},
) {
  const listing = await db
    .selectFrom('listings')
    .select(['seller_id', 'title', 'price'])
    .where('id', '=', listingId)
    .executeTakeFirstOrThrow();
  const now = new Date();
  const order = await db
    .insertInto('orders')
    .values({
      checkout_id: randomUUID(),
      buyer_id: buyerId,
      seller_id: listing.seller_id,
      state: 'placed',
      payment_method: 'cod',
      delivery_name: 'Chị Mai',
      delivery_phone: '0912345678',
      delivery_address: '12 Tô Hiệu, Sơn La',
      delivery_province: 'son-la',
      subtotal: listing.price,
      shipping_fee: 0,
      total: listing.price,
      placed_at: now,
      updated_at: now,
      ...overrides,
    })
    .returning(['id', 'state', 'seller_id', 'total'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('order_items')
    .values({
      order_id: order.id,
      listing_id: listingId,
      title: listing.title,
      unit_price: listing.price,
      quantity: 1,
      variant_id: null,
    })
    .execute();
  return order;
}

/** A free phone offer, Mondays 9:00–12:00 (Asia/Ho_Chi_Minh), booked without confirmation. */
export const defaultOffer: OfferInput = {
  topics: ['pricing'],
  languages: ['vi'],
  sessionMinutes: 60,
  bufferMinutes: 0,
  minNoticeHours: 0,
  maxDaysAhead: 14,
  price: 0,
  meetingMode: 'phone',
  meetingPlace: '',
  requiresConfirmation: false,
  cancelCutoffHours: 12,
  timeZone: 'Asia/Ho_Chi_Minh',
  active: true,
  weekly: { 1: [{ start: 540, end: 720 }] },
};

/** An approved mentor with an offer (the default one, changed by `offer`). */
export async function createMentorWithOffer(
  options: {
    displayName?: string;
    offer?: Partial<OfferInput>;
    profile?: Partial<Insertable<MentorProfilesTable>>;
  } = {},
) {
  const user = await createTestUser({ roles: ['mentor'], displayName: options.displayName });
  await db
    .insertInto('mentor_profiles')
    .values({
      user_id: user.id,
      expertise: ['finance'],
      languages: ['vi'],
      experience: 'Mười năm bán hàng thủ công',
      bio: 'Tôi giúp chị em định giá và bán hàng.',
      province: 'son-la',
      status: 'approved',
      approved_at: new Date(),
      updated_at: new Date(),
      ...options.profile,
    })
    .execute();
  await saveOffer(user.id, { ...defaultOffer, ...options.offer });
  return user;
}
