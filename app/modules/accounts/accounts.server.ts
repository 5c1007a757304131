import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { GrantedRole, Locale } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { queueEmail } from '~/lib/email.server';
import { translatorFor } from '~/lib/i18n.server';
import { hashPassword, verifyPassword } from './passwords.server';
import { isSuspended } from '~/modules/moderation/suspension';
import { absoluteUrl } from '~/lib/origin.server';

export async function createUser(input: {
  email: string;
  password: string;
  displayName: string;
  locale: Locale;
  roles?: GrantedRole[];
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
      return { ok: true as const, user };
    });
  } catch (error) {
    // The unique index on email settles two sign-ups racing for one address.
    if ((error as { code?: string }).code === '23505') return { ok: false as const, reason: 'email-taken' as const };
    throw error;
  }
}

export async function grantRole(userId: string, role: GrantedRole) {
  await db.insertInto('user_roles').values({ user_id: userId, role }).onConflict((oc) => oc.doNothing()).execute();
}

export function findUserById(id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'locale', 'time_zone', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

// ---- logging in, with brute-force limits ----

export const loginLimits = { perAccount: 5, perAddress: 30, windowMinutes: 15 };

export type LoginResult =
  | { status: 'ok'; userId: string }
  | { status: 'invalid' }
  | { status: 'throttled'; retryAfterSeconds: number }
  /** The password was right, but moderation suspended the account (until: null for good). */
  | { status: 'suspended'; until: Date | null };

async function isThrottled(email: string, clientAddress: string) {
  const since = sql<Date>`now() - make_interval(mins => ${loginLimits.windowMinutes})`;
  const row = await db
    .selectFrom('login_failures')
    .select([
      sql<number>`count(*) filter (where email = ${email})`.as('for_account'),
      sql<number>`count(*) filter (where client_address = ${clientAddress})`.as('for_address'),
    ])
    .where('created_at', '>', since)
    .where((eb) => eb.or([eb('email', '=', email), eb('client_address', '=', clientAddress)]))
    .executeTakeFirstOrThrow();
  return row.for_account >= loginLimits.perAccount || row.for_address >= loginLimits.perAddress;
}

// A fixed hash to verify against when the account does not exist, so the answer
// takes as long either way and does not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;

export async function logIn(email: string, password: string, clientAddress: string): Promise<LoginResult> {
  if (await isThrottled(email, clientAddress)) {
    return { status: 'throttled', retryAfterSeconds: loginLimits.windowMinutes * 60 };
  }
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'suspended_at', 'suspended_until'])
    .where('email', '=', email)
    .executeTakeFirst();
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const valid = await verifyPassword(user?.password_hash ?? (await decoyHash), password);
  if (!user || !valid) {
    await db.insertInto('login_failures').values({ email, client_address: clientAddress }).execute();
    return { status: 'invalid' };
  }
  await db.deleteFrom('login_failures').where('email', '=', email).execute();
  // Said only after the password was right, so a wrong guess learns nothing about the account.
  if (isSuspended(user)) return { status: 'suspended', until: user.suspended_until ? new Date(user.suspended_until) : null };
  return { status: 'ok', userId: user.id };
}

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
export async function changePassword(userId: string, currentPassword: string, newPassword: string, keepSessionId: string | null) {
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

// ---- password reset ----

export const resetTokenLifetimeMinutes = 60;

function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Emails a single-use reset link when the address has an account. Says nothing
 * either way to the caller, so the form cannot be used to find accounts.
 */
export async function requestPasswordReset(email: string) {
  const user = await db.selectFrom('users').select(['id', 'locale']).where('email', '=', email).executeTakeFirst();
  if (!user) return;
  const token = randomBytes(32).toString('base64url');
  const t = translatorFor(user.locale);
  const link = absoluteUrl(`/reset-password?token=${token}`);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('password_reset_tokens')
      .values({
        token_hash: hashToken(token),
        user_id: user.id,
        expires_at: sql<Date>`now() + make_interval(mins => ${resetTokenLifetimeMinutes})`,
      })
      .execute();
    await queueEmail(
      {
        to: email,
        subject: t('accounts.resetEmail.subject'),
        body: t('accounts.resetEmail.body', { link, minutes: resetTokenLifetimeMinutes }),
      },
      trx,
    );
  });
}

export async function isResetTokenUsable(token: string) {
  const row = await db
    .selectFrom('password_reset_tokens')
    .select('user_id')
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return Boolean(row);
}

/** Uses the token once: sets the password and signs the person out everywhere. */
export async function resetPassword(token: string, newPassword: string) {
  const passwordHash = await hashPassword(newPassword);
  return db.transaction().execute(async (trx) => {
    // Marking the token used in the same statement that checks it means two
    // simultaneous submissions cannot both succeed.
    const used = await trx
      .updateTable('password_reset_tokens')
      .set({ used_at: new Date() })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .returning('user_id')
      .executeTakeFirst();
    if (!used) return null;
    await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: new Date() }).where('id', '=', used.user_id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', used.user_id).execute();
    return used.user_id;
  });
}

// ---- housekeeping (a job) ----

export async function deleteExpiredAuthRows() {
  const sessions = await db.deleteFrom('sessions').where('expires_at', '<=', sql<Date>`now()`).executeTakeFirst();
  const tokens = await db
    .deleteFrom('password_reset_tokens')
    .where((eb) => eb.or([eb('expires_at', '<=', sql<Date>`now()`), eb('used_at', 'is not', null)]))
    .executeTakeFirst();
  const failures = await db
    .deleteFrom('login_failures')
    .where('created_at', '<', sql<Date>`now() - interval '1 day'`)
    .executeTakeFirst();
  return {
    sessions: Number(sessions.numDeletedRows),
    resetTokens: Number(tokens.numDeletedRows),
    loginFailures: Number(failures.numDeletedRows),
  };
}
