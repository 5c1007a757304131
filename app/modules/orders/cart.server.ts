import { sql } from 'kysely';
import type { OrderState } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { isUuid } from '~/lib/ids';
import { sellerActive } from '~/modules/moderation/suspension.server';
import type { Trx } from './settings.server';

// The cart: what the buyer put aside, grouped by seller, before checkout.

const maxCartQuantity = 99;

/**
 * Until an account has one completed order it may hold at most `openCodOrders`
 * open cash-on-delivery orders and take at most `unitsPerListing` units of one
 * listing per order: a throwaway account cannot reserve a seller's whole stock.
 */
export const newAccountLimits = { openCodOrders: 2, unitsPerListing: 10 };
export const openStates: OrderState[] = ['placed', 'accepted', 'shipped', 'delivered'];

/**
 * Puts a variant of a listing in the cart. Without `variantId` the listing's only
 * variant is meant; a listing with several asks the buyer to choose.
 */
export async function addToCart(buyerId: string, listingId: string, quantity: number, variantId?: string | null) {
  if (!isUuid(listingId) || (variantId && !isUuid(variantId)))
    return { ok: false as const, error: 'orders.cart.unavailable' as const };
  const variants = await db
    .selectFrom('listings as l')
    .innerJoin('listing_variants as v', 'v.listing_id', 'l.id')
    .select(['v.id as variant_id', 'v.stock', 'l.seller_id', 'l.max_per_order'])
    .where('l.id', '=', listingId)
    .where('l.state', '=', 'published')
    .where(sellerActive('l'))
    .where('v.retired_at', 'is', null)
    .$if(Boolean(variantId), (q) => q.where('v.id', '=', variantId ?? ''))
    .execute();
  if (!variantId && variants.length > 1) return { ok: false as const, error: 'depth.variants.required' as const };
  const listing = variants[0];
  if (!listing || listing.stock < 1) return { ok: false as const, error: 'orders.cart.unavailable' as const };
  if (listing.seller_id === buyerId) return { ok: false as const, error: 'orders.cart.own' as const };
  // The seller's per-order maximum caps the cart too; checkout enforces it again in its transaction.
  const cap = Math.min(listing.max_per_order ?? maxCartQuantity, maxCartQuantity);
  await db
    .insertInto('cart_items')
    .values({
      buyer_id: buyerId,
      listing_id: listingId,
      variant_id: listing.variant_id,
      quantity: Math.min(quantity, cap),
    })
    .onConflict((oc) =>
      oc
        .columns(['buyer_id', 'variant_id'])
        .doUpdateSet({ quantity: sql`least(cart_items.quantity + excluded.quantity, ${cap})` }),
    )
    .execute();
  return { ok: true as const };
}

/** Changes one cart line: the variant's, or without one every line of the listing. */
export async function setCartQuantity(buyerId: string, listingId: string, quantity: number, variantId?: string | null) {
  if (quantity <= 0) return removeFromCart(buyerId, listingId, variantId);
  const cap = sql<number>`coalesce((select max_per_order from listings where id = ${listingId}::uuid), ${maxCartQuantity})`;
  await db
    .updateTable('cart_items')
    .set({ quantity: sql`least(${Math.min(quantity, maxCartQuantity)}, ${cap})` })
    .where('buyer_id', '=', buyerId)
    .where('listing_id', '=', listingId)
    .$if(Boolean(variantId), (q) => q.where('variant_id', '=', variantId ?? ''))
    .execute();
}

export async function removeFromCart(buyerId: string, listingId: string, variantId?: string | null) {
  await db
    .deleteFrom('cart_items')
    .where('buyer_id', '=', buyerId)
    .where('listing_id', '=', listingId)
    .$if(Boolean(variantId), (q) => q.where('variant_id', '=', variantId ?? ''))
    .execute();
}

