// Bulk "request more information" (issue 19): the same reason sent to up to
// maxBulk selected requests. Every one must be in the staff member's scope, or
// nothing is done (another province's id is not found). Each request moves in
// its own transaction through transition(), so one decided meanwhile is skipped
// and counted, never overwritten.
import type { SessionUser, StaffScope } from '~/lib/auth.server';
import { inStaffScope } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import type { Subject } from './states';
import { transition } from './transitions.server';

export const maxBulk = 20;

export type BulkItem = { subject: Subject; userId: string };

export async function requestMoreInfoBulk(input: {
  items: BulkItem[];
  actor: Pick<SessionUser, 'id' | 'roles'>;
  scope: StaffScope;
  reasonCode: string;
  reasonText: string | null;
}): Promise<{ ok: true; done: number; skipped: number } | { ok: false; problem: 'not-found' | 'too-many' }> {
  const items = [...new Map(input.items.map((i) => [`${i.subject}:${i.userId}`, i])).values()];
  if (!items.length || items.length > maxBulk) return { ok: false, problem: 'too-many' };
  const ids = [...new Set(items.map((i) => i.userId))];
  const visible = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', ids)
    .where(inStaffScope(input.scope, 'users.id'))
    .execute();
  if (visible.length !== ids.length) return { ok: false, problem: 'not-found' };
  let done = 0;
  for (const item of items) {
    const result = await transition({
      subject: item.subject,
      userId: item.userId,
      name: 'needs_info',
      actor: input.actor,
      scope: input.scope,
      reasonCode: input.reasonCode,
      reasonText: input.reasonText,
    });
    if (result.ok) done += 1;
  }
  return { ok: true, done, skipped: items.length - done };
}
