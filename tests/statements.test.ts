import { AsyncLocalStorage } from 'node:async_hooks';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import express from 'express';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, currentPool } from '../app/lib/db.server';
import { addToCart, checkout } from '../app/modules/orders';
import { createApp } from '../app/server/app';
import { createTestUser } from './support/fixtures';
import { delivery, sellerWithListing } from './support/orders';

// Issue 21: no page runs more than 5 SQL statements. Each signed-in page is asked
// through the real HTTP stack (the production build behind the app's express
// layer) on this file's real database; every statement any pooled connection is
// sent while that request is served is counted (AsyncLocalStorage follows the
// request through Remix, the loaders and Kysely into pg's client).

const limit = 5;
const scope = new AsyncLocalStorage<{ statements: string[] }>();
let restore: (() => void) | undefined;
const probes = new Map<string, string[]>();
let probeCount = 0;
let server: ReturnType<express.Express['listen']>;
let origin: string;

type Person = Awaited<ReturnType<typeof createTestUser>>;
let buyer: Person;
let seller: Person;
let staff: Person;
let listingId: string;
let storefront: string;
let cooperative: string;

beforeAll(async () => {
  // Count at the prototype of pg's client: the pool's connections, made now or later, all pass there.
  const pool = await currentPool();
  const client = await pool.connect();
  const proto = Object.getPrototypeOf(client) as { query: (...args: unknown[]) => unknown };
  const own = Object.getOwnPropertyDescriptor(proto, 'query');
  const original = client.query as unknown as (...args: unknown[]) => unknown;
  client.release();
  proto.query = function (this: pg.PoolClient, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
    scope.getStore()?.statements.push(String(text));
    return original.apply(this, args);
  };
  restore = () => (own ? Object.defineProperty(proto, 'query', own) : delete (proto as { query?: unknown }).query);

  const build = await import(pathToFileURL(path.resolve('build/index.js')).href);
  const outer = express();
  outer.use((req, _res, next) => {
    const store = { statements: [] as string[] };
    const probe = req.get('x-test-probe');
    if (probe) probes.set(probe, store.statements);
    scope.run(store, next);
  });
  outer.use(createApp({ build, pageCacheSeconds: 0 }));
  server = outer.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // A seller with orders from a buyer, a staff member with a storefront waiting in her queue.
  const shop = await sellerWithListing({ stock: 50 });
  seller = shop.seller;
  listingId = shop.listingId;
  storefront = `/s/${shop.slug}`;
  // A cooperative's storefront also shows its members.
  const coop = await sellerWithListing({ stock: 5 });
  cooperative = `/s/${coop.slug}`;
  await db
    .updateTable('business_profiles')
    .set({ business_type: 'cooperative' })
    .where('user_id', '=', coop.seller.id)
    .execute();
  const [mai, dua] = await Promise.all([createTestUser(), createTestUser()]);
  const member = (user: Person, display_name: string, role: 'manager' | 'member', show_on_storefront: boolean) => ({
    business_id: coop.seller.id,
    invited_email: user.email,
    user_id: user.id,
    role,
    state: 'active' as const,
    display_name,
    show_on_storefront,
    accepted_at: new Date(),
  });
  await db
    .insertInto('business_members')
    .values([member(mai, 'Lò Thị Mai', 'manager', true), member(dua, 'Vàng Thị Dua', 'member', false)])
    .execute();
  buyer = await createTestUser();
  // Two: a new account may hold at most two open cash-on-delivery orders.
  for (let i = 0; i < 2; i++) {
    await addToCart(buyer.id, listingId, 1);
    const placed = await checkout(buyer, delivery, 'cod');
    expect(placed).toMatchObject({ ok: true });
  }
  staff = await createTestUser({ roles: ['staff'] });
  const waiting = await createTestUser({ roles: ['entrepreneur'] });
  await db
    .insertInto('business_profiles')
    .values({
      user_id: waiting.id,
      slug: `waiting-${waiting.id.slice(0, 8)}`,
      business_name: 'Cửa hàng chờ duyệt',
      owner_name: 'Chị Lan',
      province: 'lao-cai',
      verification_status: 'submitted',
      submitted_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
});

afterAll(async () => {
  restore?.();
  await new Promise((resolve) => server?.close(resolve));
});

/** Statements sent to the database while the server answered `pathname` for `cookie`. */
async function statementsFor(pathname: string, cookie?: string) {
  const probe = String((probeCount += 1));
  const response = await fetch(origin + pathname, {
    headers: { 'x-test-probe': probe, ...(cookie ? { cookie } : {}) },
    redirect: 'manual',
  });
  const body = await response.text();
  return { status: response.status, body, statements: probes.get(probe) ?? [] };
}

describe('SQL statements per page (issue 21: at most 5)', () => {
  const pages: [string, () => string, () => string | undefined, RegExp][] = [
    ['home, signed-in buyer', () => '/', () => buyer.cookie, /<main/],
    ['market search, signed-in buyer', () => '/market?q=kh%C4%83n&sort=relevance', () => buyer.cookie, /<main/],
    ['a listing, signed-in buyer', () => `/market/${listingId}`, () => buyer.cookie, /Khăn thổ cẩm/],
    ['her orders, the seller', () => '/dashboard/orders', () => seller.cookie, /Test user/],
    ['her listings, the seller', () => '/dashboard/listings', () => seller.cookie, /Khăn thổ cẩm/],
    ['the verification queue, staff', () => '/staff/verifications', () => staff.cookie, /Cửa hàng chờ duyệt/],
    ['a storefront, signed-in buyer', () => storefront, () => buyer.cookie, /Khăn thổ cẩm/],
    ['a cooperative’s storefront, signed-in buyer', () => cooperative, () => buyer.cookie, /Lò Thị Mai/],
    ['home, anonymous', () => '/', () => undefined, /<main/],
    ['a listing, anonymous', () => `/market/${listingId}`, () => undefined, /Khăn thổ cẩm/],
  ];
  for (const [name, pathname, cookie, shows] of pages) {
    it(`${name}: ${limit} statements or fewer`, async () => {
      const { status, body, statements } = await statementsFor(pathname(), cookie());
      expect(status).toBe(200);
      // The page is the real one (not a redirect to sign in or consent), with what she came for.
      expect(body).toMatch(shows);
      // A signed-in page reads her session once, however many of its loaders ask (app/lib/request-scope.server.ts).
      if (cookie()) expect(statements.filter((s) => s.includes('from "sessions"')).length).toBe(1);
      expect(statements.length, statements.join('\n---\n')).toBeLessThanOrEqual(limit);
    });
  }
});

describe('the page as sent (issue 21: one buffer, no NUL bytes)', () => {
  it('sends a Vietnamese page whole, with its length, and without a NUL byte', async () => {
    const response = await fetch(`${origin}/market/${listingId}`, {
      headers: { cookie: buyer.cookie, 'accept-encoding': 'identity' },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
    expect(bytes.includes(0)).toBe(false);
    expect(bytes.toString('utf8')).toContain('</body>');
  });
});
