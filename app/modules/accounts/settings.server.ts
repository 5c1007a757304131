import type { Locale } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { hashPassword, verifyPassword } from './passwords.server';

// ---- account settings ----

export async function updateProfile(userId: string, input: { displayName: string; locale: Locale; timeZone: string }) {
  await db
    .updateTable('users')
    .set({ display_name: input.displayName, locale: input.locale, time_zone: input.timeZone, updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
}

export async function setLocale(userId: string, locale: Locale) {
  await db.updateTable('users').set({ locale, updated_at: new Date() }).where('id', '=', userId).execute();
}

/**
 * Sets a new password when the current one is right, and ends every other
 * session of the account in the same transaction: whoever knew the old password
 * (or stole a cookie) is signed out. The session making the change is kept.
 */
export async function changePassword(
  userId: string,
  currentPassword: string,
  newPassword: string,
  keepSessionId: string | null,
) {
  const user = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, currentPassword))) return false;
  const passwordHash = await hashPassword(newPassword);
  return db.transaction().execute(async (trx) => {
    // The hash we verified is the expected state: a concurrent change or reset wins, this one is refused.
    const updated = await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: new Date() })
      .where('id', '=', userId)
      .where('password_hash', '=', user.password_hash)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    let others = trx.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepSessionId) others = others.where('id', '!=', keepSessionId);
    await others.execute();
    return true;
  });
}

/** Re-asks her password before an act that cannot wait for a new login (two-step settings, deletion). */
export async function passwordMatches(userId: string, password: string) {
  const user = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return Boolean(user && (await verifyPassword(user.password_hash, password)));
}
