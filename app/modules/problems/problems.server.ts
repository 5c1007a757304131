import type { Transaction } from 'kysely';
import { provinceInScope, type StaffScope } from '~/lib/auth.server';
import { defined } from '~/lib/defined';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database, ProblemKind, ProblemState, ProblemStep } from '../../../db/schema';
import { db } from '~/lib/db.server';
import type { MessageKey } from '~/lib/i18n';
import { isUuid } from '~/lib/ids';
import { log } from '~/lib/log.server';
import { refundCard } from '~/lib/payments.server';
import { deleteStored, storeUploads } from '~/lib/uploads.server';
import { notifyAboutOrder } from '~/modules/orders/orders.server';
import {
  answerDueFrom,
  lostDisputesFlag,
  mayOpenProblem,
  mayTakeProblem,
  type ProblemAction,
  problemRules,
  problemTarget,
} from './states';

// Problems with an order (issue 18): opening, answering, asking staff, deciding.
// Every step is one conditional update (`where state = <the state read>`), one
// row in the order's history and a notice to the other side. The database holds
// the invariants: one open problem per order, only the order's own buyer.

type Trx = Transaction<Database>;
type Result =
  { ok: true; problemId: string } | { ok: false; status: 400 | 403 | 404; error: MessageKey; field?: string };

export const maxProblemPhotos = 4;

const notFound = { ok: false, status: 404, error: 'orders.error.notFound' } as const;

/**
 * The one place problems speak to people: an in-app notice and an email, the way
 * orders do. (When a shared notify() exists, only this function changes.)
 */
async function noticeAboutProblem(
  trx: Trx,
  problem: { order_id: string; buyer_id: string; seller_id: string },
  to: 'buyer' | 'seller',
  key: MessageKey,
) {
  const link = to === 'buyer' ? `/orders/${problem.order_id}/problem` : `/dashboard/orders/${problem.order_id}/problem`;
  await notifyAboutOrder(trx, to === 'buyer' ? problem.buyer_id : problem.seller_id, problem.order_id, key, link);
}

async function recordStep(
  trx: Trx,
  orderId: string,
  actor: { id: string | null; role: 'buyer' | 'seller' | 'system' },
  step: ProblemStep,
  note: string | null = null,
) {
  // The order's state does not change; the history row carries the step.
  const order = await trx.selectFrom('orders').select('state').where('id', '=', orderId).executeTakeFirstOrThrow();
  await trx
    .insertInto('order_events')
    .values({
      order_id: orderId,
      actor_id: actor.id,
      actor_role: actor.role,
      from_state: order.state,
      to_state: order.state,
      problem_step: step,
      note: note?.slice(0, 500) ?? null,
    })
    .execute();
}

async function storePhotos(files: File[], orderId: string, field: string) {
  if (!files.length) return { ok: true as const, stored: [] };
  if (files.length > maxProblemPhotos)
    return { ok: false as const, error: 'verification.upload.tooMany' as MessageKey };
  // Images only, re-encoded (EXIF and GPS dropped) like listing photos; private: only the two sides and staff see them.
  const result = await storeUploads(
    files.map((file) => ({ field, file })),
    { prefix: `private/problems/${orderId}`, allow: ['jpeg', 'png', 'webp'] },
  );
  if (!result.ok)
    return {
      ok: false as const,
      error: Object.values(result.errors)[0] ?? ('verification.upload.badType' as MessageKey),
    };
  return { ok: true as const, stored: result.stored };
}

