// Her home province and self-declared groups (issue 19), and the reports'
// breakdowns by group in cells of at least `minCell` people.
import { sql } from 'kysely';
import { z } from 'zod';
import type { StaffScope } from '~/lib/auth.server';
import { inStaffScope } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { isProvinceCode } from '~/lib/provinces';
import { ageGroups, ethnicGroups, minCell } from './groups';

const optional = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values, { error: 'validation.invalid' }).optional());

export const aboutSchema = z
  .object({
    homeProvince: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.string().refine(isProvinceCode, 'validation.invalid').optional(),
    ),
    ageGroup: optional(ageGroups),
    ethnicGroup: optional(ethnicGroups),
    consent: z.literal('yes').optional(),
  })
  .refine((v) => v.consent || (!v.ageGroup && !v.ethnicGroup), {
    message: 'groups.consentRequired',
    path: ['consent'],
  });

export function findAbout(userId: string) {
  return db
    .selectFrom('users')
    .select(['home_province', 'age_group', 'ethnic_group', 'groups_consented_at'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

/** Saves her province and groups; without consent the groups are cleared (withdrawing it erases them). */
export async function saveAbout(userId: string, input: z.infer<typeof aboutSchema>) {
  const consented = Boolean(input.consent && (input.ageGroup || input.ethnicGroup));
  await db
    .updateTable('users')
    .set({
      home_province: input.homeProvince ?? null,
      age_group: consented ? (input.ageGroup ?? null) : null,
      ethnic_group: consented ? (input.ethnicGroup ?? null) : null,
      groups_consented_at: consented ? sql`coalesce(groups_consented_at, now())` : null,
      updated_at: new Date(),
    })
    .where('id', '=', userId)
    .execute();
}

export type GroupCell<G extends string = string> = { group: G | 'undeclared'; count: number | null };

/**
 * Entrepreneurs (business profiles) in her scope by age group and by ethnic group,
 * as declared with consent. A cell under `minCell` people has count null ("< 10").
 */
export async function groupBreakdowns(scope: StaffScope, province?: string) {
  const by = async <G extends string>(column: 'age_group' | 'ethnic_group', groups: readonly G[]) => {
    const rows = await db
      .selectFrom('users')
      .innerJoin('business_profiles as b', 'b.user_id', 'users.id')
      .select([
        sql<string>`coalesce(${sql.ref(`users.${column}`)}, 'undeclared')`.as('group'),
        sql<number>`count(*)::int`.as('count'),
      ])
      .where(inStaffScope(scope, 'users.id'))
      .where('users.deleted_at', 'is', null)
      .$if(Boolean(province), (q) => q.where('b.province', '=', province ?? ''))
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute();
    // Only the groups offered on the form are named (each has its label groups.<kind>.<group>).
    return rows.map((r): GroupCell<G> => ({
      group: groups.find((g) => g === r.group) ?? 'undeclared',
      count: r.count >= minCell ? r.count : null,
    }));
  };
  const [age, ethnic] = await Promise.all([by('age_group', ageGroups), by('ethnic_group', ethnicGroups)]);
  return { age, ethnic };
}
