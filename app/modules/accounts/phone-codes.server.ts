// Six-digit codes sent to a phone by SMS or Zalo (issue 14): for signing up,
// logging in, resetting a password and changing the number.
//
// Safe by construction: only a hash is stored; a code is valid 5 minutes,
// takes 5 wrong tries, and is used once (the UPDATE that uses it names the
// expected state, so two tabs cannot both use it). Sending is limited, because
// every SMS costs money and SMS-pumping fraud is real: a new code at most once
// a minute and 5 a day per number, 20 a day per client address. The limits
// are counted under an advisory lock per number and per address, so a flood of
// parallel requests cannot slip past them.

import { createHash, randomInt, randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, Locale, OtpChannel, OtpPurpose, PendingPhoneSignup } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { formError } from '~/lib/forms.server';
import type { MessageKey } from '~/lib/i18n';
import { translatorFor } from '~/lib/i18n.server';
import { log } from '~/lib/log.server';
import { absoluteUrl } from '~/lib/origin.server';
import { lessonPath } from '~/modules/learning/lesson-ids';
import { sendSms, sendZalo, zaloFromEnv, zaloTemplates } from '~/modules/sms/index.server';

export const codeLimits = {
  digits: 6,
  validMinutes: 5,
  maxTries: 5,
  /** Seconds between two codes to one number. */
  resendSeconds: 60,
  perNumberPerDay: 5,
  perAddressPerDay: 20,
};

export type CodeRequest = {
  phone: string;
  purpose: OtpPurpose;
  channel: OtpChannel;
  clientAddress: string;
  locale: Locale;
  pending?: PendingPhoneSignup;
  /** The signed-in person a code to change her number belongs to. */
  userId?: string;
  /**
   * False when the number has no account to reset: the challenge is still
   * made and counted (same limits, same answer, so the form reveals nothing),
   * but no message is sent, and no typed code can match one never sent.
   */
  deliver?: boolean;
};
export type CodeRequestResult =
  | { ok: true; challengeId: string }
  | { ok: false; problem: 'tooSoon' | 'numberDailyLimit' | 'addressDailyLimit'; retryAfterSeconds: number }
  | { ok: false; problem: 'notSent'; retryAfterSeconds: number };

export function hashCode(challengeId: string, code: string) {
  return createHash('sha256').update(`${challengeId}:${code}`).digest('hex');
}

/** The text of the message: the code, how long it lasts, that staff never ask for it, and the lesson. */
export function codeMessage(locale: Locale, code: string) {
  const t = translatorFor(locale);
  return t('phone.code.sms', {
    code,
    minutes: codeLimits.validMinutes,
    lesson: absoluteUrl(lessonPath('bao-ve-thong-tin/never-share-otp')),
  });
}

/**
 * Creates a code for a number and sends it, unless a limit is hit. The
 * `generate` argument is for tests that need a known code; the code itself is
 * never stored or logged by Sen, only sent (or, without a provider, written to
 * the development log by the sms module).
 */
export async function requestCode(
  input: CodeRequest,
  generate: () => string = () => String(randomInt(0, 10 ** codeLimits.digits)).padStart(codeLimits.digits, '0'),
): Promise<CodeRequestResult> {
  const code = generate();
  const created = await db.transaction().execute(async (trx) => {
    // Address first, then number: every request takes the two locks in the same order.
    await sql`select pg_advisory_xact_lock(hashtext(${`otp-address:${input.clientAddress}`}))`.execute(trx);
    await sql`select pg_advisory_xact_lock(hashtext(${`otp-phone:${input.phone}`}))`.execute(trx);
    const counts = await trx
      .selectFrom('otp_challenges')
      .select([
        sql<number>`count(*) filter (where phone = ${input.phone})::int`.as('for_number'),
        sql<number>`count(*) filter (where client_address = ${input.clientAddress})::int`.as('for_address'),
        sql<
          number | null
        >`ceil(extract(epoch from max(created_at) filter (where phone = ${input.phone}) + make_interval(secs => ${codeLimits.resendSeconds}) - now()))::int`.as(
          'wait',
        ),
        sql<
          number | null
        >`ceil(extract(epoch from min(created_at) filter (where phone = ${input.phone}) + interval '1 day' - now()))::int`.as(
          'number_reset',
        ),
        sql<
          number | null
        >`ceil(extract(epoch from min(created_at) filter (where client_address = ${input.clientAddress}) + interval '1 day' - now()))::int`.as(
          'address_reset',
        ),
      ])
      .where((eb) => eb.or([eb('phone', '=', input.phone), eb('client_address', '=', input.clientAddress)]))
      .where('created_at', '>', sql<Date>`now() - interval '1 day'`)
      .executeTakeFirstOrThrow();
    if (counts.for_address >= codeLimits.perAddressPerDay)
      return {
        ok: false as const,
        problem: 'addressDailyLimit' as const,
        retryAfterSeconds: Math.max(1, counts.address_reset ?? 86400),
      };
    if (counts.for_number >= codeLimits.perNumberPerDay)
      return {
        ok: false as const,
        problem: 'numberDailyLimit' as const,
        retryAfterSeconds: Math.max(1, counts.number_reset ?? 86400),
      };
    if (counts.wait !== null && counts.wait > 0)
      return { ok: false as const, problem: 'tooSoon' as const, retryAfterSeconds: counts.wait };
    const id = randomUUID();
    await trx
      .insertInto('otp_challenges')
      .values({
        id,
        phone: input.phone,
        purpose: input.purpose,
        channel: input.channel,
        code_hash: hashCode(id, code),
        client_address: input.clientAddress,
        pending: input.pending ? JSON.stringify(input.pending) : null,
        user_id: input.userId ?? null,
        expires_at: sql<Date>`now() + make_interval(mins => ${codeLimits.validMinutes})`,
      })
      .execute();
    return { ok: true as const, challengeId: id };
  });
  if (!created.ok || input.deliver === false) return created;

  // Sent at once (she is waiting on the page); a refusal by Zalo falls back to SMS.
  const text = codeMessage(input.locale, code);
  const template = zaloTemplates().otp;
  try {
    if (input.channel === 'zalo' && template && zaloFromEnv()) {
      try {
        await sendZalo({
          to: input.phone,
          templateId: template,
          params: { otp: code },
          trackingId: created.challengeId,
        });
        return created;
      } catch (error) {
        log.warn('zalo code not delivered; sending by SMS', { challengeId: created.challengeId, error: String(error) });
      }
    }
    await sendSms({ to: input.phone, text, requestId: created.challengeId });
    return created;
  } catch (error) {
    log.warn('code not delivered', { challengeId: created.challengeId, error: String(error) });
    // Not sent: the code is void (it still counts towards the limits).
    await db
      .updateTable('otp_challenges')
      .set({ expires_at: sql<Date>`now()` })
      .where('id', '=', created.challengeId)
      .execute();
    return { ok: false, problem: 'notSent', retryAfterSeconds: codeLimits.resendSeconds };
  }
}

