import { defined } from '../app/lib/defined';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import type { VerificationStatus } from '../db/schema';
import { searchListings, type SearchFilters } from '../app/modules/market/listings.server';
import { decodeCursor, toTsQuery } from '../app/modules/market/search.server';
import { loader as marketLoader } from '../app/routes/market._index';
import { loader as listingLoader } from '../app/routes/market.$id';
import { action as newAction, loader as newLoader } from '../app/routes/dashboard.listings.new';
import { action as editAction, loader as editLoader } from '../app/routes/dashboard.listings.$id';
import { loader as storefrontLoader } from '../app/routes/s.$slug';
import { action as indexAction, loader as indexLoader } from '../app/routes/dashboard.listings._index';
import { getStorage, readAll } from '../app/lib/storage.server';
import { jpegWithGps, multipartRequest, svgFile } from './support/images';
import { call, createTestUser, formRequest, getRequest, payload, statusOf } from './support/fixtures';

let slugCounter = 0;

async function seller(status: VerificationStatus | null, province = 'ha-noi') {
  const user = await createTestUser({ roles: ['entrepreneur'] });
  if (status) {
    slugCounter += 1;
    await db
      .insertInto('business_profiles')
      .values({
        user_id: user.id,
        slug: `shop-${slugCounter}-${user.id.slice(0, 6)}`,
        business_name: `Cửa hàng ${slugCounter}`,
        owner_name: 'Chị Test',
        province,
        verification_status: status,
        verified_at: status === 'approved' ? new Date() : null,
        updated_at: new Date(),
      })
      .execute();
  }
  return user;
}

