// Account flows by phone (issue 14) beyond signing up: a forgotten password
// reset by a code to the phone, a new phone number confirmed by a code to the
// NEW number (with her password), and an email added later, confirmed by a
// link. Every code goes through the one phone-code module (same limits).

import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Locale, OtpChannel } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { queueEmail } from '~/lib/email.server';
import { translatorFor } from '~/lib/i18n.server';
import { absoluteUrl } from '~/lib/origin.server';
import { passwordMatches } from './settings.server';
import { setPasswordAndSignOut } from './password-reset.server';
import { hashToken } from './tokens.server';
import { checkCode, requestCode, type CodeCheck, type CodeRequestResult } from './phone-codes.server';
import { hashPassword } from './passwords.server';

// ---- a forgotten password, by a code to the phone ----

/**
 * Sends a reset code when the number has an account. A number without one
 * gets the same challenge, limits and answer but no message, so the form
 * does not tell which numbers have accounts (and sends no paid SMS to them).
 */
export async function requestPhoneReset(
  phone: string,
  channel: OtpChannel,
  clientAddress: string,
  locale: Locale,
): Promise<CodeRequestResult> {
  const owner = await db.selectFrom('users').select(['id', 'locale']).where('phone', '=', phone).executeTakeFirst();
  return requestCode({
    phone,
    purpose: 'reset',
    channel,
    clientAddress,
    locale: owner?.locale ?? locale,
    deliver: Boolean(owner),
  });
}

export type PhoneResetResult = { ok: true; userId: string } | Exclude<CodeCheck, { ok: true }>;

/** The right code sets the new password and signs her out everywhere, in one transaction. */
export async function resetPasswordByCode(
  challengeId: string,
  code: string,
  newPassword: string,
): Promise<PhoneResetResult> {
  const passwordHash = await hashPassword(newPassword);
  return db.transaction().execute(async (trx): Promise<PhoneResetResult> => {
    const check = await checkCode(challengeId, 'reset', code, { executor: trx });
    if (!check.ok) return check;
    const user = await trx.selectFrom('users').select('id').where('phone', '=', check.phone).executeTakeFirst();
    // Only reachable if the account went away after the code was sent.
    if (!user) return { ok: false, problem: 'unknown' };
    await setPasswordAndSignOut(trx, user.id, passwordHash);
    return { ok: true, userId: user.id };
  });
}

// ---- a new phone number ----

export type PhoneChangeRequest =
  CodeRequestResult | { ok: false; problem: 'passwordWrong' } | { ok: false; problem: 'samePhone' };

/** Her password, then a code to the NEW number; the old number stays hers until the code is typed. */
export async function requestPhoneChange(
  input: { userId: string; password: string; phone: string; channel: OtpChannel; locale: Locale },
  clientAddress: string,
): Promise<PhoneChangeRequest> {
  if (!(await passwordMatches(input.userId, input.password))) return { ok: false, problem: 'passwordWrong' };
  const current = await db.selectFrom('users').select('phone').where('id', '=', input.userId).executeTakeFirst();
  if (current?.phone === input.phone) return { ok: false, problem: 'samePhone' };
  // Sent whether or not the number has another account: only its owner, who gets the code, learns that (at the next step).
  return requestCode({
    phone: input.phone,
    purpose: 'change_phone',
    channel: input.channel,
    clientAddress,
    locale: input.locale,
    userId: input.userId,
  });
}

export type PhoneChangeResult =
  { ok: true; phone: string } | Exclude<CodeCheck, { ok: true }> | { ok: false; problem: 'phoneTaken' };

/**
 * The right code makes the new number hers. Two accounts confirming one number
 * at once: the unique index on users.phone lets exactly one win.
 */
