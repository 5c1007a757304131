// Renewal (issue 19): an approval is valid VERIFICATION_VALID_MONTHS (12) months.
// 30 and 7 days before it lapses she is reminded, each once; she renews with a
// short re-declaration that nothing changed. A lapsed approval shows no badge:
// her storefront and listings say "verification expired" until she renews; her
// listings can still be bought (Sen's choice: a lapse is paperwork, not a
// finding against her, and cutting her sales off would punish the women who
// are least online; buyers see the warning and decide).
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SessionUser, StaffScope } from '~/lib/auth.server';
import { provinceInScope } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { log } from '~/lib/log.server';
import type { StoredUpload } from '~/lib/uploads.server';
import { notify } from '~/modules/notifications/notify.server';
import { isReasonFor, isRenewalDecision, type EventReason, type RenewalDecision, type StaffDecision } from './states';

const day = 24 * 3600 * 1000;

/** A renewal's step in her verification history: her status stays approved, the reason says what happened. */
function recordRenewalEvent(
  trx: Transaction<Database>,
  userId: string,
  actorId: string,
  reasonCode: EventReason,
  reasonText: string | null,
) {
  return trx
    .insertInto('verification_events')
    .values({
      subject: 'business',
      user_id: userId,
      actor_id: actorId,
      from_status: 'approved',
      to_status: 'approved',
      reason_code: reasonCode,
      reason_text: reasonText,
    })
    .execute();
}

export const reminderDays = [30, 7] as const;
/** She may renew from this many days before her approval lapses (and at any time after). */
export const renewalWindowDays = 30;

export function validMonths(env: Record<string, string | undefined> = process.env) {
  const n = Number(env.VERIFICATION_VALID_MONTHS ?? 12);
  return Number.isInteger(n) && n >= 1 && n <= 60 ? n : 12;
}

