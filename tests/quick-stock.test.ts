import { describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { saveVariants } from '../app/modules/market/variants.server';
import * as listingsPage from '../app/routes/dashboard.listings._index';
import { useCleanDatabase } from './support/clean';
import { call, formRequest, getRequest, payload, statusOf } from './support/fixtures';
import { sellerWithListing, stockOf } from './support/orders';

// Issue 20: the quick edit on /dashboard/listings sets the stock of each named
// variant (it used to ignore the stock typed for a listing with variants).

useCleanDatabase();

/** A seller's listing with sizes S/M/L (4/5/2), written as the seller's save writes them. */
async function sizedListing() {
  const shop = await sellerWithListing({ price: 350_000 });
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('listings').set({ updated_at: new Date() }).where('id', '=', shop.listingId).execute();
    await saveVariants(
      trx,
      shop.listingId,
      [
        { name: 'Cỡ S', price: null, stock: 4, sku: null },
        { name: 'Cỡ M', price: null, stock: 5, sku: null },
        { name: 'Cỡ L', price: 420_000, stock: 2, sku: null },
      ],
      0,
    );
  });
  const rows = await db
    .selectFrom('listing_variants')
    .select(['id', 'name'])
    .where('listing_id', '=', shop.listingId)
    .where('retired_at', 'is', null)
    .execute();
  const variant = Object.fromEntries(rows.map((v) => [v.name, v.id]));
  return { ...shop, variant };
}

async function stocks(listingId: string) {
  const rows = await db
    .selectFrom('listing_variants')
    .select(['name', 'stock'])
    .where('listing_id', '=', listingId)
    .where('retired_at', 'is', null)
    .orderBy('position')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.name, r.stock]));
}

async function listingPrice(listingId: string) {
  const row = await db.selectFrom('listings').select('price').where('id', '=', listingId).executeTakeFirstOrThrow();
  return row.price;
}

function quickEdit(cookie: string, fields: Record<string, string>) {
  return call(listingsPage.action, formRequest('/dashboard/listings', { intent: 'quick', ...fields }, { cookie }));
}

