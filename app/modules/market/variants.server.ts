import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import { db } from '~/lib/db.server';
import type { MessageKey } from '~/lib/i18n';

// Variants of a listing (issue 20): sizes, colours, each with its own stock and
// optional price and SKU. The seller writes them as lines of a textarea (works
// without JavaScript): `name | price | stock | SKU`, price and SKU optional.
// listing_variants holds the stock; listings.stock is their sum (migration 1600).

type Trx = Transaction<Database>;
export const maxVariants = 50;

export type VariantRow = { name: string; price: number | null; stock: number; sku: string | null };
export type VariantParse = { ok: true; rows: VariantRow[] } | { ok: false; error: MessageKey; line: number };

/** Parses the seller's variant lines. Empty text: no options (one unnamed variant). */
export function parseVariantLines(text: string): VariantParse {
  const lines = text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > maxVariants) return { ok: false, error: 'depth.variants.tooMany', line: maxVariants + 1 };
  const rows: VariantRow[] = [];
  const seen = new Set<string>();
  for (const [index, line] of lines.entries()) {
    const n = index + 1;
    const [rawName = '', rawPrice = '', rawStock = '', rawSku = '', ...extra] = line.split('|').map((p) => p.trim());
    // "Đỏ/M" and "đỏ / m" are one option: spaces around slashes and case do not count.
    const name = rawName.replace(/\s*\/\s*/g, ' / ').replace(/\s+/g, ' ');
    if (extra.length) return { ok: false, error: 'depth.variants.tooManyParts', line: n };
    if (!name || name.length > 60) return { ok: false, error: 'depth.variants.nameInvalid', line: n };
    const key = name.toLocaleLowerCase('vi');
    if (seen.has(key)) return { ok: false, error: 'depth.variants.duplicate', line: n };
    seen.add(key);
    const priceText = rawPrice.replace(/[.,\s₫đ]/gi, '');
    if (priceText && !/^\d{1,13}$/.test(priceText)) return { ok: false, error: 'depth.variants.priceInvalid', line: n };
    const price = priceText ? Number(priceText) : null;
    if (price !== null && (price < 1 || price > 1_000_000_000_000))
      return { ok: false, error: 'depth.variants.priceInvalid', line: n };
    if (!/^\d{1,7}$/.test(rawStock)) return { ok: false, error: 'depth.variants.stockInvalid', line: n };
    if (rawSku.length > 40) return { ok: false, error: 'depth.variants.skuInvalid', line: n };
    rows.push({ name, price, stock: Number(rawStock), sku: rawSku || null });
  }
  return { ok: true, rows };
}

/** The seller's lines back as text, for the edit form. */
export function variantLines(rows: { name: string; price: number | null; stock: number; sku: string | null }[]) {
  return rows
    .filter((r) => r.name !== '')
    .map((r) =>
      [r.name, r.price ?? '', r.stock, r.sku ?? '']
        .join(' | ')
        .replace(/ \| {2}\| /g, ' | | ')
        .replace(/ \| $/, ''),
    )
    .join('\n');
}

/**
 * Makes the listing's live variants what the seller wrote: matched by name
 * (case-insensitive), new ones added, missing ones retired (carts and orders
 * keep pointing at them). No rows: one unnamed variant holding `stock`.
 * Runs in the save's transaction, after the listing row is locked by its update.
 */
export async function saveVariants(trx: Trx, listingId: string, rows: VariantRow[], stock: number) {
  const wanted: VariantRow[] = rows.length ? rows : [{ name: '', price: null, stock, sku: null }];
  const live = await trx
    .selectFrom('listing_variants')
    .select(['id', 'name'])
    .where('listing_id', '=', listingId)
    .where('retired_at', 'is', null)
    .execute();
  const byName = new Map(live.map((v) => [v.name.toLocaleLowerCase('vi'), v.id]));
  const keep = new Set<string>();
  for (const row of wanted) {
    const id = byName.get(row.name.toLocaleLowerCase('vi'));
    if (id) keep.add(id);
  }
  const retire = live.filter((v) => !keep.has(v.id)).map((v) => v.id);
  if (retire.length)
    await trx.updateTable('listing_variants').set({ retired_at: new Date() }).where('id', 'in', retire).execute();
  for (const [position, row] of wanted.entries()) {
    const id = byName.get(row.name.toLocaleLowerCase('vi'));
    const values = { name: row.name, price: row.price, stock: row.stock, sku: row.sku, position };
    if (id) await trx.updateTable('listing_variants').set(values).where('id', '=', id).execute();
    else
      await trx
        .insertInto('listing_variants')
        .values({ listing_id: listingId, ...values })
        .execute();
  }
}

