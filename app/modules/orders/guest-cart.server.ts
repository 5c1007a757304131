import { randomBytes } from 'node:crypto';
import { createCookie } from '@remix-run/node';
import { db } from '~/lib/db.server';
import { log } from '~/lib/log.server';
import { isUuid } from '~/lib/ids';
import { sellerActive } from '~/modules/moderation/suspension.server';
import { addToCart, groupCartRows, type CartGroup } from './orders.server';

// A guest's cart lives in a signed cookie (listing ids and quantities only)
// until she signs in; the first cart or checkout page she opens signed in moves
// it into her account's cart and clears the cookie.

const maxLines = 30;

let fallbackSecret: string | undefined;
function secret() {
  if (process.env.COOKIE_SECRET) return process.env.COOKIE_SECRET;
  if (!fallbackSecret) {
    fallbackSecret = randomBytes(32).toString('hex');
    if (process.env.NODE_ENV === 'production') log.warn('COOKIE_SECRET is not set: guest carts last until the server restarts');
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

export type GuestLine = { l: string; q: number };

/** The guest's lines; a missing, tampered or malformed cookie is an empty cart. */
export async function readGuestCart(request: Request): Promise<GuestLine[]> {
  const header = request.headers.get('Cookie');
  if (!header || !header.includes('sen_cart=')) return [];
  const value = await cookie().parse(header);
  if (!Array.isArray(value)) return [];
  return value
    .filter((v): v is GuestLine => Boolean(v) && isUuid(v.l) && Number.isInteger(v.q) && v.q >= 1 && v.q <= 99)
    .slice(0, maxLines);
}

export async function writeGuestCart(lines: GuestLine[]) {
  return cookie().serialize(lines.slice(0, maxLines));
}

export function changeGuestCart(lines: GuestLine[], intent: 'add' | 'update' | 'remove', listingId: string, quantity: number): GuestLine[] {
  const rest = lines.filter((l) => l.l !== listingId);
  const current = lines.find((l) => l.l === listingId)?.q ?? 0;
  if (intent === 'remove') return rest;
  const q = intent === 'add' ? Math.min(current + Math.max(1, quantity), 99) : Math.min(quantity, 99);
  return q >= 1 ? [...rest, { l: listingId, q }] : rest;
}

/** The guest cart grouped by seller, like a signed-in cart: one statement. */
export async function loadGuestCart(lines: GuestLine[]): Promise<CartGroup[]> {
  if (!lines.length) return [];
  const rows = await db
    .selectFrom('listings as l')
    .innerJoin('business_profiles as b', 'b.user_id', 'l.seller_id')
    .select(['l.id as listing_id', 'l.title', 'l.price', 'l.stock', 'l.shipping_fee', 'l.shipping_provinces', 'l.seller_id', 'l.state', 'b.verification_status', 'b.business_name', 'b.slug', sellerActive('l').as('seller_active')])
    .where('l.id', 'in', lines.map((l) => l.l))
    .execute();
  const byId = new Map(rows.map((r) => [r.listing_id, r]));
  return groupCartRows(
    lines
      .flatMap((l) => {
        const r = byId.get(l.l);
        if (!r) return [];
        return { ...r, quantity: l.q, on_sale: r.state === 'published' && r.verification_status !== 'suspended' && r.seller_active };
      }),
  );
}

/** Moves a guest cart into the signed-in buyer's cart; returns the Set-Cookie that clears it, or null. */
export async function mergeGuestCart(request: Request, buyerId: string) {
  const lines = await readGuestCart(request);
  const header = request.headers.get('Cookie') ?? '';
  if (!lines.length && !header.includes('sen_cart=')) return null;
  // Lines that cannot be bought any more (sold, her own) are dropped.
  for (const line of lines) await addToCart(buyerId, line.l, line.q);
  return cookie().serialize([], { maxAge: 0 });
}
