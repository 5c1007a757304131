import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { legalVersion } from '../app/modules/legal/content.server';
import { startAppServer } from './support/app-server';
import { createTestUser } from './support/fixtures';

let server: Awaited<ReturnType<typeof startAppServer>>;

beforeAll(async () => {
  server = await startAppServer();
});
afterAll(() => server?.close());

const consentsOf = (userId: string) =>
  db
    .selectFrom('consents')
    .select(['purpose', 'version', 'channel', 'withdrawn_at'])
    .where('user_id', '=', userId)
    .orderBy('purpose')
    .execute();

describe('consent to the texts in force', () => {
  it('asks a person who has not agreed before any page opens, and keeps the texts readable', async () => {
    const person = await createTestUser({ consent: false });
    for (const path of ['/market', '/orders', '/dashboard']) {
      const response = await server.fetch(path, { cookie: person.cookie });
      expect(response.status, path).toBe(302);
      expect(response.headers.get('location')).toBe(`/consent?redirectTo=${encodeURIComponent(path)}`);
    }
    // The data requests of a page with JavaScript are asked the same.
    expect((await server.fetch('/market.data', { cookie: person.cookie })).status).not.toBe(200);
    for (const path of ['/privacy', '/terms', '/about', '/consent']) {
      expect((await server.fetch(path, { cookie: person.cookie })).status, path).toBe(200);
    }
  });

  it('refuses an unticked box with a clear message, then records the consent with its version and channel', async () => {
    const person = await createTestUser({ consent: false });
    const unticked = await server.fetch('/consent', {
      method: 'POST',
      cookie: person.cookie,
      form: { redirectTo: '/market' },
    });
    expect(unticked.status).toBe(400);
    expect(await unticked.text()).toContain('Chị cần đánh dấu ô này để dùng Sen.');
    expect(await consentsOf(person.id)).toEqual([]);

    const agreed = await server.fetch('/consent', {
      method: 'POST',
      cookie: person.cookie,
      form: { agree: 'on', redirectTo: '/market' },
    });
    expect(agreed.status).toBe(302);
    expect(agreed.headers.get('location')).toBe('/market');
    // The optional news was not ticked: not consented.
    expect(await consentsOf(person.id)).toEqual([
      { purpose: 'terms', version: legalVersion, channel: 'web', withdrawn_at: null },
    ]);
    expect((await server.fetch('/market', { cookie: person.cookie })).status).toBe(200);
  });

  it('records the optional consent only when ticked', async () => {
    const person = await createTestUser({ consent: false });
    await server.fetch('/consent', { method: 'POST', cookie: person.cookie, form: { agree: 'on', unionNews: 'on' } });
    expect((await consentsOf(person.id)).map((c) => c.purpose)).toEqual(['terms', 'union_news']);
  });

  it('asks again when the texts change', async () => {
    const person = await createTestUser();
    expect((await server.fetch('/market', { cookie: person.cookie })).status).toBe(200);
    await db.updateTable('consents').set({ version: '2020-01-01' }).where('user_id', '=', person.id).execute();
    const response = await server.fetch('/market', { cookie: person.cookie });
    expect(response.headers.get('location')).toBe('/consent?redirectTo=%2Fmarket');
    const page = await (await server.fetch('/consent', { cookie: person.cookie })).text();
    expect(page).toContain('Tôi đã đọc và đồng ý');
  });
});
