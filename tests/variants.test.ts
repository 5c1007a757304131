import { describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { parseVariantLines } from '../app/modules/market/variants.server';
import { searchListings } from '../app/modules/market/listings.server';
import { addToCart, checkout, changeOrder } from '../app/modules/orders';
import * as cartRoute from '../app/routes/cart';
import * as checkoutRoute from '../app/routes/checkout';
import * as listingPage from '../app/routes/market.$id';
import * as editListing from '../app/routes/dashboard.listings.$id';
import * as newListing from '../app/routes/dashboard.listings.new';
import * as packing from '../app/routes/dashboard.orders.$id';
import { useCleanDatabase } from './support/clean';
import { call, createTestUser, formRequest, getRequest, payload, statusOf } from './support/fixtures';
import { delivery, sellerWithListing, stockOf } from './support/orders';

// Variants (issue 20): sizes and colours with their own stock, price and SKU,
// through the seller's form, the listing page, the cart, checkout and orders.

useCleanDatabase();

const shirt = {
  intent: 'save',
  title: 'Áo thổ cẩm',
  description: 'Áo dệt tay',
  price: '350000',
  stock: '1',
  category: 'fashion',
  shippingFee: '30000',
  variants: 'S | | 4 | AO-S\nM | | 5 | AO-M\nL | 420000 | 2 | AO-L',
};

async function variantStock(listingId: string) {
  const rows = await db
    .selectFrom('listing_variants')
    .select(['name', 'stock'])
    .where('listing_id', '=', listingId)
    .where('retired_at', 'is', null)
    .orderBy('position')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.name, r.stock]));
}

/** A published listing of a verified seller, with S/M/L written through the seller's own form. */
async function shirtListing(variants = shirt.variants) {
  const shop = await sellerWithListing();
  const created = await call(
    newListing.action,
    formRequest('/dashboard/listings/new', { ...shirt, variants }, { cookie: shop.seller.cookie }),
  );
  expect(statusOf(created)).toBe(302);
  const id = (created as Response).headers.get('location')!.split('/')[3].split('?')[0];
  await call(
    editListing.action,
    formRequest(`/dashboard/listings/${id}`, { intent: 'state', to: 'published' }, { cookie: shop.seller.cookie }),
    { id },
  );
  const ids = await db
    .selectFrom('listing_variants')
    .select(['id', 'name'])
    .where('listing_id', '=', id)
    .where('retired_at', 'is', null)
    .execute();
  const variant = Object.fromEntries(ids.map((v) => [v.name, v.id]));
  return { ...shop, id, variant };
}

