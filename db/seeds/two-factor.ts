import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * The demo staff accounts' two-step login key, printed in the README so a visitor
 * can add it to an authenticator app. For the demo data only: real staff enrol
 * their own key on /account/security.
 */
export const demoStaffTotpSecret = 'SENDEMOSTAFFKEYSENDEMOSTAFFKEY23';

/** Every staff account of the demo data gets the demo key, already confirmed. */
export async function seedStaffTwoFactor(db: Kysely<Database>) {
  const staff = await db.selectFrom('user_roles').select('user_id').where('role', '=', 'staff').execute();
  for (const { user_id } of staff) {
    await db
      .insertInto('two_factor')
      .values({ user_id, secret: demoStaffTotpSecret, confirmed_at: new Date() })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
  }
}
