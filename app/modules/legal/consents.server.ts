import type { ConsentPurpose } from '../../../db/schema';
import { db, type DB } from '~/lib/db.server';
import { legalVersion } from './content.server';

export { legalVersion };

// Consent as the data-protection law wants it: given by a deliberate act (an
// unticked box she ticks), recorded with the version of the text and how it was
// given, and as easy to withdraw as to give. 'terms' (the operating rules and the
// privacy notice) is needed for the service; 'union_news' is optional.

export type ConsentChannel = 'web' | 'assisted';

/** Records consents (to the texts in force unless she saw an earlier version); giving one twice changes nothing. */
export async function recordConsents(
  executor: DB,
  userId: string,
  purposes: ConsentPurpose[],
  channel: ConsentChannel = 'web',
  version = legalVersion,
) {
  if (!purposes.length) return;
  await executor
    .insertInto('consents')
    .values(purposes.map((purpose) => ({ user_id: userId, purpose, version, channel })))
    .onConflict((oc) => oc.columns(['user_id', 'purpose', 'version']).where('withdrawn_at', 'is', null).doNothing())
    .execute();
}

/** Withdraws an optional consent; the record of when it was given stays. */
export async function withdrawConsent(
  userId: string,
  purpose: Exclude<ConsentPurpose, 'terms'>,
  channel: ConsentChannel = 'web',
) {
  await db
    .updateTable('consents')
    .set({ withdrawn_at: new Date(), withdrawn_channel: channel })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('withdrawn_at', 'is', null)
    .execute();
}

/** Her consents, newest first, for her privacy page and her data export. */
export async function listConsents(userId: string) {
  return db
    .selectFrom('consents')
    .select(['purpose', 'version', 'channel', 'granted_at', 'withdrawn_at', 'withdrawn_channel'])
    .where('user_id', '=', userId)
    .orderBy('granted_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Whether she has agreed to the texts in force now (a new version asks again). */
export function agreedToCurrentTerms(termsVersion: string | null) {
  return termsVersion === legalVersion;
}

/** Pages she can open before agreeing to a new version: the texts themselves, leaving, and her data. */
export const openWithoutConsent = /^\/(consent|logout|privacy|terms|about|account\/privacy)(\/|$)/;
