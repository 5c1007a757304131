import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffScopeOf } from '../app/lib/auth.server';
import { db } from '../app/lib/db.server';
import { releaseItem, takeItem } from '../app/modules/verification/assignments.server';
import { startAppServer } from './support/app-server';
import { createTestUser } from './support/fixtures';

// Issue 19: taking a verification from the queue, releasing it, giving it to a
// colleague within scope; two officers taking the same one at once: one wins.

let server: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  server = await startAppServer();
});
afterAll(() => server?.close());

async function waitingWoman(province: string) {
  const person = await createTestUser({ roles: ['entrepreneur'] });
  await db
    .insertInto('business_profiles')
    .values({
      user_id: person.id,
      slug: `a-${person.id.slice(0, 8)}`,
      business_name: 'Mật ong bạc hà',
      owner_name: 'Chị Sùng',
      province,
      verification_status: 'submitted',
      submitted_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
  return person.id;
}

describe('taking queue items (issue 19)', () => {
  it('lets one of two officers taking the same item at once win, the database deciding', async () => {
    for (let round = 0; round < 5; round += 1) {
      const itemId = await waitingWoman('lao-cai');
      const [a, b] = await Promise.all([
        createTestUser({ roles: ['staff'], provinces: ['lao-cai'] }),
        createTestUser({ roles: ['staff'] }),
      ]);
      const [scopeA, scopeB] = await Promise.all([staffScopeOf(a.id), staffScopeOf(b.id)]);
      const results = await Promise.all([
        takeItem({ staffId: a.id, scope: scopeA, kind: 'verification', itemId }),
        takeItem({ staffId: b.id, scope: scopeB, kind: 'verification', itemId }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toEqual({ ok: false, problem: 'taken' });
      const rows = await db
        .selectFrom('review_assignments')
        .select('assigned_to')
        .where('item_id', '=', itemId)
        .execute();
      expect(rows).toHaveLength(1);
    }
  });

  it('shows colleagues who holds it; only she releases it; out of scope is not found; a colleague out of scope cannot be given it', async () => {
    const itemId = await waitingWoman('lao-cai');
    const mai = await createTestUser({ roles: ['staff'], provinces: ['lao-cai'], displayName: 'Cán bộ Mai' });
    const lan = await createTestUser({ roles: ['staff'], provinces: ['lao-cai'] });
    const haNoi = await createTestUser({ roles: ['staff'], provinces: ['ha-noi'] });
    const take = await server.fetch(`/staff/verifications/${itemId}`, {
      method: 'POST',
      cookie: mai.cookie,
      form: { intent: 'take' },
    });
    expect(take.status).toBe(302);
    const seen = await (await server.fetch(`/staff/verifications/${itemId}`, { cookie: lan.cookie })).text();
    expect(seen).toContain('Đang do Cán bộ Mai xử lý.');
    expect(await (await server.fetch('/staff/verifications', { cookie: lan.cookie })).text()).toContain('Cán bộ Mai');
    const again = await server.fetch(`/staff/verifications/${itemId}`, {
      method: 'POST',
      cookie: lan.cookie,
      form: { intent: 'take' },
    });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('vừa được một cán bộ khác nhận');
    expect(await releaseItem({ staffId: lan.id, kind: 'verification', itemId })).toBe(false);
    const outside = await server.fetch(`/staff/verifications/${itemId}`, {
      method: 'POST',
      cookie: haNoi.cookie,
      form: { intent: 'take' },
    });
    expect(outside.status).toBe(404);
    expect(await releaseItem({ staffId: mai.id, kind: 'verification', itemId })).toBe(true);
    const scope = await staffScopeOf(mai.id);
    expect(await takeItem({ staffId: mai.id, scope, kind: 'verification', itemId, to: haNoi.id })).toEqual({
      ok: false,
      problem: 'colleague',
    });
    expect(await takeItem({ staffId: mai.id, scope, kind: 'verification', itemId, to: lan.id })).toEqual({ ok: true });
  });
});
