// Issue 19, "Đăng ký giúp": a commune or province officer signs a woman up.
//
// With her phone at hand, the officer fills in the form with her (the woman
// chooses and types her own password) and a code goes to the woman's phone; the
// account is made only when that code comes back, on the page of the officer who
// started it (the challenge names her: no one else can finish it). Without a
// phone to receive a code, the officer reads the consent text aloud and records
// her spoken consent with a note and the text's version; the number she gives is
// kept unconfirmed until she confirms it herself.
//
// Abuse: the woman's province must be in the officer's scope (when it starts and
// again when it ends); an officer starts at most 20 sign-ups in 24 hours,
// counted under a lock; codes keep their own limits per
// number; and the account shows staff who assisted and how.

import { sql, type Kysely, type Transaction } from 'kysely';
import type { ConsentPurpose, Database, Locale, OtpChannel } from '../../../db/schema';
import type { StaffScope } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { log } from '~/lib/log.server';
import { hashPassword } from '~/modules/accounts/passwords.server';
import {
  checkCode,
  codeLimits,
  requestCode,
  type CodeCheck,
  type CodeRequestResult,
} from '~/modules/accounts/phone-codes.server';
import { legalVersion, recordConsents } from '~/modules/legal/consents.server';

/** Sign-ups one officer may start in 24 hours (codes asked and spoken consents together). */
export const assistedPerDay = codeLimits.perAddressPerDay;

export function provinceAllowed(scope: StaffScope, province: string) {
  return scope.country || scope.provinces.includes(province);
}

type Officer = { id: string; scope: StaffScope };
type Woman = {
  displayName: string;
  phone: string;
  password: string;
  province: string;
  locale: Locale;
  unionNews: boolean;
};

export type AssistProblem = 'province' | 'officerDailyLimit' | 'phoneTaken';

const consentsOf = (unionNews: boolean): ConsentPurpose[] => (unionNews ? ['terms', 'union_news'] : ['terms']);

type Executor = Kysely<Database> | Transaction<Database>;

/** Sign-ups this officer started in the last 24 hours (codes asked and spoken consents). */
async function startedToday(executor: Executor, officerId: string) {
  const row = await executor
    .selectFrom('otp_challenges')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('purpose', '=', 'assisted_signup')
    .where('user_id', '=', officerId)
    .where('created_at', '>', sql<Date>`now() - interval '1 day'`)
    .executeTakeFirstOrThrow();
  const spoken = await executor
    .selectFrom('assisted_signups')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('assisted_by', '=', officerId)
    .where('method', '=', 'spoken')
    .where('created_at', '>', sql<Date>`now() - interval '1 day'`)
    .executeTakeFirstOrThrow();
  return row.n + spoken.n;
}

/** The office's connection signs many women up: the officer is the client whose codes are counted. */
const officerAddress = (officerId: string) => `assist:${officerId}`;

async function phoneHasAccount(phone: string) {
  return Boolean(await db.selectFrom('users').select('id').where('phone', '=', phone).executeTakeFirst());
}

/** The first step with a phone: checks, then a code to her number. */
export async function startAssistedSignup(
  officer: Officer,
  woman: Woman & { channel: OtpChannel },
): Promise<CodeRequestResult | { ok: false; problem: AssistProblem; retryAfterSeconds?: number }> {
  if (!provinceAllowed(officer.scope, woman.province)) return { ok: false, problem: 'province' };
  if (await phoneHasAccount(woman.phone)) return { ok: false, problem: 'phoneTaken' };
  if ((await startedToday(db, officer.id)) >= assistedPerDay)
    return { ok: false, problem: 'officerDailyLimit', retryAfterSeconds: 3600 };
  // The code module counts the officer's codes under its lock on her "address" (20 a day).
  return requestCode({
    phone: woman.phone,
    purpose: 'assisted_signup',
    channel: woman.channel,
    clientAddress: officerAddress(officer.id),
    locale: woman.locale,
    userId: officer.id,
    pending: {
      displayName: woman.displayName,
      passwordHash: await hashPassword(woman.password),
      locale: woman.locale,
      wantsToSell: true,
      consents: consentsOf(woman.unionNews),
      province: woman.province,
    },
  });
}

