import { db } from '~/lib/db.server';
import { isProvinceCode } from '~/lib/provinces';

// /staff/team (issue 19): who the staff are and where each acts. Only
// country-level staff come here (the route asks requireStaff with country).

export async function listStaffTeam() {
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .leftJoin('staff_scopes', 'staff_scopes.user_id', 'users.id')
    .select(['users.id', 'users.display_name', 'users.email', 'staff_scopes.scope'])
    .where('user_roles.role', '=', 'staff')
    .where('users.deleted_at', 'is', null)
    .orderBy('users.display_name')
    .orderBy('staff_scopes.scope')
    .execute();
  const team = new Map<string, { id: string; name: string; email: string | null; scopes: string[] }>();
  for (const r of rows) {
    const member = team.get(r.id) ?? { id: r.id, name: r.display_name, email: r.email, scopes: [] };
    if (r.scope) member.scopes.push(r.scope);
    team.set(r.id, member);
  }
  return [...team.values()];
}

export type SetScopeProblem = 'not-found' | 'self' | 'empty' | 'unknown';

/** Replaces a staff member's scope: the whole country, or the provinces given. */
export async function setStaffScope(input: {
  actorId: string;
  userId: string;
  country: boolean;
  provinces: string[];
}): Promise<{ ok: true } | { ok: false; problem: SetScopeProblem }> {
  if (input.userId === input.actorId) return { ok: false, problem: 'self' };
  if (input.provinces.some((p) => !isProvinceCode(p))) return { ok: false, problem: 'unknown' };
  const scopes = input.country ? ['country'] : [...new Set(input.provinces)];
  if (!scopes.length) return { ok: false, problem: 'empty' };
  return db.transaction().execute(async (trx) => {
    const staff = await trx
      .selectFrom('user_roles')
      .select('user_id')
      .where('user_id', '=', input.userId)
      .where('role', '=', 'staff')
      .forUpdate()
      .executeTakeFirst();
    if (!staff) return { ok: false as const, problem: 'not-found' as const };
    await trx.deleteFrom('staff_scopes').where('user_id', '=', input.userId).execute();
    await trx
      .insertInto('staff_scopes')
      .values(scopes.map((scope) => ({ user_id: input.userId, scope, granted_by: input.actorId })))
      .execute();
    return { ok: true as const };
  });
}
