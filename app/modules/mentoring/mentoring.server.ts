import { sql, type Transaction } from 'kysely';
import type { Database, MeetingMode, SessionStatus } from '../../../db/schema';
import { db, type Executor } from '~/lib/db.server';
import { accountActive } from '~/modules/moderation/suspension.server';
import { notify as notifyPerson } from '~/modules/notifications/notify.server';
import { formatDateTime, type MessageKey } from '~/lib/i18n';
import { translatorFor } from '~/lib/i18n.server';
import { log } from '~/lib/log.server';
import { cardPaymentsEnabled, createCardCheckout, refundCard } from '~/lib/payments.server';
import { isApprovedMentor } from '~/modules/verification/verification.server';
import { type Availability, type Busy, computeSlots, type Range, type Slot } from './slots';
import { isUuid } from '~/lib/ids';
import { absoluteUrl } from '~/lib/origin.server';

const hour = 3_600_000;
/** How long a paid booking holds its slot while the mentee pays. */
export const paymentHoldMinutes = 30;
/** The sessions that occupy a slot (the exclusion constraints' WHERE). */
export const occupyingStatuses: SessionStatus[] = ['awaiting_payment', 'pending', 'confirmed'];

// ---------------------------------------------------------------- offers

export type OfferInput = {
  topics: string[];
  languages: string[];
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

// ---------------------------------------------------------------- slots

async function availabilityOf(mentorId: string, executor: Executor) {
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
async function busyOf(mentorId: string, now: Date, executor: Executor, except?: string): Promise<Busy[]> {
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

// ---------------------------------------------------------------- booking

export type BookingProblem =
  'taken' | 'menteeBusy' | 'notOffered' | 'notASlot' | 'paid' | 'paymentFailed' | 'self' | 'tooLate';
export type BookingResult =
  // checkoutUrl: a paid booking is held until the mentee pays there.
  | { ok: true; id: string; status: SessionStatus; checkoutUrl?: string }
  // refusedBy: 'database' when the exclusion constraint settled it (a race the check could not see).
  | { ok: false; problem: BookingProblem; nextSlots: Slot[]; refusedBy?: 'database' };

/** An exclusion-constraint violation: the database refused an overlapping session. */
function overlapOf(error: unknown): 'taken' | 'menteeBusy' | null {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e?.code !== '23P01') return null;
  const name = e.constraint ?? e.message ?? '';
  return name.includes('mentee') ? 'menteeBusy' : 'taken';
}

const sameInstant = (a: Date, b: Date) => a.getTime() === b.getTime();

/**
 * Books a free session. The slot is checked against her availability in code, and
 * the database's exclusion constraints settle any race: of many mentees asking
 * for the same time at once exactly one gets it, the others get `taken` and the
 * next free slots.
 */
export async function bookSession(input: {
  mentorId: string;
  menteeId: string;
  startsAt: Date;
  note: string;
  now?: Date;
}): Promise<BookingResult> {
  const now = input.now ?? new Date();
  const next = () => freeSlots(input.mentorId, { now, limit: 5 });
  if (input.mentorId === input.menteeId) return { ok: false, problem: 'self', nextSlots: [] };
  let result: BookingResult;
  try {
    result = await db.transaction().execute(async (trx): Promise<BookingResult> => {
      const found = await availabilityOf(input.mentorId, trx);
      if (!found) return { ok: false, problem: 'notOffered', nextSlots: [] };
      const { offer, availability } = found;
      // A paid session needs card payment; without Stripe configured it is refused.
      const paid = offer.price > 0;
      if (paid && !cardPaymentsEnabled()) return { ok: false, problem: 'paid', nextSlots: [] };
      const busy = await busyOf(input.mentorId, now, trx);
      const slots = computeSlots(availability, busy, now);
      const slot = slots.find((s) => sameInstant(s.start, input.startsAt));
      if (!slot) {
        // Still a valid slot when nobody holds it? Then someone just took it.
        const free = computeSlots(availability, [], now).some((s) => sameInstant(s.start, input.startsAt));
        return { ok: false, problem: free ? 'taken' : 'notASlot', nextSlots: [] };
      }
      const status: SessionStatus = paid ? 'awaiting_payment' : offer.requires_confirmation ? 'pending' : 'confirmed';
      const row = await trx
        .insertInto('mentoring_sessions')
        .values({
          mentor_id: input.mentorId,
          mentee_id: input.menteeId,
          starts_at: slot.start,
          ends_at: slot.end,
          blocked_until: new Date(slot.end.getTime() + offer.buffer_minutes * 60_000),
          status,
          note: input.note,
          price: offer.price,
          meeting_mode: offer.meeting_mode,
          meeting_place: offer.meeting_place,
          time_zone: offer.time_zone,
          hold_expires_at: paid ? new Date(now.getTime() + paymentHoldMinutes * 60_000) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // A held session is announced to the mentor once it is paid (the webhook).
      if (!paid)
        await notify(
          trx,
          input.mentorId,
          status === 'pending' ? 'mentoring.notify.requested' : 'mentoring.notify.booked',
          row.id,
          slot.start,
        );
      return { ok: true, id: row.id, status };
    });
  } catch (error) {
    const overlap = overlapOf(error);
    if (!overlap) throw error;
    result = { ok: false, problem: overlap, nextSlots: [], refusedBy: 'database' };
  }
  if (!result.ok && (result.problem === 'taken' || result.problem === 'menteeBusy' || result.problem === 'notASlot')) {
    result.nextSlots = await next();
  }
  if (result.ok && result.status === 'awaiting_payment') {
    const checkoutUrl = await openCheckout(result.id, now);
    if (!checkoutUrl) return { ok: false, problem: 'paymentFailed', nextSlots: [] };
    result.checkoutUrl = checkoutUrl;
  }
  if (result.ok)
    log.info('mentoring session booked', { sessionId: result.id, mentorId: input.mentorId, status: result.status });
  else if (result.refusedBy)
    log.info('mentoring booking refused by the database', { mentorId: input.mentorId, problem: result.problem });
  return result;
}

/**
 * Opens the Stripe Checkout Session for a held booking and records its id. When
 * Stripe refuses or cannot be reached the hold is released at once (null).
 */
async function openCheckout(sessionId: string, now: Date) {
  const s = await db
    .selectFrom('mentoring_sessions as s')
    .innerJoin('users as mentor', 'mentor.id', 's.mentor_id')
    .innerJoin('users as mentee', 'mentee.id', 's.mentee_id')
    .select([
      's.price',
      's.hold_expires_at',
      'mentor.display_name as mentor_name',
      'mentee.email as mentee_email',
      'mentee.locale as mentee_locale',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirstOrThrow();
  try {
    const t = translatorFor(s.mentee_locale);
    // Stripe needs at least 30 minutes; a minute more than our hold, so the hold lapses first.
    const checkout = await createCardCheckout(
      { kind: 'mentoring', sessionId },
      {
        lines: [{ name: t('mentoring.payment.item', { name: s.mentor_name }), unitAmount: s.price, quantity: 1 }],
        email: s.mentee_email,
        successUrl: absoluteUrl(`/sessions/${sessionId}?notice=notice.mentoringPaid`),
        cancelUrl: absoluteUrl(`/sessions/${sessionId}`),
        expiresAt: new Date(now.getTime() + (paymentHoldMinutes + 1) * 60_000),
      },
    );
    await db
      .updateTable('mentoring_sessions')
      .set({ stripe_session_id: checkout.id })
      .where('id', '=', sessionId)
      .execute();
    return checkout.url;
  } catch (error) {
    log.warn('stripe checkout for a mentoring session failed', { sessionId, error: (error as Error).message });
    await db
      .updateTable('mentoring_sessions')
      .set({ status: 'cancelled', cancelled_at: now, cancel_reason: null, updated_at: now })
      .where('id', '=', sessionId)
      .where('status', '=', 'awaiting_payment')
      .execute();
    return null;
  }
}

/** Tells one side about a session (in-app, and her channels for bookings), in her own language and zone. */
export async function notify(
  trx: Transaction<Database>,
  userId: string,
  key: MessageKey,
  sessionId: string,
  startsAt: Date,
) {
  await notifyPerson(trx, userId, {
    kind: 'booking',
    key,
    params: { when: startsAt.toISOString() },
    link: `/sessions/${sessionId}`,
  });
}

// ---------------------------------------------------------------- one session

export type Side = 'mentee' | 'mentor';

export async function findSessionFor(id: string, userId: string) {
  if (!isUuid(id)) return null;
  const row = await db
    .selectFrom('mentoring_sessions as s')
    .innerJoin('users as mentor', 'mentor.id', 's.mentor_id')
    .innerJoin('users as mentee', 'mentee.id', 's.mentee_id')
    .leftJoin('mentor_offers as o', 'o.mentor_id', 's.mentor_id')
    .selectAll('s')
    .select(['mentor.display_name as mentor_name', 'mentee.display_name as mentee_name', 'o.cancel_cutoff_hours'])
    .where('s.id', '=', id)
    .where((eb) => eb.or([eb('s.mentor_id', '=', userId), eb('s.mentee_id', '=', userId)]))
    .executeTakeFirst();
  if (!row) return null;
  const side: Side = row.mentor_id === userId ? 'mentor' : 'mentee';
  return { ...row, side, cancel_cutoff_hours: row.cancel_cutoff_hours ?? 12 };
}

export type SessionView = NonNullable<Awaited<ReturnType<typeof findSessionFor>>>;

/** What each side may do with a session now. */
export function allowedActions(
  s: Pick<SessionView, 'status' | 'starts_at' | 'ends_at' | 'side' | 'cancel_cutoff_hours' | 'rating'>,
  now = new Date(),
) {
  const live = s.status === 'pending' || s.status === 'confirmed';
  const beforeStart = now.getTime() < s.starts_at.getTime();
  const beforeCutoff = now.getTime() < s.starts_at.getTime() - s.cancel_cutoff_hours * hour;
  const over = now.getTime() >= s.ends_at.getTime();
  return {
    confirm: s.side === 'mentor' && s.status === 'pending' && beforeStart,
    decline: s.side === 'mentor' && s.status === 'pending' && beforeStart,
    // The mentor may cancel until the start; the mentee too, but after the cut-off it is recorded as late.
    cancel: live && beforeStart,
    lateCancel: s.side === 'mentee' && live && beforeStart && !beforeCutoff,
    reschedule: s.side === 'mentee' && live && beforeCutoff,
    rate: s.side === 'mentee' && s.status === 'confirmed' && over && s.rating == null,
    notes: s.side === 'mentor' && s.status === 'confirmed' && over,
  };
}

export type ActionProblem = 'notAllowed' | 'taken' | 'menteeBusy' | 'notASlot';

export async function decide(id: string, mentorId: string, to: 'confirmed' | 'declined', now = new Date()) {
  const done = await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('mentoring_sessions')
      .set({ status: to, updated_at: now })
      .where('id', '=', id)
      .where('mentor_id', '=', mentorId)
      .where('status', '=', 'pending')
      .where('starts_at', '>', now)
      .returning(['mentee_id', 'starts_at'])
      .executeTakeFirst();
    if (!row) return false;
    await notify(
      trx,
      row.mentee_id,
      to === 'confirmed' ? 'mentoring.notify.confirmed' : 'mentoring.notify.declined',
      id,
      row.starts_at,
    );
    return true;
  });
  // A declined paid session is refunded in full.
  if (done && to === 'declined') await refundIfDue(id, now);
  return done;
}

/**
 * Refunds a paid session in full when it was declined, cancelled by the mentor,
 * or cancelled by the mentee before the cut-off (a late cancellation is not
 * refunded). The refund is keyed by the session id at Stripe and recorded on the
 * session; a refund already recorded is never asked for again. When Stripe
 * cannot be reached the session stays cancelled and owed its refund, which the
 * retry-refunds job sends later under the same key.
 */
export async function refundIfDue(id: string, now = new Date()) {
  const s = await db
    .selectFrom('mentoring_sessions')
    .select(['status', 'price', 'stripe_payment_intent', 'refund_id', 'cancelled_by', 'late_cancellation'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!s || !s.stripe_payment_intent || s.refund_id || s.price <= 0) return false;
  const due =
    s.status === 'declined' || (s.status === 'cancelled' && !(s.cancelled_by === 'mentee' && s.late_cancellation));
  if (!due) return false;
  try {
    const refund = await refundCard(
      { kind: 'mentoring', sessionId: id },
      { paymentIntent: s.stripe_payment_intent, amount: s.price },
    );
    await db
      .updateTable('mentoring_sessions')
      .set({ refund_id: refund.id, refund_amount: s.price, refunded_at: now, updated_at: now })
      .where('id', '=', id)
      .where('refund_id', 'is', null)
      .execute();
    log.info('mentoring session refunded', { sessionId: id });
    return true;
  } catch (error) {
    log.warn('mentoring refund failed; the retry-refunds job will try again', {
      sessionId: id,
      error: (error as Error).message,
    });
    return false;
  }
}

/** Paid sessions owed a refund that was not sent (Stripe unreachable at the time): the refund job's list. */
export async function mentoringSessionsOwedRefunds(limit = 100) {
  const rows = await db
    .selectFrom('mentoring_sessions')
    .select('id')
    .where('stripe_payment_intent', 'is not', null)
    .where('refund_id', 'is', null)
    .where('price', '>', 0)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'declined'),
        eb.and([
          eb('status', '=', 'cancelled'),
          eb.or([eb('cancelled_by', 'is distinct from', 'mentee'), eb('late_cancellation', 'is distinct from', true)]),
        ]),
      ]),
    )
    .orderBy('updated_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Cancels a live session; a mentee's cancellation after the cut-off is recorded as late. */
export async function cancelSession(id: string, userId: string, reason: string, now = new Date(), read?: SessionView) {
  // The session as the caller read it, when she did: it is what the change is checked against.
  const s = read ?? (await findSessionFor(id, userId));
  if (!s || !allowedActions(s, now).cancel) return { ok: false as const };
  const late = allowedActions(s, now).lateCancel;
  const done = await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('mentoring_sessions')
      .set({
        status: 'cancelled',
        cancelled_by: s.side,
        cancelled_at: now,
        cancel_reason: reason || null,
        late_cancellation: late,
        updated_at: now,
      })
      .where('id', '=', id)
      // As it was read: whether it is late depends on the time it was read at.
      .where('status', '=', s.status)
      .where('starts_at', '=', s.starts_at)
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    const other = s.side === 'mentor' ? s.mentee_id : s.mentor_id;
    await notify(trx, other, late ? 'mentoring.notify.cancelledLate' : 'mentoring.notify.cancelled', id, s.starts_at);
    return true;
  });
  if (!done) return { ok: false as const };
  const refunded = await refundIfDue(id, now);
  return { ok: true as const, late, refunded };
}

/** The mentee moves her session to another free slot, until the cut-off. */
export async function rescheduleSession(
  id: string,
  menteeId: string,
  startsAt: Date,
  now = new Date(),
  read?: SessionView,
) {
  const s = read ?? (await findSessionFor(id, menteeId));
  if (!s || !allowedActions(s, now).reschedule)
    return { ok: false as const, problem: 'notAllowed' as ActionProblem, nextSlots: [] as Slot[] };
  try {
    const outcome = await db.transaction().execute(async (trx) => {
      const found = await availabilityOf(s.mentor_id, trx);
      if (!found) return 'notAllowed' as const;
      const busy = await busyOf(s.mentor_id, now, trx, id);
      const slot = computeSlots(found.availability, busy, now).find((x) => sameInstant(x.start, startsAt));
      if (!slot) return 'notASlot' as const;
      const status: SessionStatus = found.offer.requires_confirmation ? 'pending' : 'confirmed';
      // Moves the session only as it was read: a decline, a cancellation or another
      // move that came first wins, and this one changes nothing.
      const moved = await trx
        .updateTable('mentoring_sessions')
        .set({
          starts_at: slot.start,
          ends_at: slot.end,
          blocked_until: new Date(slot.end.getTime() + found.offer.buffer_minutes * 60_000),
          status,
          reschedule_count: sql`reschedule_count + 1`,
          updated_at: now,
        })
        .where('id', '=', id)
        .where('status', '=', s.status)
        .where('starts_at', '=', s.starts_at)
        .executeTakeFirst();
      if (!moved.numUpdatedRows) return 'notAllowed' as const;
      // Reminders follow the new time.
      await trx.deleteFrom('mentoring_reminders').where('session_id', '=', id).execute();
      await notify(trx, s.mentor_id, 'mentoring.notify.rescheduled', id, slot.start);
      return 'ok' as const;
    });
    if (outcome === 'ok') return { ok: true as const };
    return {
      ok: false as const,
      problem: outcome as ActionProblem,
      nextSlots: await freeSlots(s.mentor_id, { now, limit: 5, except: id }),
    };
  } catch (error) {
    const overlap = overlapOf(error);
    if (!overlap) throw error;
    return {
      ok: false as const,
      problem: overlap as ActionProblem,
      nextSlots: await freeSlots(s.mentor_id, { now, limit: 5, except: id }),
    };
  }
}

/** The mentee rates a session she attended, once. */
export async function rateSession(id: string, menteeId: string, rating: number, comment: string, now = new Date()) {
  const row = await db
    .updateTable('mentoring_sessions')
    .set({ rating, rating_comment: comment || null, rated_at: now })
    .where('id', '=', id)
    .where('mentee_id', '=', menteeId)
    .where('status', '=', 'confirmed')
    .where('ends_at', '<=', now)
    .where('rating', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

export async function saveSessionNotes(
  id: string,
  mentorId: string,
  notes: string,
  followUp: string,
  now = new Date(),
) {
  const row = await db
    .updateTable('mentoring_sessions')
    .set({ mentor_notes: notes, follow_up: followUp, updated_at: now })
    .where('id', '=', id)
    .where('mentor_id', '=', mentorId)
    .where('status', '=', 'confirmed')
    .where('ends_at', '<=', now)
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

// ---------------------------------------------------------------- lists

export function listSessionsFor(userId: string) {
  return db
    .selectFrom('mentoring_sessions as s')
    .innerJoin('users as mentor', 'mentor.id', 's.mentor_id')
    .innerJoin('users as mentee', 'mentee.id', 's.mentee_id')
    .select([
      's.id',
      's.mentor_id',
      's.mentee_id',
      's.starts_at',
      's.ends_at',
      's.status',
      's.meeting_mode',
      's.late_cancellation',
      's.cancelled_by',
      's.rating',
      'mentor.display_name as mentor_name',
      'mentee.display_name as mentee_name',
    ])
    .where((eb) => eb.or([eb('s.mentor_id', '=', userId), eb('s.mentee_id', '=', userId)]))
    .orderBy('s.starts_at', 'desc')
    .limit(200)
    .execute();
}

export type MentorFilters = { topic?: string; language?: string; price?: 'free' | 'paid'; province?: string };

/** Approved mentors with an active offer, their rating and sessions held. */
export function listMentors(filters: MentorFilters = {}, now = new Date()) {
  let q = db
    .selectFrom('mentor_offers as o')
    .innerJoin('mentor_profiles as p', 'p.user_id', 'o.mentor_id')
    .innerJoin('users as u', 'u.id', 'o.mentor_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('mentoring_sessions')
          .select((e) => [
            'mentor_id',
            sql<number | null>`round(avg(rating)::numeric, 1)`.as('average_rating'),
            e.fn.count<number>('rating').as('ratings'),
            sql<number>`count(*) filter (where status = 'confirmed' and ends_at <= ${now})`.as('held'),
          ])
          .groupBy('mentor_id')
          .as('st'),
      (join) => join.onRef('st.mentor_id', '=', 'o.mentor_id'),
    )
    .select([
      'o.mentor_id',
      'u.display_name',
      sql<string>`case when p.bio_held then '' else p.bio end`.as('bio'),
      'p.province',
      'o.topics',
      'o.languages',
      'o.price',
      'o.session_minutes',
      'o.meeting_mode',
      'st.average_rating',
      'st.ratings',
      'st.held',
    ])
    .where('p.status', '=', 'approved')
    .where('o.active', '=', true)
    .where(accountActive('u'));
  if (filters.topic) q = q.where(sql<boolean>`${filters.topic} = any(o.topics)`);
  if (filters.language) q = q.where(sql<boolean>`${filters.language} = any(o.languages)`);
  if (filters.price === 'free') q = q.where('o.price', '=', 0);
  if (filters.price === 'paid') q = q.where('o.price', '>', 0);
  if (filters.province) q = q.where('o.meeting_mode', '=', 'in_person').where('p.province', '=', filters.province);
  return q.orderBy('u.display_name').limit(100).execute();
}

export async function findMentor(mentorId: string, now = new Date()) {
  if (!isUuid(mentorId)) return null;
  const rows = await listMentorsById(mentorId, now);
  return rows ?? null;
}

async function listMentorsById(mentorId: string, now: Date) {
  const row = await db
    .selectFrom('mentor_offers as o')
    .innerJoin('mentor_profiles as p', 'p.user_id', 'o.mentor_id')
    .innerJoin('users as u', 'u.id', 'o.mentor_id')
    .selectAll('o')
    .select([
      'u.display_name',
      sql<string>`case when p.bio_held then '' else p.bio end`.as('bio'),
      'p.experience',
      'p.province',
    ])
    .select([
      sql<
        number | null
      >`(select round(avg(rating)::numeric, 1) from mentoring_sessions where mentor_id = o.mentor_id)`.as(
        'average_rating',
      ),
      sql<number>`(select count(rating) from mentoring_sessions where mentor_id = o.mentor_id)`.as('ratings'),
      sql<number>`(select count(*) from mentoring_sessions where mentor_id = o.mentor_id and status = 'confirmed' and ends_at <= ${now})`.as(
        'held',
      ),
    ])
    .where('o.mentor_id', '=', mentorId)
    .where('p.status', '=', 'approved')
    .where('o.active', '=', true)
    // A suspended mentor's page shows nothing (moderation).
    .where(accountActive('u'))
    .executeTakeFirst();
  return row;
}

// ---------------------------------------------------------------- calendar file

const icsTime = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const icsText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/([,;])/g, '\\$1');

/** RFC 5545 folding: lines longer than 75 octets continue on the next line after a space. */
function fold(line: string) {
  const parts: string[] = [];
  let current = '';
  for (const ch of line) {
    if (Buffer.byteLength(current + ch) > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = '';
    }
    current += ch;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** An iCalendar file for one session; times in UTC, so every calendar shows them in its own zone. */
export function sessionIcs(
  s: Pick<SessionView, 'id' | 'updated_at' | 'starts_at' | 'ends_at' | 'meeting_place' | 'status'>,
  summary: string,
  host: string,
) {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sen//Mentoring//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${s.id}@${host}`,
    `DTSTAMP:${icsTime(s.updated_at)}`,
    `DTSTART:${icsTime(s.starts_at)}`,
    `DTEND:${icsTime(s.ends_at)}`,
    `SUMMARY:${icsText(summary)}`,
    s.meeting_place ? `LOCATION:${icsText(s.meeting_place)}` : '',
    `STATUS:${s.status === 'confirmed' ? 'CONFIRMED' : s.status === 'pending' || s.status === 'awaiting_payment' ? 'TENTATIVE' : 'CANCELLED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ].filter(Boolean);
  return lines.map(fold).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------- reminders

const reminderKinds = [
  { kind: '24h' as const, within: 24 * hour, key: 'mentoring.reminder.24h' as MessageKey },
  { kind: '1h' as const, within: hour, key: 'mentoring.reminder.1h' as MessageKey },
];

/**
 * Sends each due reminder (24 h and 1 h before a confirmed session) to both
 * sides, in-app and by email. The reminder row's primary key is claimed first in
 * the same transaction, so a second run, or two workers at once, send nothing twice.
 */
export async function sendDueReminders(now = new Date()) {
  let sent = 0;
  for (const r of reminderKinds) {
    const due = await db
      .selectFrom('mentoring_sessions as s')
      .leftJoin('mentoring_reminders as m', (j) => j.onRef('m.session_id', '=', 's.id').on('m.kind', '=', r.kind))
      .select(['s.id'])
      .where('s.status', '=', 'confirmed')
      .where('s.starts_at', '>', now)
      .where('s.starts_at', '<=', new Date(now.getTime() + r.within))
      // A 24 h reminder is pointless once the 1 h one is due.
      .$if(r.kind === '24h', (q) => q.where('s.starts_at', '>', new Date(now.getTime() + hour)))
      .where('m.session_id', 'is', null)
      .limit(500)
      .execute();
    for (const { id } of due) {
      const done = await db.transaction().execute(async (trx) => {
        const claimed = await trx
          .insertInto('mentoring_reminders')
          .values({ session_id: id, kind: r.kind })
          .onConflict((oc) => oc.doNothing())
          .returning('session_id')
          .executeTakeFirst();
        if (!claimed) return false;
        const s = await trx
          .selectFrom('mentoring_sessions as s')
          .innerJoin('users as mentor', 'mentor.id', 's.mentor_id')
          .innerJoin('users as mentee', 'mentee.id', 's.mentee_id')
          .select([
            's.starts_at',
            's.mentor_id',
            's.mentee_id',
            'mentor.display_name as mentor_name',
            'mentor.locale as mentor_locale',
            'mentor.time_zone as mentor_zone',
            'mentee.display_name as mentee_name',
            'mentee.locale as mentee_locale',
            'mentee.time_zone as mentee_zone',
          ])
          .where('s.id', '=', id)
          .executeTakeFirstOrThrow();
        const people = [
          { id: s.mentor_id, locale: s.mentor_locale, zone: s.mentor_zone, other: s.mentee_name },
          { id: s.mentee_id, locale: s.mentee_locale, zone: s.mentee_zone, other: s.mentor_name },
        ];
        for (const p of people) {
          const when = formatDateTime(s.starts_at, p.locale, p.zone, { dateStyle: 'full', timeStyle: 'short' });
          await notifyPerson(trx, p.id, {
            kind: 'booking_reminder',
            key: r.key,
            params: { when: s.starts_at.toISOString(), with: p.other },
            link: `/sessions/${id}`,
            email: { subject: r.key, body: 'mentoring.reminder.body', params: { when } },
          });
        }
        return true;
      });
      if (done) sent += 1;
    }
  }
  return { sent };
}