export function addMonths(from: Date, months = validMonths()) {
  const d = new Date(from);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

export type RenewalState = 'none' | 'valid' | 'due' | 'lapsed';

/** Where an approval stands at `now`: renewable once due (30 days before) or lapsed. */
export function renewalState(status: string, verifiedUntil: Date | string | null, now = new Date()): RenewalState {
  if (status !== 'approved' || !verifiedUntil) return 'none';
  const until = new Date(verifiedUntil).getTime();
  if (until <= now.getTime()) return 'lapsed';
  return until - now.getTime() <= renewalWindowDays * day ? 'due' : 'valid';
}

export type RenewResult = { ok: true; renewedUntil: Date } | { ok: false; problem: 'not-due' | 'not-found' };

/**
 * She confirms nothing changed: the approval runs another period from its end (or
 * from today when lapsed). Submitted twice, even at once, it renews once: the row
 * is locked, the second sees the new end (not due), and the unique renewal of that
 * period settles the rest.
 */
export async function renewVerification(userId: string, now = new Date()): Promise<RenewResult> {
  return db.transaction().execute(async (trx) => {
    const profile = await trx
      .selectFrom('business_profiles')
      .select(['verification_status', 'verified_until', 'renewal_review'])
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!profile) return { ok: false, problem: 'not-found' };
    const state = renewalState(profile.verification_status, profile.verified_until, now);
    if (state !== 'due' && state !== 'lapsed') return { ok: false, problem: 'not-due' };
    // She said something changed: the Union decides, a tick cannot overtake it.
    if (profile.renewal_review === 'submitted') return { ok: false, problem: 'not-due' };
    const previous = new Date(profile.verified_until ?? now);
    const renewedUntil = addMonths(previous.getTime() > now.getTime() ? previous : now);
    const row = await trx
      .insertInto('verification_renewals')
      .values({ user_id: userId, previous_until: previous, renewed_until: renewedUntil })
      .onConflict((oc) => oc.columns(['user_id', 'previous_until']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return { ok: false, problem: 'not-due' };
    await trx
      .updateTable('business_profiles')
      .set({ verified_until: renewedUntil, updated_at: now })
      .where('user_id', '=', userId)
      .where('verified_until', '=', previous)
      .execute();
    await recordRenewalEvent(trx, userId, userId, 'renewed', null);
    log.info('verification renewed', { userId, until: renewedUntil.toISOString() });
    return { ok: true, renewedUntil };
  });
}

export type RenewWithChangesResult = { ok: true } | { ok: false; problem: 'not-due' | 'not-found' | 'already-sent' };

/**
 * She says something changed (what, in her words, and any new documents): the
 * renewal goes back into the staff review queue, marked as a renewal with changes,
 * while her approval and badge stay valid until their current end. Sent twice, even
 * at once, it is one review: the row is locked and the second finds it already sent
 * (its documents are not added; the caller deletes their stored files).
 */
export async function requestRenewalWithChanges(
  userId: string,
  input: {
    changes: string;
    documents: { kind: 'citizen_id' | 'business_registration'; stored: readonly StoredUpload[] };
  },
  now = new Date(),
): Promise<RenewWithChangesResult> {
  return db.transaction().execute(async (trx) => {
    const profile = await trx
      .selectFrom('business_profiles')
      .select(['verification_status', 'verified_until', 'renewal_review'])
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!profile) return { ok: false, problem: 'not-found' };
    if (profile.renewal_review === 'submitted') return { ok: false, problem: 'already-sent' };
    const state = renewalState(profile.verification_status, profile.verified_until, now);
    if (state !== 'due' && state !== 'lapsed') return { ok: false, problem: 'not-due' };
    if (input.documents.stored.length)
      await trx
        .insertInto('verification_documents')
        .values(
          input.documents.stored.map((s) => ({
            user_id: userId,
            kind: input.documents.kind,
            storage_key: s.key,
            thumbnail_key: s.thumbnailKey,
            content_type: s.contentType,
            size_bytes: s.size,
            original_name: s.originalName,
          })),
        )
        .execute();
    await trx
      .updateTable('business_profiles')
      .set({ renewal_review: 'submitted', renewal_changes: input.changes, submitted_at: now, updated_at: now })
      .where('user_id', '=', userId)
      .execute();
    await recordRenewalEvent(trx, userId, userId, 'renewal_changes', input.changes);
    log.info('verification renewal with changes submitted', { userId });
    return { ok: true };
  });
}

export type RenewalDecisionResult =
  { ok: true; decision: RenewalDecision } | { ok: false; problem: 'self' | 'reason-required' };

/**
 * A staff decision on a renewal with changes, as for a first request:
 * - approve: the approval runs another period from its current end (or today when lapsed);
 * - needs_info: back to her with the reason; she sends the renewal again;
 * - reject: not renewed; her approval still ends when it would have (staff suspend
 *   or revoke separately when what changed calls for it).
 * Returns null when there is no renewal waiting in her scope: the caller's ordinary
 * transition then answers (and says not found or not possible).
 */
export async function decideRenewal(input: {
  userId: string;
  decision: StaffDecision;
  actor: Pick<SessionUser, 'id'>;
  scope: StaffScope;
  reasonCode?: string | null;
  reasonText?: string | null;
  now?: Date;
}): Promise<RenewalDecisionResult | null> {
  const { userId, decision, actor, scope } = input;
  if (!isRenewalDecision(decision)) return null;
  const now = input.now ?? new Date();
  const reasonText = input.reasonText?.trim() || null;
  const reasonCode = input.reasonCode || (decision === 'approve' ? 'checked' : null);
  return db.transaction().execute(async (trx): Promise<RenewalDecisionResult | null> => {
    const profile = await trx
      .selectFrom('business_profiles')
      .select(['verified_until'])
      .where('user_id', '=', userId)
      .where('verification_status', '=', 'approved')
      .where('renewal_review', '=', 'submitted')
      .where(provinceInScope(scope, 'business_profiles.province'))
      .forUpdate()
      .executeTakeFirst();
    if (!profile) return null;
    if (actor.id === userId) return { ok: false, problem: 'self' };
    if (!reasonCode || !isReasonFor(decision, reasonCode) || (reasonCode === 'other' && !reasonText))
      return { ok: false, problem: 'reason-required' };
    if (decision === 'approve') {
      const previous = new Date(profile.verified_until ?? now);
      const renewedUntil = addMonths(previous.getTime() > now.getTime() ? previous : now);
      await trx
        .insertInto('verification_renewals')
        .values({ user_id: userId, previous_until: previous, renewed_until: renewedUntil })
        .onConflict((oc) => oc.columns(['user_id', 'previous_until']).doNothing())
        .execute();
      await trx
        .updateTable('business_profiles')
        .set({
          verified_until: renewedUntil,
          verified_at: now,
          decided_at: now,
          renewal_review: null,
          renewal_changes: null,
          updated_at: now,
        })
        .where('user_id', '=', userId)
        .execute();
    } else {
      await trx
        .updateTable('business_profiles')
        .set({
          renewal_review: decision === 'needs_info' ? 'needs_info' : null,
          renewal_changes: decision === 'needs_info' ? undefined : null,
          decided_at: now,
          updated_at: now,
        })
        .where('user_id', '=', userId)
        .execute();
    }
    await recordRenewalEvent(trx, userId, actor.id, reasonCode, reasonText);
    await notify(trx, userId, {
      kind: 'verification_decision',
      key: `renewal.decision.${decision}`,
      params: { reason: reasonCode },
      link: '/dashboard/verification#renewal',
    });
    log.info('verification renewal decided', { userId, actorId: actor.id, decision });
    return { ok: true, decision };
  });
}

/**
 * Reminds each approved seller 30 and 7 days before her approval lapses, through
 * notify(). Idempotent: a reminder is a row keyed by the approval's end and the
 * days before it, written in the notice's transaction, so a rerun sends nothing twice.
 * A 30-day reminder missed (the worker was down) is not sent inside the last 7 days.
 */
export async function sendRenewalReminders(now = new Date()) {
  let sent = 0;
  for (const days of reminderDays) {
    const nearer = days === 30 ? 7 : 0;
    const due = await db
      .selectFrom('business_profiles')
      .select(['user_id', 'verified_until'])
      .where('verification_status', '=', 'approved')
      .where('verified_until', '>', new Date(now.getTime() + nearer * day))
      .where('verified_until', '<=', new Date(now.getTime() + days * day))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('verification_reminders as r')
              .select('r.user_id')
              .whereRef('r.user_id', '=', 'business_profiles.user_id')
              .whereRef('r.verified_until', '=', 'business_profiles.verified_until')
              .where('r.days_before', '=', days),
          ),
        ),
      )
      .limit(500)
      .execute();
    for (const p of due) {
      const until = p.verified_until;
      if (!until) continue;
      const done = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('verification_reminders')
          .values({ user_id: p.user_id, verified_until: until, days_before: days })
          .onConflict((oc) => oc.doNothing())
          .returning('user_id')
          .executeTakeFirst();
        if (!row) return false;
        await notify(trx, p.user_id, {
          kind: 'verification_decision',
          key: days === 30 ? 'renewal.notice.days30' : 'renewal.notice.days7',
          params: { date: new Date(until).toISOString() },
          link: '/dashboard/verification#renewal',
        });
        return true;
      });
      if (done) sent += 1;
    }
  }
  if (sent) log.info('verification renewal reminders sent', { count: sent });
  return sent;
}
