import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { getStorage } from '../../app/lib/storage.server';
import { hashPassword } from '../../app/modules/accounts/passwords.server';
import type { Database } from '../schema';
import { demoPassword } from './accounts';
import { demoListings, demoSellers, demoUuid, listingsForVerifiedSeeds } from './market-data';

// The demo market: verified sellers (created here when the verification seed
// has not made them; on conflict nothing changes) and their published listings,
// each with a small generated photo. Runs again without duplicating anything.

const palette: Record<string, [string, string]> = {
  handicrafts: ['#8e2c48', '#f2c14e'],
  food: ['#5b3a29', '#d9a441'],
  fashion: ['#a3174f', '#f7d1e0'],
  beauty: ['#2a7f62', '#f4e1c1'],
  home: ['#1f4e79', '#e8eef5'],
  accessories: ['#6b4c9a', '#e6dcf5'],
  kids: ['#e07a5f', '#fdf0d5'],
  services: ['#3d5a40', '#e3efd9'],
};

/** A tiny product "photo": a pattern in the category's colours, as WebP. */
export async function demoPhoto(category: string, seed: number, width = 480) {
  const [dark, light] = palette[category] ?? ['#555', '#eee'];
  const r = 60 + (seed % 5) * 18;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${width}" viewBox="0 0 480 480">
    <rect width="480" height="480" fill="${light}"/>
    <circle cx="${140 + (seed % 7) * 30}" cy="${180 + (seed % 3) * 40}" r="${r * 1.6}" fill="${dark}" opacity="0.85"/>
    <rect x="${60 + (seed % 4) * 20}" y="330" width="360" height="40" rx="20" fill="${dark}" opacity="0.5"/>
  </svg>`;
  return sharp(Buffer.from(svg)).webp({ quality: 60 }).toBuffer();
}

export async function seedMarket(db: Kysely<Database>) {
  const passwordHash = await hashPassword(demoPassword);
  const sellerIds: string[] = [];
  for (const s of demoSellers) {
    const user = await db
      .insertInto('users')
      .values({ email: s.email, password_hash: passwordHash, display_name: s.displayName, updated_at: new Date() })
      .onConflict((oc) => oc.column('email').doUpdateSet({ updated_at: new Date() }))
      .returning('id')
      .executeTakeFirstOrThrow();
    sellerIds.push(user.id);
    await db
      .insertInto('user_roles')
      .values({ user_id: user.id, role: 'entrepreneur' })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await db
      .insertInto('business_profiles')
      .values({
        user_id: user.id,
        slug: s.slug,
        business_name: s.businessName,
        owner_name: s.displayName,
        province: s.province,
        story: s.story,
        categories: s.categories,
        verification_status: 'approved',
        verified_at: new Date(Date.now() - 40 * 86400_000),
        updated_at: new Date(),
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  const now = Date.now();
  for (const [index, l] of demoListings.entries()) {
    await insertDemoListing(db, demoUuid('listing', index), sellerIds[l.seller], l, now - index * 7 * 3600_000);
  }

  // Listings for the verification seed's sellers, when they are there and approved.
  const others = await db
    .selectFrom('users')
    .innerJoin('business_profiles', 'business_profiles.user_id', 'users.id')
    .select(['users.id', 'users.email'])
    .where('users.email', 'in', [...new Set(listingsForVerifiedSeeds.map((l) => l.email))])
    .where('business_profiles.verification_status', '=', 'approved')
    .execute();
  const idByEmail = new Map(others.map((o) => [String(o.email), o.id]));
  for (const [index, l] of listingsForVerifiedSeeds.entries()) {
    const sellerId = idByEmail.get(l.email);
    if (sellerId)
      await insertDemoListing(db, demoUuid('listing-v', index), sellerId, l, now - (index * 5 + 2) * 3600_000);
  }

  // Two drafts of the main demo seller: hers alone, never in the market.
  for (const [n, title] of ['Áo dài lụa đỏ (đang may)', 'Khăn thổ cẩm mẫu mới'].entries()) {
    await db
      .insertInto('listings')
      .values({
        id: demoUuid('draft', n),
        seller_id: sellerIds[0],
        title,
        price: 500_000,
        stock: 0,
        category: n ? 'handicrafts' : 'fashion',
        updated_at: new Date(),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

type ListingSeed = {
  title: string;
  description: string;
  price: number;
  stock: number;
  category: string;
  shippingFee: number;
};

/** One published demo listing with a generated photo; nothing happens when it is already there. */
export async function insertDemoListing(
  db: Kysely<Database>,
  id: string,
  sellerId: string,
  l: ListingSeed,
  publishedAt: number,
) {
  const inserted = await db
    .insertInto('listings')
    .values({
      id,
      seller_id: sellerId,
      title: l.title,
      description: l.description,
      price: l.price,
      stock: l.stock,
      category: l.category,
      shipping_fee: l.shippingFee,
      state: 'published',
      published_at: new Date(publishedAt),
      updated_at: new Date(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return;
  const seed = parseInt(id.slice(0, 6), 16);
  const base = `public/listings/demo/${id}`;
  const [small, thumb] = await Promise.all([demoPhoto(l.category, seed, 480), demoPhoto(l.category, seed, 240)]);
  const storage = getStorage();
  await storage.put(`${base}.webp`, small, 'image/webp');
  await storage.put(`${base}.small.webp`, small, 'image/webp');
  await storage.put(`${base}.thumb.webp`, thumb, 'image/webp');
  await db
    .insertInto('listing_images')
    .values({
      listing_id: id,
      position: 0,
      image_key: `${base}.webp`,
      small_key: `${base}.small.webp`,
      thumb_key: `${base}.thumb.webp`,
      width: 480,
      height: 480,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