export type ListingVariant = { id: string; name: string; price: number; stock: number; sku: string | null };

/** A listing's live variants in the seller's order, with the price a buyer pays. */
export async function listVariants(listingId: string, executor: Trx | typeof db = db): Promise<ListingVariant[]> {
  return executor
    .selectFrom('listing_variants as v')
    .innerJoin('listings as l', 'l.id', 'v.listing_id')
    .select(['v.id', 'v.name', sql<number>`coalesce(v.price, l.price)`.as('price'), 'v.stock', 'v.sku'])
    .where('v.listing_id', '=', listingId)
    .where('v.retired_at', 'is', null)
    .orderBy('v.position')
    .execute();
}

/** What one line of a listing page or cart shows: "Áo thổ cẩm (M)". */
export function titleWithVariant(title: string, variant: string) {
  return variant ? `${title} (${variant})` : title;
}

/**
 * Locks the listings of these variants in one order before their variants'
 * stock moves: the stock trigger writes the listing row, and everyone taking
 * the listing first means two transactions never wait on each other in a circle.
 */
export async function lockListingsOf(trx: Trx, variantIds: string[]) {
  if (!variantIds.length) return;
  await trx
    .selectFrom('listings')
    .select('id')
    .where('id', 'in', trx.selectFrom('listing_variants').select('listing_id').where('id', 'in', variantIds))
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Gives stock back to the variants an order had taken (cancelled before it left). */
export async function returnVariantStock(trx: Trx, items: { variant_id: string | null; quantity: number }[]) {
  const held = items.filter((i): i is { variant_id: string; quantity: number } => i.variant_id !== null);
  await lockListingsOf(
    trx,
    held.map((i) => i.variant_id),
  );
  for (const item of [...held].sort((a, b) => a.variant_id.localeCompare(b.variant_id))) {
    await trx
      .updateTable('listing_variants')
      .set({ stock: sql`stock + ${item.quantity}` })
      .where('id', '=', item.variant_id)
      .execute();
  }
}

/** Whether the listing has several live variants, so "add to cart" must name one. */
export async function needsVariantChoice(listingId: string) {
  const row = await db
    .selectFrom('listing_variants')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('listing_id', '=', listingId)
    .where('retired_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n > 1;
}

/** The quick edit's stock per variant: a whole number from 0 to this. */
export const maxQuickStock = 100_000;

/**
 * Sets the stock of some of a listing's live named variants (the dashboard's quick
 * edit), in the caller's transaction, after the listing row is locked by its update.
 * False, with nothing written, when one of them is not a live named variant of this
 * listing (deleted meanwhile, or another listing's): the caller rolls back.
 * listings.stock follows as the sum of live variants (the trigger of migration 1600).
 */
export async function setLiveVariantStock(trx: Trx, listingId: string, stocks: { id: string; stock: number }[]) {
  const ids = stocks.map((s) => s.id);
  if (new Set(ids).size !== ids.length) return false;
  const live = ids.length
    ? await trx
        .selectFrom('listing_variants')
        .select('id')
        .where('listing_id', '=', listingId)
        .where('retired_at', 'is', null)
        .where('name', '<>', '')
        .where('id', 'in', ids)
        .execute()
    : [];
  if (live.length !== ids.length) return false;
  // One order for every writer (as returnVariantStock): no two saves wait on each other in a circle.
  for (const row of [...stocks].sort((a, b) => a.id.localeCompare(b.id))) {
    await trx.updateTable('listing_variants').set({ stock: row.stock }).where('id', '=', row.id).execute();
  }
  return true;
}
