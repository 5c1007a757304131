import { type Transaction } from 'kysely';
import type { Database, SessionStatus } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { notify as notifyPerson } from '~/modules/notifications/notify.server';
import { type MessageKey } from '~/lib/i18n';
import { translatorFor } from '~/lib/i18n.server';
import { log } from '~/lib/log.server';
import { createPayment, railEnabled } from '~/modules/payments';
import { computeSlots, type Slot } from './slots';
import { absoluteUrl } from '~/lib/origin.server';
import { paymentHoldMinutes } from './common.server';
import { availabilityOf, busyOf, freeSlots } from './free-slots.server';

// Booking a session: the slot is taken in the database (exclusion constraints), a paid one
// is held while she pays on the card rail's page; notices to both people.

export type BookingProblem =
  'taken' | 'menteeBusy' | 'notOffered' | 'notASlot' | 'paid' | 'paymentFailed' | 'self' | 'tooLate';
export type BookingResult =
  // checkoutUrl: a paid booking is held until the mentee pays there.
  | { ok: true; id: string; status: SessionStatus; checkoutUrl?: string }
  // refusedBy: 'database' when the exclusion constraint settled it (a race the check could not see).
  | { ok: false; problem: BookingProblem; nextSlots: Slot[]; refusedBy?: 'database' };

/** An exclusion-constraint violation: the database refused an overlapping session. */
export function overlapOf(error: unknown): 'taken' | 'menteeBusy' | null {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e?.code !== '23P01') return null;
  const name = e.constraint ?? e.message ?? '';
  return name.includes('mentee') ? 'menteeBusy' : 'taken';
}

export const sameInstant = (a: Date, b: Date) => a.getTime() === b.getTime();

/**
 * Books a free session. The slot is checked against her availability in code, and
 * the database's exclusion constraints settle any race: of many mentees asking
 * for the same time at once exactly one gets it, the others get `taken` and the
 * next free slots.
 */
export async function bookSession(input: {
  mentorId: string;
  menteeId: string;
  startsAt: Date;
  note: string;
  now?: Date;
}): Promise<BookingResult> {
  const now = input.now ?? new Date();
  const next = () => freeSlots(input.mentorId, { now, limit: 5 });
  if (input.mentorId === input.menteeId) return { ok: false, problem: 'self', nextSlots: [] };
  let result: BookingResult;
  try {
    result = await db.transaction().execute(async (trx): Promise<BookingResult> => {
      const found = await availabilityOf(input.mentorId, trx);
      if (!found) return { ok: false, problem: 'notOffered', nextSlots: [] };
      const { offer, availability } = found;
      // A paid session needs the card rail; without it configured it is refused.
      const paid = offer.price > 0;
      if (paid && !railEnabled('card')) return { ok: false, problem: 'paid', nextSlots: [] };
      const busy = await busyOf(input.mentorId, now, trx);
      const slots = computeSlots(availability, busy, now);
      const slot = slots.find((s) => sameInstant(s.start, input.startsAt));
      if (!slot) {
        // Still a valid slot when nobody holds it? Then someone just took it.
        const free = computeSlots(availability, [], now).some((s) => sameInstant(s.start, input.startsAt));
        return { ok: false, problem: free ? 'taken' : 'notASlot', nextSlots: [] };
      }
      const status: SessionStatus = paid ? 'awaiting_payment' : offer.requires_confirmation ? 'pending' : 'confirmed';
      const row = await trx
        .insertInto('mentoring_sessions')
        .values({
          mentor_id: input.mentorId,
          mentee_id: input.menteeId,
          starts_at: slot.start,
          ends_at: slot.end,
          blocked_until: new Date(slot.end.getTime() + offer.buffer_minutes * 60_000),
          status,
          note: input.note,
          price: offer.price,
          meeting_mode: offer.meeting_mode,
          meeting_place: offer.meeting_place,
          time_zone: offer.time_zone,
          hold_expires_at: paid ? new Date(now.getTime() + paymentHoldMinutes * 60_000) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // A held session is announced to the mentor once it is paid (the webhook).
      if (!paid)
        await notify(
          trx,
          input.mentorId,
          status === 'pending' ? 'mentoring.notify.requested' : 'mentoring.notify.booked',
          row.id,
          slot.start,
        );
      return { ok: true, id: row.id, status };
    });
  } catch (error) {
    const overlap = overlapOf(error);
    if (!overlap) throw error;
    result = { ok: false, problem: overlap, nextSlots: [], refusedBy: 'database' };
  }
  if (!result.ok && (result.problem === 'taken' || result.problem === 'menteeBusy' || result.problem === 'notASlot')) {
    result.nextSlots = await next();
  }
  if (result.ok && result.status === 'awaiting_payment') {
    const checkoutUrl = await openCheckout(result.id, now);
    if (!checkoutUrl) return { ok: false, problem: 'paymentFailed', nextSlots: [] };
    result.checkoutUrl = checkoutUrl;
  }
  if (result.ok)
    log.info('mentoring session booked', { sessionId: result.id, mentorId: input.mentorId, status: result.status });
  else if (result.refusedBy)
    log.info('mentoring booking refused by the database', { mentorId: input.mentorId, problem: result.problem });
  return result;
}

/**
 * Opens the card payment (payments interface) of a held booking and records its reference. When
 * the rail refuses or cannot be reached the hold is released at once (null).
 */
async function openCheckout(sessionId: string, now: Date) {
  const s = await db
    .selectFrom('mentoring_sessions as s')
    .innerJoin('users as mentor', 'mentor.id', 's.mentor_id')
    .innerJoin('users as mentee', 'mentee.id', 's.mentee_id')
    .select([
      's.price',
      's.hold_expires_at',
      'mentor.display_name as mentor_name',
      'mentee.email as mentee_email',
      'mentee.locale as mentee_locale',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirstOrThrow();
  try {
    const t = translatorFor(s.mentee_locale);
    // The card rail needs at least 30 minutes; a minute more than our hold, so the hold lapses first.
    const checkout = await createPayment(
      'card',
      { kind: 'mentoring', sessionId },
      {
        lines: [{ name: t('mentoring.payment.item', { name: s.mentor_name }), unitAmount: s.price, quantity: 1 }],
        email: s.mentee_email,
        successUrl: absoluteUrl(`/sessions/${sessionId}?notice=notice.mentoringPaid`),
        cancelUrl: absoluteUrl(`/sessions/${sessionId}`),
        expiresAt: new Date(now.getTime() + (paymentHoldMinutes + 1) * 60_000),
      },
    );
    if (!checkout.redirect) throw new Error('the card rail gave no payment page');
    await db
      .updateTable('mentoring_sessions')
      .set({ stripe_session_id: checkout.reference })
      .where('id', '=', sessionId)
      .execute();
    return checkout.redirect;
  } catch (error) {
    log.warn('card payment for a mentoring session could not be opened', {
      sessionId,
      error: (error as Error).message,
    });
    await db
      .updateTable('mentoring_sessions')
      .set({ status: 'cancelled', cancelled_at: now, cancel_reason: null, updated_at: now })
      .where('id', '=', sessionId)
      .where('status', '=', 'awaiting_payment')
      .execute();
    return null;
  }
}

/** Tells one side about a session (in-app, and her channels for bookings), in her own language and zone. */
export async function notify(
  trx: Transaction<Database>,
  userId: string,
  key: MessageKey,
  sessionId: string,
  startsAt: Date,
) {
  await notifyPerson(trx, userId, {
    kind: 'booking',
    key,
    params: { when: startsAt.toISOString() },
    link: `/sessions/${sessionId}`,
  });
}
