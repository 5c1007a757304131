import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

// `npm run staff:create -- --email x@y --name "..."`: the only way (with the demo
// seed) to make a staff account. An existing account is given the staff role; a
// new one gets a random password, printed once, to be changed at first login.
const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
const email = values.email?.trim().toLowerCase();
if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
  console.error('usage: npm run staff:create -- --email person@example.org [--name "Display name"]');
  process.exit(2);
}

const { db, closeDb } = await import('../app/lib/db.server');
const { migrateToLatest } = await import('./migrate');
const { createUser, grantRole } = await import('../app/modules/accounts/accounts.server');
try {
  await migrateToLatest(db);
  const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) {
    await grantRole(existing.id, 'staff');
    console.log(`${email} is now staff.`);
  } else {
    const password = randomBytes(12).toString('base64url');
    const created = await createUser({ email, password, displayName: values.name?.trim() || email, locale: 'vi', roles: ['staff'] });
    if (!created.ok) throw new Error('could not create the account');
    console.log(`Created staff account ${email}. One-time password (change it at /account): ${password}`);
  }
} finally {
  await closeDb();
}
