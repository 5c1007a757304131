import { redirect } from '@remix-run/node';
import { personInScope, personProvince, type StaffScope } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { formError } from '~/lib/forms.server';
import { isUuid } from '~/lib/ids';
import { reportInScope } from '~/modules/moderation/moderation.server';
import { takeItem, releaseItem, type ItemKind } from '~/modules/verification/assignments.server';

// Issue 19, the Union's desk: taking a queue item (a verification or a report),
// releasing it, and giving it to a colleague whose scope covers it. Who holds an
// item is one row of review_assignments; its primary key settles two officers
// taking the same item at once, and a hand-over names the holder it read.

export type DeskIntent = 'take' | 'release' | 'assign';
export type DeskResult = { ok: true } | { ok: false; problem: 'not-found' | 'taken' | 'not-yours' | 'colleague' };

function inScope(scope: StaffScope, kind: ItemKind, itemId: string) {
  return kind === 'verification' ? personInScope(scope, itemId) : reportInScope(scope, itemId);
}

/** The province of the person an item is about (a verification: her; a report: the person reported). */
async function itemProvince(kind: ItemKind, itemId: string) {
  const row =
    kind === 'verification'
      ? await db
          .selectFrom('users')
          .select(personProvince('users.id').as('province'))
          .where('id', '=', itemId)
          .executeTakeFirst()
      : await db
          .selectFrom('reports')
          .select(personProvince('reports.subject_user_id').as('province'))
          .where('id', '=', itemId)
          .executeTakeFirst();
  return row?.province ?? null;
}

/** Staff (not suspended, not deleted) whose scope covers the item: whom it may be given to. */
export async function colleaguesFor(kind: ItemKind, itemId: string) {
  const province = await itemProvince(kind, itemId);
  return db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', (j) => j.onRef('r.user_id', '=', 'u.id').on('r.role', '=', 'staff'))
    .select(['u.id', 'u.display_name as name'])
    .where('u.deleted_at', 'is', null)
    .where('u.suspended_at', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('staff_scopes as s')
          .select('s.user_id')
          .whereRef('s.user_id', '=', 'u.id')
          .where((eb) =>
            province
              ? eb.or([eb('s.scope', '=', 'country'), eb('s.scope', '=', province)])
              : eb('s.scope', '=', 'country'),
          ),
      ),
    )
    .orderBy('u.display_name')
    .limit(200)
    .execute();
}

/**
 * She gives an item to a colleague: a free item, or one she holds (a hand-over
 * names her as the holder it read, so an item a colleague took meanwhile stays hers).
 */
export async function assignItem(input: {
  staffId: string;
  scope: StaffScope;
  kind: ItemKind;
  itemId: string;
  to: string;
}): Promise<DeskResult> {
  if (!(await inScope(input.scope, input.kind, input.itemId))) return { ok: false, problem: 'not-found' };
  if (input.to === input.staffId)
    return takeItem({ staffId: input.staffId, scope: input.scope, kind: input.kind, itemId: input.itemId });
  const colleagues = await colleaguesFor(input.kind, input.itemId);
  if (!colleagues.some((c) => c.id === input.to)) return { ok: false, problem: 'colleague' };
  const row = await db
    .insertInto('review_assignments')
    .values({ item_kind: input.kind, item_id: input.itemId, assigned_to: input.to, assigned_by: input.staffId })
    .onConflict((oc) =>
      oc
        .columns(['item_kind', 'item_id'])
        .doUpdateSet({ assigned_to: input.to, assigned_by: input.staffId })
        .where('review_assignments.assigned_to', '=', input.staffId),
    )
    .returning('item_id')
    .executeTakeFirst();
  return row ? { ok: true } : { ok: false, problem: 'taken' };
}

/** One desk action (take, release, give) on an item in her scope. */
export async function deskAction(input: {
  staffId: string;
  scope: StaffScope;
  kind: ItemKind;
  itemId: string;
  intent: DeskIntent;
  to?: string;
}): Promise<DeskResult> {
  // Taking is for herself, whatever else the form sent.
  if (input.intent === 'take')
    return takeItem({ staffId: input.staffId, scope: input.scope, kind: input.kind, itemId: input.itemId });
  if (input.intent === 'release') {
    if (!(await inScope(input.scope, input.kind, input.itemId))) return { ok: false, problem: 'not-found' };
    return (await releaseItem(input)) ? { ok: true } : { ok: false, problem: 'not-yours' };
  }
  return assignItem({ ...input, to: input.to ?? '' });
}

/** Reports that are no longer open are held by no one (a decision may resolve several at once). */
export async function clearClosedReports() {
  await db
    .deleteFrom('review_assignments')
    .where('item_kind', '=', 'report')
    .where('item_id', 'in', (eb) => eb.selectFrom('reports').select('id').where('status', '<>', 'open'))
    .execute();
}

/**
 * A desk form (take, release, give) posted to an item's page, answered: a redirect
 * with a notice, or the form's error (409 when a colleague holds it). Not a desk
 * form: null, and the page's own action goes on.
 */
export async function answerDeskForm(
  form: FormData,
  input: { staffId: string; scope: StaffScope; kind: ItemKind; itemId: string; back: string },
) {
  const intent = form.get('intent');
  if (intent !== 'take' && intent !== 'release' && intent !== 'assign') return null;
  const to = String(form.get('to') ?? '');
  if (intent === 'assign' && !isUuid(to)) return formError(form, { to: 'udesk.assign.pickFirst' });
  const result = await deskAction({ ...input, intent, to });
  if (!result.ok) {
    if (result.problem === 'not-found') throw new Response('Not found', { status: 404 });
    const key = {
      taken: 'union.assign.taken',
      'not-yours': 'union.assign.notYours',
      colleague: 'udesk.assign.notColleague',
    } as const;
    return formError(form, { form: key[result.problem] }, result.problem === 'colleague' ? 400 : 409);
  }
  const notice =
    intent === 'assign' ? 'notice.udesk.assigned' : `notice.union.${intent === 'take' ? 'taken' : 'released'}`;
  return redirect(`${input.back}?notice=${notice}`);
}
