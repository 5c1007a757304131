import { defined } from '~/lib/defined';
import type { ProblemStep } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { log } from '~/lib/log.server';
import { refundPayment, refundReference } from '~/modules/payments';
import { deleteStored } from '~/lib/uploads.server';
import { mayTakeProblem, type ProblemAction, problemRules, problemTarget } from './states';
import { findProblemOfOrder } from './queries.server';
import { lockProblem, notFound, noticeAboutProblem, recordStep, type Result, storePhotos } from './shared.server';

// The seller's answer, and the sides' next moves (accept, withdraw, ask staff).

type Answer = { kind: 'refund' | 'replacement' | 'reply'; note: string; amount?: number; reference?: string };

/**
 * The seller answers: a refund (full or partial; a card order is refunded through
 * Stripe, a QR or COD one needs her transfer's reference and receipt), a
 * replacement, or a reply with her own evidence.
 */
export async function answerProblem(
  sellerId: string,
  orderId: string | undefined,
  answer: Answer,
  photos: File[],
): Promise<Result> {
  const problem = await findProblemOfOrder('seller', sellerId, orderId);
  if (!problem) return notFound;
  if (!mayTakeProblem('answer', 'seller', problem)) return { ok: false, status: 400, error: 'problems.error.notNow' };
  let reference = answer.reference ?? null;
  if (answer.kind === 'refund') {
    if (!answer.amount || answer.amount > problem.order_total)
      return { ok: false, status: 400, error: 'problems.error.amount', field: 'amount' };
    if (problem.payment_method !== 'card') {
      if (!reference) return { ok: false, status: 400, error: 'problems.error.reference', field: 'reference' };
      if (!photos.length) return { ok: false, status: 400, error: 'problems.error.receipt', field: 'photos' };
    }
  }
  const stored = await storePhotos(photos, problem.order_id, 'photos');
  if (!stored.ok) return { ok: false, status: 400, error: stored.error, field: 'photos' };
  if (answer.kind === 'refund' && problem.payment_method === 'card') {
    const order = await db
      .selectFrom('orders')
      .select(['stripe_payment_intent'])
      .where('id', '=', problem.order_id)
      .executeTakeFirstOrThrow();
    if (!order.stripe_payment_intent) return { ok: false, status: 400, error: 'orders.error.refundFailed' };
    try {
      const refund = await refundPayment(
        'card',
        { kind: 'order', orderId: problem.order_id },
        {
          paymentIntent: order.stripe_payment_intent,
          amount: defined(answer.amount, 'the refund amount'),
          key: `problem-refund-${problem.id}`,
        },
      );
      reference = refundReference(refund);
    } catch (error) {
      await deleteStored(stored.stored.flatMap((s) => [s.key, s.thumbnailKey]));
      log.warn('stripe refund for a problem failed', { problemId: problem.id, error: String(error) });
      return { ok: false, status: 400, error: 'orders.error.refundFailed' };
    }
  }
  const done = await db.transaction().execute(async (trx) => {
    const locked = await lockProblem(trx, problem.id);
    if (!locked || !mayTakeProblem('answer', 'seller', locked)) return false;
    const now = new Date();
    await trx
      .updateTable('order_problems')
      .set({
        state: 'answered',
        answer_kind: answer.kind,
        answer_note: answer.note,
        updated_at: now,
        ...(answer.kind === 'refund'
          ? {
              refund_amount: defined(answer.amount, 'the refund amount'),
              refund_reference: reference,
              refunded_at: now,
            }
          : {}),
      })
      .where('id', '=', locked.id)
      .where('state', '=', locked.state)
      .execute();
    if (stored.stored.length) {
      const purpose = answer.kind === 'refund' ? ('receipt' as const) : ('evidence' as const);
      await trx
        .insertInto('order_problem_photos')
        .values(
          stored.stored.map((s) => ({
            problem_id: locked.id,
            side: 'seller' as const,
            purpose,
            key: s.key,
            thumbnail_key: s.thumbnailKey,
          })),
        )
        .execute();
    }
    await recordStep(
      trx,
      locked.order_id,
      { id: sellerId, role: 'seller' },
      answer.kind === 'refund' ? 'refunded' : 'answered',
      answer.note,
    );
    await noticeAboutProblem(trx, locked, 'buyer', `problems.notify.answered.${answer.kind}`);
    return true;
  });
  if (!done) {
    await deleteStored(stored.stored.flatMap((s) => [s.key, s.thumbnailKey]));
    return { ok: false, status: 400, error: 'problems.error.notNow' };
  }
  return { ok: true, problemId: problem.id };
}

const stepOf: Record<Exclude<ProblemAction, 'answer' | 'decide' | 'record_refund'>, ProblemStep> = {
  accept: 'accepted',
  escalate: 'escalated',
  withdraw: 'withdrawn',
};

/** The buyer accepts the answer or withdraws; either side asks staff to decide. */
export async function moveProblem(
  user: { id: string },
  as: 'buyer' | 'seller',
  orderId: string | undefined,
  action: 'accept' | 'escalate' | 'withdraw',
): Promise<Result> {
  const problem = await findProblemOfOrder(as, user.id, orderId);
  if (!problem) return notFound;
  if (!problemRules[action].by.includes(as)) return { ok: false, status: 403, error: 'orders.error.forbidden' };
  const done = await db.transaction().execute(async (trx) => {
    const locked = await lockProblem(trx, problem.id);
    if (!locked || !mayTakeProblem(action, as, locked)) return false;
    const now = new Date();
    const changed = await trx
      .updateTable('order_problems')
      .set({
        state: defined(problemTarget[action], 'the target state'),
        updated_at: now,
        ...(action === 'escalate' ? { escalated_by: as, escalated_at: now } : {}),
      })
      .where('id', '=', locked.id)
      .where('state', '=', locked.state)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) return false;
    await recordStep(trx, locked.order_id, { id: user.id, role: as }, stepOf[action]);
    await noticeAboutProblem(trx, locked, as === 'buyer' ? 'seller' : 'buyer', `problems.notify.${action}`);
    return true;
  });
  if (!done) return { ok: false, status: 400, error: 'problems.error.notNow' };
  return { ok: true, problemId: problem.id };
}
