import { defined } from '../app/lib/defined';
import { describe, expect, it } from 'vitest';
import { countryScope } from '../app/lib/auth.server';
import { db } from '../app/lib/db.server';
import { getStorage } from '../app/lib/storage.server';
import { seedAccounts } from '../db/seeds/accounts';
import { mentorSeeds, seedVerification, verifiedSellerSeeds, waitingSellerSeeds } from '../db/seeds/verification';
import { isApprovedMentor, listQueue } from '../app/modules/verification';
import { loader as storefrontLoader } from '../app/routes/s.$slug';
import { call, getRequest, payload } from './support/fixtures';

describe('the verification demo seed', () => {
  it('verifies seller@sen.test with a storefront, queues submissions, approves mentors, and runs twice without duplicates', async () => {
    await seedAccounts(db);
    const first = await seedVerification(db);
    const again = await seedVerification(db);
    expect(again).toEqual(first);

    const store = payload(await call(storefrontLoader, getRequest('/s/det-tho-cam-hoa'), { slug: 'det-tho-cam-hoa' }));
    expect(store).toMatchObject({ businessName: 'Dệt thổ cẩm Hoa', status: 'approved' });
    expect(store.verifiedAt).toBeInstanceOf(Date);
    expect(store.logoUrl).toMatch(/^\/files\/public\/seed\//);
    expect(await getStorage().get(defined(store.logoUrl, 'store.logoUrl').replace('/files/', ''))).not.toBeNull();

    const approved = await db
      .selectFrom('business_profiles')
      .select('province')
      .where('verification_status', '=', 'approved')
      .execute();
    expect(approved).toHaveLength(verifiedSellerSeeds.length);
    expect(new Set(approved.map((r) => r.province)).size).toBe(verifiedSellerSeeds.length);

    const queue = await listQueue(countryScope);
    expect(queue.map((q) => q.user_id)).toEqual(waitingSellerSeeds.map((s) => first[s.email]));

    for (const m of mentorSeeds) expect(await isApprovedMentor(first[m.email])).toBe(true);
  });
});
