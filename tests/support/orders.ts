import { db } from '../../app/lib/db.server';
import { createBusiness, createListing } from './factories';
import { createTestUser } from './fixtures';

let n = 0;

/** A verified seller with a phone, and one published listing of hers. */
export async function sellerWithListing(
  options: { price?: number; stock?: number; shippingFee?: number; provinces?: string[]; phone?: string } = {},
) {
  n += 1;
  const seller = await createTestUser({ roles: ['entrepreneur'] });
  const { slug } = await createBusiness(seller.id, {
    business_name: `Shop ${n}`,
    contact_phone: options.phone ?? '0912000111',
  });
  const listing = await createListing(seller.id, {
    title: `Khăn thổ cẩm ${n}`,
    price: options.price ?? 250_000,
    stock: options.stock ?? 5,
    shipping_fee: options.shippingFee ?? 30_000,
    shipping_provinces: options.provinces ?? [],
  });
  return { seller, slug, listingId: listing.id };
}

export const delivery = {
  name: 'Nguyễn Thị Mai',
  phone: '0987654321',
  address: '12 Lê Lợi, phường Bến Thành',
  province: 'ho-chi-minh',
};

export async function stockOf(listingId: string) {
  const row = await db.selectFrom('listings').select('stock').where('id', '=', listingId).executeTakeFirstOrThrow();
  return row.stock;
}
