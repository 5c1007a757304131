import type { Transaction } from 'kysely';
import type { Database, ProblemState, ProblemStep } from '../../../db/schema';
import type { MessageKey } from '~/lib/i18n';
import { storeUploads, type StoredUpload } from '~/lib/uploads.server';
import { notifyAboutOrder } from '~/modules/orders/notices.server';

// What every problem step shares: its result, the locked row, the step in the
// order's history, the notice to the other side, stored photos.

export type Trx = Transaction<Database>;
export type Result =
  { ok: true; problemId: string } | { ok: false; status: 400 | 403 | 404; error: MessageKey; field?: string };

export const maxProblemPhotos = 4;

export const notFound = { ok: false, status: 404, error: 'orders.error.notFound' } as const;

/**
 * The one place problems speak to people: an in-app notice and an email, the way
 * orders do. (When a shared notify() exists, only this function changes.)
 */
export async function noticeAboutProblem(
  trx: Trx,
  problem: { order_id: string; buyer_id: string; seller_id: string },
  to: 'buyer' | 'seller',
  key: MessageKey,
) {
  const link = to === 'buyer' ? `/orders/${problem.order_id}/problem` : `/dashboard/orders/${problem.order_id}/problem`;
  await notifyAboutOrder(trx, to === 'buyer' ? problem.buyer_id : problem.seller_id, problem.order_id, key, link);
}

export async function recordStep(
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

export async function storePhotos(
  files: File[],
  orderId: string,
  field: string,
): Promise<{ ok: true; stored: (StoredUpload & { field: string })[] } | { ok: false; error: MessageKey }> {
  if (!files.length) return { ok: true, stored: [] };
  if (files.length > maxProblemPhotos) return { ok: false, error: 'verification.upload.tooMany' };
  // Images only, re-encoded (EXIF and GPS dropped) like listing photos; private: only the two sides and staff see them.
  const result = await storeUploads(
    files.map((file) => ({ field, file })),
    { prefix: `private/problems/${orderId}`, allow: ['jpeg', 'png', 'webp'] },
  );
  if (!result.ok) return { ok: false, error: Object.values(result.errors)[0] ?? 'verification.upload.badType' };
  return { ok: true, stored: result.stored };
}

export function isUniqueViolation(error: unknown) {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}
export type LockedProblem = {
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

export async function lockProblem(trx: Trx, problemId: string) {
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
