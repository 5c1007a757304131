import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { db } from '~/lib/db.server';
import { hashPassword, verifyPassword } from './passwords.server';
import { isSuspended } from '~/modules/moderation/suspension';

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
