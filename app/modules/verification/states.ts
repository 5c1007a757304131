// The verification state machine, shared by business profiles and mentor
// applications. Pure rules (no database), so pages can show only the buttons
// that are allowed and tests can check every pair. The server enforces the same
// rules in transitions.server.ts, inside the transaction that writes the change.

export const verificationStatuses = [
  'draft',
  'submitted',
  'needs_info',
  'approved',
  'rejected',
  'suspended',
  'revoked',
] as const;
export type VerificationStatus = (typeof verificationStatuses)[number];
export type Subject = 'business' | 'mentor';

export type TransitionName = 'submit' | 'approve' | 'reject' | 'needs_info' | 'suspend' | 'reinstate' | 'revoke';
export type StaffDecision = Exclude<TransitionName, 'submit'>;

type Rule = { from: readonly VerificationStatus[]; to: VerificationStatus; by: 'owner' | 'staff' };

export const transitions: Record<TransitionName, Rule> = {
  // She submits her first request, resubmits after "needs more information", or tries again after a rejection.
  submit: { from: ['draft', 'needs_info', 'rejected'], to: 'submitted', by: 'owner' },
  approve: { from: ['submitted'], to: 'approved', by: 'staff' },
  reject: { from: ['submitted'], to: 'rejected', by: 'staff' },
  needs_info: { from: ['submitted'], to: 'needs_info', by: 'staff' },
  suspend: { from: ['approved'], to: 'suspended', by: 'staff' },
  reinstate: { from: ['suspended'], to: 'approved', by: 'staff' },
  revoke: { from: ['approved', 'suspended'], to: 'revoked', by: 'staff' },
};

export const staffDecisions: StaffDecision[] = ['approve', 'needs_info', 'reject', 'suspend', 'reinstate', 'revoke'];

/** The reason templates staff choose from, per decision (each has a locale key verification.reason.<code>). */
export const reasonCodes = {
  approve: ['checked'],
  needs_info: ['id_unreadable', 'registration_missing', 'name_mismatch', 'declaration_unclear', 'other'],
  reject: ['not_women_led', 'documents_invalid', 'duplicate', 'prohibited_goods', 'other'],
  suspend: ['complaints', 'investigation', 'other'],
  reinstate: ['resolved', 'other'],
  revoke: ['fraud', 'not_women_led', 'other'],
} as const satisfies Record<StaffDecision, readonly string[]>;
export type ReasonCode = (typeof reasonCodes)[StaffDecision][number];

/**
 * What an event records as its reason: a staff decision's code, 'renewed' when she renewed herself,
 * or 'renewal_changes' when she sent a renewal with changes for review.
 */
export type EventReason = ReasonCode | 'renewed' | 'renewal_changes';

/** Whether a code is one of a decision's reasons (so it has its message verification.reason.<code>). */
export function isReasonFor(decision: StaffDecision, code: string): code is ReasonCode {
  const allowed: readonly string[] = reasonCodes[decision];
  return allowed.includes(code);
}

/** The statuses a staff decision leads to (each has its message verification.decision.<subject>.<status>). */
export type DecidedStatus = Exclude<VerificationStatus, 'draft' | 'submitted'>;
export const isDecided = (status: VerificationStatus): status is DecidedStatus =>
  status !== 'draft' && status !== 'submitted';

/** Decisions after which identity documents are no longer needed (deleted 30 days later). */
export const finalStatuses: readonly VerificationStatus[] = ['approved', 'rejected', 'revoked'];

export type TransitionProblem = 'forbidden' | 'self' | 'invalid-state';

/**
 * Whether `actor` may move a profile owned by `ownerId` from `from` by `name`.
 * Staff never decide on their own profile; owners only submit their own.
 */
export function checkTransition(
  name: TransitionName,
  context: { from: VerificationStatus; ownerId: string; actorId: string; actorIsStaff: boolean },
): TransitionProblem | null {
  const rule = transitions[name];
  if (rule.by === 'owner') {
    if (context.actorId !== context.ownerId) return 'forbidden';
  } else {
    if (!context.actorIsStaff) return 'forbidden';
    if (context.actorId === context.ownerId) return 'self';
  }
  if (!rule.from.includes(context.from)) return 'invalid-state';
  return null;
}

/** The staff decisions possible from a state (for the review page's buttons). */
export function decisionsFrom(status: VerificationStatus): StaffDecision[] {
  return staffDecisions.filter((d) => transitions[d].from.includes(status));
}

export function isStaffDecision(value: unknown): value is StaffDecision {
  return typeof value === 'string' && (staffDecisions as string[]).includes(value);
}

/** Only approved profiles show the badge: suspended or revoked lose it at once. */
export function isVerified(status: VerificationStatus) {
  return status === 'approved';
}

/** Whether she may add or change documents now (before a submission, or when asked for more). */
export function canEditDocuments(status: VerificationStatus) {
  return status === 'draft' || status === 'needs_info' || status === 'rejected';
}

export const renewalDecisions = ['approve', 'needs_info', 'reject'] as const;
export type RenewalDecision = (typeof renewalDecisions)[number];
export const isRenewalDecision = (d: StaffDecision): d is RenewalDecision =>
  (renewalDecisions as readonly string[]).includes(d);

/** The staff decisions on a renewal with changes waiting for review: as for a first request. */
export function renewalDecisionsFor(renewalReview: string | null): StaffDecision[] {
  return renewalReview === 'submitted' ? [...renewalDecisions] : [];
}
