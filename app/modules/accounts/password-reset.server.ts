import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database, Locale } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { queueEmail } from '~/lib/email.server';
import { translatorFor } from '~/lib/i18n.server';
import { hashPassword } from './passwords.server';
import { hashToken, lockKey } from './tokens.server';
import { absoluteUrl } from '~/lib/origin.server';

// ---- password reset ----

export const resetTokenLifetimeMinutes = 60;

/**
 * Limits on forgotten-password requests, counted per email (known or not) and
 * per client address: at most one email every `minutesBetween` minutes and
 * `perEmail` an hour to one address, and `perAddress` requests an hour from one
 * client address.
 */
export const resetLimits = { perEmail: 3, perAddress: 10, windowMinutes: 60, minutesBetween: 5 };

export type ResetRequestResult = { status: 'sent' } | { status: 'throttled'; retryAfterSeconds: number };

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
