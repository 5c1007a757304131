import { provinceInScope, type StaffScope } from '~/lib/auth.server';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { db } from '~/lib/db.server';
import { isUuid } from '~/lib/ids';
import { lostDisputesFlag } from './states';

// What the buyer, the seller and staff see of a problem.

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
