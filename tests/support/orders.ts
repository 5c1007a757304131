import { db } from '../../app/lib/db.server';
import { createTestUser } from './fixtures';

let n = 0;

/** A verified seller with a phone, and one published listing of hers. */
export async function sellerWithListing(options: { price?: number; stock?: number; shippingFee?: number; provinces?: string[]; phone?: string } = {}) {
  n += 1;
  const seller = await createTestUser({ roles: ['entrepreneur'] });
  const slug = `shop-${n}-${seller.id.slice(0, 6)}`;
  await db
    .insertInto('business_profiles')
    .values({
      user_id: seller.id,
      slug,
      business_name: `Shop ${n}`,
      owner_name: 'Chị Hoa',
      province: 'son-la',
      contact_phone: options.phone ?? '0912000111',
      verification_status: 'approved',
      verified_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
  const listing = await db
    .insertInto('listings')
    .values({
      seller_id: seller.id,
      title: `Khăn thổ cẩm ${n}`,
      price: options.price ?? 250_000,
      stock: options.stock ?? 5,
      category: 'handicrafts',
      shipping_fee: options.shippingFee ?? 30_000,
      shipping_provinces: options.provinces ?? [],
      state: 'published',
      published_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { seller, slug, listingId: listing.id };
}

export const delivery = { name: 'Nguyễn Thị Mai', phone: '0987654321', address: '12 Lê Lợi, phường Bến Thành', province: 'ho-chi-minh' };

export async function stockOf(listingId: string) {
  const row = await db.selectFrom('listings').select('stock').where('id', '=', listingId).executeTakeFirstOrThrow();
  return row.stock;
}