function isUniqueViolation(error: unknown) {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

/** The buyer opens a problem on her order, inside its window, with up to 4 photos. */
export async function openProblem(
  buyerId: string,
  orderId: string | undefined,
  input: { kind: ProblemKind; note: string },
  photos: File[],
  now = new Date(),
): Promise<Result> {
  if (!isUuid(orderId)) return notFound;
  const order = await db
    .selectFrom('orders')
    .select(['id', 'state', 'shipped_at', 'delivered_at'])
    .where('id', '=', orderId)
    .where('buyer_id', '=', buyerId)
    .executeTakeFirst();
  if (!order) return notFound;
  if (!mayOpenProblem(order, now)) return { ok: false, status: 400, error: 'problems.error.window' };
  const stored = await storePhotos(photos, orderId, 'photos');
  if (!stored.ok) return { ok: false, status: 400, error: stored.error, field: 'photos' };
  try {
    const id = await db.transaction().execute(async (trx) => {
      // Read again under the lock: the window is judged on the order as it is now.
      const locked = await trx
        .selectFrom('orders')
        .select(['id', 'state', 'shipped_at', 'delivered_at', 'buyer_id', 'seller_id'])
        .where('id', '=', orderId)
        .where('buyer_id', '=', buyerId)
        .forUpdate()
        .executeTakeFirst();
      if (!locked || !mayOpenProblem(locked, now)) return null;
      const problem = await trx
        .insertInto('order_problems')
        .values({
          order_id: locked.id,
          buyer_id: locked.buyer_id,
          seller_id: locked.seller_id,
          kind: input.kind,
          note: input.note,
          state: 'awaiting_seller',
          answer_due: answerDueFrom(now),
          updated_at: now,
        })
        .returning(['id', 'order_id', 'buyer_id', 'seller_id'])
        .executeTakeFirstOrThrow();
      if (stored.stored.length) {
        await trx
          .insertInto('order_problem_photos')
          .values(
            stored.stored.map((s) => ({
              problem_id: problem.id,
              side: 'buyer' as const,
              purpose: 'evidence' as const,
              key: s.key,
              thumbnail_key: s.thumbnailKey,
            })),
          )
          .execute();
      }
      await recordStep(trx, locked.id, { id: buyerId, role: 'buyer' }, 'opened', input.note);
      await noticeAboutProblem(trx, problem, 'seller', 'problems.notify.opened');
      return problem.id;
    });
    if (!id) {
      await deleteStored(stored.stored.flatMap((s) => [s.key, s.thumbnailKey]));
      return { ok: false, status: 400, error: 'problems.error.window' };
    }
    return { ok: true, problemId: id };
  } catch (error) {
    await deleteStored(stored.stored.flatMap((s) => [s.key, s.thumbnailKey]));
    // The partial unique index: another problem of this order is still open.
    if (isUniqueViolation(error)) return { ok: false, status: 400, error: 'problems.error.alreadyOpen' };
    throw error;
  }
}

type LockedProblem = {
  id: string;
  order_id: string;
  buyer_id: string;
  seller_id: string;
  state: ProblemState;
  answer_due: Date;
  decision: 'refund_owed' | 'no_refund' | null;
  refunded_at: Date | null;
  refund_amount: number | null;
};

async function lockProblem(trx: Trx, problemId: string) {
  return trx
    .selectFrom('order_problems')
    .select([
      'id',
      'order_id',
      'buyer_id',
      'seller_id',
      'state',
      'answer_due',
      'decision',
      'refunded_at',
      'refund_amount',
    ])
    .where('id', '=', problemId)
    .forUpdate()
    .executeTakeFirst() as Promise<LockedProblem | undefined>;
}

/** The open or latest problem of an order, as its buyer or seller sees it; null when there is none or it is not hers. */
export async function findProblemOfOrder(as: 'buyer' | 'seller', userId: string, orderId: string | undefined) {
  if (!isUuid(orderId)) return null;
  return problemDetail()
    .where('p.order_id', '=', orderId)
    .where(as === 'buyer' ? 'p.buyer_id' : 'p.seller_id', '=', userId)
    .orderBy('p.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

function problemDetail() {
  return db
    .selectFrom('order_problems as p')
    .innerJoin('orders as o', 'o.id', 'p.order_id')
    .selectAll('p')
    .select((eb) => [
      'o.total as order_total',
      'o.payment_method',
      'o.state as order_state',
      jsonArrayFrom(
        eb
          .selectFrom('order_problem_photos as f')
          .select(['f.id', 'f.side', 'f.purpose'])
          .whereRef('f.problem_id', '=', 'p.id')
          .orderBy('f.created_at'),
      ).as('photos'),
    ]);
}

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
      const refund = await refundCard(
        { kind: 'order', orderId: problem.order_id },
        {
          paymentIntent: order.stripe_payment_intent,
          amount: defined(answer.amount, 'the refund amount'),
          key: `problem-refund-${problem.id}`,
        },
      );
      reference = refund.id;
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
      reference = (
        await refundCard(
          { kind: 'order', orderId: problem.order_id },
          {
            paymentIntent: order.stripe_payment_intent,
            amount: defined(problem.refund_amount, 'the decided refund'),
            key: `problem-decision-refund-${problem.id}`,
          },
        )
      ).id;
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

// ---- staff ----

/** Problems waiting for a staff decision, oldest request first, with the seller's record. */
export async function listProblemsForStaff(scope: StaffScope) {
  return db
    .selectFrom('order_problems as p')
    .innerJoin('business_profiles as b', 'b.user_id', 'p.seller_id')
    .innerJoin('users as u', 'u.id', 'p.buyer_id')
    .select([
      'p.id',
      'p.order_id',
      'p.kind',
      'p.escalated_at',
      'p.escalated_by',
      'b.business_name as seller_name',
      'u.display_name as buyer_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('order_problems as l')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('l.seller_id', '=', 'p.seller_id')
        .where('l.decision', '=', 'refund_owed')
        .as('seller_lost'),
    )
    .where('p.state', '=', 'with_staff')
    .where(provinceInScope(scope, 'b.province'))
    .orderBy('p.escalated_at')
    .limit(200)
    .execute();
}

/** A problem as staff see it: both sides' evidence, the order's history and the messages between the two. */
export async function findProblemForStaff(problemId: string | undefined, scope: StaffScope) {
  if (!isUuid(problemId)) return null;
  const problem = await problemDetail()
    .innerJoin('business_profiles as b', 'b.user_id', 'p.seller_id')
    .innerJoin('users as u', 'u.id', 'p.buyer_id')
    .select((eb) => [
      'b.business_name as seller_name',
      'u.display_name as buyer_name',
      jsonArrayFrom(
        eb
          .selectFrom('order_events as e')
          .select(['e.id', 'e.actor_role', 'e.to_state', 'e.problem_step', 'e.note', 'e.created_at'])
          .whereRef('e.order_id', '=', 'p.order_id')
          .orderBy('e.id'),
      ).as('events'),
    ])
    .where('p.id', '=', problemId)
    .where(provinceInScope(scope, 'b.province'))
    .executeTakeFirst();
  if (!problem) return null;
  // The conversation between the two (one per pair of people), newest 100, shown as text.
  const messages = await db
    .selectFrom('messages as m')
    .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .select(['m.id', 'm.sender_id', 'm.body', 'm.created_at'])
    .where((eb) =>
      eb.or([
        eb.and([eb('c.user_a', '=', problem.buyer_id), eb('c.user_b', '=', problem.seller_id)]),
        eb.and([eb('c.user_a', '=', problem.seller_id), eb('c.user_b', '=', problem.buyer_id)]),
      ]),
    )
    .orderBy('m.created_at', 'desc')
    .limit(100)
    .execute();
  return { problem, messages: messages.reverse(), record: await sellerProblemRecord(problem.seller_id) };
}

/** How the seller's problems ended: staff see it, and a seller who lost repeatedly is flagged. */
export async function sellerProblemRecord(sellerId: string) {
  const row = await db
    .selectFrom('order_problems')
    .select((eb) => [
      eb.fn.countAll<number>().as('opened'),
      eb.fn.count<number>('decision').filterWhere('decision', '=', 'refund_owed').as('lost'),
      eb.fn.count<number>('decision').filterWhere('decision', '=', 'no_refund').as('won'),
    ])
    .where('seller_id', '=', sellerId)
    .where('created_at', '>', new Date(Date.now() - 365 * 86_400_000))
    .executeTakeFirstOrThrow();
  const lost = Number(row.lost);
  return { opened: Number(row.opened), lost, won: Number(row.won), flagged: lost >= lostDisputesFlag };
}

/** The storage key of a problem photo, for its buyer, its seller or staff; null for anyone else. */
export async function findProblemPhotoKey(
  photoId: string | undefined,
  user: { id: string; staff: boolean },
  thumbnail: boolean,
) {
  if (!isUuid(photoId)) return null;
  let query = db
    .selectFrom('order_problem_photos as f')
    .innerJoin('order_problems as p', 'p.id', 'f.problem_id')
    .select(['f.key', 'f.thumbnail_key'])
    .where('f.id', '=', photoId);
  if (!user.staff)
    query = query.where((eb) => eb.or([eb('p.buyer_id', '=', user.id), eb('p.seller_id', '=', user.id)]));
  const row = await query.executeTakeFirst();
  if (!row) return null;
  return thumbnail && row.thumbnail_key ? row.thumbnail_key : row.key;
}
