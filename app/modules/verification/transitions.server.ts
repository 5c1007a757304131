import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import type { SessionUser, StaffScope } from '~/lib/auth.server';
import { hasRole, inStaffScope, provinceInScope } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { defined } from '~/lib/defined';
import type { MessageKey } from '~/lib/i18n';
import { translatorFor } from '~/lib/i18n.server';
import { log } from '~/lib/log.server';
import { notify } from '~/modules/notifications/notify.server';
import { addMonths } from './renewal.server';
import {
  checkTransition,
  isDecided,
  isReasonFor,
  transitions,
  type DecidedStatus,
  type ReasonCode,
  type StaffDecision,
  type Subject,
  type TransitionName,
  type TransitionProblem,
  type VerificationStatus,
} from './states';

// The one place that changes a verification state.

export type TransitionResult =
  | { ok: true; from: VerificationStatus; to: VerificationStatus }
  | { ok: false; problem: TransitionProblem | 'not-found' | 'incomplete' | 'reason-required' };

type Actor = Pick<SessionUser, 'id' | 'roles'>;

const tables = {
  business: { table: 'business_profiles', status: 'verification_status', approvedAt: 'verified_at' },
  mentor: { table: 'mentor_profiles', status: 'status', approvedAt: 'approved_at' },
} as const;

async function lockSubject(
  trx: Transaction<Database>,
  subject: Subject,
  userId: string,
  scope: StaffScope | undefined,
) {
  if (subject === 'business') {
    const row = await trx
      .selectFrom('business_profiles')
      .select(['verification_status as status', 'women_led_declared_at'])
      .where('user_id', '=', userId)
      .$if(Boolean(scope), (q) => q.where(provinceInScope(defined(scope, 'scope'), 'business_profiles.province')))
      .forUpdate()
      .executeTakeFirst();
    return row ? { status: row.status, declared: Boolean(row.women_led_declared_at) } : undefined;
  }
  const row = await trx
    .selectFrom('mentor_profiles')
    .select('status')
    .where('user_id', '=', userId)
    .$if(Boolean(scope), (q) => q.where(inStaffScope(defined(scope, 'scope'), 'mentor_profiles.user_id')))
    .forUpdate()
    .executeTakeFirst();
  return row ? { status: row.status, declared: true } : undefined;
}

/**
 * Moves a business profile or mentor application through one transition,
 * refusing what the rules forbid, writing the audit row, and telling her (in-app
 * and by email) of a staff decision, all in one transaction.
 */