export type AssistedResult =
  { ok: true; userId: string } | Exclude<CodeCheck, { ok: true }> | { ok: false; problem: AssistProblem };

async function makeAccount(input: {
  officerId: string;
  method: 'code' | 'spoken';
  phone: string;
  confirmed: boolean;
  displayName: string;
  passwordHash: string;
  locale: Locale;
  province: string;
  consents: ConsentPurpose[];
  note: string | null;
}): Promise<AssistedResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      if (input.method === 'spoken') {
        // Counted under the same lock as the officer's codes, so parallel posts cannot pass the limit.
        await sql`select pg_advisory_xact_lock(hashtext(${`otp-address:${officerAddress(input.officerId)}`}))`.execute(
          trx,
        );
        if ((await startedToday(trx, input.officerId)) >= assistedPerDay)
          return { ok: false as const, problem: 'officerDailyLimit' as const };
      }
      const user = await trx
        .insertInto('users')
        .values({
          email: null,
          phone: input.phone,
          phone_confirmed_at: input.confirmed ? sql<Date>`now()` : null,
          password_hash: input.passwordHash,
          display_name: input.displayName,
          locale: input.locale,
          home_province: input.province,
          updated_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('user_roles').values({ user_id: user.id, role: 'entrepreneur' }).execute();
      await recordConsents(trx, user.id, input.consents, 'assisted');
      await trx
        .insertInto('assisted_signups')
        .values({
          user_id: user.id,
          assisted_by: input.officerId,
          method: input.method,
          province: input.province,
          consent_version: legalVersion,
          note: input.note,
        })
        .execute();
      log.info('assisted sign-up', { userId: user.id, officerId: input.officerId, method: input.method });
      return { ok: true as const, userId: user.id };
    });
  } catch (error) {
    // The unique index on phone settles a number that got an account meanwhile.
    if ((error as { code?: string }).code === '23505') return { ok: false, problem: 'phoneTaken' };
    throw error;
  }
}

/** The woman's code, typed on the officer's page: only the officer who started it may finish it. */
export async function confirmAssistedSignup(
  officer: Officer,
  challengeId: string,
  code: string,
): Promise<AssistedResult> {
  const check = await checkCode(challengeId, 'assisted_signup', code, { userId: officer.id });
  if (!check.ok) return check;
  const pending = check.pending;
  if (!pending?.province) return { ok: false, problem: 'unknown' };
  // Her scope may have changed since the code was sent.
  if (!provinceAllowed(officer.scope, pending.province)) return { ok: false, problem: 'province' };
  return makeAccount({
    officerId: officer.id,
    method: 'code',
    phone: check.phone,
    confirmed: true,
    displayName: pending.displayName,
    passwordHash: pending.passwordHash,
    locale: pending.locale,
    province: pending.province,
    consents: pending.consents,
    note: null,
  });
}

/** Without a phone to receive a code: her spoken consent, recorded with a note and the text's version. */
export async function spokenAssistedSignup(officer: Officer, woman: Woman & { note: string }): Promise<AssistedResult> {
  if (!provinceAllowed(officer.scope, woman.province)) return { ok: false, problem: 'province' };
  if (await phoneHasAccount(woman.phone)) return { ok: false, problem: 'phoneTaken' };
  return makeAccount({
    officerId: officer.id,
    method: 'spoken',
    phone: woman.phone,
    confirmed: false,
    displayName: woman.displayName,
    passwordHash: await hashPassword(woman.password),
    locale: woman.locale,
    province: woman.province,
    consents: consentsOf(woman.unionNews),
    note: woman.note,
  });
}

/** Who assisted her sign-up, and how (shown to staff). */
export async function assistedSignupOf(userId: string) {
  return (
    (await db
      .selectFrom('assisted_signups as a')
      .leftJoin('users as o', 'o.id', 'a.assisted_by')
      .select([
        'a.method',
        'a.province',
        'a.consent_version',
        'a.note',
        'a.created_at',
        'o.display_name as officer_name',
      ])
      .where('a.user_id', '=', userId)
      .executeTakeFirst()) ?? null
  );
}
