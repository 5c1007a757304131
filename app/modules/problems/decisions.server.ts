import { defined } from '~/lib/defined';
import { db } from '~/lib/db.server';
import type { MessageKey } from '~/lib/i18n';
import { isUuid } from '~/lib/ids';
import { log } from '~/lib/log.server';
import { refundPayment, refundReference } from '~/modules/payments';
import { deleteStored } from '~/lib/uploads.server';
import { mayTakeProblem } from './states';
import { findProblemOfOrder } from './queries.server';
import { lockProblem, notFound, noticeAboutProblem, recordStep, type Result, storePhotos } from './shared.server';

// Staff decide; a refund owed is recorded (QR/COD transfer) or sent (card).

/** Staff decide a problem the two sides asked them to: refund owed or not. Both are told; it counts on the seller's record. */
export async function decideProblem(
  staffId: string,
  problemId: string | undefined,
  input: { decision: 'refund_owed' | 'no_refund'; amount?: number; note: string },
): Promise<Result> {
  if (!isUuid(problemId)) return notFound;
  return db.transaction().execute(async (trx): Promise<Result> => {
    const locked = await lockProblem(trx, problemId);
    if (!locked) return notFound;
    if (!mayTakeProblem('decide', 'staff', locked)) return { ok: false, status: 400, error: 'problems.error.notNow' };
    const order = await trx
      .selectFrom('orders')
      .select(['total'])
      .where('id', '=', locked.order_id)
      .executeTakeFirstOrThrow();
    // Refund owed: the amount staff name (the whole order unless they say less), less what she already refunded.
    const amount = input.decision === 'refund_owed' ? Math.min(input.amount ?? order.total, order.total) : null;
    const now = new Date();
    await trx
      .updateTable('order_problems')
      .set({
        state: 'decided',
        decision: input.decision,
        decision_note: input.note,
        decided_by: staffId,
        decided_at: now,
        updated_at: now,
        ...(amount !== null ? { refund_amount: amount, refund_reference: null, refunded_at: null } : {}),
      })
      .where('id', '=', locked.id)
      .where('state', '=', 'with_staff')
      .execute();
    await recordStep(
      trx,
      locked.order_id,
      { id: null, role: 'system' },
      'decided',
      input.decision === 'refund_owed' ? 'refund_owed' : 'no_refund',
    );
    const key: MessageKey =
      input.decision === 'refund_owed' ? 'problems.notify.decided.refund_owed' : 'problems.notify.decided.no_refund';
    await noticeAboutProblem(trx, locked, 'buyer', key);
    await noticeAboutProblem(trx, locked, 'seller', key);
    return { ok: true, problemId: locked.id };
  });
}

/**
 * After staff found a refund owed, the seller records her refund: a QR or COD
 * order by her transfer's reference and receipt; a card order through Stripe.
 */
export async function recordRefund(
  sellerId: string,
  orderId: string | undefined,
  input: { reference?: string },
  photos: File[],
): Promise<Result> {
  const problem = await findProblemOfOrder('seller', sellerId, orderId);
  if (!problem) return notFound;
  if (!mayTakeProblem('record_refund', 'seller', problem))
    return { ok: false, status: 400, error: 'problems.error.notNow' };
  let reference = input.reference ?? null;
  let stored: { key: string; thumbnailKey: string | null }[] = [];
  if (problem.payment_method === 'card') {
    const order = await db
      .selectFrom('orders')
      .select(['stripe_payment_intent'])
      .where('id', '=', problem.order_id)
      .executeTakeFirstOrThrow();
    if (!order.stripe_payment_intent) return { ok: false, status: 400, error: 'orders.error.refundFailed' };
    try {
      reference = refundReference(
        await refundPayment(
          'card',
          { kind: 'order', orderId: problem.order_id },
          {
            paymentIntent: order.stripe_payment_intent,
            amount: defined(problem.refund_amount, 'the decided refund'),
            key: `problem-decision-refund-${problem.id}`,
          },
        ),
      );
    } catch (error) {
      log.warn('stripe refund for a decided problem failed', { problemId: problem.id, error: String(error) });
      return { ok: false, status: 400, error: 'orders.error.refundFailed' };
    }
  } else {
    if (!reference) return { ok: false, status: 400, error: 'problems.error.reference', field: 'reference' };
    if (!photos.length) return { ok: false, status: 400, error: 'problems.error.receipt', field: 'photos' };
    const result = await storePhotos(photos, problem.order_id, 'photos');
    if (!result.ok) return { ok: false, status: 400, error: result.error, field: 'photos' };
    stored = result.stored;
  }
  const done = await db.transaction().execute(async (trx) => {
    const locked = await lockProblem(trx, problem.id);
    if (!locked || !mayTakeProblem('record_refund', 'seller', locked)) return false;
    await trx
      .updateTable('order_problems')
      .set({ refund_reference: reference, refunded_at: new Date(), updated_at: new Date() })
      .where('id', '=', locked.id)
      .where('refunded_at', 'is', null)
      .execute();
    if (stored.length)
      await trx
        .insertInto('order_problem_photos')
        .values(
          stored.map((s) => ({
            problem_id: locked.id,
            side: 'seller' as const,
            purpose: 'receipt' as const,
            key: s.key,
            thumbnail_key: s.thumbnailKey,
          })),
        )
        .execute();
    await recordStep(trx, locked.order_id, { id: sellerId, role: 'seller' }, 'refunded', reference);
    await noticeAboutProblem(trx, locked, 'buyer', 'problems.notify.refunded');
    return true;
  });
  if (!done) {
    await deleteStored(stored.flatMap((s) => [s.key, s.thumbnailKey]));
    return { ok: false, status: 400, error: 'problems.error.notNow' };
  }
  return { ok: true, problemId: problem.id };
}