export type CartLine = {
  listingId: string;
  variantId: string;
  /** '' for a listing without options. */
  variantName: string;
  /** The seller retired this variant after it was put in the cart. */
  variantGone: boolean;
  title: string;
  price: number;
  quantity: number;
  stock: number;
  available: boolean;
  shippingFee: number;
  shippingProvinces: string[];
};
export type CartGroup = {
  sellerId: string;
  sellerName: string;
  sellerSlug: string;
  lines: CartLine[];
  subtotal: number;
  shippingFee: number;
  /** null: ships everywhere. */
  provinces: string[] | null;
};

/** The buyer's cart grouped by seller (one order each), with fees and allowed provinces: one statement. */
export async function loadCart(buyerId: string, executor: Trx | typeof db = db): Promise<CartGroup[]> {
  const rows = await executor
    .selectFrom('cart_items as c')
    .innerJoin('listings as l', 'l.id', 'c.listing_id')
    .innerJoin('listing_variants as v', 'v.id', 'c.variant_id')
    .innerJoin('business_profiles as b', 'b.user_id', 'l.seller_id')
    .select([
      'c.listing_id',
      'c.variant_id',
      'v.name as variant_name',
      sql<boolean>`v.retired_at is not null`.as('variant_gone'),
      'c.quantity',
      'l.title',
      sql<number>`coalesce(v.price, l.price)`.as('price'),
      'v.stock',
      'l.shipping_fee',
      'l.shipping_provinces',
      'l.seller_id',
      sql<boolean>`l.state = 'published' and b.verification_status <> 'suspended' and ${sellerActive('l')}`.as(
        'on_sale',
      ),
      'b.business_name',
      'b.slug',
    ])
    .where('c.buyer_id', '=', buyerId)
    .orderBy('b.business_name')
    .orderBy('c.added_at')
    .execute();
  return groupCartRows(rows);
}

type CartRow = {
  listing_id: string;
  variant_id: string;
  variant_name: string;
  variant_gone: boolean;
  quantity: number;
  title: string;
  price: number;
  stock: number;
  shipping_fee: number;
  shipping_provinces: string[];
  seller_id: string;
  on_sale: boolean;
  business_name: string;
  slug: string;
};

/** Groups cart lines by seller, with each group's subtotal, shipping fee and allowed provinces. */
export function groupCartRows(rows: CartRow[]): CartGroup[] {
  const groups = new Map<string, CartGroup>();
  for (const r of rows) {
    let group = groups.get(r.seller_id);
    if (!group) {
      group = {
        sellerId: r.seller_id,
        sellerName: r.business_name,
        sellerSlug: r.slug,
        lines: [],
        subtotal: 0,
        shippingFee: 0,
        provinces: null,
      };
      groups.set(r.seller_id, group);
    }
    const available = r.on_sale && !r.variant_gone && r.stock >= r.quantity;
    group.lines.push({
      listingId: r.listing_id,
      variantId: r.variant_id,
      variantName: r.variant_name,
      variantGone: r.variant_gone,
      title: r.title,
      price: r.price,
      quantity: r.quantity,
      stock: r.on_sale && !r.variant_gone ? r.stock : 0,
      available,
      shippingFee: r.shipping_fee,
      shippingProvinces: r.shipping_provinces,
    });
  }
  for (const group of groups.values()) {
    const live = group.lines.filter((l) => l.available);
    group.subtotal = live.reduce((sum, l) => sum + l.price * l.quantity, 0);
    group.shippingFee = live.reduce((max, l) => Math.max(max, l.shippingFee), 0);
    group.provinces = allowedProvinces(live.map((l) => l.shippingProvinces));
  }
  return [...groups.values()];
}

/** The provinces every item of one seller ships to (an empty list means everywhere); null = anywhere. */
export function allowedProvinces(lists: string[][]): string[] | null {
  let allowed: string[] | null = null;
  for (const list of lists) {
    if (!list.length) continue;
    allowed = allowed === null ? [...list] : allowed.filter((p) => list.includes(p));
  }
  return allowed;
}

export async function cartCount(buyerId: string) {
  const row = await db
    .selectFrom('cart_items')
    .select(sql<number>`coalesce(sum(quantity), 0)::int`.as('n'))
    .where('buyer_id', '=', buyerId)
    .executeTakeFirstOrThrow();
  return row.n;
}
