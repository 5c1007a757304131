import { createHash, randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { ConsentPurpose, Database, GrantedRole, Locale } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { queueEmail } from '~/lib/email.server';
import { translatorFor } from '~/lib/i18n.server';
import { hashPassword, verifyPassword } from './passwords.server';
import { isSuspended } from '~/modules/moderation/suspension';
import { legalVersion, recordConsents } from '~/modules/legal/consents.server';
import { absoluteUrl } from '~/lib/origin.server';

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

// ---- signing up: the account exists once the emailed link is opened ----

/** Sign-ups per client address per window; a link works for `linkMinutes`. */
// SIGNUPS_PER_ADDRESS: sign-ups one client address may start in an hour (5). A
// Union office where many women sign up on one connection, or the e2e suite
// (every browser on 127.0.0.1), sets more.
export const signupLimits = {
  perAddress: Number(process.env.SIGNUPS_PER_ADDRESS) || 5,
  windowMinutes: 60,
  linkMinutes: 60,
};

export type SignupRequestResult = { status: 'sent' } | { status: 'throttled'; retryAfterSeconds: number };

/**
 * Records a sign-up and emails its confirmation link. For an email that already
 * has an account the owner gets "someone tried to sign up with your address"
 * instead, and the caller gets the same answer after the same work (the password
 * is hashed and a row written either way), so the form does not reveal which
 * emails have accounts.
 */
export async function requestSignup(
  input: {
    email: string;
    password: string;
    displayName: string;
    locale: Locale;
    wantsToSell: boolean;
    redirectTo: string | null;
    consents: ConsentPurpose[];
  },
  clientAddress: string,
): Promise<SignupRequestResult> {
  const passwordHash = await hashPassword(input.password);
  const token = randomBytes(32).toString('base64url');
  return db.transaction().execute(async (trx): Promise<SignupRequestResult> => {
    await lockKey(trx, `signup-address:${clientAddress}`);
    const recent = await trx
      .selectFrom('signup_requests')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('client_address', '=', clientAddress)
      .where('created_at', '>', sql<Date>`now() - make_interval(mins => ${signupLimits.windowMinutes})`)
      .executeTakeFirstOrThrow();
    if (recent.n >= signupLimits.perAddress)
      return { status: 'throttled', retryAfterSeconds: signupLimits.windowMinutes * 60 };
    const owner = await trx
      .selectFrom('users')
      .select(['display_name', 'locale'])
      .where('email', '=', input.email)
      .executeTakeFirst();
    await trx
      .insertInto('signup_requests')
      .values({
        token_hash: hashToken(token),
        email: input.email,
        password_hash: passwordHash,
        display_name: input.displayName,
        locale: input.locale,
        wants_to_sell: input.wantsToSell,
        redirect_to: input.redirectTo,
        consents: input.consents,
        consent_version: legalVersion,
        client_address: clientAddress,
        expires_at: sql<Date>`now() + make_interval(mins => ${signupLimits.linkMinutes})`,
      })
      .execute();
    if (owner) {
      // The token is never sent: this row only counts towards the limit.
      const t = translatorFor(owner.locale);
      const body = t('accounts.takenEmail.body', {
        name: owner.display_name,
        login: absoluteUrl('/login'),
        reset: absoluteUrl('/forgot-password'),
      });
      await queueEmail({ to: input.email, subject: t('accounts.takenEmail.subject'), body }, trx);
    } else {
      const t = translatorFor(input.locale);
      const link = absoluteUrl(`/signup/confirm?token=${token}`);
      const body = t('accounts.confirmEmail.body', {
        name: input.displayName,
        link,
        minutes: signupLimits.linkMinutes,
      });
      await queueEmail({ to: input.email, subject: t('accounts.confirmEmail.subject'), body }, trx);
    }
    return { status: 'sent' };
  });
}

/** The email a still-usable sign-up link is for, or null. */
export async function pendingSignupEmail(token: string) {
  const row = await db
    .selectFrom('signup_requests')
    .select('email')
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row?.email ?? null;
}

export type ConfirmedSignup = { userId: string; locale: Locale; wantsToSell: boolean; redirectTo: string | null };

/**
 * Uses a sign-up link once and creates the account. Null when the link is
 * unknown, used or expired, or the email got an account meanwhile.
 */
export async function confirmSignup(token: string): Promise<ConfirmedSignup | null> {
  return db.transaction().execute(async (trx) => {
    // Marked used in the statement that checks it: two clicks cannot both create.
    const request = await trx
      .updateTable('signup_requests')
      .set({ used_at: new Date() })
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .returning([
        'email',
        'password_hash',
        'display_name',
        'locale',
        'wants_to_sell',
        'redirect_to',
        'consents',
        'consent_version',
      ])
      .executeTakeFirst();
    if (!request) return null;
    // Two pending sign-ups for one email: the unique index lets the first link win.
    const user = await trx
      .insertInto('users')
      .values({
        email: request.email,
        password_hash: request.password_hash,
        display_name: request.display_name,
        locale: request.locale,
        updated_at: new Date(),
      })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!user) return null;
    // What she ticked on the form, with the version of the texts she was shown then.
    await recordConsents(trx, user.id, request.consents, 'web', request.consent_version ?? legalVersion);
    return {
      userId: user.id,
      locale: request.locale,
      wantsToSell: request.wants_to_sell,
      redirectTo: request.redirect_to,
    };
  });
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

/** `email` is an email or, for an account made by phone, an E.164 number (issue 14). */
export async function logIn(email: string, password: string, clientAddress: string): Promise<LoginResult> {
  if (await isThrottled(email, clientAddress)) {
    return { status: 'throttled', retryAfterSeconds: loginLimits.windowMinutes * 60 };
  }
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'suspended_at', 'suspended_until'])
    .where(email.startsWith('+') ? 'phone' : 'email', '=', email)
    .executeTakeFirst();
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const valid = await verifyPassword(user?.password_hash ?? (await decoyHash), password);
  if (!user || !valid) {
    await db.insertInto('login_failures').values({ email, client_address: clientAddress }).execute();
    return { status: 'invalid' };
  }
  await db.deleteFrom('login_failures').where('email', '=', email).execute();
  // Said only after the password was right, so a wrong guess learns nothing about the account.
  if (isSuspended(user))
    return { status: 'suspended', until: user.suspended_until ? new Date(user.suspended_until) : null };
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

