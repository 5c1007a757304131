// Her citizen-ID number (căn cước công dân, 12 digits), captured at verification
// (issue 19). Sen never keeps it readable: only an HMAC-SHA-256 under
// ID_NUMBER_KEY and its last 3 digits, so staff can be warned when a second
// account uses the same identity and can tell two numbers apart.
import { createHmac } from 'node:crypto';
import type { StaffScope } from '~/lib/auth.server';
import { inStaffScope } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { log } from '~/lib/log.server';

/** Only for development and tests: production sets ID_NUMBER_KEY (README, configuration). */
const DEV_KEY = 'sen-dev-id-number-key';
let warned = false;
function key() {
  const configured = process.env.ID_NUMBER_KEY;
  if (!configured && !warned) {
    warned = true;
    log.warn('ID_NUMBER_KEY is not set: identity numbers are hashed with the development key');
  }
  return configured || DEV_KEY;
}

export type IdNumberProblem = 'required' | 'digits' | 'length';

/** "0011 2233 4455" → "001122334455"; letters or another length are refused (never guessed). */
export function parseIdNumber(raw: unknown): { ok: true; digits: string } | { ok: false; problem: IdNumberProblem } {
  const text = typeof raw === 'string' ? raw.replace(/[\s\u00a0]+/g, '') : '';
  if (!text) return { ok: false, problem: 'required' };
  if (!/^\d+$/.test(text)) return { ok: false, problem: 'digits' };
  if (text.length !== 12) return { ok: false, problem: 'length' };
  return { ok: true, digits: text };
}

/** A profile row without the hash, for anything that leaves the server (pages, exports). */
export function withoutIdHash<T extends { id_number_hmac: string | null }>({ id_number_hmac: _hash, ...rest }: T) {
  return rest;
}

export function idNumberHmac(digits: string) {
  return createHmac('sha256', key()).update(digits).digest('hex');
}

/** Stores the number (as its hash and last 3 digits) while she may still change her request. */
export async function saveIdNumber(userId: string, digits: string) {
  const row = await db
    .updateTable('business_profiles')
    .set({ id_number_hmac: idNumberHmac(digits), id_number_last3: digits.slice(-3), updated_at: new Date() })
    .where('user_id', '=', userId)
    .where('verification_status', 'in', ['draft', 'needs_info', 'rejected'])
    .returning('user_id')
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * Other accounts whose business profile carries the same identity number, for the
 * review page's warning. Those outside the staff member's scope are counted, not named.
 */
export async function sameIdentityAccounts(userId: string, scope: StaffScope) {
  const own = await db
    .selectFrom('business_profiles')
    .select('id_number_hmac')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!own?.id_number_hmac) return { named: [], elsewhere: 0 };
  const others = await db
    .selectFrom('business_profiles')
    .innerJoin('users', 'users.id', 'business_profiles.user_id')
    .select([
      'business_profiles.user_id',
      'business_profiles.business_name',
      'users.display_name',
      'business_profiles.verification_status',
    ])
    .where('business_profiles.id_number_hmac', '=', own.id_number_hmac)
    .where('business_profiles.user_id', '!=', userId)
    .orderBy('business_profiles.created_at')
    .execute();
  if (!others.length) return { named: [], elsewhere: 0 };
  const visible = await db
    .selectFrom('users')
    .select('id')
    .where(
      'id',
      'in',
      others.map((o) => o.user_id),
    )
    .where(inStaffScope(scope, 'users.id'))
    .execute();
  const ids = new Set(visible.map((v) => v.id));
  return { named: others.filter((o) => ids.has(o.user_id)), elsewhere: others.length - ids.size };
}