describe('the seller writes variants as lines', () => {
  it('parses name | price | stock | SKU, empty price meaning the listing price', () => {
    const parsed = parseVariantLines(shirt.variants);
    expect(parsed).toEqual({
      ok: true,
      rows: [
        { name: 'S', price: null, stock: 4, sku: 'AO-S' },
        { name: 'M', price: null, stock: 5, sku: 'AO-M' },
        { name: 'L', price: 420_000, stock: 2, sku: 'AO-L' },
      ],
    });
    expect(parseVariantLines('')).toEqual({ ok: true, rows: [] });
  });

  it('refuses more than 50, duplicated option values (case and spacing ignored) and bad numbers', () => {
    const many = Array.from({ length: 51 }, (_, i) => `Cỡ ${i} | | 1`).join('\n');
    expect(parseVariantLines(many)).toMatchObject({ ok: false, error: 'depth.variants.tooMany' });
    expect(parseVariantLines(Array.from({ length: 50 }, (_, i) => `Cỡ ${i} | | 1`).join('\n')).ok).toBe(true);
    expect(parseVariantLines('Đỏ / M | | 1\nđỏ/m | | 2')).toMatchObject({
      ok: false,
      error: 'depth.variants.duplicate',
      line: 2,
    });
    expect(parseVariantLines('M | abc | 1')).toMatchObject({ ok: false, error: 'depth.variants.priceInvalid' });
    expect(parseVariantLines('M | | -1')).toMatchObject({ ok: false, error: 'depth.variants.stockInvalid' });
    expect(parseVariantLines('M | | 1 | SKU | extra')).toMatchObject({
      ok: false,
      error: 'depth.variants.tooManyParts',
    });
  });

  it('the form keeps what she typed and says why when 50+ lines repeat one value', async () => {
    const shop = await sellerWithListing();
    const lines = Array.from({ length: 50 }, () => 'M | | 1').join('\n');
    const res = await call(
      newListing.action,
      formRequest('/dashboard/listings/new', { ...shirt, variants: lines }, { cookie: shop.seller.cookie }),
    );
    expect(statusOf(res)).toBe(400);
    expect(payload(res).errors.variants).toBe('depth.variants.duplicate');
    expect(payload(res).values.variants).toBe(lines);
  });

  it('stock is kept per variant; the listing shows their sum; a removed variant is retired, a new one added', async () => {
    const s = await shirtListing();
    expect(await variantStock(s.id)).toEqual({ S: 4, M: 5, L: 2 });
    expect(await stockOf(s.id)).toBe(11);
    const form = payload(
      await call(editListing.loader, getRequest(`/dashboard/listings/${s.id}`, { cookie: s.seller.cookie }), {
        id: s.id,
      }),
    );
    expect(form.listing.variants).toBe('S | | 4 | AO-S\nM | | 5 | AO-M\nL | 420000 | 2 | AO-L');
    const saved = await call(
      editListing.action,
      formRequest(
        `/dashboard/listings/${s.id}`,
        { ...shirt, variants: 'M | | 6\nL | 420000 | 2\nXL | | 1' },
        { cookie: s.seller.cookie },
      ),
      { id: s.id },
    );
    expect(statusOf(saved)).toBe(302);
    expect(await variantStock(s.id)).toEqual({ M: 6, L: 2, XL: 1 });
    expect(await stockOf(s.id)).toBe(9);
    // M kept its id (a cart line on it stays valid); S is retired, not deleted.
    const m = await db
      .selectFrom('listing_variants')
      .select('id')
      .where('listing_id', '=', s.id)
      .where('name', '=', 'M')
      .where('retired_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(m.id).toBe(s.variant.M);
    expect(
      await db
        .selectFrom('listing_variants')
        .select('retired_at')
        .where('id', '=', s.variant.S)
        .executeTakeFirstOrThrow(),
    ).toMatchObject({ retired_at: expect.any(Date) });
    // Emptying the lines makes it a listing without options again, with the form's stock.
    await call(
      editListing.action,
      formRequest(`/dashboard/listings/${s.id}`, { ...shirt, variants: '', stock: '7' }, { cookie: s.seller.cookie }),
      { id: s.id },
    );
    expect(await variantStock(s.id)).toEqual({ '': 7 });
    expect(await stockOf(s.id)).toBe(7);
  });

  it('the database refuses a 51st live variant and a direct stock write on a listing with variants', async () => {
    const s = await shirtListing(Array.from({ length: 50 }, (_, i) => `Cỡ ${i} | | 1`).join('\n'));
    await expect(
      db.insertInto('listing_variants').values({ listing_id: s.id, name: 'Cỡ 50', stock: 1, position: 49 }).execute(),
    ).rejects.toThrow(/at most 50/);
    await expect(db.updateTable('listings').set({ stock: 3 }).where('id', '=', s.id).execute()).rejects.toThrow(
      /variants/,
    );
  });
});

describe('buyers pick a variant', () => {
  it('the listing page offers S/M/L with their prices and stock; adding without a choice asks for one', async () => {
    const s = await shirtListing();
    const page = payload(await call(listingPage.loader, getRequest(`/market/${s.id}`), { id: s.id }));
    expect(page.listing.variants.map((v) => [v.name, v.price, v.stock])).toEqual([
      ['S', 350_000, 4],
      ['M', 350_000, 5],
      ['L', 420_000, 2],
    ]);
    const buyer = await createTestUser();
    const res = await call(
      cartRoute.action,
      formRequest('/cart', { intent: 'add', listingId: s.id, quantity: '1' }, { cookie: buyer.cookie }),
    );
    expect(statusOf(res)).toBe(400);
    expect(payload(res).errors.form).toBe('depth.variants.required');
    // A guest too.
    const guest = await call(cartRoute.action, formRequest('/cart', { intent: 'add', listingId: s.id, quantity: '1' }));
    expect(payload(guest).errors.form).toBe('depth.variants.required');
    // Another listing's variant is not this listing's.
    const other = await shirtListing();
    const wrong = await call(
      cartRoute.action,
      formRequest(
        '/cart',
        { intent: 'add', listingId: s.id, variant: other.variant.M, quantity: '1' },
        { cookie: buyer.cookie },
      ),
    );
    expect(payload(wrong).errors.form).toBe('orders.cart.unavailable');
  });

  it('buying the M lowers M only; the order and the packing view name the size; cancelling gives M back', async () => {
    const s = await shirtListing();
    const buyer = await createTestUser();
    expect(
      statusOf(
        await call(
          cartRoute.action,
          formRequest(
            '/cart',
            { intent: 'add', listingId: s.id, variant: s.variant.M, quantity: '2' },
            { cookie: buyer.cookie },
          ),
        ),
      ),
    ).toBe(302);
    expect(
      statusOf(
        await call(
          cartRoute.action,
          formRequest(
            '/cart',
            { intent: 'add', listingId: s.id, variant: s.variant.L, quantity: '1' },
            { cookie: buyer.cookie },
          ),
        ),
      ),
    ).toBe(302);
    const cart = payload(await call(cartRoute.loader, getRequest('/cart', { cookie: buyer.cookie })));
    expect(cart.groups[0].lines.map((l) => [l.variantName, l.price, l.quantity])).toEqual([
      ['M', 350_000, 2],
      ['L', 420_000, 1],
    ]);
    expect(cart.groups[0].subtotal).toBe(1_120_000);
    const res = await call(
      checkoutRoute.action,
      formRequest('/checkout', { ...delivery, payment: 'cod' }, { cookie: buyer.cookie }),
    );
    expect(statusOf(res)).toBe(302);
    expect(await variantStock(s.id)).toEqual({ S: 4, M: 3, L: 1 });
    expect(await stockOf(s.id)).toBe(8);
    const order = await db
      .selectFrom('orders')
      .select(['id', 'subtotal'])
      .where('buyer_id', '=', buyer.id)
      .executeTakeFirstOrThrow();
    expect(order.subtotal).toBe(1_120_000);
    const view = payload(
      await call(packing.loader, getRequest(`/dashboard/orders/${order.id}`, { cookie: s.seller.cookie }), {
        id: order.id,
      }),
    );
    expect(view.order.items.map((i) => i.title).sort()).toEqual(['Áo thổ cẩm (L)', 'Áo thổ cẩm (M)']);
    expect((await changeOrder(buyer, 'buyer', order.id, 'cancel')).ok).toBe(true);
    expect(await variantStock(s.id)).toEqual({ S: 4, M: 5, L: 2 });
  });

  it('a variant removed while in the cart: the cart and checkout say so, nothing is ordered', async () => {
    const s = await shirtListing();
    const buyer = await createTestUser();
    await addToCart(buyer.id, s.id, 1, s.variant.S);
    await call(
      editListing.action,
      formRequest(
        `/dashboard/listings/${s.id}`,
        { ...shirt, variants: 'M | | 5\nL | | 2' },
        { cookie: s.seller.cookie },
      ),
      { id: s.id },
    );
    const cart = payload(await call(cartRoute.loader, getRequest('/cart', { cookie: buyer.cookie })));
    expect(cart.groups[0].lines[0]).toMatchObject({ variantName: 'S', variantGone: true, available: false });
    const res = await call(
      checkoutRoute.action,
      formRequest('/checkout', { ...delivery, payment: 'cod' }, { cookie: buyer.cookie }),
    );
    expect(statusOf(res)).toBe(400);
    expect(payload(res).errors.form).toBe('depth.variants.goneCheckout');
    expect(payload(res).titles).toEqual(['Áo thổ cẩm (S)']);
    expect(await db.selectFrom('orders').select('id').where('buyer_id', '=', buyer.id).execute()).toEqual([]);
  });

  it('many buyers racing for the last M: one order, the others told it is sold out, S and L untouched', async () => {
    const s = await shirtListing('S | | 3\nM | | 1\nL | | 3');
    const buyers = await Promise.all(Array.from({ length: 12 }, () => createTestUser()));
    for (const b of buyers) await addToCart(b.id, s.id, 1, s.variant.M);
    // Two more buyers take an S and an L at the same time: other variants of the same listing.
    const others = await Promise.all([createTestUser(), createTestUser()]);
    await addToCart(others[0].id, s.id, 1, s.variant.S);
    await addToCart(others[1].id, s.id, 1, s.variant.L);
    const results = await Promise.all([...buyers, ...others].map((b) => checkout(b, delivery, 'cod')));
    const forM = results.slice(0, 12);
    expect(forM.filter((r) => r.ok)).toHaveLength(1);
    expect(forM.filter((r) => !r.ok && r.error === 'orders.checkout.soldOut')).toHaveLength(11);
    expect(results.slice(12).every((r) => r.ok)).toBe(true);
    expect(await variantStock(s.id)).toEqual({ S: 2, M: 0, L: 2 });
    expect(await stockOf(s.id)).toBe(4);
  });
});

describe('search', () => {
  it('the price range matches any variant price', async () => {
    const s = await shirtListing('S | | 1\nL | 900000 | 1');
    const base = { verifiedOnly: false, sort: 'newest' as const };
    const found = async (minPrice: number, maxPrice: number) =>
      (await searchListings({ ...base, minPrice, maxPrice })).listings.map((l) => l.id).includes(s.id);
    expect(await found(800_000, 1_000_000)).toBe(true);
    expect(await found(300_000, 400_000)).toBe(true);
    expect(await found(500_000, 800_000)).toBe(false);
  });
});
