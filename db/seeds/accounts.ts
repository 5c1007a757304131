import type { Kysely } from 'kysely';
import type { Database, GrantedRole } from '../schema';
import { hashPassword } from '../../app/modules/accounts/passwords.server';

export const demoPassword = 'sen-demo-password';

/** scopes: a staff member's 'country' or province codes (issue 19). */
export const demoAccounts: {
  email: string;
  displayName: string;
  roles: GrantedRole[];
  phone?: string;
  scopes?: string[];
}[] = [
  { email: 'buyer@sen.test', displayName: 'Nguyễn Thị Mai', roles: [], phone: '+84900000002' },
  { email: 'seller@sen.test', displayName: 'Lò Thị Hoa', roles: ['entrepreneur'], phone: '+84900000003' },
  { email: 'mentor@sen.test', displayName: 'Trần Thu Hà', roles: ['mentor'], phone: '+84900000004' },
  {
    email: 'staff@sen.test',
    displayName: 'Phạm Minh Thư',
    roles: ['staff'],
    phone: '+84900000005',
    scopes: ['country'],
  },
  { email: 'staff-lao-cai@sen.test', displayName: 'Giàng Thị Dợ', roles: ['staff'], scopes: ['lao-cai'] },
];

/** A demo account with a phone number and no email (issue 14): 0900000001, whose SMS codes appear in the log. */
export const demoPhoneAccount = { phone: '+84900000001', displayName: 'Vàng Thị Sua' };

/** The demo accounts, all with the demo password. Returns their ids by email. */
export async function seedAccounts(db: Kysely<Database>) {
  const passwordHash = await hashPassword(demoPassword);
  const ids: Record<string, string> = {};
  for (const account of demoAccounts) {
    const user = await db
      .insertInto('users')
      .values({
        email: account.email,
        phone: account.phone ?? null,
        phone_confirmed_at: account.phone ? new Date() : null,
        password_hash: passwordHash,
        display_name: account.displayName,
        updated_at: new Date(),
      })
      .onConflict((oc) =>
        oc.column('email').doUpdateSet({ display_name: account.displayName, phone: account.phone ?? null }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[account.email] = user.id;
    for (const role of account.roles) {
      await db
        .insertInto('user_roles')
        .values({ user_id: user.id, role })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    for (const scope of account.scopes ?? []) {
      await db
        .insertInto('staff_scopes')
        .values({ user_id: user.id, scope })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
  await db
    .insertInto('users')
    .values({
      email: null,
      phone: demoPhoneAccount.phone,
      phone_confirmed_at: new Date(),
      password_hash: passwordHash,
      display_name: demoPhoneAccount.displayName,
      updated_at: new Date(),
    })
    .onConflict((oc) => oc.column('phone').doUpdateSet({ display_name: demoPhoneAccount.displayName }))
    .execute();
  return ids;
}