type Executor = Kysely<Database> | Transaction<Database>;

export type CodeCheck =
  | { ok: true; phone: string; pending: PendingPhoneSignup | null }
  | { ok: false; problem: 'wrong' | 'expired' | 'tooManyTries' | 'used' | 'unknown'; triesLeft?: number };

/**
 * Checks a typed code against a challenge, for one purpose. A right code is
 * used up at once; a wrong one counts a try; after 5 the challenge is dead.
 */
export async function checkCode(
  challengeId: string,
  purpose: OtpPurpose,
  typed: string,
  options: { userId?: string; executor?: Executor } = {},
): Promise<CodeCheck> {
  const code = typed.normalize('NFKC').replace(/\D/g, '');
  const executor = options.executor ?? db;
  // A code to change a number is only for the person who asked for it.
  const owner = options.userId;
  const used = await executor
    .updateTable('otp_challenges')
    .set({ used_at: sql<Date>`now()` })
    .where('id', '=', challengeId)
    .where('purpose', '=', purpose)
    .$if(owner !== undefined, (q) => q.where('user_id', '=', owner ?? ''))
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .where('attempts', '<', codeLimits.maxTries)
    .where('code_hash', '=', hashCode(challengeId, code))
    .returning(['phone', 'pending'])
    .executeTakeFirst();
  if (used) return { ok: true, phone: used.phone, pending: used.pending };
  // Wrong (or too late): count the try, if the challenge is still open.
  const counted = await executor
    .updateTable('otp_challenges')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', challengeId)
    .where('purpose', '=', purpose)
    .$if(owner !== undefined, (q) => q.where('user_id', '=', owner ?? ''))
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .where('attempts', '<', codeLimits.maxTries)
    .returning('attempts')
    .executeTakeFirst();
  if (counted) {
    const triesLeft = codeLimits.maxTries - counted.attempts;
    return triesLeft > 0 ? { ok: false, problem: 'wrong', triesLeft } : { ok: false, problem: 'tooManyTries' };
  }
  const row = await executor
    .selectFrom('otp_challenges')
    .select(['used_at', 'attempts', sql<boolean>`expires_at <= now()`.as('expired')])
    .where('id', '=', challengeId)
    .where('purpose', '=', purpose)
    .$if(owner !== undefined, (q) => q.where('user_id', '=', owner ?? ''))
    .executeTakeFirst();
  if (!row) return { ok: false, problem: 'unknown' };
  if (row.used_at) return { ok: false, problem: 'used' };
  if (row.attempts >= codeLimits.maxTries) return { ok: false, problem: 'tooManyTries' };
  return { ok: false, problem: 'expired' };
}

/**
 * The answer of a form that took a refused code: a wrong code is the code
 * field's error (the last try said so), a dead one (5 tries: HTTP 429) or an
 * unknown, used or expired one is the form's. `used` may say more for a flow.
 */
export function refusedCode(
  form: FormData,
  result: { problem: 'wrong' | 'expired' | 'tooManyTries' | 'used' | 'unknown' | 'phoneTaken'; triesLeft?: number },
  usedKey: MessageKey = 'phone.code.used',
) {
  if (result.problem === 'wrong')
    return formError(form, { code: result.triesLeft === 1 ? 'phone.code.wrongLast' : 'phone.code.wrong' });
  const key: MessageKey = result.problem === 'used' ? usedKey : `phone.code.${result.problem}`;
  return formError(form, { form: key }, result.problem === 'tooManyTries' ? 429 : 400);
}