async function listing(
  sellerId: string,
  values: Partial<{
    title: string;
    description: string;
    price: number;
    category: string;
    state: 'draft' | 'published' | 'archived';
    published_at: Date;
  }> = {},
) {
  const state = values.state ?? 'published';
  const row = await db
    .insertInto('listings')
    .values({
      seller_id: sellerId,
      title: values.title ?? 'Khăn lụa',
      description: values.description ?? '',
      price: values.price ?? 100000,
      stock: 3,
      category: values.category ?? 'handicrafts',
      state,
      published_at: state === 'published' ? (values.published_at ?? new Date()) : null,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const base: SearchFilters = { verifiedOnly: true, sort: 'relevance' };
const ids = async (filters: Partial<SearchFilters>) =>
  (await searchListings({ ...base, ...filters })).listings.map((l) => l.id);

const listingFields = {
  title: 'Nón lá Huế <b>thêu</b>',
  description: 'Dòng 1\nDòng 2 <script>alert(1)</script>',
  price: '150.000',
  stock: '5',
  category: 'handicrafts',
  shippingFee: '20000',
  shippingProvinces: ['hue', 'ha-noi'],
};

describe('search', () => {
  let verified: Awaited<ReturnType<typeof seller>>;
  let other: Awaited<ReturnType<typeof seller>>;
  let unverified: Awaited<ReturnType<typeof seller>>;
  const l: Record<string, string> = {};

  beforeAll(async () => {
    verified = await seller('approved', 'hue');
    other = await seller('approved', 'ha-noi');
    unverified = await seller('revoked', 'can-tho');
    l.aoDai = await listing(verified.id, { title: 'Áo dài lụa tơ tằm', category: 'fashion', price: 1_200_000 });
    l.nonLa = await listing(other.id, { title: 'non la bai tho', category: 'handicrafts', price: 90_000 });
    l.coffee = await listing(other.id, {
      title: 'Cà phê Đắk Lắk rang mộc',
      description: 'Hạt cà phê robusta, rang vừa',
      category: 'food',
      price: 180_000,
    });
    l.draft = await listing(verified.id, { title: 'Áo dài lụa bản nháp', state: 'draft', category: 'fashion' });
    l.archived = await listing(verified.id, { title: 'Áo dài lụa cũ', state: 'archived', category: 'fashion' });
    l.revoked = await listing(unverified.id, { title: 'Áo dài lụa Cần Thơ', category: 'fashion', price: 500_000 });
  });

  it('finds with and without diacritics, in any case', async () => {
    expect(await ids({ q: 'ao dai lua' })).toContain(l.aoDai);
    expect(await ids({ q: 'ÁO DÀI LỤA' })).toContain(l.aoDai);
    expect(await ids({ q: 'nón lá' })).toEqual([l.nonLa]);
    expect(await ids({ q: 'dak lak' })).toEqual([l.coffee]);
    // Words of the description count too, and the last word may be cut short.
    expect(await ids({ q: 'robus' })).toEqual([l.coffee]);
  });

  it('never shows a draft or an archived listing, to anyone', async () => {
    const found = await ids({ q: 'ao dai', verifiedOnly: false });
    expect(found).not.toContain(l.draft);
    expect(found).not.toContain(l.archived);
    const page = payload(await call(marketLoader, getRequest('/market?q=ao+dai+lua&f=1', { cookie: verified.cookie })));
    expect(page.listings.map((x) => x.id)).not.toContain(l.draft);
    for (const id of [l.draft, l.archived]) {
      expect(
        statusOf(await call(listingLoader, getRequest(`/market/${id}`, { cookie: verified.cookie }), { id })),
      ).toBe(404);
    }
  });

  it('shows only verified sellers by default, everyone when unticked', async () => {
    expect(await ids({ q: 'ao dai' })).toEqual([l.aoDai]);
    const byDefault = payload(await call(marketLoader, getRequest('/market?q=ao+dai')));
    expect(byDefault.filters.verifiedOnly).toBe(true);
    expect(byDefault.listings.map((x) => x.id)).toEqual([l.aoDai]);
    const all = payload(await call(marketLoader, getRequest('/market?q=ao+dai&f=1')));
    expect(all.listings.map((x) => x.id).sort()).toEqual([l.aoDai, l.revoked].sort());
    expect(
      defined(
        all.listings.find((x) => x.id === l.revoked),
        'all.listings.find((x) => x.id === l.revoked)',
      ).seller.verified,
    ).toBe(false);
  });

  it("follows a seller's verification and province at once", async () => {
    const s = await seller('approved', 'ca-mau');
    const id = await listing(s.id, { title: 'Khô cá bổi Cà Mau' });
    expect(await ids({ q: 'kho ca boi', province: 'ca-mau' })).toEqual([id]);
    await db
      .updateTable('business_profiles')
      .set({ verification_status: 'revoked' })
      .where('user_id', '=', s.id)
      .execute();
    expect(await ids({ q: 'kho ca boi' })).toEqual([]);
    expect(await ids({ q: 'kho ca boi', verifiedOnly: false })).toEqual([id]);
    await db
      .updateTable('business_profiles')
      .set({ verification_status: 'suspended' })
      .where('user_id', '=', s.id)
      .execute();
    expect(await ids({ q: 'kho ca boi', verifiedOnly: false })).toEqual([]);
    await db
      .updateTable('business_profiles')
      .set({ verification_status: 'approved', province: 'an-giang' })
      .where('user_id', '=', s.id)
      .execute();
    expect(await ids({ q: 'kho ca boi', province: 'ca-mau' })).toEqual([]);
    expect(await ids({ q: 'kho ca boi', province: 'an-giang' })).toEqual([id]);
    await db.updateTable('listings').set({ state: 'archived' }).where('id', '=', id).execute();
  });

  it('filters by category, seller province and price range', async () => {
    expect(await ids({ category: 'food' })).toEqual([l.coffee]);
    expect((await ids({ province: 'hue' })).sort()).toEqual([l.aoDai]);
    expect((await ids({ province: 'ha-noi' })).sort()).toEqual([l.nonLa, l.coffee].sort());
    expect(await ids({ minPrice: 100_000, maxPrice: 200_000 })).toEqual([l.coffee]);
    expect(await ids({ minPrice: 1_000_000 })).toEqual([l.aoDai]);
    const page = payload(
      await call(marketLoader, getRequest('/market?category=fashion&province=hue&min=1.000.000&max=2000000')),
    );
    expect(page.listings.map((x) => x.id)).toEqual([l.aoDai]);
  });

  it('sorts by price and newest', async () => {
    expect(await ids({ sort: 'price_asc' })).toEqual([l.nonLa, l.coffee, l.aoDai]);
    expect(await ids({ sort: 'price_desc' })).toEqual([l.aoDai, l.coffee, l.nonLa]);
    expect(await ids({ sort: 'newest' })).toEqual([l.coffee, l.nonLa, l.aoDai]);
  });

  it('offers similar titles when no word matches, within the filters', async () => {
    const typo = payload(await call(marketLoader, getRequest('/market?q=lua+to+tan')));
    expect(typo.fuzzy).toBe(true);
    expect(typo.listings.map((x) => x.id)).toContain(l.aoDai);
    const filtered = payload(await call(marketLoader, getRequest('/market?q=lua+to+tan&category=food')));
    expect(filtered.listings).toEqual([]);
  });

  it('ignores junk in the URL instead of failing', async () => {
    const page = payload(
      await call(
        marketLoader,
        getRequest('/market?q=%27%3B--+%26+%21%3A*&category=x&province=y&min=abc&sort=zzz&after=notacursor'),
      ),
    );
    expect(Array.isArray(page.listings)).toBe(true);
    expect(toTsQuery("a' & b:* | !c")).toBe('a & b & c:*');
    expect(decodeCursor('eyJ4IjoxfQ')).toBeNull();
  });
});

describe('keyset pagination', () => {
  it('walks every page once, in order, for every sort', async () => {
    const s = await seller('approved', 'da-nang');
    const start = Date.parse('2026-01-01T00:00:00Z');
    const made: string[] = [];
    for (let i = 0; i < 23; i++) {
      // Equal prices and equal publication times on purpose: the id breaks ties.
      made.push(
        await listing(s.id, {
          title: `Gốm Bát Tràng mẫu ${i}`,
          category: 'home',
          price: 50_000 + (i % 4) * 1000,
          published_at: new Date(start + (i % 5) * 1000),
        }),
      );
    }
    for (const sort of ['relevance', 'newest', 'price_asc', 'price_desc'] as const) {
      const seen: string[] = [];
      let after = null;
      let pages = 0;
      do {
        const page = await searchListings({
          q: 'gom bat trang',
          category: 'home',
          verifiedOnly: true,
          sort,
          after,
          limit: 5,
        });
        seen.push(...page.listings.map((x) => x.id));
        after = page.next ? decodeCursor(page.next) : null;
        pages += 1;
      } while (after && pages < 20);
      expect(pages, sort).toBe(5);
      expect(new Set(seen).size, sort).toBe(23);
      expect(seen.sort(), sort).toEqual([...made].sort());
    }
  });

  it('follows the next link of the page', async () => {
    const first = payload(await call(marketLoader, getRequest('/market?q=gom&f=1&verified=1&sort=price_asc')));
    expect(first.listings).toHaveLength(23);
    expect(first.next).toBeNull();
  });
});

describe('seller dashboard', () => {
  it('lets a verified seller create a draft, see it alone, and publish it', async () => {
    const s = await seller('approved');
    const created = await call(newAction, formRequest('/dashboard/listings/new', listingFields, { cookie: s.cookie }));
    expect(statusOf(created)).toBe(302);
    const id = defined(
      defined((created as Response).headers.get('Location'), 'the redirect’s Location').match(/listings\/([0-9a-f-]+)/),
      'the listing id in the redirect',
    )[1];
    const row = await db.selectFrom('listings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      state: 'draft',
      price: 150000,
      stock: 5,
      shipping_fee: 20000,
      title: 'Nón lá Huế <b>thêu</b>',
    });
    expect(row.shipping_provinces.sort()).toEqual(['ha-noi', 'hue']);
    expect(row.description).toBe('Dòng 1\nDòng 2 <script>alert(1)</script>');

    // Nobody else finds the draft.
    expect(await ids({ q: 'non la hue', verifiedOnly: false })).not.toContain(id);
    expect(statusOf(await call(listingLoader, getRequest(`/market/${id}`), { id }))).toBe(404);

    const published = await call(
      editAction,
      formRequest(`/dashboard/listings/${id}`, { intent: 'state', to: 'published' }, { cookie: s.cookie }),
      { id },
    );
    expect(statusOf(published)).toBe(302);
    expect(await ids({ q: 'non la hue' })).toContain(id);
    const page = payload(await call(listingLoader, getRequest(`/market/${id}`), { id }));
    expect(page.listing.description).toBe('Dòng 1\nDòng 2 <script>alert(1)</script>');

    const list = payload(await call(indexLoader, getRequest('/dashboard/listings', { cookie: s.cookie })));
    expect(list.listings.map((x) => x.id)).toContain(id);
  });

  it('refuses to publish for a seller who is not verified', async () => {
    for (const status of [null, 'submitted', 'rejected', 'revoked'] as const) {
      const s = await seller(status);
      const id = await listing(s.id, { state: 'draft' });
      const result = await call(
        editAction,
        formRequest(`/dashboard/listings/${id}`, { intent: 'state', to: 'published' }, { cookie: s.cookie }),
        { id },
      );
      expect(statusOf(result), String(status)).toBe(403);
      expect(payload(result).errors.form).toBe('market.state.notVerified');
      const quick = await call(
        indexAction,
        formRequest('/dashboard/listings', { intent: 'state', id, to: 'published' }, { cookie: s.cookie }),
      );
      expect(statusOf(quick)).toBe(400);
      expect(
        (await db.selectFrom('listings').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state,
      ).toBe('draft');
      // Drafts are still hers to prepare.
      expect(
        payload(await call(editLoader, getRequest(`/dashboard/listings/${id}`, { cookie: s.cookie }), { id }))
          .mayPublish,
      ).toBe(false);
    }
  });

  it("answers 403 when a seller opens or changes another seller's listing", async () => {
    const owner = await seller('approved');
    const intruder = await seller('approved');
    const id = await listing(owner.id, { state: 'draft', title: 'Bản nháp riêng', price: 77_000 });
    const opened = await call(editLoader, getRequest(`/dashboard/listings/${id}`, { cookie: intruder.cookie }), { id });
    expect(statusOf(opened)).toBe(403);
    const edited = await call(
      editAction,
      formRequest(`/dashboard/listings/${id}`, { intent: 'save', ...listingFields }, { cookie: intruder.cookie }),
      { id },
    );
    expect(statusOf(edited)).toBe(403);
    const published = await call(
      editAction,
      formRequest(`/dashboard/listings/${id}`, { intent: 'state', to: 'published' }, { cookie: intruder.cookie }),
      { id },
    );
    expect(statusOf(published)).toBe(403);
    const quick = await call(
      indexAction,
      formRequest('/dashboard/listings', { intent: 'quick', id, price: '1', stock: '0' }, { cookie: intruder.cookie }),
    );
    expect(statusOf(quick)).toBe(403);
    const row = await db.selectFrom('listings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title: 'Bản nháp riêng', price: 77_000, state: 'draft' });
    expect(
      payload(await call(indexLoader, getRequest('/dashboard/listings', { cookie: intruder.cookie }))).listings,
    ).toEqual([]);
    // A missing listing or a malformed id is simply not found.
    expect(
      statusOf(await call(editLoader, getRequest('/dashboard/listings/x', { cookie: intruder.cookie }), { id: 'x' })),
    ).toBe(404);
  });

  it('keeps buyers and anonymous visitors out of the dashboard', async () => {
    const buyer = await createTestUser();
    expect(statusOf(await call(newLoader, getRequest('/dashboard/listings/new', { cookie: buyer.cookie })))).toBe(403);
    expect(
      statusOf(await call(newAction, formRequest('/dashboard/listings/new', listingFields, { cookie: buyer.cookie }))),
    ).toBe(403);
    const anonymous = await call(indexLoader, getRequest('/dashboard/listings'));
    expect(statusOf(anonymous)).toBe(302);
  });

  it('shows every field error at once and keeps what was typed', async () => {
    const s = await seller('approved');
    const result = await call(
      newAction,
      formRequest(
        '/dashboard/listings/new',
        { title: '', price: 'abc', stock: '-1', category: 'weapons', shippingFee: '0' },
        { cookie: s.cookie },
      ),
    );
    expect(statusOf(result)).toBe(400);
    expect(payload(result).errors).toMatchObject({
      title: 'validation.required',
      price: 'market.field.moneyInvalid',
      stock: 'market.field.stockInvalid',
      category: 'market.field.categoryInvalid',
    });
    expect(payload(result).values.price).toBe('abc');
  });

  it('quick-edits price and stock', async () => {
    const s = await seller('approved');
    const id = await listing(s.id);
    const result = await call(
      indexAction,
      formRequest('/dashboard/listings', { intent: 'quick', id, price: '99.000', stock: '0' }, { cookie: s.cookie }),
    );
    expect(statusOf(result)).toBe(302);
    expect(
      await db.selectFrom('listings').select(['price', 'stock']).where('id', '=', id).executeTakeFirstOrThrow(),
    ).toEqual({ price: 99000, stock: 0 });
  });
});

describe('listing images', () => {
  it('stores checked photos with WebP variants, shows them, and removes them', async () => {
    const s = await seller('approved');
    const id = await listing(s.id);
    const photo = { name: 'ao-dai.jpg', type: 'image/jpeg', bytes: await jpegWithGps(800, 600) };
    const added = await call(
      editAction,
      multipartRequest(`/dashboard/listings/${id}`, { intent: 'images', images: [photo, photo] }, { cookie: s.cookie }),
      { id },
    );
    expect(statusOf(added)).toBe(302);
    const rows = await db
      .selectFrom('listing_images')
      .selectAll()
      .where('listing_id', '=', id)
      .orderBy('position')
      .execute();
    expect(rows.map((r) => r.position)).toEqual([0, 1]);
    expect(rows[0].small_key).toMatch(/^public\/listings\/.+\.small\.webp$/);
    const small = await getStorage().get(rows[0].small_key);
    const bytes = await readAll(defined(small, 'small').body);
    expect(bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
    const page = payload(await call(listingLoader, getRequest(`/market/${id}`), { id }));
    expect(page.listing.images[0].small).toBe(`/files/${rows[0].small_key}`);
    expect(page.og.image).toContain(`/files/${rows[0].small_key}`);

    // An SVG is refused by its bytes, whatever its name says; nothing is stored.
    const svg = await call(
      editAction,
      multipartRequest(
        `/dashboard/listings/${id}`,
        { intent: 'images', images: { name: 'x.jpg', type: 'image/jpeg', bytes: svgFile } },
        { cookie: s.cookie },
      ),
      { id },
    );
    expect(statusOf(svg)).toBe(400);
    expect(payload(svg).errors.images).toBe('verification.upload.badType');

    const removed = await call(
      editAction,
      formRequest(`/dashboard/listings/${id}`, { intent: 'removeImage', imageId: rows[0].id }, { cookie: s.cookie }),
      { id },
    );
    expect(statusOf(removed)).toBe(302);
    expect(await getStorage().get(rows[0].small_key)).toBeNull();
    expect(await db.selectFrom('listing_images').select('id').where('listing_id', '=', id).execute()).toHaveLength(1);
  });

  it('keeps at most eight photos', async () => {
    const s = await seller('approved');
    const id = await listing(s.id);
    const photo = { name: 'p.png', type: 'image/png', bytes: await jpegWithGps(40, 40) };
    for (let i = 0; i < 2; i++) {
      expect(
        statusOf(
          await call(
            editAction,
            multipartRequest(
              `/dashboard/listings/${id}`,
              { intent: 'images', images: [photo, photo, photo, photo] },
              { cookie: s.cookie },
            ),
            { id },
          ),
        ),
      ).toBe(302);
    }
    const more = await call(
      editAction,
      multipartRequest(`/dashboard/listings/${id}`, { intent: 'images', images: photo }, { cookie: s.cookie }),
      { id },
    );
    expect(payload(more).errors.images).toBe('market.edit.tooManyImages');
    expect(await db.selectFrom('listing_images').select('id').where('listing_id', '=', id).execute()).toHaveLength(8);
  });
});

describe('listing page', () => {
  it('shows the seller card, related listings and the storefront, and hides suspended sellers', async () => {
    const s = await seller('approved', 'lao-cai');
    const a = await listing(s.id, { title: 'Thổ cẩm Sa Pa' });
    const b = await listing(s.id, { title: 'Túi thổ cẩm' });
    const page = payload(await call(listingLoader, getRequest(`/market/${a}`), { id: a }));
    expect(page.seller).toMatchObject({ province: 'lao-cai', verified: true });
    expect(page.related.map((r) => r.id)).toEqual([b]);
    const { slug } = await db
      .selectFrom('business_profiles')
      .select('slug')
      .where('user_id', '=', s.id)
      .executeTakeFirstOrThrow();
    const draft = await listing(s.id, { state: 'draft', title: 'Nháp' });
    const store = payload(await call(storefrontLoader, getRequest(`/s/${slug}`), { slug }));
    expect(store.listings.map((r) => r.id).sort()).toEqual([a, b].sort());
    expect(store.listings.map((r) => r.id)).not.toContain(draft);

    await db
      .updateTable('business_profiles')
      .set({ verification_status: 'suspended' })
      .where('user_id', '=', s.id)
      .execute();
    expect(statusOf(await call(listingLoader, getRequest(`/market/${a}`), { id: a }))).toBe(404);
    expect(payload(await call(storefrontLoader, getRequest(`/s/${slug}`), { slug })).listings).toEqual([]);
  });
});
