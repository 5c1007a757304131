import type { Transaction } from 'kysely';
import type { Database, PaymentMethod } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { log } from '~/lib/log.server';
import { refundPayment, type RefundTarget } from './index';

// One refund order for orders, paid sessions and paid group seats (docs/decisions/
// 0002-one-refund-order.md): the change that makes a refund owed (a cancellation,
// a decline, a payment that came after its hold lapsed) writes the owed refund in
// its own transaction with oweRefund; after the commit the caller sends it with
// sendOwedRefund. A refund the rail could not make stays owed and the
// retry-refunds job tries it again with backoff. Each owed refund has one
// idempotency key (also Stripe's), so it is never made twice.

type Trx = Transaction<Database>;
export type OwedKind = Database['owed_refunds']['kind'];

const minute = 60_000;

/** Wait before the next attempt after `attempts` failed ones: 5, 10, 20 … minutes, at most 6 hours. */
export function refundBackoff(attempts: number) {
  return Math.min(5 * minute * 2 ** Math.max(attempts - 1, 0), 6 * 60 * minute);
}

/** The rail's target and idempotency key of an owed refund. */
function targetOf(kind: OwedKind, subjectId: string): { target: RefundTarget; key: string } {
  switch (kind) {
    case 'order':
      return { target: { kind: 'order', orderId: subjectId }, key: `refund-${subjectId}` };
    case 'mentoring':
      return { target: { kind: 'mentoring', sessionId: subjectId }, key: `mentoring-refund-${subjectId}` };
    case 'group_seat':
      return { target: { kind: 'group_seat', bookingId: subjectId }, key: `group-seat-refund-${subjectId}` };
  }
}

/**
 * Records in the caller's transaction that `subjectId` is owed `amount` back on
 * `rail`. Once per subject: recording it again changes nothing.
 */
export async function oweRefund(
  trx: Trx,
  input: { kind: OwedKind; subjectId: string; rail: PaymentMethod; paymentIntent: string | null; amount: number },
) {
  if (input.amount <= 0) return false;
  const row = await trx
    .insertInto('owed_refunds')
    .values({
      kind: input.kind,
      subject_id: input.subjectId,
      rail: input.rail,
      payment_intent: input.paymentIntent,
      amount: input.amount,
      idempotency_key: targetOf(input.kind, input.subjectId).key,
    })
    .onConflict((oc) => oc.columns(['kind', 'subject_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

export type SentRefund = { amount: number; reference: string | null; sentAt: Date };

/**
 * Sends the refund owed to `subjectId` through its rail, after the change that
 * owed it committed. Returns what was sent (a card refund's id; null for a rail
 * where the seller transfers it by hand), or null when nothing is owed or the
 * rail failed: then the attempt is counted and the next one waits (refundBackoff).
 */
export async function sendOwedRefund(kind: OwedKind, subjectId: string, now = new Date()): Promise<SentRefund | null> {
  const owed = await db
    .selectFrom('owed_refunds')
    .select(['id', 'rail', 'payment_intent', 'amount', 'idempotency_key', 'attempts'])
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  if (!owed) return null;
  try {
    const made = await refundPayment(owed.rail, targetOf(kind, subjectId).target, {
      paymentIntent: owed.payment_intent,
      amount: owed.amount,
      key: owed.idempotency_key,
    });
    const reference = made.sent ? made.reference : null;
    await db
      .updateTable('owed_refunds')
      .set({ sent_at: now, refund_reference: reference, attempts: owed.attempts + 1, last_error: null })
      .where('id', '=', owed.id)
      .where('sent_at', 'is', null)
      .execute();
    log.info('owed refund sent', { kind, subjectId });
    return { amount: owed.amount, reference, sentAt: now };
  } catch (error) {
    const attempts = owed.attempts + 1;
    await db
      .updateTable('owed_refunds')
      .set({
        attempts,
        next_attempt_at: new Date(now.getTime() + refundBackoff(attempts)),
        last_error: String(error).slice(0, 500),
      })
      .where('id', '=', owed.id)
      .where('sent_at', 'is', null)
      .execute();
    log.warn('refund failed; it stays owed and the retry-refunds job will try again', {
      kind,
      subjectId,
      attempts,
      error: String(error),
    });
    return null;
  }
}

/** Owed refunds whose next attempt is due: the retry-refunds job's list. */
export function dueOwedRefunds(now = new Date(), limit = 100) {
  return db
    .selectFrom('owed_refunds')
    .select(['kind', 'subject_id'])
    .where('sent_at', 'is', null)
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}

/** The owed refund of one subject, sent or not (pages and tests). */
export function findOwedRefund(kind: OwedKind, subjectId: string) {
  return db
    .selectFrom('owed_refunds')
    .selectAll()
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
}

/** Marks an owed refund as made elsewhere (a refund done in Stripe's dashboard), in the caller's transaction. */
export async function settleOwedRefund(trx: Trx, kind: OwedKind, subjectId: string, now = new Date()) {
  await trx
    .updateTable('owed_refunds')
    .set({ sent_at: now })
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .where('sent_at', 'is', null)
    .execute();
}