export async function transition(
  input: {
    subject: Subject;
    userId: string;
    name: TransitionName;
    actor: Actor;
    /** Required for a staff decision: outside it the person is not found (issue 19). */
    scope?: StaffScope;
    reasonCode?: string | null;
    reasonText?: string | null;
  },
  outer?: Transaction<Database>,
): Promise<TransitionResult> {
  const { subject, userId, name, actor } = input;
  const rule = transitions[name];
  // A staff decision without a scope would be a decision for the whole country by omission.
  if (rule.by === 'staff' && hasRole(actor, 'staff') && !input.scope) return { ok: false, problem: 'not-found' };
  const reasonText = input.reasonText?.trim() || null;
  let reasonCode: ReasonCode | null = null;
  if (rule.by === 'staff') {
    const given = input.reasonCode || (name === 'approve' ? 'checked' : null);
    if (!given || !isReasonFor(name as StaffDecision, given)) return { ok: false, problem: 'reason-required' };
    if (given === 'other' && !reasonText) return { ok: false, problem: 'reason-required' };
    reasonCode = given;
  }

  // Inside the caller's transaction when given one (moderation revokes and audits in one).
  const run = async (trx: Transaction<Database>): Promise<TransitionResult> => {
    const current = await lockSubject(trx, subject, userId, rule.by === 'staff' ? input.scope : undefined);
    if (!current) return { ok: false, problem: 'not-found' };
    const problem = checkTransition(name, {
      from: current.status,
      ownerId: userId,
      actorId: actor.id,
      actorIsStaff: hasRole(actor, 'staff'),
    });
    if (problem) return { ok: false, problem };

    const now = new Date();
    if (name === 'submit') {
      if (subject === 'business') {
        const ids = await trx
          .selectFrom('verification_documents')
          .select('id')
          .where('user_id', '=', userId)
          .where('kind', '=', 'citizen_id')
          .where('storage_key', 'is not', null)
          .executeTakeFirst();
        if (!ids || !current.declared) return { ok: false, problem: 'incomplete' };
      }
    }

    const t = tables[subject];
    const set: Record<string, unknown> = { [t.status]: rule.to, updated_at: now };
    if (name === 'submit') {
      set.submitted_at = now;
      set.decided_at = null;
    } else if (name === 'approve' || name === 'reject' || name === 'revoke') {
      set.decided_at = now;
    }
    if (name === 'approve' || name === 'reinstate') set[t.approvedAt] = now;
    // An approval lapses after VERIFICATION_VALID_MONTHS unless renewed (renewal.server.ts).
    if (subject === 'business' && name === 'approve') set.verified_until = addMonths(now);
    await trx.updateTable(t.table).set(set).where('user_id', '=', userId).execute();
    await trx
      .insertInto('verification_events')
      .values({
        subject,
        user_id: userId,
        actor_id: actor.id,
        from_status: current.status,
        to_status: rule.to,
        reason_code: reasonCode,
        reason_text: reasonText,
      })
      .execute();

    if (subject === 'mentor') {
      // The mentor role follows the application: granted on approval, withdrawn on suspension or revocation.
      if (rule.to === 'approved') {
        await trx
          .insertInto('user_roles')
          .values({ user_id: userId, role: 'mentor' })
          .onConflict((oc) => oc.doNothing())
          .execute();
      } else if (rule.to === 'suspended' || rule.to === 'revoked') {
        await trx.deleteFrom('user_roles').where('user_id', '=', userId).where('role', '=', 'mentor').execute();
      }
    }
    if (rule.by === 'staff' && isDecided(rule.to))
      await notifyDecision(trx, {
        subject,
        userId,
        to: rule.to,
        reasonCode: defined(reasonCode, 'reason code'),
        reasonText,
      });
    return { ok: true, from: current.status, to: rule.to };
  };
  const result = outer ? await run(outer) : await db.transaction().execute(run);
  if (result.ok)
    log.info('verification transition', { subject, userId, actorId: actor.id, from: result.from, to: result.to });
  return result;
}

async function notifyDecision(
  trx: Transaction<Database>,
  d: { subject: Subject; userId: string; to: DecidedStatus; reasonCode: ReasonCode; reasonText: string | null },
) {
  const user = await trx.selectFrom('users').select('locale').where('id', '=', d.userId).executeTakeFirstOrThrow();
  const t = translatorFor(user.locale);
  const decisionKey: MessageKey = `verification.decision.${d.subject}.${d.to}`;
  const reasonKey: MessageKey = `verification.reason.${d.reasonCode}`;
  const reason = [t(reasonKey), d.reasonText].filter(Boolean).join(' — ');
  await notify(trx, d.userId, {
    kind: 'verification_decision',
    key: decisionKey,
    params: { reason: d.reasonCode },
    link: '/dashboard/verification',
    email: {
      subject: 'verification.email.subject',
      body: 'verification.email.body',
      params: { decision: t(decisionKey), reason },
    },
  });
}

/** The last staff decision on her profile or application, with its reason (for her dashboard). */
export function findLastDecision(userId: string, subject: Subject) {
  return db
    .selectFrom('verification_events')
    .select(['to_status', 'reason_code', 'reason_text', 'created_at'])
    .where('user_id', '=', userId)
    .where('subject', '=', subject)
    .where('to_status', '!=', 'submitted')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
