import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { messagesUrl } from '../app/lib/i18n.server';
import { messages } from '../app/locales';
import { seedAccounts } from '../db/seeds/accounts';
import { seedLearning } from '../db/seeds/learning';
import { seedMarket } from '../db/seeds/market';
import { startAppServer } from './support/app-server';
import { createTestUser } from './support/fixtures';

// Pages carry only the address of the reader's messages; the catalogue itself
// is a separate script the browser caches for good (app/routes/i18n.$file.ts).

let server: Awaited<ReturnType<typeof startAppServer>>;

beforeAll(async () => {
  server = await startAppServer();
  await seedAccounts(db);
  await seedMarket(db);
  await seedLearning(db);
});
afterAll(() => server?.close());

const otherCapability = messages.vi['orders.cart.empty']; // shown on the cart page only
const otherCapabilityEn = messages.en['orders.cart.empty'];

async function html(pathname: string, cookie?: string) {
  const response = await server.fetch(pathname, { cookie });
  expect(response.status).toBe(200);
  return response.text();
}

describe('page weight', () => {
  it('the home page and the market search carry no catalogue, and still read fully; a scripted page carries only its address', async () => {
    const home = await html('/');
    expect(home).not.toContain(otherCapability);
    expect(home).not.toContain('safety.scam.deposit.example');
    // Deferred: the catalogue never holds up the first paint (issue 22); light pages do not load it at all.
    const scripted = await html('/cart');
    expect(scripted).toContain(`<script id="sen-messages" src="${messagesUrl('vi')}" defer="">`);
    expect(scripted).not.toContain(messages.vi['home.title']);
    expect(home).toContain(messages.vi['home.title']);
    expect(home).toContain(`<title>${messages.vi['home.metaTitle']} · Sen</title>`);
    expect(home.length).toBeLessThan(20_000);

    const market = await html('/market?q=ao+dai');
    expect(market).not.toContain(otherCapability);
    expect(market).toContain(messages.vi['nav.market']);
    expect(market.length).toBeLessThan(40_000);
  });

  it('English pages render in English and point at the English catalogue', async () => {
    const switched = await server.fetch('/language', { method: 'POST', form: { locale: 'en', redirectTo: '/' } });
    expect([302, 303]).toContain(switched.status);
    const cookie = switched.headers.get('set-cookie')!.split(';')[0];
    const home = await html('/', cookie);
    expect(home).toContain('<html lang="en">');
    expect(home).toContain(messages.en['home.title']);
    expect(home).toContain(`<title>${messages.en['home.metaTitle']} · Sen</title>`);
    expect(await html('/cart', cookie)).toContain(`src="${messagesUrl('en')}"`);
    expect(home).not.toContain(otherCapabilityEn);
  });

  it('serves each catalogue as an immutable script at its content-hashed address', async () => {
    for (const locale of ['vi', 'en'] as const) {
      const response = await server.fetch(messagesUrl(locale));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/javascript/);
      expect(response.headers.get('cache-control')).toContain('immutable');
      const sandbox: { self: Record<string, unknown> } = { self: {} };
      new Function('self', await response.text())(sandbox.self);
      expect((sandbox.self.__senMessages as Record<string, unknown>)[locale]).toEqual(messages[locale]);
    }
    expect(messagesUrl('vi')).not.toBe(messagesUrl('en'));
  });

  it("an outdated address gets today's messages, not cached; anything else is not found", async () => {
    const old = await server.fetch('/i18n/vi.000000000000.js');
    expect(old.status).toBe(200);
    expect(old.headers.get('cache-control')).toBe('no-cache');
    expect(await old.text()).toContain(otherCapability);
    for (const bad of ['/i18n/xx.000000000000.js', '/i18n/vi.js', '/i18n/vi.3df71ee78864.json']) {
      expect((await server.fetch(bad)).status).toBe(404);
    }
  });

  it('the browser bundle does not carry the catalogue', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        return statSync(full).isDirectory() ? files(full) : full.endsWith('.js') ? [full] : [];
      });
    const offenders = files('public/build').filter((file) => readFileSync(file, 'utf8').includes(otherCapability));
    expect(offenders).toEqual([]);
  });
});

