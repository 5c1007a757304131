import type { AuditAction } from '../../db/schema';
import { db, type DB } from './db.server';
import { inStaffScope, type StaffScope } from './auth.server';

// The audit log of acts on personal data (a document opened, an export, a
// deletion, two-step login changes): written in the same transaction as the act.

type Entry = {
  actorId: string | null;
  action: AuditAction;
  subjectUserId: string | null;
  detail?: Record<string, string | number | boolean | null>;
};

/** `executor` is the act's own transaction when it has one (a Transaction is a Kysely). */
export async function recordAudit(entry: Entry, executor: DB = db) {
  await executor
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      subject_user_id: entry.subjectUserId,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

export const auditPageSize = 50;

/** Newest first, keyset-paged by id. */
export async function listAudit(scope: StaffScope, options: { before?: number; subjectUserId?: string } = {}) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users as actor', 'actor.id', 'audit_log.actor_id')
    .leftJoin('users as subject', 'subject.id', 'audit_log.subject_user_id')
    .select([
      'audit_log.id',
      'audit_log.action',
      'audit_log.detail',
      'audit_log.created_at',
      'actor.display_name as actorName',
      'actor.email as actorEmail',
      'subject.display_name as subjectName',
      'audit_log.subject_user_id as subjectUserId',
    ])
    // A province officer sees what was done about the people of her provinces only.
    .where(inStaffScope(scope, 'audit_log.subject_user_id'))
    .orderBy('audit_log.id', 'desc')
    .limit(auditPageSize + 1);
  if (options.before) query = query.where('audit_log.id', '<', options.before);
  if (options.subjectUserId) query = query.where('audit_log.subject_user_id', '=', options.subjectUserId);
  const rows = await query.execute();
  return {
    entries: rows.slice(0, auditPageSize),
    next: rows.length > auditPageSize ? rows[auditPageSize - 1].id : null,
  };
}
