import { createHash, randomBytes } from 'node:crypto';
import { createCookie } from '@remix-run/node';
import { sql } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { recordAudit } from '~/lib/audit.server';
import { db } from '~/lib/db.server';

// Two-step login with a time-based one-time password (RFC 6238, through otpauth):
// any authenticator app, 6 digits, 30-second steps. Staff must have it before any
// staff page opens (auth.server.ts); anyone may turn it on for herself.

const period = 30;
const recoveryCodeCount = 10;
export const challengeLimits = { minutes: 5, attempts: 5 } as const;

function totpFor(secret: string, label = 'Sen') {
  return new TOTP({ issuer: 'Sen', label, algorithm: 'SHA1', digits: 6, period, secret: Secret.fromBase32(secret) });
}

/** The 30-second step a right code belongs to, or null (the step before and after are accepted: clocks drift). */
function matchingStep(secret: string, code: string, now = Date.now()) {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secret).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / period) + delta;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
/** Recovery codes are typed by hand: case, spaces and dashes do not matter. */
const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');

export async function twoFactorStatus(userId: string) {
  const row = await db
    .selectFrom('two_factor')
    .select(['secret', 'confirmed_at'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) return { enabled: false as const, pending: null };
  if (row.confirmed_at) {
    const { left } = await db
      .selectFrom('two_factor_recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('left'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return { enabled: true as const, recoveryCodesLeft: Number(left), pending: null };
  }
  return { enabled: false as const, pending: row.secret };
}

export async function hasTwoFactor(userId: string) {
  return (await twoFactorStatus(userId)).enabled;
}

/** A new secret waiting for its first code (replacing an earlier unconfirmed one). */
export async function startEnrolment(userId: string) {
  const secret = new Secret({ size: 20 }).base32;
  const result = await db
    .insertInto('two_factor')
    .values({ user_id: userId, secret })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ secret }).where('two_factor.confirmed_at', 'is', null))
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** What an authenticator app needs: the otpauth URI as a QR code (SVG) and the key to type by hand. */
export async function enrolmentPicture(secret: string, label: string) {
  const uri = totpFor(secret, label).toString();
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  // Groups of four are easier to type from a phone screen.
  return { svg, key: secret.replace(/(.{4})/g, '$1 ').trim() };
}

/** Confirms the pending secret with its first code; answers the recovery codes, shown once. */
export async function confirmEnrolment(userId: string, code: string, now = Date.now()) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('two_factor')
      .select('secret')
      .where('user_id', '=', userId)
      .where('confirmed_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    const step = row ? matchingStep(row.secret, code, now) : null;
    if (step === null) return null;
    await trx
      .updateTable('two_factor')
      .set({ confirmed_at: new Date(now), last_used_step: step })
      .where('user_id', '=', userId)
      .where('confirmed_at', 'is', null)
      .execute();
    const codes = Array.from({ length: recoveryCodeCount }, () => {
      const raw = randomBytes(6).toString('hex').slice(0, 10);
      return `${raw.slice(0, 5)}-${raw.slice(5)}`;
    });
    await trx.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
    await trx
      .insertInto('two_factor_recovery_codes')
      .values(codes.map((c) => ({ user_id: userId, code_hash: sha256(normaliseRecoveryCode(c)) })))
      .execute();
    await recordAudit({ actorId: userId, action: 'two_factor.enrol', subjectUserId: userId }, trx);
    return codes;
  });
}

/**
 * A right code from her app, accepted once: the step must be later than the last
 * one used (a conditional update, so two requests racing with one code get one yes),
 * or an unused recovery code.
 */
export async function verifySecondFactor(userId: string, code: string, now = Date.now()) {
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) {
    const row = await db
      .selectFrom('two_factor')
      .select('secret')
      .where('user_id', '=', userId)
      .where('confirmed_at', 'is not', null)
      .executeTakeFirst();
    const step = row ? matchingStep(row.secret, trimmed, now) : null;
    if (step === null) return false;
    const used = await db
      .updateTable('two_factor')
      .set({ last_used_step: step })
      .where('user_id', '=', userId)
      .where('last_used_step', '<', step)
      .executeTakeFirst();
    return Number(used.numUpdatedRows) === 1;
  }
  const used = await db
    .updateTable('two_factor_recovery_codes')
    .set({ used_at: new Date(now) })
    .where('user_id', '=', userId)
    .where('code_hash', '=', sha256(normaliseRecoveryCode(trimmed)))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) return false;
  await recordAudit({ actorId: userId, action: 'two_factor.recovery_code_used', subjectUserId: userId });
  return true;
}

export async function disableTwoFactor(userId: string) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
    await trx.deleteFrom('two_factor').where('user_id', '=', userId).execute();
    await recordAudit({ actorId: userId, action: 'two_factor.disable', subjectUserId: userId }, trx);
  });
}

// ---- the step between a right password and a session ----

/** Carries the challenge token from the password step to the code step, and nowhere else. */
export const loginChallengeCookie = createCookie('sen_login_challenge', {
  path: '/login',
  httpOnly: true,
  sameSite: 'lax',
  secure: process.env.NODE_ENV === 'production',
  maxAge: challengeLimits.minutes * 60,
});

/** A short-lived challenge for a person whose password was right; the token goes in a cookie. */
export async function createLoginChallenge(userId: string) {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('login_challenges')
    .values({
      token_hash: sha256(token),
      user_id: userId,
      expires_at: sql<Date>`now() + make_interval(mins => ${challengeLimits.minutes})`,
    })
    .execute();
  return token;
}

export type ChallengeAnswer = { status: 'ok'; userId: string } | { status: 'wrong' } | { status: 'expired' };

/** Checks a code against a challenge: a few tries, then the password is needed again. */
export async function answerLoginChallenge(token: string, code: string): Promise<ChallengeAnswer> {
  // Counting the try first, in the same statement that checks the limit, so parallel guesses cannot exceed it.
  const challenge = await db
    .updateTable('login_challenges')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('token_hash', '=', sha256(token))
    .where('expires_at', '>', sql<Date>`now()`)
    .where('attempts', '<', challengeLimits.attempts)
    .returning('user_id')
    .executeTakeFirst();
  if (!challenge) return { status: 'expired' };
  if (!(await verifySecondFactor(challenge.user_id, code))) return { status: 'wrong' };
  await db.deleteFrom('login_challenges').where('token_hash', '=', sha256(token)).execute();
  return { status: 'ok', userId: challenge.user_id };
}

/** For the demo and the tests: a code as her app would show it now. */
export function currentCode(secret: string, now = Date.now()) {
  return totpFor(secret).generate({ timestamp: now });
}
