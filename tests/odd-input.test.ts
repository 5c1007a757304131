import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../app/modules/market/search.server';
import { startAppServer } from './support/app-server';
import { createTestUser } from './support/fixtures';
import { mentoringFixture } from './support/mentoring';

// Input a person can type into the address bar or a form, however odd: a clear
// answer (404, 400), never a 500. Issue 12, point 11.

let server: Awaited<ReturnType<typeof startAppServer>>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  server = await startAppServer();
  for (const role of ['entrepreneur', 'mentor', 'staff'] as const)
    cookies[role] = (await createTestUser({ roles: [role] })).cookie;
  cookies.buyer = (await createTestUser()).cookie;
});
afterAll(() => server?.close());

const oddIds = ['not-a-uuid', '-'.repeat(36), 'ffffffff-ffff-ffff-ffff-fffffffffffg', '%00', '12345', 'a'.repeat(36)];
const idRoutes = [
  '/market/:id',
  '/orders/:id',
  '/dashboard/orders/:id',
  '/dashboard/listings/:id',
  '/messages/:id',
  '/sessions/:id',
  '/sessions/:id/ics',
  '/mentors/:id',
  '/staff/documents/:id',
  '/staff/reports/:id',
  '/staff/verifications/:id',
];

describe('odd ids in the address', () => {
  for (const route of idRoutes) {
    it(`${route} answers a malformed id with 404 for everyone allowed there`, async () => {
      for (const id of oddIds) {
        for (const [who, cookie] of Object.entries(cookies)) {
          const response = await server.fetch(route.replace(':id', encodeURIComponent(id)), { cookie });
          expect(response.status, `${route} ${id} as ${who}`).toBeLessThan(500);
          if (response.status < 300) throw new Error(`${route} ${id} as ${who} answered ${response.status}`);
        }
      }
    });
  }
});

describe('odd form fields', () => {
  it('an intent named after a property every object has is refused, not a 500', async () => {
    const mentor = await createTestUser({ roles: ['mentor'] });
    const mentee = await createTestUser({ roles: ['entrepreneur'] });
    const { sessionId } = await mentoringFixture({ mentor, entrepreneur: mentee });
    cookies.entrepreneur = mentee.cookie;
    for (const intent of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      for (const path of [`/sessions/${sessionId}`, '/account', '/dashboard', '/cart']) {
        const response = await server.fetch(path, { method: 'POST', cookie: cookies.entrepreneur, form: { intent } });
        expect(response.status, `${path} intent=${intent}`).toBeLessThan(500);
      }
    }
  });

  it('a notice named after a property every object has shows nothing', async () => {
    for (const notice of ['notice.constructor', 'constructor', '__proto__', 'notice.__proto__']) {
      const response = await server.fetch(`/market?notice=${notice}`);
      expect(response.status).toBe(200);
    }
  });
});

describe('odd market cursors', () => {
  const id = '00000000-0000-4000-8000-000000000000';
  const cursors = [
    encodeCursor({ v: 1.5, id }),
    encodeCursor({ v: 1e300, id }),
    encodeCursor({ v: -1e300, id }),
    encodeCursor({ v: '2026-13-45 10:00:00', id }),
    encodeCursor({ v: '2026-02-30T10:00:00Z', id }),
    encodeCursor({ v: '2026-01-01T25:61:00Z', id }),
    'not base64 at all!!',
    Buffer.from('{"a":1}').toString('base64url'),
  ];
  it('are ignored or refused on every sort, never a 500', async () => {
    for (const sort of ['newest', 'price_asc', 'price_desc', 'relevance']) {
      for (const after of cursors) {
        const response = await server.fetch(`/market?q=non&sort=${sort}&after=${encodeURIComponent(after)}`);
        expect(response.status, `${sort} ${after}`).toBeLessThan(500);
      }
    }
  });
});
