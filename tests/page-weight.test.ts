import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesUrl } from '../app/lib/i18n.server';
import { messages } from '../app/locales';
import { startAppServer } from './support/app-server';

// Pages carry only the address of the reader's messages; the catalogue itself
// is a separate script the browser caches for good (app/routes/i18n.$file.ts).

let server: Awaited<ReturnType<typeof startAppServer>>;

beforeAll(async () => {
  server = await startAppServer();
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
  it('the home page and the market search carry no catalogue, only its address, and still read fully', async () => {
    const home = await html('/');
    expect(home).not.toContain(otherCapability);
    expect(home).not.toContain('safety.scam.deposit.example');
    // Deferred: the catalogue never holds up the first paint (issue 22).
    expect(home).toContain(`<script id="sen-messages" src="${messagesUrl('vi')}" defer="">`);
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
    expect(home).toContain(`src="${messagesUrl('en')}"`);
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

  it('an outdated address gets today\'s messages, not cached; anything else is not found', async () => {
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
