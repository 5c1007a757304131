import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { translatorFor } from '~/lib/i18n.server';
import { isUuid } from '~/lib/ids';
import { log } from '~/lib/log.server';
import { absoluteUrl } from '~/lib/origin.server';
import { createPayment, recordPaymentEventOnce, type CardEvent } from '~/modules/payments';
import { oweRefund, sendOwedRefund } from '~/modules/payments/refunds.server';
import { paymentHoldMinutes } from './common.server';
import { groupNotice } from './group-notice.server';

// Paid group seats (issue 20), on the same path as a paid single session: the
// seat is held in 'awaiting_payment' (it counts in seats_taken, so the
// database's no-overbooking check still decides) while she pays through the
// payments interface; the card rail's event books it, or its lapse (the event,
// or the hold's deadline) gives the seat back. A cancelled paid seat is refunded
// by the one refund order (payments/refunds.server.ts).

type Trx = Transaction<Database>;

/**
 * Opens the card payment of a held seat and records its reference. When the rail
 * refuses or cannot be reached, the seat is given back at once (null).
 */
export async function openSeatCheckout(bookingId: string, now = new Date()) {
  const b = await db
    .selectFrom('group_bookings as b')
    .innerJoin('group_sessions as g', 'g.id', 'b.group_session_id')
    .innerJoin('users as u', 'u.id', 'b.attendee_id')
    .select(['b.price', 'g.id as session_id', 'g.title', 'u.email', 'u.locale'])
    .where('b.id', '=', bookingId)
    .executeTakeFirstOrThrow();
  try {
    const t = translatorFor(b.locale);
    // The card rail needs at least 30 minutes; a minute more than our hold, so the hold lapses first.
    const started = await createPayment(
      'card',
      { kind: 'group_seat', bookingId },
      {
        lines: [{ name: t('paidseat.item', { title: b.title }), unitAmount: b.price, quantity: 1 }],
        email: b.email,
        successUrl: absoluteUrl(`/group-sessions/${b.session_id}?notice=notice.paidseat.paid`),
        cancelUrl: absoluteUrl(`/group-sessions/${b.session_id}`),
        expiresAt: new Date(now.getTime() + (paymentHoldMinutes + 1) * 60_000),
      },
    );
    if (!started.redirect) throw new Error('the card rail gave no payment page');
    await db
      .updateTable('group_bookings')
      .set({ payment_reference: started.reference })
      .where('id', '=', bookingId)
      .execute();
    return started.redirect;
  } catch (error) {
    log.warn('card payment for a group seat could not be opened', { bookingId, error: String(error) });
    await db.transaction().execute((trx) => releaseSeats(trx, { id: bookingId }, now));
    return null;
  }
}

/**
 * Gives back seats still held for payment: one booking (`id`) or every hold past
 * its deadline (`expiredBy`). Each released hold lowers its session's count in
 * the same transaction. Returns how many were released.
 */
async function releaseSeats(trx: Trx, which: { id: string } | { expiredBy: Date }, now: Date) {
  const released = await trx
    .updateTable('group_bookings')
    .set({ status: 'cancelled', cancelled_at: now })
    .where('status', '=', 'awaiting_payment')
    .$if('id' in which, (q) => q.where('id', '=', 'id' in which ? which.id : ''))
    .$if('expiredBy' in which, (q) => q.where('hold_expires_at', '<=', 'expiredBy' in which ? which.expiredBy : now))
    .returning('group_session_id')
    .execute();
  for (const r of released) {
    await trx
      .updateTable('group_sessions')
      .set({ seats_taken: sql`seats_taken - 1` })
      .where('id', '=', r.group_session_id)
      .execute();
  }
  return released.length;
}

/** Releases every unpaid seat hold older than its deadline (run by the mentoring job). */
export async function releaseExpiredSeatHolds(now = new Date()) {
  const released = await db.transaction().execute((trx) => releaseSeats(trx, { expiredBy: now }, now));
  if (released) log.info('unpaid group seat holds released', { count: released });
  return { seatsReleased: released };
}

/** Handles one card event for a group seat, once per event id. */
export async function handleGroupSeatPayment(event: CardEvent | null, now = new Date()) {
  if (!event) return 'ignored' as const;
  const bookingId = event.metadata.group_booking_id;
  let refund: string | null = null;
  const outcome = await db.transaction().execute(async (trx) => {
    if (!(await recordPaymentEventOnce(trx, event))) return 'duplicate' as const;
    if (!isUuid(bookingId)) return 'ignored' as const;
    // The payment must be the one opened for this seat.
    const b = await trx
      .selectFrom('group_bookings as b')
      .innerJoin('group_sessions as g', 'g.id', 'b.group_session_id')
      .select([
        'b.id',
        'b.status',
        'b.attendee_id',
        'b.price',
        'b.payment_intent',
        'g.id as session_id',
        'g.title',
        'g.starts_at',
      ])
      .where('b.id', '=', bookingId)
      .where('b.payment_reference', '=', event.reference)
      .forUpdate('b')
      .executeTakeFirst();
    if (!b) return 'ignored' as const;
    if (event.outcome === 'lapsed') {
      await releaseSeats(trx, { id: b.id }, now);
      return 'handled' as const;
    }
    const intent = event.paymentIntent;
    if (b.status === 'awaiting_payment') {
      await trx
        .updateTable('group_bookings')
        .set({ status: 'booked', payment_intent: intent, paid_at: now, hold_expires_at: null })
        .where('id', '=', b.id)
        .execute();
      await groupNotice(trx, b.attendee_id, 'depth.group.notice.booked', b.session_id, b.title, b.starts_at);
      return 'handled' as const;
    }
    if (b.status === 'cancelled' && !b.payment_intent && intent) {
      // Paid after the hold lapsed: the seat may be someone else's now, so the money goes back.
      await trx
        .updateTable('group_bookings')
        .set({ payment_intent: intent, paid_at: now })
        .where('id', '=', b.id)
        .execute();
      await oweRefund(trx, {
        kind: 'group_seat',
        subjectId: b.id,
        rail: 'card',
        paymentIntent: intent,
        amount: b.price,
      });
      refund = b.id;
    }
    return 'handled' as const;
  });
  if (refund) await refundSeatIfDue(refund, now);
  return outcome;
}

/** Sends the refund a cancelled paid seat is owed; false when none is owed or the rail failed (it stays owed). */
export async function refundSeatIfDue(bookingId: string, now = new Date()) {
  return Boolean(await sendOwedRefund('group_seat', bookingId, now));
}
