import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { db } from '~/lib/db.server';
import { isUuid } from '~/lib/ids';
import { railEnabled } from '~/modules/payments';
import { oweRefund } from '~/modules/payments/refunds.server';
import { paymentHoldMinutes } from './common.server';
import { groupNotice } from './group-notice.server';
import { openSeatCheckout, refundSeatIfDue } from './group-paid.server';
import { sessionIcs } from './ics.server';

// Group mentoring (issue 20): one session, several seats. A booking raises
// seats_taken in the transaction that writes it, and PostgreSQL's check
// seats_taken <= seats refuses the one too many (migration 1610). A seat of a
// paid session (price per seat) is held in 'awaiting_payment', counted like a
// booked one, while she pays by card (group-paid.server.ts).

const hour = 3600_000;

export type GroupInput = {
  title: string;
  description: string;
  startsAt: Date;
  minutes: number;
  seats: number;
  meetingMode: 'video' | 'phone' | 'in_person';
  meetingPlace: string;
  /** Per seat, in đồng; 0 (the default) is free. */
  price?: number;
};

export async function createGroupSession(hostId: string, input: GroupInput) {
  const row = await db
    .insertInto('group_sessions')
    .values({
      host_id: hostId,
      title: input.title,
      description: input.description,
      starts_at: input.startsAt,
      ends_at: new Date(input.startsAt.getTime() + input.minutes * 60_000),
      seats: input.seats,
      meeting_mode: input.meetingMode,
      meeting_place: input.meetingPlace,
      price: input.price ?? 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes the number of seats; fewer than are booked is refused (by the update's condition and the table's check). */
export async function changeSeats(hostId: string, id: string, seats: number) {
  const changed = await db
    .updateTable('group_sessions')
    .set({ seats, updated_at: new Date() })
    .where('id', '=', id)
    .where('host_id', '=', hostId)
    .where('seats_taken', '<=', seats)
    .executeTakeFirst();
  return Number(changed.numUpdatedRows) === 1
    ? { ok: true as const }
    : { ok: false as const, error: 'depth.group.seatsBelowBookings' as const };
}

export type BookResult =
  // checkoutUrl: a paid seat is held until she pays there.
  | { ok: true; bookingId: string; checkoutUrl?: string }
  | {
      ok: false;
      error:
        | 'depth.group.full'
        | 'depth.group.already'
        | 'depth.group.closed'
        | 'depth.group.own'
        | 'paidseat.unavailable'
        | 'paidseat.paymentFailed';
    };

/**
 * Takes a seat. The seat is counted by a conditional update of the session row
 * (concurrent bookings queue on that row, each reads the count the previous one
 * left), and the check constraint stands behind it. A second live booking of the
 * same person breaks the unique index and rolls the seat back. A paid seat is
 * held (it counts) while she pays on the card rail's page; the hold lapses after
 * paymentHoldMinutes and gives the seat back.
 */
export async function bookSeat(sessionId: string, attendeeId: string, now = new Date()): Promise<BookResult> {
  if (!isUuid(sessionId)) return { ok: false, error: 'depth.group.closed' };
  // A paid seat needs the card rail; without it nobody can pay, so the seat is not taken.
  const priced = await db.selectFrom('group_sessions').select('price').where('id', '=', sessionId).executeTakeFirst();
  if (priced && priced.price > 0 && !railEnabled('card')) return { ok: false, error: 'paidseat.unavailable' };
  let result: BookResult;
  try {
    result = await db.transaction().execute(async (trx) => {
      const taken = await trx
        .updateTable('group_sessions')
        .set({ seats_taken: sql`seats_taken + 1` })
        .where('id', '=', sessionId)
        .where('status', '=', 'open')
        .where('starts_at', '>', now)
        .where('host_id', '<>', attendeeId)
        .where(sql<boolean>`seats_taken < seats`)
        .returning(['id', 'host_id', 'title', 'starts_at', 'price'])
        .executeTakeFirst();
      if (!taken) {
        const s = await trx
          .selectFrom('group_sessions')
          .select(['status', 'starts_at', 'seats', 'seats_taken', 'host_id'])
          .where('id', '=', sessionId)
          .executeTakeFirst();
        if (s && s.host_id === attendeeId) return { ok: false as const, error: 'depth.group.own' as const };
        if (s && s.status === 'open' && s.starts_at > now && s.seats_taken >= s.seats)
          return { ok: false as const, error: 'depth.group.full' as const };
        return { ok: false as const, error: 'depth.group.closed' as const };
      }
      const paid = taken.price > 0;
      const booking = await trx
        .insertInto('group_bookings')
        .values({
          group_session_id: sessionId,
          attendee_id: attendeeId,
          status: paid ? 'awaiting_payment' : 'booked',
          price: taken.price,
          hold_expires_at: paid ? new Date(now.getTime() + paymentHoldMinutes * 60_000) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // A held seat is announced once it is paid (the card rail's event).
      if (!paid)
        await groupNotice(trx, attendeeId, 'depth.group.notice.booked', sessionId, taken.title, taken.starts_at);
      return { ok: true as const, bookingId: booking.id, paid };
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') return { ok: false, error: 'depth.group.already' };
    throw error;
  }
  if (result.ok && 'paid' in result && result.paid) {
    const checkoutUrl = await openSeatCheckout(result.bookingId, now);
    if (!checkoutUrl) return { ok: false, error: 'paidseat.paymentFailed' };
    return { ok: true, bookingId: result.bookingId, checkoutUrl };
  }
  return result.ok ? { ok: true, bookingId: result.bookingId } : result;
}

/**
 * The attendee gives her seat back (before the start), or a seat held for
 * payment. A paid seat owes its price back: recorded in the same transaction,
 * sent after the commit (the one refund order), retried by the job if the card
 * rail fails.
 */
export async function cancelSeat(sessionId: string, attendeeId: string, now = new Date()) {
  if (!isUuid(sessionId)) return false;
  const cancelled = await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('group_bookings as b')
      .set({ status: 'cancelled', cancelled_at: now })
      .where('b.group_session_id', '=', sessionId)
      .where('b.attendee_id', '=', attendeeId)
      .where('b.status', 'in', ['booked', 'awaiting_payment'])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('group_sessions as s')
            .select('s.id')
            .whereRef('s.id', '=', 'b.group_session_id')
            .where('s.starts_at', '>', now),
        ),
      )
      .returning(['b.id', 'b.price', 'b.payment_intent'])
      .executeTakeFirst();
    if (!row) return null;
    await trx
      .updateTable('group_sessions')
      .set({ seats_taken: sql`seats_taken - 1` })
      .where('id', '=', sessionId)
      .execute();
    if (row.payment_intent)
      await oweRefund(trx, {
        kind: 'group_seat',
        subjectId: row.id,
        rail: 'card',
        paymentIntent: row.payment_intent,
        amount: row.price,
      });
    return row;
  });
  if (!cancelled) return false;
  if (cancelled.payment_intent) await refundSeatIfDue(cancelled.id, now);
  return true;
}

/** After the start, the host marks who came; the others did not. */
export async function markAttendance(hostId: string, sessionId: string, present: string[], now = new Date()) {
  if (!isUuid(sessionId)) return false;
  const s = await db
    .selectFrom('group_sessions')
    .select('id')
    .where('id', '=', sessionId)
    .where('host_id', '=', hostId)
    .where('starts_at', '<=', now)
    .executeTakeFirst();
  if (!s) return false;
  await db
    .updateTable('group_bookings')
    .set({ attended: sql<boolean>`id = any(${sql.val(present.filter(isUuid))}::uuid[])` })
    .where('group_session_id', '=', sessionId)
    .where('status', '=', 'booked')
    .execute();
  return true;
}

const sessionColumns = [
  'g.id',
  'g.host_id',
  'g.title',
  'g.description',
  'g.starts_at',
  'g.ends_at',
  'g.seats',
  'g.seats_taken',
  'g.price',
  'g.meeting_mode',
  'g.meeting_place',
  'g.status',
  'g.updated_at',
  'h.display_name as host_name',
] as const;

/** Open sessions still to come, soonest first. */
export function listUpcomingGroupSessions(now = new Date()) {
  return db
    .selectFrom('group_sessions as g')
    .innerJoin('users as h', 'h.id', 'g.host_id')
    .select([...sessionColumns])
    .where('g.status', '=', 'open')
    .where('g.ends_at', '>', now)
    .orderBy('g.starts_at')
    .limit(100)
    .execute();
}

export function listHostedGroupSessions(hostId: string) {
  return db
    .selectFrom('group_sessions as g')
    .innerJoin('users as h', 'h.id', 'g.host_id')
    .select([...sessionColumns])
    .where('g.host_id', '=', hostId)
    .orderBy('g.starts_at', 'desc')
    .limit(200)
    .execute();
}

/** One session as `viewerId` sees it: her own booking, and the attendee list when she hosts it. */
export async function findGroupSession(id: string | undefined, viewerId: string | null) {
  if (!isUuid(id)) return null;
  const s = await db
    .selectFrom('group_sessions as g')
    .innerJoin('users as h', 'h.id', 'g.host_id')
    .select([...sessionColumns])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('group_bookings as b')
          .innerJoin('users as u', 'u.id', 'b.attendee_id')
          .select(['b.id', 'b.attendee_id', 'u.display_name', 'b.attended'])
          .whereRef('b.group_session_id', '=', 'g.id')
          .where('b.status', '=', 'booked')
          .where(sql<boolean>`g.host_id = ${viewerId ?? '00000000-0000-0000-0000-000000000000'}::uuid`)
          .orderBy('b.created_at'),
      ).as('attendees'),
      eb
        .selectFrom('group_bookings as mine')
        .select('mine.id')
        .whereRef('mine.group_session_id', '=', 'g.id')
        .where('mine.status', '=', 'booked')
        .where('mine.attendee_id', '=', viewerId ?? '00000000-0000-0000-0000-000000000000')
        .as('my_booking'),
      eb
        .selectFrom('group_bookings as held')
        .select('held.id')
        .whereRef('held.group_session_id', '=', 'g.id')
        .where('held.status', '=', 'awaiting_payment')
        .where('held.attendee_id', '=', viewerId ?? '00000000-0000-0000-0000-000000000000')
        .as('my_hold'),
    ])
    .where('g.id', '=', id)
    .executeTakeFirst();
  return s ?? null;
}