export async function confirmPhoneChange(
  userId: string,
  challengeId: string,
  code: string,
): Promise<PhoneChangeResult> {
  try {
    return await db.transaction().execute(async (trx): Promise<PhoneChangeResult> => {
      const check = await checkCode(challengeId, 'change_phone', code, { userId, executor: trx });
      if (!check.ok) return check;
      await trx
        .updateTable('users')
        .set({ phone: check.phone, phone_confirmed_at: sql<Date>`now()`, updated_at: new Date() })
        .where('id', '=', userId)
        .execute();
      return { ok: true, phone: check.phone };
    });
  } catch (error) {
    // The transaction is rolled back: the code stays usable, her old number stays hers.
    if ((error as { code?: string }).code === '23505') return { ok: false, problem: 'phoneTaken' };
    throw error;
  }
}

/** The number a change is waiting on, for the code page ("we sent a code to 0912 ••• 678"). */
export async function pendingPhoneChange(userId: string, challengeId: string) {
  const row = await db
    .selectFrom('otp_challenges')
    .select('phone')
    .where('id', '=', challengeId)
    .where('purpose', '=', 'change_phone')
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row?.phone ?? null;
}

// ---- an email added later ----

export const emailLinkLimits = { linkMinutes: 60, perHour: 3 };

export type EmailAddRequest =
  { status: 'sent' } | { status: 'hasEmail' } | { status: 'throttled'; retryAfterSeconds: number };

/** Emails a link that makes the address hers; until it is opened, nothing changes. */
export async function requestEmailAdd(userId: string, email: string): Promise<EmailAddRequest> {
  const token = randomBytes(32).toString('base64url');
  return db.transaction().execute(async (trx): Promise<EmailAddRequest> => {
    await sql`select pg_advisory_xact_lock(hashtext(${`email-add:${userId}`}))`.execute(trx);
    const user = await trx
      .selectFrom('users')
      .select(['email', 'display_name', 'locale'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    if (user.email) return { status: 'hasEmail' };
    const recent = await trx
      .selectFrom('email_confirmations')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('user_id', '=', userId)
      .where('created_at', '>', sql<Date>`now() - interval '1 hour'`)
      .executeTakeFirstOrThrow();
    if (recent.n >= emailLinkLimits.perHour) return { status: 'throttled', retryAfterSeconds: 3600 };
    await trx
      .insertInto('email_confirmations')
      .values({
        user_id: userId,
        email,
        token_hash: hashToken(token),
        expires_at: sql<Date>`now() + make_interval(mins => ${emailLinkLimits.linkMinutes})`,
      })
      .execute();
    const t = translatorFor(user.locale);
    const link = absoluteUrl(`/account/email/confirm?token=${token}`);
    await queueEmail(
      {
        to: email,
        subject: t('phoneAccount.emailLink.subject'),
        body: t('phoneAccount.emailLink.body', { name: user.display_name, link, minutes: emailLinkLimits.linkMinutes }),
      },
      trx,
    );
    return { status: 'sent' };
  });
}

/** The address a still-usable link is for, or null. */
export async function pendingAddedEmail(token: string) {
  const row = await db
    .selectFrom('email_confirmations')
    .select('email')
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row?.email ?? null;
}

export type EmailAddResult = { ok: true; userId: string } | { ok: false; problem: 'invalid' | 'taken' | 'hasEmail' };

/** Uses the link once. The unique index on users.email settles an address another account took meanwhile. */
export async function confirmAddedEmail(token: string): Promise<EmailAddResult> {
  try {
    return await db.transaction().execute(async (trx): Promise<EmailAddResult> => {
      const used = await trx
        .updateTable('email_confirmations')
        .set({ used_at: sql<Date>`now()` })
        .where('token_hash', '=', hashToken(token))
        .where('used_at', 'is', null)
        .where('expires_at', '>', sql<Date>`now()`)
        .returning(['user_id', 'email'])
        .executeTakeFirst();
      if (!used) return { ok: false, problem: 'invalid' };
      // Only an account without an email gets one this way (changing an email is another flow).
      const set = await trx
        .updateTable('users')
        .set({ email: used.email, updated_at: new Date() })
        .where('id', '=', used.user_id)
        .where('email', 'is', null)
        .executeTakeFirst();
      if (Number(set.numUpdatedRows) === 0) return { ok: false, problem: 'hasEmail' };
      return { ok: true, userId: used.user_id };
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') return { ok: false, problem: 'taken' };
    throw error;
  }
}
