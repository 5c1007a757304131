import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { seedAccounts } from './seeds/accounts';
import { seedLearning } from './seeds/learning';
import { seedLessonAudio } from './seeds/lesson-audio';
import { seedVerification } from './seeds/verification';
import { seedRenewal } from './seeds/renewal';
import { seedMarket } from './seeds/market';
import { seedMarketDepth } from './seeds/market-depth';
import { seedCooperatives } from './seeds/cooperatives';
import { seedMentoring } from './seeds/mentoring';
import { seedOrders } from './seeds/orders';
import { seedMessaging } from './seeds/messaging';
import { seedStaffTwoFactor } from './seeds/two-factor';
import { seedConsents } from './seeds/consents';
import { seedPayments } from './seeds/payments';
import { seedProblems } from './seeds/problems';
import { seedShipping } from './seeds/shipping';

// The demo data. Each capability adds its part in db/seeds/ and a line here;
// every part can run again on seeded data without duplicating it.
export async function seedDemo(db: Kysely<Database>) {
  await seedAccounts(db);
  await seedStaffTwoFactor(db);
  await seedVerification(db);
  await seedRenewal(db);
  await seedLearning(db);
  await seedLessonAudio(db);
  await seedMarket(db);
  await seedMarketDepth(db);
  await seedCooperatives(db);
  await seedMentoring(db);
  await seedOrders(db);
  await seedPayments(db);
  await seedProblems(db);
  await seedShipping(db);
  await seedMessaging(db);
  await seedConsents(db);
}

/** First start of the embedded engine: demo data, but only into an empty database. */
export async function seedDemoIfEmpty(db: Kysely<Database>) {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  await seedDemo(db);
  return true;
}

const isMain = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (isMain) {
  const { db, closeDb } = await import('../app/lib/db.server');
  const { migrateToLatest } = await import('./migrate');
  const { log } = await import('../app/lib/log.server');
  try {
    await migrateToLatest(db);
    await seedDemo(db);
    log.info('seeded demo data');
  } finally {
    await closeDb();
  }
}
