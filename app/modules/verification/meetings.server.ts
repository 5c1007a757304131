// Staff record that they met the applicant in person (issue 19): date, place,
// note; shown on the review page. Only for a person in the staff member's scope.
import { sql } from 'kysely';
import type { StaffScope } from '~/lib/auth.server';
import { inStaffScope } from '~/lib/auth.server';
import { db } from '~/lib/db.server';

export async function recordMeeting(input: {
  userId: string;
  staffId: string;
  scope: StaffScope;
  metOn: string;
  place: string;
  note: string;
}) {
  if (input.userId === input.staffId) return { ok: false as const, problem: 'self' as const };
  const person = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', input.userId)
    .where(inStaffScope(input.scope, 'users.id'))
    .executeTakeFirst();
  if (!person) return { ok: false as const, problem: 'not-found' as const };
  await db
    .insertInto('verification_meetings')
    .values({
      user_id: input.userId,
      staff_id: input.staffId,
      met_on: input.metOn,
      place: input.place,
      note: input.note,
    })
    .execute();
  return { ok: true as const };
}

export function listMeetings(userId: string) {
  return db
    .selectFrom('verification_meetings')
    .leftJoin('users as staff', 'staff.id', 'verification_meetings.staff_id')
    .select([
      'verification_meetings.id',
      // A calendar day, the same text on both engines (PGlite would give a Date at UTC midnight).
      sql<string>`to_char(verification_meetings.met_on, 'YYYY-MM-DD')`.as('met_on'),
      'verification_meetings.place',
      'verification_meetings.note',
      'verification_meetings.created_at',
      'staff.display_name as staff_name',
    ])
    .where('verification_meetings.user_id', '=', userId)
    .orderBy('verification_meetings.met_on', 'desc')
    .orderBy('verification_meetings.created_at', 'desc')
    .execute();
}
