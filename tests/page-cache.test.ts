import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageCacheSeconds } from '../app/server/app';
import { createListing, createSeller } from './support/factories';
import { createTestUser } from './support/fixtures';
import { startAppServer } from './support/app-server';

// The shared page cache, through the real HTTP stack: what an anonymous visitor
// may share with the next one, and what nobody may.

let server: Awaited<ReturnType<typeof startAppServer>>;
let seller: Awaited<ReturnType<typeof createTestUser>>;
let listingId: string;

beforeAll(async () => {
  // Long enough that nothing expires during the test: only a write may clear it.
  server = await startAppServer({ pageCacheSeconds: 60 });
  seller = await createSeller({
    displayName: 'Chị Bán Hàng',
    business: { slug: 'cua-hang-cache', business_name: 'Cửa hàng Lụa', owner_name: 'Chị Bán Hàng', province: 'ha-noi' },
  });
  const row = await createListing(seller.id, {
    title: 'Khăn lụa tơ tằm',
    price: 250000,
    stock: 3,
    category: 'fashion',
  });
  listingId = row.id;
});
afterAll(() => server?.close());

const cacheState = (response: Response) => response.headers.get('x-page-cache');

describe('the shared page cache', () => {
  it('serves an anonymous visitor the page the previous one got, gzipped', async () => {
    const first = await server.fetch(`/market/${listingId}`);
    const second = await server.fetch(`/market/${listingId}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(first.status).toBe(200);
    expect(cacheState(first)).toBe('miss');
    expect(cacheState(second)).toBe('hit');
    expect(second.headers.get('content-encoding')).toBe('gzip');
    // Each answer keeps its own request id.
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(await second.text()).toBe(await first.text());
  });

  it('keeps one copy per language', async () => {
    await server.fetch('/market');
    const vi = await server.fetch('/market');
    const language = await server.fetch('/language', { method: 'POST', form: { locale: 'en', redirectTo: '/market' } });
    const langCookie = language.headers
      .getSetCookie()
      .find((c) => c.startsWith('sen_lang='))!
      .split(';')[0];
    const en = await server.fetch('/market', { cookie: langCookie });
    const enAgain = await server.fetch('/market', { cookie: langCookie });
    expect(await vi.text()).toContain('lang="vi"');
    expect(await en.text()).toContain('lang="en"');
    expect(cacheState(enAgain)).toBe('hit');
  });

  it('never shares the page of a signed-in person or of a guest with a cart', async () => {
    const buyer = await createTestUser({ displayName: 'Người Mua Riêng' });
    await server.fetch(`/market/${listingId}`);
    const signedIn = await server.fetch(`/market/${listingId}`, { cookie: buyer.cookie });
    expect(cacheState(signedIn)).toBeNull();
    expect(await signedIn.text()).toContain('Người Mua Riêng');
    const anonymous = await server.fetch(`/market/${listingId}`);
    expect(await anonymous.text()).not.toContain('Người Mua Riêng');

    const withCart = await server.fetch(`/market/${listingId}`, { cookie: 'sen_cart=anything' });
    expect(cacheState(withCart)).toBeNull();
  });

  it('shows a change made through a form on the next anonymous view', async () => {
    const before = await server.fetch(`/market/${listingId}`);
    expect(await before.text()).toContain('250.000');
    const edited = await server.fetch('/dashboard/listings', {
      method: 'POST',
      cookie: seller.cookie,
      form: { intent: 'quick', id: listingId, price: '199000', stock: '3' },
    });
    expect(edited.status).toBeLessThan(400);
    const after = await server.fetch(`/market/${listingId}`);
    expect(cacheState(after)).toBe('miss');
    const html = await after.text();
    expect(html).toContain('199.000');
    expect(html).not.toContain('250.000');
  });

  it('does not keep pages that are not found', async () => {
    const missing = '/market/00000000-0000-4000-8000-000000000000';
    expect((await server.fetch(missing)).status).toBe(404);
    const again = await server.fetch(missing);
    expect(again.status).toBe(404);
    expect(cacheState(again)).not.toBe('hit');
  });

  it('answers a crowd of visitors arriving together with one page, then keeps it', async () => {
    const path = '/s/cua-hang-cache';
    const answers = await Promise.all(Array.from({ length: 12 }, () => server.fetch(path)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const bodies = new Set(await Promise.all(answers.map((a) => a.text())));
    expect(bodies.size).toBe(1);
    expect(cacheState(await server.fetch(path))).toBe('hit');
  });

  it('reads PAGE_CACHE_SECONDS, refusing nonsense', () => {
    expect(pageCacheSeconds(undefined)).toBe(3);
    expect(pageCacheSeconds('0')).toBe(0);
    expect(pageCacheSeconds('10')).toBe(10);
    expect(() => pageCacheSeconds('soon')).toThrow(/PAGE_CACHE_SECONDS/);
  });
});
