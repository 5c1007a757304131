import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { isProvinceCode } from '../app/lib/provinces';

// `npm run staff:create -- --email x@y --name "..." (--country | --province lao-cai [--province ...])`:
// the only way (with the demo seed and /staff/team) to make a staff account. An
// existing account is given the staff role; a new one gets a random password,
// printed once, to be changed at first login. The scope is said out loud: a
// staff member acts for the whole country or for the provinces named (issue 19).
const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    country: { type: 'boolean' },
    province: { type: 'string', multiple: true },
  },
});
const email = values.email?.trim().toLowerCase();
const provinces = (values.province ?? []).map((p) => p.trim());
const usage =
  'usage: npm run staff:create -- --email person@example.org [--name "Display name"] (--country | --province lao-cai [--province ...])';
if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || Boolean(values.country) === provinces.length > 0) {
  console.error(usage);
  process.exit(2);
}
const unknown = provinces.filter((p) => !isProvinceCode(p));
if (unknown.length) {
  console.error(`unknown province code: ${unknown.join(', ')} (see app/lib/provinces.ts)`);
  process.exit(2);
}
const scopes = values.country ? ['country'] : provinces;

const { db, closeDb } = await import('../app/lib/db.server');
const { migrateToLatest } = await import('./migrate');
const { createUser, grantRole } = await import('../app/modules/accounts/accounts.server');
try {
  await migrateToLatest(db);
  const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  let userId: string;
  if (existing) {
    await grantRole(existing.id, 'staff');
    userId = existing.id;
    console.log(`${email} is now staff.`);
  } else {
    const password = randomBytes(12).toString('base64url');
    const created = await createUser({
      email,
      password,
      displayName: values.name?.trim() || email,
      locale: 'vi',
      roles: ['staff'],
    });
    if (!created.ok) throw new Error('could not create the account');
    userId = created.user.id;
    console.log(`Created staff account ${email}. One-time password (change it at /account): ${password}`);
  }
  // The scope given replaces any earlier one.
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('staff_scopes').where('user_id', '=', userId).execute();
    await trx
      .insertInto('staff_scopes')
      .values(scopes.map((scope) => ({ user_id: userId, scope })))
      .execute();
  });
  console.log(`Scope: ${scopes.join(', ')}`);
} finally {
  await closeDb();
}
