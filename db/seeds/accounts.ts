import type { Kysely } from 'kysely';
import type { Database, GrantedRole } from '../schema';
import { hashPassword } from '../../app/modules/accounts/passwords.server';

export const demoPassword = 'sen-demo-password';

export const demoAccounts: { email: string; displayName: string; roles: GrantedRole[] }[] = [
  { email: 'buyer@sen.test', displayName: 'Nguyễn Thị Mai', roles: [] },
  { email: 'seller@sen.test', displayName: 'Lò Thị Hoa', roles: ['entrepreneur'] },
  { email: 'mentor@sen.test', displayName: 'Trần Thu Hà', roles: ['mentor'] },
  { email: 'staff@sen.test', displayName: 'Phạm Minh Thư', roles: ['staff'] },
];

/** The demo accounts, all with the demo password. Returns their ids by email. */
export async function seedAccounts(db: Kysely<Database>) {
  const passwordHash = await hashPassword(demoPassword);
  const ids: Record<string, string> = {};
  for (const account of demoAccounts) {
    const user = await db
      .insertInto('users')
      .values({ email: account.email, password_hash: passwordHash, display_name: account.displayName, updated_at: new Date() })
      .onConflict((oc) => oc.column('email').doUpdateSet({ display_name: account.displayName }))
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[account.email] = user.id;
    for (const role of account.roles) {
      await db.insertInto('user_roles').values({ user_id: user.id, role }).onConflict((oc) => oc.doNothing()).execute();
    }
  }
  return ids;
}
