import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema';

// Shared by the emailed links (sign-up, password reset) and the phone codes.

export function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex');
}

/** Serialises requests that share a key (an email, a client address) until the transaction ends. */
export async function lockKey(trx: Transaction<Database>, key: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}
