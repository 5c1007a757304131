import { sql, type Transaction } from 'kysely';
import type { Database, SessionStatus } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { log } from '~/lib/log.server';
import { oweRefund, sendOwedRefund } from '~/modules/payments/refunds.server';
import { computeSlots, type Slot } from './slots';
import { isUuid } from '~/lib/ids';
import { notify, overlapOf, sameInstant } from './booking.server';
import { hour } from './common.server';
import { availabilityOf, busyOf, freeSlots } from './free-slots.server';

// One session: who sees it, what each side may do, and the actions (decide, cancel,
// reschedule, rate, notes, refunds owed).

export type Side = 'mentee' | 'mentor';

export async function findSessionFor(id: string, userId: string) {
  if (!isUuid(id)) return null;
  const row = await db
    .selectFrom('mentoring_sessions as s')
    .innerJoin('users as mentor', 'mentor.id', 's.mentor_id')
    .innerJoin('users as mentee', 'mentee.id', 's.mentee_id')
    .leftJoin('mentor_offers as o', 'o.mentor_id', 's.mentor_id')
    .selectAll('s')
    .select(['mentor.display_name as mentor_name', 'mentee.display_name as mentee_name', 'o.cancel_cutoff_hours'])
    .where('s.id', '=', id)
    .where((eb) => eb.or([eb('s.mentor_id', '=', userId), eb('s.mentee_id', '=', userId)]))
    .executeTakeFirst();
  if (!row) return null;
  const side: Side = row.mentor_id === userId ? 'mentor' : 'mentee';
  return { ...row, side, cancel_cutoff_hours: row.cancel_cutoff_hours ?? 12 };
}

export type SessionView = NonNullable<Awaited<ReturnType<typeof findSessionFor>>>;

/** What each side may do with a session now. */
export function allowedActions(
  s: Pick<SessionView, 'status' | 'starts_at' | 'ends_at' | 'side' | 'cancel_cutoff_hours' | 'rating'>,
  now = new Date(),
) {
  const live = s.status === 'pending' || s.status === 'confirmed';
  const beforeStart = now.getTime() < s.starts_at.getTime();
  const beforeCutoff = now.getTime() < s.starts_at.getTime() - s.cancel_cutoff_hours * hour;
  const over = now.getTime() >= s.ends_at.getTime();
  return {
    confirm: s.side === 'mentor' && s.status === 'pending' && beforeStart,
    decline: s.side === 'mentor' && s.status === 'pending' && beforeStart,
    // The mentor may cancel until the start; the mentee too, but after the cut-off it is recorded as late.
    cancel: live && beforeStart,
    lateCancel: s.side === 'mentee' && live && beforeStart && !beforeCutoff,
    reschedule: s.side === 'mentee' && live && beforeCutoff,
    rate: s.side === 'mentee' && s.status === 'confirmed' && over && s.rating == null,
    notes: s.side === 'mentor' && s.status === 'confirmed' && over,
  };
}

export type ActionProblem = 'notAllowed' | 'taken' | 'menteeBusy' | 'notASlot';

export async function decide(id: string, mentorId: string, to: 'confirmed' | 'declined', now = new Date()) {
  const done = await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('mentoring_sessions')
      .set({ status: to, updated_at: now })
      .where('id', '=', id)
      .where('mentor_id', '=', mentorId)
      .where('status', '=', 'pending')
      .where('starts_at', '>', now)
      .returning(['mentee_id', 'starts_at', 'price', 'stripe_payment_intent'])
      .executeTakeFirst();
    if (!row) return false;
    // A declined paid session owes its full price back, recorded with the decline.
    if (to === 'declined') await oweSessionRefund(trx, id, row);
    await notify(
      trx,
      row.mentee_id,
      to === 'confirmed' ? 'mentoring.notify.confirmed' : 'mentoring.notify.declined',
      id,
      row.starts_at,
    );
    return true;
  });
  // A declined paid session is refunded in full.
  if (done && to === 'declined') await refundIfDue(id, now);
  return done;
}

/** Records, in the transaction that declined or cancelled it, the full refund a paid session is owed. */
async function oweSessionRefund(
  trx: Transaction<Database>,
  id: string,
  s: { price: number; stripe_payment_intent: string | null },
) {
  if (!s.stripe_payment_intent || s.price <= 0) return;
  await oweRefund(trx, {
    kind: 'mentoring',
    subjectId: id,
    rail: 'card',
    paymentIntent: s.stripe_payment_intent,
    amount: s.price,
  });
}

/**
 * Sends the refund a paid session is owed (declined, cancelled by the mentor, or
 * cancelled by the mentee before the cut-off; a late cancellation owes nothing),
 * after the change that owed it committed, and records it on the session. The
 * refund is keyed by the session at the card rail, so it is never made twice; when
 * the rail cannot be reached it stays owed and the retry-refunds job sends it.
 */
