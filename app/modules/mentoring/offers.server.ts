import { sql } from 'kysely';
import type { MeetingMode } from '../../../db/schema';
import type { MentorLanguage } from '~/modules/verification/options';
import type { MentoringTopic } from './options';
import { db, type Executor } from '~/lib/db.server';
import { isApprovedMentor } from '~/modules/verification';
import { type Range } from './slots';

// A mentor's offer: topics, price, meeting mode, weekly hours and dated exceptions.

export type OfferInput = {
  topics: MentoringTopic[];
  languages: MentorLanguage[];
  sessionMinutes: number;
  bufferMinutes: number;
  minNoticeHours: number;
  maxDaysAhead: number;
  price: number;
  meetingMode: MeetingMode;
  meetingPlace: string;
  requiresConfirmation: boolean;
  cancelCutoffHours: number;
  timeZone: string;
  active: boolean;
  weekly: Record<number, Range[]>;
};

export function findOffer(mentorId: string, executor: Executor = db) {
  return executor.selectFrom('mentor_offers').selectAll().where('mentor_id', '=', mentorId).executeTakeFirst();
}

export async function findWeeklyHours(mentorId: string, executor: Executor = db) {
  return executor
    .selectFrom('mentor_weekly_hours')
    .select(['weekday', 'start_minute as start', 'end_minute as end'])
    .where('mentor_id', '=', mentorId)
    .orderBy('weekday')
    .orderBy('start_minute')
    .execute();
}

export async function findDateExceptions(mentorId: string, executor: Executor = db) {
  return executor
    .selectFrom('mentor_date_exceptions')
    .select(['id', 'kind', 'start_minute', 'end_minute', sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day')])
    .where('mentor_id', '=', mentorId)
    .where('day', '>=', sql<string>`current_date - 1`)
    .orderBy('day')
    .orderBy('start_minute')
    .execute();
}

/** Saves her offer and replaces her weekly hours. Only an approved mentor may (else false). */
export async function saveOffer(mentorId: string, input: OfferInput) {
  if (!(await isApprovedMentor(mentorId))) return false;
  const values = {
    topics: input.topics,
    languages: input.languages,
    session_minutes: input.sessionMinutes,
    buffer_minutes: input.bufferMinutes,
    min_notice_hours: input.minNoticeHours,
    max_days_ahead: input.maxDaysAhead,
    price: input.price,
    meeting_mode: input.meetingMode,
    meeting_place: input.meetingPlace,
    requires_confirmation: input.requiresConfirmation,
    cancel_cutoff_hours: input.cancelCutoffHours,
    time_zone: input.timeZone,
    active: input.active,
    updated_at: new Date(),
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('mentor_offers')
      .values({ mentor_id: mentorId, ...values })
      .onConflict((oc) => oc.column('mentor_id').doUpdateSet(values))
      .execute();
    await trx.deleteFrom('mentor_weekly_hours').where('mentor_id', '=', mentorId).execute();
    const rows = Object.entries(input.weekly).flatMap(([weekday, ranges]) =>
      ranges.map((r) => ({ mentor_id: mentorId, weekday: Number(weekday), start_minute: r.start, end_minute: r.end })),
    );
    if (rows.length) await trx.insertInto('mentor_weekly_hours').values(rows).execute();
  });
  return true;
}

export async function addDateException(mentorId: string, day: string, range: Range | null) {
  const offer = await findOffer(mentorId);
  if (!offer) return false;
  await db
    .insertInto('mentor_date_exceptions')
    .values(
      range
        ? { mentor_id: mentorId, day, kind: 'extra', start_minute: range.start, end_minute: range.end }
        : { mentor_id: mentorId, day, kind: 'off' },
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
  return true;
}

export async function removeDateException(mentorId: string, id: number) {
  await db.deleteFrom('mentor_date_exceptions').where('id', '=', id).where('mentor_id', '=', mentorId).execute();
}
