import { sql } from 'kysely';
import type { StaffScope } from '~/lib/auth.server';
import { inStaffScope, provinceInScope } from '~/lib/auth.server';
import { db } from '~/lib/db.server';

export async function impactFigures(scope: StaffScope) {
  const [sellers, mentors, waiting, median] = await Promise.all([
    db
      .selectFrom('business_profiles')
      .select(['province', sql<number>`count(*)::int`.as('count')])
      .where('verification_status', '=', 'approved')
      .where(provinceInScope(scope, 'province'))
      .groupBy('province')
      .execute(),
    db
      .selectFrom('mentor_profiles')
      .select(['province', sql<number>`count(*)::int`.as('count')])
      .where('status', '=', 'approved')
      .where(provinceInScope(scope, 'province'))
      .groupBy('province')
      .execute(),
    db
      .selectFrom('business_profiles')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('verification_status', '=', 'submitted')
      .where(provinceInScope(scope, 'province'))
      .executeTakeFirstOrThrow()
      .then(async (b) => {
        const m = await db
          .selectFrom('mentor_profiles')
          .select(sql<number>`count(*)::int`.as('count'))
          .where('status', '=', 'submitted')
          .where(provinceInScope(scope, 'province'))
          .executeTakeFirstOrThrow();
        return { business: b.count, mentor: m.count };
      }),
    // Time from each submission to the staff decision that followed it.
    sql<{ hours: number | null; decisions: number }>`
      select (percentile_cont(0.5) within group (order by extract(epoch from d.created_at - s.created_at)) / 3600)::float8 as hours,
             count(*)::int as decisions
      from verification_events d
      join lateral (
        select created_at from verification_events s
        where s.user_id = d.user_id and s.subject = d.subject and s.to_status = 'submitted' and s.id < d.id
        order by s.id desc limit 1
      ) s on true
      where d.from_status = 'submitted' and ${inStaffScope(scope, 'd.user_id')}`.execute(db),
  ]);
  const byProvince = new Map<string, { sellers: number; mentors: number }>();
  for (const r of sellers) byProvince.set(r.province, { sellers: r.count, mentors: 0 });
  for (const r of mentors)
    byProvince.set(r.province, { sellers: byProvince.get(r.province)?.sellers ?? 0, mentors: r.count });
  const provinces = [...byProvince.entries()]
    .map(([province, v]) => ({ province, ...v }))
    .sort((a, b) => b.sellers + b.mentors - (a.sellers + a.mentors) || a.province.localeCompare(b.province));
  const m = median.rows[0];
  return { provinces, waiting, medianHours: m?.hours ?? null, decisions: m?.decisions ?? 0 };
}
