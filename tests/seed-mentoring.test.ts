import { describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { freeSlots } from '../app/modules/mentoring/index.server';
import { seedAccounts } from '../db/seeds/accounts';
import { mentoringOffers, seedMentoring } from '../db/seeds/mentoring';
import { seedVerification } from '../db/seeds/verification';

describe('the mentoring demo seed', () => {
  it('gives the three approved mentors offers with free slots in the coming weeks, free and paid, held sessions, and runs twice', async () => {
    await seedAccounts(db);
    const ids = await seedVerification(db);
    await seedMentoring(db);
    await seedMentoring(db);
    const offers = await db.selectFrom('mentor_offers').select(['mentor_id', 'price']).execute();
    expect(offers).toHaveLength(mentoringOffers.length);
    expect(offers.some((o) => o.price > 0)).toBe(true);
    expect(offers.some((o) => o.price === 0)).toBe(true);
    for (const o of mentoringOffers) expect((await freeSlots(ids[o.email], { limit: 5 })).length).toBe(5);
    const held = await db
      .selectFrom('mentoring_sessions')
      .select(['mentee_id', 'rating'])
      .where('ends_at', '<', new Date())
      .execute();
    expect(held).toHaveLength(2);
    expect(held.find((s) => s.mentee_id === ids['seller@sen.test'])?.rating).toBeNull();
  });
});