export async function refundIfDue(id: string, now = new Date()) {
  const sent = await sendOwedRefund('mentoring', id, now);
  if (!sent) return false;
  await db
    .updateTable('mentoring_sessions')
    .set({ refund_id: sent.reference, refund_amount: sent.amount, refunded_at: now, updated_at: now })
    .where('id', '=', id)
    .where('refund_id', 'is', null)
    .execute();
  log.info('mentoring session refunded', { sessionId: id });
  return true;
}

/** Cancels a live session; a mentee's cancellation after the cut-off is recorded as late. */
export async function cancelSession(id: string, userId: string, reason: string, now = new Date(), read?: SessionView) {
  // The session as the caller read it, when she did: it is what the change is checked against.
  const s = read ?? (await findSessionFor(id, userId));
  if (!s || !allowedActions(s, now).cancel) return { ok: false as const };
  const late = allowedActions(s, now).lateCancel;
  const done = await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('mentoring_sessions')
      .set({
        status: 'cancelled',
        cancelled_by: s.side,
        cancelled_at: now,
        cancel_reason: reason || null,
        late_cancellation: late,
        updated_at: now,
      })
      .where('id', '=', id)
      // As it was read: whether it is late depends on the time it was read at.
      .where('status', '=', s.status)
      .where('starts_at', '=', s.starts_at)
      .returning(['id', 'price', 'stripe_payment_intent'])
      .executeTakeFirst();
    if (!row) return false;
    // The refund (none for the mentee's late cancellation) is owed in the cancelling transaction.
    if (!late) await oweSessionRefund(trx, id, row);
    const other = s.side === 'mentor' ? s.mentee_id : s.mentor_id;
    await notify(trx, other, late ? 'mentoring.notify.cancelledLate' : 'mentoring.notify.cancelled', id, s.starts_at);
    return true;
  });
  if (!done) return { ok: false as const };
  const refunded = await refundIfDue(id, now);
  return { ok: true as const, late, refunded };
}

/** The mentee moves her session to another free slot, until the cut-off. */
export async function rescheduleSession(
  id: string,
  menteeId: string,
  startsAt: Date,
  now = new Date(),
  read?: SessionView,
) {
  const s = read ?? (await findSessionFor(id, menteeId));
  if (!s || !allowedActions(s, now).reschedule)
    return { ok: false as const, problem: 'notAllowed' as ActionProblem, nextSlots: [] as Slot[] };
  try {
    const outcome = await db.transaction().execute(async (trx) => {
      const found = await availabilityOf(s.mentor_id, trx);
      if (!found) return 'notAllowed' as const;
      const busy = await busyOf(s.mentor_id, now, trx, id);
      const slot = computeSlots(found.availability, busy, now).find((x) => sameInstant(x.start, startsAt));
      if (!slot) return 'notASlot' as const;
      const status: SessionStatus = found.offer.requires_confirmation ? 'pending' : 'confirmed';
      // Moves the session only as it was read: a decline, a cancellation or another
      // move that came first wins, and this one changes nothing.
      const moved = await trx
        .updateTable('mentoring_sessions')
        .set({
          starts_at: slot.start,
          ends_at: slot.end,
          blocked_until: new Date(slot.end.getTime() + found.offer.buffer_minutes * 60_000),
          status,
          reschedule_count: sql`reschedule_count + 1`,
          updated_at: now,
        })
        .where('id', '=', id)
        .where('status', '=', s.status)
        .where('starts_at', '=', s.starts_at)
        .executeTakeFirst();
      if (!moved.numUpdatedRows) return 'notAllowed' as const;
      // Reminders follow the new time.
      await trx.deleteFrom('mentoring_reminders').where('session_id', '=', id).execute();
      await notify(trx, s.mentor_id, 'mentoring.notify.rescheduled', id, slot.start);
      return 'ok' as const;
    });
    if (outcome === 'ok') return { ok: true as const };
    return {
      ok: false as const,
      problem: outcome as ActionProblem,
      nextSlots: await freeSlots(s.mentor_id, { now, limit: 5, except: id }),
    };
  } catch (error) {
    const overlap = overlapOf(error);
    if (!overlap) throw error;
    return {
      ok: false as const,
      problem: overlap as ActionProblem,
      nextSlots: await freeSlots(s.mentor_id, { now, limit: 5, except: id }),
    };
  }
}

/** The mentee rates a session she attended, once. */
export async function rateSession(id: string, menteeId: string, rating: number, comment: string, now = new Date()) {
  const row = await db
    .updateTable('mentoring_sessions')
    .set({ rating, rating_comment: comment || null, rated_at: now })
    .where('id', '=', id)
    .where('mentee_id', '=', menteeId)
    .where('status', '=', 'confirmed')
    .where('ends_at', '<=', now)
    .where('rating', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

export async function saveSessionNotes(
  id: string,
  mentorId: string,
  notes: string,
  followUp: string,
  now = new Date(),
) {
  const row = await db
    .updateTable('mentoring_sessions')
    .set({ mentor_notes: notes, follow_up: followUp, updated_at: now })
    .where('id', '=', id)
    .where('mentor_id', '=', mentorId)
    .where('status', '=', 'confirmed')
    .where('ends_at', '<=', now)
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}