/** The .ics of a group session, for its host and the people holding a seat. */
export function groupIcs(
  s: {
    id: string;
    title: string;
    starts_at: Date;
    ends_at: Date;
    updated_at: Date;
    meeting_place: string;
    status: string;
  },
  host: string,
) {
  return sessionIcs(
    {
      id: s.id,
      starts_at: s.starts_at,
      ends_at: s.ends_at,
      updated_at: s.updated_at,
      meeting_place: s.meeting_place,
      status: s.status === 'open' ? 'confirmed' : 'cancelled',
    },
    s.title,
    host,
  );
}

const reminderKinds = [
  { kind: '24h' as const, within: 24 * hour, key: 'depth.group.notice.24h' as const },
  { kind: '1h' as const, within: hour, key: 'depth.group.notice.1h' as const },
];

/** 24 h and 1 h before, every seat holder hears of it once: the reminder row is claimed first. */
export async function sendDueGroupReminders(now = new Date()) {
  let sent = 0;
  for (const r of reminderKinds) {
    const due = await db
      .selectFrom('group_bookings as b')
      .innerJoin('group_sessions as g', 'g.id', 'b.group_session_id')
      .leftJoin('group_reminders as m', (j) => j.onRef('m.booking_id', '=', 'b.id').on('m.kind', '=', r.kind))
      .select(['b.id', 'b.attendee_id', 'g.id as session_id', 'g.title', 'g.starts_at'])
      .where('b.status', '=', 'booked')
      .where('g.status', '=', 'open')
      .where('g.starts_at', '>', now)
      .where('g.starts_at', '<=', new Date(now.getTime() + r.within))
      .$if(r.kind === '24h', (q) => q.where('g.starts_at', '>', new Date(now.getTime() + hour)))
      .where('m.booking_id', 'is', null)
      .limit(500)
      .execute();
    for (const b of due) {
      const done = await db.transaction().execute(async (trx) => {
        const claimed = await trx
          .insertInto('group_reminders')
          .values({ booking_id: b.id, kind: r.kind })
          .onConflict((oc) => oc.doNothing())
          .returning('booking_id')
          .executeTakeFirst();
        if (!claimed) return false;
        await groupNotice(trx, b.attendee_id, r.key, b.session_id, b.title, b.starts_at);
        return true;
      });
      if (done) sent += 1;
    }
  }
  return { sent };
}
