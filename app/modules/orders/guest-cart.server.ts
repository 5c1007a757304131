import { randomBytes } from 'node:crypto';
import { createCookie } from '@remix-run/node';
import { sql } from 'kysely';
import { db } from '~/lib/db.server';
import { log } from '~/lib/log.server';
import { isUuid } from '~/lib/ids';
import { sellerActive } from '~/modules/moderation/suspension.server';
import { addToCart, groupCartRows, type CartGroup } from './cart.server';

// A guest's cart lives in a signed cookie (listing ids and quantities only)
// until she signs in; the first cart or checkout page she opens signed in moves
// it into her account's cart and clears the cookie.

const maxLines = 30;

let fallbackSecret: string | undefined;
function secret() {
  if (process.env.COOKIE_SECRET) return process.env.COOKIE_SECRET;
  if (!fallbackSecret) {
    fallbackSecret = randomBytes(32).toString('hex');
    if (process.env.NODE_ENV === 'production')
      log.warn('COOKIE_SECRET is not set: guest carts last until the server restarts');
  }
  return fallbackSecret;
}

function cookie() {
  return createCookie('sen_cart', {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: process.env.NODE_ENV === 'production',
    maxAge: 60 * 60 * 24 * 30,
    secrets: [secret()],
  });
}

/** Listing, quantity and, for a listing with options, the variant chosen. */
export type GuestLine = { l: string; q: number; v?: string };

/** The guest's lines; a missing, tampered or malformed cookie is an empty cart. */
export async function readGuestCart(request: Request): Promise<GuestLine[]> {
  const header = request.headers.get('Cookie');
  if (!header || !header.includes('sen_cart=')) return [];
  const value = await cookie().parse(header);
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (v): v is GuestLine =>
        Boolean(v) &&
        isUuid(v.l) &&
        Number.isInteger(v.q) &&
        v.q >= 1 &&
        v.q <= 99 &&
        (v.v === undefined || isUuid(v.v)),
    )
    .slice(0, maxLines);
}

export async function writeGuestCart(lines: GuestLine[]) {
  return cookie().serialize(lines.slice(0, maxLines));
}

export function changeGuestCart(
  lines: GuestLine[],
  intent: 'add' | 'update' | 'remove',
  listingId: string,
  quantity: number,
  variantId?: string,
): GuestLine[] {
  // One line per variant; a line without a variant is the listing's only one.
  const same = (l: GuestLine) =>
    l.l === listingId && (variantId === undefined || l.v === undefined || l.v === variantId);
  const rest = lines.filter((l) => !same(l));
  const current = lines.find(same)?.q ?? 0;
  if (intent === 'remove') return rest;
  const q = intent === 'add' ? Math.min(current + Math.max(1, quantity), 99) : Math.min(quantity, 99);
  return q >= 1 ? [...rest, variantId ? { l: listingId, q, v: variantId } : { l: listingId, q }] : rest;
}

/** The guest cart grouped by seller, like a signed-in cart: one statement. */
export async function loadGuestCart(lines: GuestLine[]): Promise<CartGroup[]> {
  if (!lines.length) return [];
  // Every variant of the listings in the cookie, retired ones too (a line may point at one).
  const rows = await db
    .selectFrom('listings as l')
    .innerJoin('listing_variants as v', 'v.listing_id', 'l.id')
    .innerJoin('business_profiles as b', 'b.user_id', 'l.seller_id')
    .select([
      'l.id as listing_id',
      'v.id as variant_id',
      'v.name as variant_name',
      sql<boolean>`v.retired_at is not null`.as('variant_gone'),
      'l.title',
      sql<number>`coalesce(v.price, l.price)`.as('price'),
      'v.stock',
      'l.shipping_fee',
      'l.shipping_provinces',
      'l.seller_id',
      'l.state',
      'b.verification_status',
      'b.business_name',
      'b.slug',
      sellerActive('l').as('seller_active'),
    ])
    .where(
      'l.id',
      'in',
      lines.map((l) => l.l),
    )
    .orderBy('v.position')
    .execute();
  const pick = (line: GuestLine) =>
    line.v
      ? rows.find((r) => r.variant_id === line.v && r.listing_id === line.l)
      : rows.find((r) => r.listing_id === line.l && !r.variant_gone);
  return groupCartRows(
    lines.flatMap((l) => {
      const r = pick(l);
      if (!r) return [];
      return {
        ...r,
        price: Number(r.price),
        quantity: l.q,
        on_sale: r.state === 'published' && r.verification_status !== 'suspended' && r.seller_active,
      };
    }),
  );
}

/** Moves a guest cart into the signed-in buyer's cart; returns the Set-Cookie that clears it, or null. */
export async function mergeGuestCart(request: Request, buyerId: string) {
  const lines = await readGuestCart(request);
  const header = request.headers.get('Cookie') ?? '';
  if (!lines.length && !header.includes('sen_cart=')) return null;
  // Lines that cannot be bought any more (sold, her own) are dropped.
  for (const line of lines) await addToCart(buyerId, line.l, line.q, line.v);
  return cookie().serialize([], { maxAge: 0 });
}
