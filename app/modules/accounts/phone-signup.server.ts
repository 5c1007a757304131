// Signing up with a phone number (issue 14): the form asks for a code to the
// number and keeps what she typed with the code's challenge; the account is
// made only when the right code comes back, so no account exists without a
// confirmed phone (or, by the other path, a confirmed email).

import { sql } from 'kysely';
import type { ConsentPurpose, Locale, OtpChannel } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { recordConsents } from '~/modules/legal/consents.server';
import { checkCode, requestCode, type CodeCheck } from './phone-codes.server';
import { hashPassword } from './passwords.server';

export async function requestPhoneSignup(
  input: {
    phone: string;
    channel: OtpChannel;
    password: string;
    displayName: string;
    locale: Locale;
    wantsToSell: boolean;
    consents: ConsentPurpose[];
  },
  clientAddress: string,
) {
  const passwordHash = await hashPassword(input.password);
  return requestCode({
    phone: input.phone,
    purpose: 'signup',
    channel: input.channel,
    clientAddress,
    locale: input.locale,
    pending: {
      displayName: input.displayName,
      passwordHash,
      locale: input.locale,
      wantsToSell: input.wantsToSell,
      consents: input.consents,
    },
  });
}

export type PhoneSignupResult =
  | { ok: true; userId: string; locale: Locale; wantsToSell: boolean }
  | Exclude<CodeCheck, { ok: true }>
  | { ok: false; problem: 'phoneTaken' };

/** Checks the code and, when right, makes the account with the confirmed number and no email. */
export async function confirmPhoneSignup(challengeId: string, code: string): Promise<PhoneSignupResult> {
  const check = await checkCode(challengeId, 'signup', code);
  if (!check.ok) return check;
  const pending = check.pending;
  if (!pending) return { ok: false, problem: 'unknown' };
  try {
    return await db.transaction().execute(async (trx) => {
      const user = await trx
        .insertInto('users')
        .values({
          email: null,
          phone: check.phone,
          phone_confirmed_at: sql<Date>`now()`,
          password_hash: pending.passwordHash,
          display_name: pending.displayName,
          locale: pending.locale,
          updated_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordConsents(trx, user.id, pending.consents);
      return { ok: true as const, userId: user.id, locale: pending.locale, wantsToSell: pending.wantsToSell };
    });
  } catch (error) {
    // The unique index on phone settles a number that got an account meanwhile.
    if ((error as { code?: string }).code === '23505') return { ok: false, problem: 'phoneTaken' };
    throw error;
  }
}