// Issue 16: pages that read or post plain forms are sent without the client scripts
// (app/lib/page-scripts.ts) and stay within 25 KB of HTML and CSS, gzipped, before images.
describe('light pages', () => {
  const budget = 25 * 1024;

  async function lightPaths() {
    const market = await html('/market');
    const listing = market.match(/href="(\/market\/[0-9a-f-]{36})"/)![1];
    const store = (await html(listing)).match(/href="(\/s\/[^"]+)"/)![1];
    const mentor = (await html('/mentors')).match(/href="(\/mentors\/[^"]+)"/)?.[1];
    const course = (await html('/learn')).match(
      /<h2><a[^>]* href="(\/learn\/(?!game|safe-seller|progress)[^"/]+)"/,
    )![1];
    const lesson = (await html(course)).match(new RegExp(`href="(${course}/(?!quiz/)[^"]+)"`))![1];
    return [
      '/',
      '/market',
      '/market?q=ao+dai',
      listing,
      store,
      '/mentors',
      ...(mentor ? [mentor] : []),
      '/learn',
      course,
      lesson,
      '/learn/safe-seller',
      '/safety',
      '/about',
      '/terms',
      '/privacy',
    ];
  }

  async function weigh(page: string) {
    const styles = [...page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
    let bytes = gzipSync(page).length;
    for (const href of styles) bytes += gzipSync(Buffer.from(await (await server.fetch(href)).arrayBuffer())).length;
    return { bytes, styles };
  }

  // The one inline page script (quick exit, offline support) is allowed, and weighed with the page.
  function scriptsOf(page: string) {
    return [...page.matchAll(/<script\b[^>]*>/g)]
      .map((m) => m[0])
      .filter((tag) => !/^<script id="sen-page" nonce="[^"]+">$/.test(tag))
      .concat([...page.matchAll(/<link[^>]+rel="modulepreload"[^>]*>/g)].map((m) => m[0]));
  }

  it('ship no script and stay within the budget, signed out and signed in', async () => {
    const paths = await lightPaths();
    const person = await createTestUser({ roles: ['entrepreneur'] });
    for (const cookie of [undefined, person.cookie]) {
      // The account forms: the sign-in ones signed out, her account signed in.
      for (const pathname of [...paths, ...(cookie ? ['/account'] : ['/login', '/signup', '/forgot-password'])]) {
        const page = await html(pathname, cookie);
        expect(scriptsOf(page), pathname).toEqual([]);
        expect(page, pathname).not.toContain('__remixContext');
        const { bytes, styles } = await weigh(page);
        expect(styles.length, pathname).toBeGreaterThan(0);
        expect(bytes, `${pathname}: ${bytes} bytes of HTML and CSS, gzipped`).toBeLessThanOrEqual(budget);
      }
    }
  });

  it('pages that gain from scripts still load them', async () => {
    const person = await createTestUser({ roles: ['entrepreneur'] });
    for (const pathname of ['/messages', '/dashboard/listings', '/cart']) {
      const page = await html(pathname, person.cookie);
      expect(page, pathname).toContain('__remixContext');
      expect(page, pathname).toMatch(/rel="modulepreload"/);
    }
  });
});

// Issue 16: images sized for phones; "Save data" (the browser's header or her switch) gets thumbnails, lazily.
describe('images', () => {
  it('a listing offers the sizes already made, WebP with width and height; Save data sends the thumbnail, lazily', async () => {
    const market = await html('/market');
    const listing = market.match(/href="(\/market\/[0-9a-f-]{36})"/)![1];
    const page = await html(listing);
    const img = page.match(/<img [^>]*srcSet="[^"]*"[^>]*>|<img [^>]*srcset="[^"]*"[^>]*>/)![0];
    expect(img).toMatch(/srcset="[^"]+\.thumb\.webp 320w, [^"]+\.small\.webp 640w"/i);
    expect(img).toMatch(/sizes="/);
    expect(img).toMatch(/width="\d+"/);
    expect(img).toMatch(/height="\d+"/);

    const saving = await server.fetch(listing, { headers: { 'Save-Data': 'on' } });
    const small = await saving.text();
    expect(small).not.toMatch(/srcset=/i);
    const images = [...small.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
    expect(images.filter((tag) => tag.includes('.small.webp'))).toEqual([]);
    expect(small).toMatch(/<img [^>]*src="[^"]+\.thumb\.webp"[^>]*loading="lazy"/);
    // The market grid: no image fetched before she scrolls.
    const grid = await (await server.fetch('/market', { headers: { 'Save-Data': 'on' } })).text();
    expect(grid).not.toContain('loading="eager"');
  });

  it('the switch on /account sets Save data for this browser', async () => {
    const on = await server.fetch('/save-data', { method: 'POST', form: { saveData: 'on', redirectTo: '/market' } });
    expect(on.status).toBe(302);
    expect(on.headers.get('location')).toBe('/market');
    const cookie = on.headers.get('set-cookie')!.split(';')[0];
    expect(await html('/market', cookie)).not.toContain('loading="eager"');
    const away = await server.fetch('/save-data', {
      method: 'POST',
      form: { saveData: 'on', redirectTo: '//evil.example' },
    });
    expect(away.headers.get('location')).toBe('/account');
  });
});