// ---- password reset ----

export const resetTokenLifetimeMinutes = 60;

export function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Limits on forgotten-password requests, counted per email (known or not) and
 * per client address: at most one email every `minutesBetween` minutes and
 * `perEmail` an hour to one address, and `perAddress` requests an hour from one
 * client address.
 */
export const resetLimits = { perEmail: 3, perAddress: 10, windowMinutes: 60, minutesBetween: 5 };

export type ResetRequestResult = { status: 'sent' } | { status: 'throttled'; retryAfterSeconds: number };

/** Serialises requests that share a key (an email, a client address) until the transaction ends. */
async function lockKey(trx: Transaction<Database>, key: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/**
 * Emails a single-use reset link when the address has an account, and a short
 * "there is no account with this address" note when it has none. Both paths do
 * the same work (a token, an insert, an outbox email in one transaction) and give
 * the caller the same answer, so neither the reply nor its time reveals which
 * emails have accounts.
 */
export async function requestPasswordReset(
  email: string,
  clientAddress: string,
  locale: Locale,
): Promise<ResetRequestResult> {
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashToken(token);
  return db.transaction().execute(async (trx): Promise<ResetRequestResult> => {
    // Email first, address second, always: two requests never wait on each other in a cycle.
    await lockKey(trx, `reset-email:${email.toLowerCase()}`);
    await lockKey(trx, `reset-address:${clientAddress}`);
    const since = sql<Date>`now() - make_interval(mins => ${resetLimits.windowMinutes})`;
    const recent = await trx
      .selectFrom('password_reset_requests')
      .select([
        sql<number>`count(*) filter (where email = ${email})::int`.as('for_email'),
        sql<number>`count(*) filter (where client_address = ${clientAddress})::int`.as('for_address'),
        sql<boolean>`coalesce(bool_or(email = ${email} and created_at > now() - make_interval(mins => ${resetLimits.minutesBetween})), false)`.as(
          'just_sent',
        ),
      ])
      .where('created_at', '>', since)
      .where((eb) => eb.or([eb('email', '=', email), eb('client_address', '=', clientAddress)]))
      .executeTakeFirstOrThrow();
    if (recent.just_sent) return { status: 'throttled', retryAfterSeconds: resetLimits.minutesBetween * 60 };
    if (recent.for_email >= resetLimits.perEmail || recent.for_address >= resetLimits.perAddress) {
      return { status: 'throttled', retryAfterSeconds: resetLimits.windowMinutes * 60 };
    }
    await trx.insertInto('password_reset_requests').values({ email, client_address: clientAddress }).execute();
    const user = await trx.selectFrom('users').select(['id', 'locale']).where('email', '=', email).executeTakeFirst();
    if (user) {
      const t = translatorFor(user.locale);
      await trx
        .insertInto('password_reset_tokens')
        .values({
          token_hash: tokenHash,
          user_id: user.id,
          expires_at: sql<Date>`now() + make_interval(mins => ${resetTokenLifetimeMinutes})`,
        })
        .execute();
      const link = absoluteUrl(`/reset-password?token=${token}`);
      await queueEmail(
        {
          to: email,
          subject: t('accounts.resetEmail.subject'),
          body: t('accounts.resetEmail.body', { link, minutes: resetTokenLifetimeMinutes }),
        },
        trx,
      );
    } else {
      const t = translatorFor(locale);
      await queueEmail(
        {
          to: email,
          subject: t('accounts.noAccountEmail.subject'),
          body: t('accounts.noAccountEmail.body', { link: absoluteUrl('/signup') }),
        },
        trx,
      );
    }
    return { status: 'sent' };
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
    await setPasswordAndSignOut(trx, used.user_id, passwordHash);
    return used.user_id;
  });
}

/** A forgotten password replaced (by an emailed link or a code to her phone): whoever was signed in is signed out. */
export async function setPasswordAndSignOut(trx: Transaction<Database>, userId: string, passwordHash: string) {
  await trx
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

// ---- housekeeping (a job) ----

export async function deleteExpiredAuthRows() {
  const sessions = await db
    .deleteFrom('sessions')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  const tokens = await db
    .deleteFrom('password_reset_tokens')
    .where((eb) => eb.or([eb('expires_at', '<=', sql<Date>`now()`), eb('used_at', 'is not', null)]))
    .executeTakeFirst();
  await db
    .deleteFrom('password_reset_requests')
    .where('created_at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
  // By age only: a used sign-up still counts towards its address's limit for the hour.
  await db
    .deleteFrom('signup_requests')
    .where('created_at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
  const failures = await db
    .deleteFrom('login_failures')
    .where('created_at', '<', sql<Date>`now() - interval '1 day'`)
    .executeTakeFirst();
  const challenges = await db
    .deleteFrom('login_challenges')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  // Phone codes (with a waiting sign-up's name and password hash) count towards the daily limits for a day, then go.
  await db
    .deleteFrom('otp_challenges')
    .where('created_at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
  // Links to confirm an added email count towards their hourly limit, then go.
  await db
    .deleteFrom('email_confirmations')
    .where('created_at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
  return {
    loginChallenges: Number(challenges.numDeletedRows),
    sessions: Number(sessions.numDeletedRows),
    resetTokens: Number(tokens.numDeletedRows),
    loginFailures: Number(failures.numDeletedRows),
  };
}

/** Re-asks her password before an act that cannot wait for a new login (two-step settings, deletion). */
export async function passwordMatches(userId: string, password: string) {
  const user = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return Boolean(user && (await verifyPassword(user.password_hash, password)));
}
