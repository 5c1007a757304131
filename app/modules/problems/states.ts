import type { OrderState, ProblemState } from '../../../db/schema';

// Problems with an order, as a pure state machine (like orders/states.ts): which
// step moves a problem from which states, who may take it, and when the buyer
// may open one. Shared by the server and the pages (to show the right forms).

export type ProblemActor = 'buyer' | 'seller' | 'staff';
export type ProblemAction = 'answer' | 'accept' | 'escalate' | 'withdraw' | 'decide' | 'record_refund';

/** A problem in one of these is "open": one per order at most, and its order is not auto-completed. */
export const openProblemStates: ProblemState[] = ['awaiting_seller', 'answered', 'with_staff'];

/** Days after delivery the buyer may open a problem. */
export const openWindowDays = 7;
/** Days after shipping an order is expected to have arrived: a "not received" may be opened after. */
export const expectedDeliveryDays = 7;
/** After this many problems decided against her (in a year), staff see the seller flagged. */
export const lostDisputesFlag = 2;
/** Days the seller has to answer before the buyer may ask staff without waiting. */
export const answerDays = 3;

const day = 86_400_000;

type Rule = { from: ProblemState[]; by: ProblemActor[] };

export const problemRules: Record<ProblemAction, Rule> = {
  // The seller offers a refund (full or partial), a replacement, or replies with her evidence.
  answer: { from: ['awaiting_seller'], by: ['seller'] },
  // The buyer agrees with the answer: settled.
  accept: { from: ['answered'], by: ['buyer'] },
  // Either side asks staff to decide (the buyer before an answer only once the seller's 3 days are over).
  escalate: { from: ['awaiting_seller', 'answered'], by: ['buyer', 'seller'] },
  // The buyer takes her problem back before staff decide.
  withdraw: { from: ['awaiting_seller', 'answered'], by: ['buyer'] },
  decide: { from: ['with_staff'], by: ['staff'] },
  // The seller records the refund transfer staff found owed (QR and COD orders; card refunds go through Stripe).
  record_refund: { from: ['decided'], by: ['seller'] },
};

export const problemTarget: Record<ProblemAction, ProblemState | null> = {
  answer: 'answered',
  accept: 'resolved',
  escalate: 'with_staff',
  withdraw: 'withdrawn',
  decide: 'decided',
  record_refund: null,
};

type ProblemFacts = {
  state: ProblemState;
  answer_due: Date | string;
  decision?: 'refund_owed' | 'no_refund' | null;
  refunded_at?: Date | string | null;
};

/** Whether `actor` may take `action` on the problem now. */
export function mayTakeProblem(action: ProblemAction, actor: ProblemActor, problem: ProblemFacts, now = new Date()) {
  const rule = problemRules[action];
  if (!rule.by.includes(actor) || !rule.from.includes(problem.state)) return false;
  if (action === 'escalate' && actor === 'buyer' && problem.state === 'awaiting_seller')
    return new Date(problem.answer_due) <= now;
  if (action === 'record_refund') return problem.decision === 'refund_owed' && !problem.refunded_at;
  return true;
}

export function problemActionsFor(actor: ProblemActor, problem: ProblemFacts, now = new Date()) {
  return (Object.keys(problemRules) as ProblemAction[]).filter((a) => mayTakeProblem(a, actor, problem, now));
}

type OrderFacts = { state: OrderState; shipped_at: Date | string | null; delivered_at: Date | string | null };

/**
 * Until when the buyer may open a problem on this order, or null when she may not
 * (now or ever): 7 days after delivery; a shipped order that has not arrived,
 * from its expected delivery date (7 days after shipping) until 7 days after the
 * system marks it delivered.
 */
export function problemWindow(order: OrderFacts): { from: Date; until: Date } | null {
  if ((order.state === 'delivered' || order.state === 'completed') && order.delivered_at) {
    const from = new Date(order.delivered_at);
    return { from, until: new Date(from.getTime() + openWindowDays * day) };
  }
  if (order.state === 'shipped' && order.shipped_at) {
    const from = new Date(new Date(order.shipped_at).getTime() + expectedDeliveryDays * day);
    return { from, until: new Date(from.getTime() + 365 * day) };
  }
  return null;
}

export function mayOpenProblem(order: OrderFacts, now = new Date()) {
  const window = problemWindow(order);
  return window !== null && window.from <= now && now <= window.until;
}

export function answerDueFrom(openedAt: Date) {
  return new Date(openedAt.getTime() + answerDays * day);
}
