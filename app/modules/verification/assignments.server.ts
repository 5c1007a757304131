import { personInScope, staffScopeOf, type StaffScope } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { reportInScope } from '~/modules/moderation/moderation.server';

// Issue 19: taking a queue item, releasing it, giving it to a colleague. The
// table's primary key settles a race: of two officers taking one item, one wins.

export type ItemKind = 'verification' | 'report';
export type AssignProblem = 'not-found' | 'taken' | 'not-yours' | 'colleague';

function inScope(scope: StaffScope, kind: ItemKind, itemId: string) {
  return kind === 'verification' ? personInScope(scope, itemId) : reportInScope(scope, itemId);
}

/** She takes the item, or gives it to `to` (a colleague whose scope covers it); refused when someone holds it. */
export async function takeItem(input: {
  staffId: string;
  scope: StaffScope;
  kind: ItemKind;
  itemId: string;
  to?: string;
}): Promise<{ ok: true } | { ok: false; problem: AssignProblem }> {
  if (!(await inScope(input.scope, input.kind, input.itemId))) return { ok: false, problem: 'not-found' };
  const assignee = input.to ?? input.staffId;
  if (assignee !== input.staffId) {
    const isStaff = await db
      .selectFrom('user_roles')
      .select('user_id')
      .where('user_id', '=', assignee)
      .where('role', '=', 'staff')
      .executeTakeFirst();
    if (!isStaff || !(await inScope(await staffScopeOf(assignee), input.kind, input.itemId)))
      return { ok: false, problem: 'colleague' };
  }
  const inserted = await db
    .insertInto('review_assignments')
    .values({ item_kind: input.kind, item_id: input.itemId, assigned_to: assignee, assigned_by: input.staffId })
    .onConflict((oc) => oc.columns(['item_kind', 'item_id']).doNothing())
    .returning('item_id')
    .executeTakeFirst();
  return inserted ? { ok: true } : { ok: false, problem: 'taken' };
}

/** She releases an item she holds (only hers). */
export async function releaseItem(input: { staffId: string; kind: ItemKind; itemId: string }) {
  const r = await db
    .deleteFrom('review_assignments')
    .where('item_kind', '=', input.kind)
    .where('item_id', '=', input.itemId)
    .where('assigned_to', '=', input.staffId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Who holds each of these items (name by item id). */
export async function assigneesOf(kind: ItemKind, itemIds: string[]) {
  if (!itemIds.length) return new Map<string, { id: string; name: string }>();
  const rows = await db
    .selectFrom('review_assignments as a')
    .innerJoin('users as u', 'u.id', 'a.assigned_to')
    .select(['a.item_id', 'u.id', 'u.display_name'])
    .where('a.item_kind', '=', kind)
    .where('a.item_id', 'in', itemIds)
    .execute();
  return new Map(rows.map((r) => [r.item_id, { id: r.id, name: r.display_name }]));
}

/** An item's assignment ends with a decision (called by the caller after it decided). */
export async function clearAssignment(kind: ItemKind, itemId: string) {
  await db.deleteFrom('review_assignments').where('item_kind', '=', kind).where('item_id', '=', itemId).execute();
}
