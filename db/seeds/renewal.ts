import type { Kysely } from 'kysely';
import type { Database } from '../schema';

const day = 24 * 3600 * 1000;

// Issue 19: demo approvals with an end date. The coconut-candy seller's approval
// lapses in 20 days, so her dashboard offers the renewal and the reminder job
// sends her the 30-day notice; the others run about a year.
export async function seedRenewal(db: Kysely<Database>) {
  const now = Date.now();
  const ends: Record<string, number> = {
    'seller@sen.test': 330,
    'gom@sen.test': 300,
    'che@sen.test': 200,
    'dua@sen.test': 20,
  };
  for (const [email, days] of Object.entries(ends)) {
    const user = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (!user) continue;
    await db
      .updateTable('business_profiles')
      .set({ verified_until: new Date(now + days * day) })
      .where('user_id', '=', user.id)
      .where('verification_status', '=', 'approved')
      .execute();
  }
}
