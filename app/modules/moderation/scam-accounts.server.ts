// Scam accounts shared across reports (issue 17). When staff uphold a scam
// report, the bank account numbers, phone numbers and links in the reported
// message or listing are recorded; staff may also add entries by hand (from a
// public police or bank warning) and remove them, always with a reason. Any
// later message, listing or profile that contains an active entry is a danger
// ("this account/number/link was reported for fraud on Sen"), whatever its wording.
//
// Numbers are kept only as keyed hashes (HMAC-SHA256 of the digits, secret
// SCAM_HASH_SECRET): the table never holds a number in clear, only its last
// three digits for staff to recognise it. Links are public warnings and are
// kept as host and path.
import { createHmac } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import { hasRole, type SessionUser } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { log } from '~/lib/log.server';
import { findPhones, localDigits } from '~/lib/phone';
import { contactNumbers } from '~/modules/messaging/mask';
import { detectScam, type DetectOptions, type ScamResult } from '~/modules/safety/detector';
import { unmask } from '~/modules/safety/detector/deobfuscate';
import { hostOf, isOfficial, isShortener } from '~/modules/safety/detector/links';
import { canonical } from '~/modules/safety/detector/normalise';

type Executor = Kysely<Database> | Transaction<Database>;
export type Identifier = { kind: 'number' | 'link'; key: string; hint: string };

/** Only for development and tests: production sets SCAM_HASH_SECRET (README, configuration). */
const DEV_SECRET = 'sen-dev-scam-hash-secret';
let warned = false;
function secret() {
  const configured = process.env.SCAM_HASH_SECRET;
  if (!configured && process.env.NODE_ENV === 'production' && !warned) {
    warned = true;
    log.warn('SCAM_HASH_SECRET is not set: scam account numbers are hashed with the development secret');
  }
  return configured || DEV_SECRET;
}

function numberKey(digits: string) {
  return createHmac('sha256', secret()).update(digits).digest('hex');
}

/** "•••••••678": enough for staff to tell two entries apart, not enough to use the number. */
function numberHint(digits: string) {
  return '•'.repeat(Math.max(0, digits.length - 3)) + digits.slice(-3);
}

/** Host and path of a link, lowercased, without scheme, "www.", query, fragment or trailing slash. */
function linkKey(raw: string): { host: string; path: string } | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  const host = hostOf(withScheme);
  if (!host || !host.includes('.')) return null;
  let path = '';
  try {
    path = new URL(withScheme).pathname.replace(/\/+$/, '').toLowerCase();
  } catch {
    return null;
  }
  return { host: host.replace(/^www\./, ''), path };
}

/** Keys a link may be listed under: itself, its host, and the hosts it sits under ("a.scam.com" → "scam.com"). */
function linkCandidates(host: string, path: string): string[] {
  const keys = path ? [`${host}${path}`] : [];
  const labels = host.split('.');
  for (let i = 0; i <= labels.length - 2; i++) keys.push(labels.slice(i).join('.'));
  return keys;
}

/** Links to Sen itself, to the app's own origin and to the genuine sites of banks and couriers are never listed. */
function listable(host: string, trusted: readonly string[]) {
  return !isOfficial(host) && !trusted.some((t) => host === t || host.endsWith(`.${t}`));
}

function trustedHostsOf(origins: readonly string[] = []) {
  return origins.map((o) => hostOf(o.includes('://') ? o : `https://${o}`) ?? o);
}

// Sites where anyone has a page: a scammer's page there says nothing about the site.
const SHARED_HOSTS = new Set([
  'facebook.com',
  'fb.com',
  'm.facebook.com',
  'zalo.me',
  'chat.zalo.me',
  't.me',
  'telegram.me',
  'm.me',
  'wa.me',
  'instagram.com',
  'tiktok.com',
  'youtube.com',
  'youtu.be',
  'drive.google.com',
  'docs.google.com',
  'forms.gle',
  'sites.google.com',
  'github.io',
  'linktr.ee',
]);

/**
 * The numbers and links of a text as they would be recorded: a number by its
 * keyed hash; a link by its host, or by host and path for a shortener or a
 * shared site (one bit.ly link or one Facebook page says nothing about the others).
 */
export function identifiersIn(text: string, trustedOrigins: readonly string[] = []): Identifier[] {
  const out = new Map<string, Identifier>();
  for (const { digits } of contactNumbers(unmask(text))) {
    if (digits.length > 19) continue;
    const key = numberKey(digits);
    out.set(`number:${key}`, { kind: 'number', key, hint: numberHint(digits) });
  }
  const trusted = trustedHostsOf(trustedOrigins);
  for (const link of canonical(text).links) {
    const parts = linkKey(link.raw);
    if (!parts || !listable(parts.host, trusted)) continue;
    const pageOnly = isShortener(parts.host) || SHARED_HOSTS.has(parts.host);
    if (pageOnly && !parts.path) continue;
    const key = pageOnly ? `${parts.host}${parts.path}` : parts.host;
    out.set(`link:${key}`, { kind: 'link', key, hint: key });
  }
  return [...out.values()];
}

