import type { ConsentPurpose, GrantedRole, Locale } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { hashPassword } from './passwords.server';
import { recordConsents } from '~/modules/legal/consents.server';

// Accounts: creating one and finding it here; signing up, logging in, settings,
// password reset and housekeeping in the files named below (routes import from here).

export { confirmSignup, pendingSignupEmail, requestSignup, signupLimits } from './email-signup.server';
export type { ConfirmedSignup, SignupRequestResult } from './email-signup.server';
export { logIn, loginLimits, type LoginResult } from './login.server';
export { changePassword, passwordMatches, setLocale, updateProfile } from './settings.server';
export {
  isResetTokenUsable,
  requestPasswordReset,
  resetLimits,
  resetPassword,
  resetTokenLifetimeMinutes,
  setPasswordAndSignOut,
  type ResetRequestResult,
} from './password-reset.server';
export { hashToken } from './tokens.server';
export { deleteExpiredAuthRows } from './auth-housekeeping.server';

export async function createUser(input: {
  email: string;
  password: string;
  displayName: string;
  locale: Locale;
  roles?: GrantedRole[];
  /** What she agreed to on the sign-up form, recorded with the account. */
  consents?: ConsentPurpose[];
}) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx) => {
      const user = await trx
        .insertInto('users')
        .values({
          email: input.email,
          password_hash: passwordHash,
          display_name: input.displayName,
          locale: input.locale,
          updated_at: new Date(),
        })
        .returning(['id', 'email'])
        .executeTakeFirstOrThrow();
      if (input.roles?.length) {
        await trx
          .insertInto('user_roles')
          .values(input.roles.map((role) => ({ user_id: user.id, role })))
          .execute();
      }
      await recordConsents(trx, user.id, input.consents ?? []);
      return { ok: true as const, user };
    });
  } catch (error) {
    // The unique index on email settles two sign-ups racing for one address.
    if ((error as { code?: string }).code === '23505') return { ok: false as const, reason: 'email-taken' as const };
    throw error;
  }
}

export async function grantRole(userId: string, role: GrantedRole) {
  await db
    .insertInto('user_roles')
    .values({ user_id: userId, role })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function findUserById(id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'phone', 'display_name', 'locale', 'time_zone', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}
