// Renewal (issue 19): an approval is valid VERIFICATION_VALID_MONTHS (12) months.
// 30 and 7 days before it lapses she is reminded, each once; she renews with a
// short re-declaration that nothing changed. A lapsed approval shows no badge:
// her storefront and listings say "verification expired" until she renews; her
// listings can still be bought (Sen's choice: a lapse is paperwork, not a
// finding against her, and cutting her sales off would punish the women who
// are least online; buyers see the warning and decide).
import { db } from '~/lib/db.server';
import { log } from '~/lib/log.server';
import { notify } from '~/modules/notifications/notify.server';

const day = 24 * 3600 * 1000;
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
      .select(['verification_status', 'verified_until'])
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!profile) return { ok: false, problem: 'not-found' };
    const state = renewalState(profile.verification_status, profile.verified_until, now);
    if (state !== 'due' && state !== 'lapsed') return { ok: false, problem: 'not-due' };
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
    await trx
      .insertInto('verification_events')
      .values({
        subject: 'business',
        user_id: userId,
        actor_id: userId,
        from_status: 'approved',
        to_status: 'approved',
        reason_code: 'renewed',
        reason_text: null,
      })
      .execute();
    log.info('verification renewed', { userId, until: renewedUntil.toISOString() });
    return { ok: true, renewedUntil };
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