/** Does the text contain a number or link on the active list? */
export async function containsReported(
  text: string,
  options: { trustedOrigins?: readonly string[] } = {},
  ex: Executor = db,
): Promise<boolean> {
  if (!text.trim()) return false;
  const numbers = contactNumbers(unmask(text))
    .filter((n) => n.digits.length <= 19)
    .map((n) => numberKey(n.digits));
  const trusted = trustedHostsOf(options.trustedOrigins);
  const links = canonical(text)
    .links.map((l) => linkKey(l.raw))
    .filter((p): p is { host: string; path: string } => p !== null && listable(p.host, trusted))
    .flatMap((p) => linkCandidates(p.host, p.path));
  if (!numbers.length && !links.length) return false;
  const hit = await ex
    .selectFrom('scam_accounts')
    .select('id')
    .where('removed_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(numbers.length ? [eb.and([eb('kind', '=', 'number'), eb('key', 'in', numbers)])] : []),
        ...(links.length ? [eb.and([eb('kind', '=', 'link'), eb('key', 'in', links)])] : []),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return hit !== undefined;
}

/** detectScam, plus the shared list of reported numbers and links: what the app calls on messages, listings and profiles. */
export async function detectScamWithReports(
  text: string,
  options: DetectOptions = {},
  ex: Executor = db,
): Promise<ScamResult> {
  const reported = await containsReported(text, { trustedOrigins: options.trustedOrigins }, ex);
  return detectScam(text, { ...options, reported });
}

/** Records the numbers and links of an upheld scam report's message or listing (in the staff action's transaction). */
export async function recordFromReport(
  trx: Transaction<Database>,
  report: { id: string; message_id: string | null; listing_id: string | null },
  staffId: string,
  reason: string,
): Promise<number> {
  let text = '';
  if (report.message_id) {
    const message = await trx
      .selectFrom('messages')
      .select('body')
      .where('id', '=', report.message_id)
      .executeTakeFirst();
    text = message?.body ?? '';
  } else if (report.listing_id) {
    const listing = await trx
      .selectFrom('listings')
      .select(['title', 'description'])
      .where('id', '=', report.listing_id)
      .executeTakeFirst();
    text = listing ? `${listing.title}\n${listing.description}` : '';
  }
  const identifiers = identifiersIn(text);
  if (!identifiers.length) return 0;
  // An entry already active stays as it is (the partial unique index); a removed one may come back.
  const inserted = await trx
    .insertInto('scam_accounts')
    .values(
      identifiers.map((i) => ({
        kind: i.kind,
        key: i.key,
        hint: i.hint,
        reason,
        report_id: report.id,
        added_by: staffId,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

// ---- staff page ----

type Staff = Pick<SessionUser, 'id' | 'roles'>;

export async function listScamAccounts(limit = 500) {
  return db
    .selectFrom('scam_accounts as s')
    .leftJoin('users as a', 'a.id', 's.added_by')
    .select(['s.id', 's.kind', 's.hint', 's.reason', 's.report_id', 's.created_at', 'a.display_name as added_by_name'])
    .where('s.removed_at', 'is', null)
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit)
    .execute();
}

export type AddProblem = 'forbidden' | 'badNumber' | 'badLink' | 'duplicate';

/** A number as staff type it ("0912 345 678", "+84 912 345 678", "1903 4567 8901 23") → its digits, a phone always as 0…. */
export function typedNumber(value: string): string | null {
  // A phone number by the one rule of app/lib/phone.ts, keyed as contactNumbers() keys it.
  const phones = findPhones(value);
  if (phones.length === 1) return localDigits(phones[0].e164).replace(/^\+/, '');
  // Not a phone by that rule: an account number, keyed by its digits as typed.
  const digits = unmask(value).replace(/\D/g, '');
  return digits.length >= 8 && digits.length <= 19 ? digits : null;
}

export async function addScamAccount(input: {
  staff: Staff;
  kind: 'number' | 'link';
  value: string;
  reason: string;
}): Promise<{ ok: true } | { ok: false; problem: AddProblem }> {
  if (!hasRole(input.staff, 'staff')) return { ok: false, problem: 'forbidden' };
  let entry: Identifier;
  if (input.kind === 'number') {
    const digits = typedNumber(input.value);
    if (!digits) return { ok: false, problem: 'badNumber' };
    entry = {
      kind: 'number',
      key: numberKey(digits),
      hint: numberHint(digits),
    };
  } else {
    const parts = linkKey(input.value.trim());
    if (!parts || !listable(parts.host, [])) return { ok: false, problem: 'badLink' };
    // Staff list exactly what they typed: a whole site ("scam.com") or one page ("bit.ly/abc").
    const key = `${parts.host}${parts.path}`;
    entry = { kind: 'link', key, hint: key };
  }
  const inserted = await db
    .insertInto('scam_accounts')
    .values({ ...entry, reason: input.reason, added_by: input.staff.id })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return { ok: false, problem: 'duplicate' };
  log.info('scam account added', {
    id: inserted.id,
    kind: entry.kind,
    staffId: input.staff.id,
  });
  return { ok: true };
}

export async function removeScamAccount(input: {
  staff: Staff;
  id: number;
  reason: string;
}): Promise<{ ok: true } | { ok: false; problem: 'forbidden' | 'not-found' }> {
  if (!hasRole(input.staff, 'staff')) return { ok: false, problem: 'forbidden' };
  // Only an active entry is removed; a second click finds nothing to do.
  const removed = await db
    .updateTable('scam_accounts')
    .set({
      removed_at: new Date(),
      removed_by: input.staff.id,
      removed_reason: input.reason,
    })
    .where('id', '=', input.id)
    .where('removed_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!removed) return { ok: false, problem: 'not-found' };
  log.info('scam account removed', { id: input.id, staffId: input.staff.id });
  return { ok: true };
}
