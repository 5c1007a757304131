import type { Transaction } from 'kysely';
import type { Database, SessionStatus } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { log } from '~/lib/log.server';
import { recordPaymentEventOnce, type CardEvent } from '~/modules/payments';
import { notify } from './booking.server';
import { refundIfDue } from './session.server';
import { oweRefund } from '~/modules/payments/refunds.server';
import { isUuid } from '~/lib/ids';

// Paid sessions: what the card rail's events (read by the payments interface)
// and the passing of time do to a session held in 'awaiting_payment'. The
// webhook route hands every event whose metadata.kind is 'mentoring' here.

/** Handles one card event for a mentoring session, once per event id. */
export async function handleMentoringPayment(event: CardEvent | null, now = new Date()) {
  if (!event) return 'ignored' as const;
  const sessionId = event.metadata.mentoring_session_id;
  let refund: string | null = null;
  const outcome = await db.transaction().execute(async (trx) => {
    if (!(await recordPaymentEventOnce(trx, event))) return 'duplicate' as const;
    if (!isUuid(sessionId)) return 'ignored' as const;
    // The Checkout Session must be the one opened for this booking.
    const s = await trx
      .selectFrom('mentoring_sessions as s')
      .innerJoin('mentor_offers as o', 'o.mentor_id', 's.mentor_id')
      .select([
        's.id',
        's.status',
        's.mentor_id',
        's.mentee_id',
        's.starts_at',
        's.stripe_payment_intent',
        's.price',
        'o.requires_confirmation',
      ])
      .where('s.id', '=', sessionId)
      .where('s.stripe_session_id', '=', event.reference)
      .forUpdate()
      .executeTakeFirst();
    if (!s) return 'ignored' as const;

    if (event.outcome === 'paid') {
      const intent = event.paymentIntent;
      if (s.status === 'awaiting_payment') {
        const status: SessionStatus = s.requires_confirmation ? 'pending' : 'confirmed';
        await trx
          .updateTable('mentoring_sessions')
          .set({ status, stripe_payment_intent: intent, paid_at: now, updated_at: now })
          .where('id', '=', s.id)
          .execute();
        await notify(
          trx,
          s.mentor_id,
          status === 'pending' ? 'mentoring.notify.requested' : 'mentoring.notify.booked',
          s.id,
          s.starts_at,
        );
        return 'handled' as const;
      }
      if (s.status === 'cancelled' && !s.stripe_payment_intent && intent) {
        // Paid after the hold lapsed: the slot may be someone else's now, so the money goes back.
        await trx
          .updateTable('mentoring_sessions')
          .set({ stripe_payment_intent: intent, paid_at: now, updated_at: now })
          .where('id', '=', s.id)
          .execute();
        await oweRefund(trx, {
          kind: 'mentoring',
          subjectId: s.id,
          rail: 'card',
          paymentIntent: intent,
          amount: s.price,
        });
        refund = s.id;
      }
      return 'handled' as const;
    }
    await releaseHold(trx, s.id, now);
    return 'handled' as const;
  });
  if (refund) await refundIfDue(refund, now);
  return outcome;
}

async function releaseHold(trx: Transaction<Database>, id: string, now: Date) {
  const row = await trx
    .updateTable('mentoring_sessions')
    .set({ status: 'cancelled', cancelled_at: now, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'awaiting_payment')
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

/** Releases every unpaid hold older than its deadline (run by the mentoring job). */
export async function releaseExpiredHolds(now = new Date()) {
  const rows = await db
    .updateTable('mentoring_sessions')
    .set({ status: 'cancelled', cancelled_at: now, updated_at: now })
    .where('status', '=', 'awaiting_payment')
    .where('hold_expires_at', '<=', now)
    .returning('id')
    .execute();
  if (rows.length) log.info('unpaid mentoring holds released', { count: rows.length });
  return { released: rows.length };
}