describe('quick edit of stock per variant', () => {
  it('the page lists each listing with its live named variants; a listing without options has none', async () => {
    const s = await sizedListing();
    const plain = await sellerWithListing();
    const page = payload(
      await call(listingsPage.loader, getRequest('/dashboard/listings', { cookie: s.seller.cookie })),
    );
    expect(page.listings).toHaveLength(1);
    expect(page.listings[0].variants).toEqual([
      { id: s.variant['Cỡ S'], name: 'Cỡ S', stock: 4 },
      { id: s.variant['Cỡ M'], name: 'Cỡ M', stock: 5 },
      { id: s.variant['Cỡ L'], name: 'Cỡ L', stock: 2 },
    ]);
    expect(page.listings[0].stock).toBe(11);
    const other = payload(
      await call(listingsPage.loader, getRequest('/dashboard/listings', { cookie: plain.seller.cookie })),
    );
    expect(other.listings[0].variants).toEqual([]);
  });

  it("changing M's stock only: M changes, S and L stay, the listing's stock is the sum", async () => {
    const s = await sizedListing();
    const res = await quickEdit(s.seller.cookie, {
      id: s.listingId,
      price: '360.000',
      [`stock.${s.variant['Cỡ S']}`]: '4',
      [`stock.${s.variant['Cỡ M']}`]: '9',
      [`stock.${s.variant['Cỡ L']}`]: '2',
    });
    expect(statusOf(res)).toBe(302);
    expect(await stocks(s.listingId)).toEqual({ 'Cỡ S': 4, 'Cỡ M': 9, 'Cỡ L': 2 });
    expect(await stockOf(s.listingId)).toBe(15);
    expect(await listingPrice(s.listingId)).toBe(360_000);
    // Only the M field sent: the others keep theirs.
    await quickEdit(s.seller.cookie, { id: s.listingId, price: '360000', [`stock.${s.variant['Cỡ M']}`]: '0' });
    expect(await stocks(s.listingId)).toEqual({ 'Cỡ S': 4, 'Cỡ M': 0, 'Cỡ L': 2 });
    expect(await stockOf(s.listingId)).toBe(6);
  });

  it('a listing without options keeps the one stock field', async () => {
    const plain = await sellerWithListing({ stock: 5 });
    const res = await quickEdit(plain.seller.cookie, { id: plain.listingId, price: '250000', stock: '12' });
    expect(statusOf(res)).toBe(302);
    expect(await stockOf(plain.listingId)).toBe(12);
    expect(await stocks(plain.listingId)).toEqual({ '': 12 });
  });

  it('a variant removed meanwhile: refused in her words, what she typed kept, nothing changed', async () => {
    const s = await sizedListing();
    // She loaded the page; meanwhile S was removed (retired) from the listing.
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('listings').set({ updated_at: new Date() }).where('id', '=', s.listingId).execute();
      await saveVariants(
        trx,
        s.listingId,
        [
          { name: 'Cỡ M', price: null, stock: 5, sku: null },
          { name: 'Cỡ L', price: 420_000, stock: 2, sku: null },
        ],
        0,
      );
    });
    const res = await quickEdit(s.seller.cookie, {
      id: s.listingId,
      price: '999000',
      [`stock.${s.variant['Cỡ S']}`]: '7',
      [`stock.${s.variant['Cỡ M']}`]: '8',
    });
    expect(statusOf(res)).toBe(400);
    expect(payload(res).errors).toEqual({ form: 'quickstock.changed' });
    expect(payload(res).values[`stock.${s.variant['Cỡ M']}`]).toBe('8');
    expect(await stocks(s.listingId)).toEqual({ 'Cỡ M': 5, 'Cỡ L': 2 });
    expect(await stockOf(s.listingId)).toBe(7);
    expect(await listingPrice(s.listingId)).toBe(350_000);
  });

  it("another seller's variant id is refused, and neither listing changes", async () => {
    const mine = await sizedListing();
    const theirs = await sizedListing();
    const res = await quickEdit(mine.seller.cookie, {
      id: mine.listingId,
      price: '350000',
      [`stock.${mine.variant['Cỡ M']}`]: '8',
      [`stock.${theirs.variant['Cỡ M']}`]: '0',
    });
    expect(statusOf(res)).toBe(400);
    expect(payload(res).errors.form).toBe('quickstock.changed');
    expect(await stocks(mine.listingId)).toEqual({ 'Cỡ S': 4, 'Cỡ M': 5, 'Cỡ L': 2 });
    expect(await stocks(theirs.listingId)).toEqual({ 'Cỡ S': 4, 'Cỡ M': 5, 'Cỡ L': 2 });
    // Her variant under their listing id: the listing is not hers.
    const foreign = await quickEdit(mine.seller.cookie, {
      id: theirs.listingId,
      price: '350000',
      [`stock.${theirs.variant['Cỡ M']}`]: '0',
    });
    expect(statusOf(foreign)).toBe(403);
    expect(await stocks(theirs.listingId)).toEqual({ 'Cỡ S': 4, 'Cỡ M': 5, 'Cỡ L': 2 });
  });

  it('a listing that gained options since the page loaded refuses the single stock', async () => {
    const s = await sizedListing();
    const res = await quickEdit(s.seller.cookie, { id: s.listingId, price: '350000', stock: '3' });
    expect(statusOf(res)).toBe(400);
    expect(payload(res).errors.form).toBe('quickstock.changed');
    expect(await stockOf(s.listingId)).toBe(11);
  });

  it('bad numbers: a message for each bad field, what she typed kept, nothing changed', async () => {
    const s = await sizedListing();
    const S = `stock.${s.variant['Cỡ S']}`;
    const M = `stock.${s.variant['Cỡ M']}`;
    const L = `stock.${s.variant['Cỡ L']}`;
    for (const bad of ['-1', 'năm', '100001', '1.5', '']) {
      const res = await quickEdit(s.seller.cookie, { id: s.listingId, price: '350000', [S]: '6', [M]: bad, [L]: '3' });
      expect(statusOf(res)).toBe(400);
      expect(payload(res).errors).toEqual({ [M]: 'quickstock.stockInvalid' });
      expect(payload(res).values[M]).toBe(bad);
      expect(payload(res).values[S]).toBe('6');
    }
    // Several at once, with a bad price: each named.
    const res = await quickEdit(s.seller.cookie, { id: s.listingId, price: 'abc', [S]: '-2', [M]: '7', [L]: 'x' });
    expect(payload(res).errors).toEqual({
      price: 'market.field.moneyInvalid',
      [S]: 'quickstock.stockInvalid',
      [L]: 'quickstock.stockInvalid',
    });
    // 100 000 is the most.
    expect(statusOf(await quickEdit(s.seller.cookie, { id: s.listingId, price: '350000', [M]: '100000' }))).toBe(302);
    expect(await stocks(s.listingId)).toEqual({ 'Cỡ S': 4, 'Cỡ M': 100_000, 'Cỡ L': 2 });
    // A field that names no variant at all.
    const junk = await quickEdit(s.seller.cookie, { id: s.listingId, price: '350000', 'stock.not-a-uuid': '1' });
    expect(payload(junk).errors.form).toBe('quickstock.changed');
    expect(await stockOf(s.listingId)).toBe(100_006);
  });
});
