import { db, type Executor } from '~/lib/db.server';
import { type Availability, type Busy, computeSlots } from './slots';
import { occupyingStatuses } from './common.server';
import { findDateExceptions, findWeeklyHours } from './offers.server';

// The free slots of a mentor: her availability minus what is booked (the pure part is slots.ts).

export async function availabilityOf(mentorId: string, executor: Executor) {
  const offer = await executor
    .selectFrom('mentor_offers')
    .innerJoin('mentor_profiles', 'mentor_profiles.user_id', 'mentor_offers.mentor_id')
    .selectAll('mentor_offers')
    .where('mentor_offers.mentor_id', '=', mentorId)
    .where('mentor_offers.active', '=', true)
    .where('mentor_profiles.status', '=', 'approved')
    .executeTakeFirst();
  if (!offer) return null;
  const [weekly, exceptions] = await Promise.all([
    findWeeklyHours(mentorId, executor),
    findDateExceptions(mentorId, executor),
  ]);
  const availability: Availability = {
    timeZone: offer.time_zone,
    weekly,
    datesOff: exceptions.filter((e) => e.kind === 'off').map((e) => e.day),
    extraDates: exceptions.flatMap((e) =>
      e.kind === 'extra' && e.start_minute !== null && e.end_minute !== null
        ? [{ day: e.day, start: e.start_minute, end: e.end_minute }]
        : [],
    ),
    sessionMinutes: offer.session_minutes,
    bufferMinutes: offer.buffer_minutes,
    minNoticeHours: offer.min_notice_hours,
    maxDaysAhead: offer.max_days_ahead,
  };
  return { offer, availability };
}

/** The mentor's live sessions that end after `now` (buffer included), except one being moved. */
export async function busyOf(mentorId: string, now: Date, executor: Executor, except?: string): Promise<Busy[]> {
  let q = executor
    .selectFrom('mentoring_sessions')
    .select(['starts_at as start', 'blocked_until as blockedUntil'])
    .where('mentor_id', '=', mentorId)
    .where('status', 'in', occupyingStatuses)
    .where('blocked_until', '>', now);
  if (except) q = q.where('id', '!=', except);
  return q.execute();
}

/** Her next free slots (UTC instants), or [] when she offers none. */
export async function freeSlots(
  mentorId: string,
  options: { now?: Date; limit?: number; except?: string } = {},
  executor: Executor = db,
) {
  const now = options.now ?? new Date();
  const found = await availabilityOf(mentorId, executor);
  if (!found) return [];
  const busy = await busyOf(mentorId, now, executor, options.except);
  return computeSlots(found.availability, busy, now, options.limit ?? 200);
}
