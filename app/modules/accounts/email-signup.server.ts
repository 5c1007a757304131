import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { ConsentPurpose, Locale } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { queueEmail } from '~/lib/email.server';
import { translatorFor } from '~/lib/i18n.server';
import { hashPassword } from './passwords.server';
import { hashToken, lockKey } from './tokens.server';
import { legalVersion, recordConsents } from '~/modules/legal/consents.server';
import { absoluteUrl } from '~/lib/origin.server';

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
