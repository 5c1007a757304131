import { defined } from '../app/lib/defined';
import { describe, expect, it } from 'vitest';
import { db, engineFromEnv } from '../app/lib/db.server';

const engine = engineFromEnv();
import { action as bookAction, loader as mentorLoader } from '../app/routes/mentors.$id';
import { loader as mentorsLoader } from '../app/routes/mentors._index';
import { action as sessionAction, loader as sessionLoader } from '../app/routes/sessions.$id';
import { loader as sessionsLoader } from '../app/routes/sessions._index';
import { loader as icsLoader } from '../app/routes/sessions.$id_.ics';
import { action as editorAction, loader as editorLoader } from '../app/routes/dashboard.mentoring';
import {
  bookSession,
  cancelSession,
  freeSlots,
  rescheduleSession,
  saveOffer,
  sendDueReminders,
  type OfferInput,
} from '../app/modules/mentoring/index.server';
import { call, createTestUser, formRequest, getRequest, payload, statusOf } from './support/fixtures';
import { useCleanDatabase } from './support/clean';

useCleanDatabase();

const hour = 3_600_000;
const allDay = (from = 0, to = 1440) =>
  Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: from, end: to }]]));
const offer = (over: Partial<OfferInput> = {}): OfferInput => ({
  topics: ['pricing'],
  languages: ['vi'],
  sessionMinutes: 60,
  bufferMinutes: 15,
  minNoticeHours: 0,
  maxDaysAhead: 14,
  price: 0,
  meetingMode: 'video',
  meetingPlace: 'https://meet.example/abc',
  requiresConfirmation: false,
  cancelCutoffHours: 12,
  timeZone: 'Asia/Ho_Chi_Minh',
  active: true,
  weekly: allDay(),
  ...over,
});

async function approvedMentor(over: Partial<OfferInput> = {}, status: 'approved' | 'submitted' = 'approved') {
  const mentor = await createTestUser({ roles: ['mentor'] });
  await db
    .insertInto('mentor_profiles')
    .values({
      user_id: mentor.id,
      expertise: ['finance'],
      languages: ['vi'],
      experience: 'x',
      bio: 'Bio',
      province: 'ha-noi',
      status,
      updated_at: new Date(),
    })
    .execute();
  if (status === 'approved') expect(await saveOffer(mentor.id, offer(over))).toBe(true);
  return mentor;
}

async function insertSession(values: {
  mentor: string;
  mentee: string;
  start: Date;
  minutes?: number;
  buffer?: number;
  status?: 'pending' | 'confirmed' | 'cancelled';
}) {
  const end = new Date(values.start.getTime() + (values.minutes ?? 60) * 60_000);
  return db
    .insertInto('mentoring_sessions')
    .values({
      mentor_id: values.mentor,
      mentee_id: values.mentee,
      starts_at: values.start,
      ends_at: end,
      blocked_until: new Date(end.getTime() + (values.buffer ?? 0) * 60_000),
      status: values.status ?? 'confirmed',
      cancelled_at: values.status === 'cancelled' ? new Date() : null,
      meeting_mode: 'video',
      meeting_place: 'x',
      time_zone: 'Asia/Ho_Chi_Minh',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

async function sqlState(promise: Promise<unknown>) {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('only approved mentors offer sessions', () => {
  it('an unapproved mentor cannot save an offer, and a suspended one offers no slot', async () => {
    const pending = await approvedMentor({}, 'submitted');
    expect(await saveOffer(pending.id, offer())).toBe(false);
    const mentor = await approvedMentor();
    expect((await freeSlots(mentor.id, { limit: 3 })).length).toBe(3);
    await db.updateTable('mentor_profiles').set({ status: 'suspended' }).where('user_id', '=', mentor.id).execute();
    expect(await freeSlots(mentor.id)).toEqual([]);
    expect(statusOf(await call(mentorLoader, getRequest(`/mentors/${mentor.id}`), { id: mentor.id }))).toBe(404);
  });

  it('the editor saves her offer and weekly hours, and refuses bad ranges', async () => {
    const mentor = await approvedMentor();
    const fields = {
      intent: 'offer',
      topics: ['pricing', 'bookkeeping'],
      languages: 'vi',
      sessionMinutes: '30',
      bufferMinutes: '10',
      minNoticeHours: '24',
      maxDaysAhead: '21',
      price: '0',
      meetingMode: 'in_person',
      meetingPlace: 'Nhà văn hóa',
      cancelCutoffHours: '6',
      timeZone: 'Europe/Berlin',
      active: 'on',
      day1: '09:00-12:00, 14:00-16:00',
      day2: '',
      day3: '',
      day4: '',
      day5: '',
      day6: '',
      day7: '',
    };
    const saved = await call(editorAction, formRequest('/dashboard/mentoring', fields, { cookie: mentor.cookie }));
    expect((saved as Response).headers.get('location')).toContain('/dashboard/mentoring');
    const page = payload(await call(editorLoader, getRequest('/dashboard/mentoring', { cookie: mentor.cookie })));
    expect(defined(page.offer, 'page.offer').timeZone).toBe('Europe/Berlin');
    expect(page.weekly[1]).toBe('09:00-12:00, 14:00-16:00');
    const bad = await call(
      editorAction,
      formRequest('/dashboard/mentoring', { ...fields, day2: '12:00-09:00' }, { cookie: mentor.cookie }),
    );
    expect(statusOf(bad)).toBe(400);
    expect(payload(bad).errors.day2).toBe('mentoring.field.rangesInvalid');
    const off = await call(
      editorAction,
      formRequest('/dashboard/mentoring', { intent: 'addOff', offDay: 'not a day' }, { cookie: mentor.cookie }),
    );
    expect(statusOf(off)).toBe(400);
  });
});

describe('the database refuses double bookings', () => {
  it('no two live sessions of one mentor overlap, buffer included; cancelled ones do not count', async () => {
    const mentor = await approvedMentor();
    const [a, b] = await Promise.all([createTestUser(), createTestUser()]);
    const start = new Date(Date.now() + 48 * hour);
    await insertSession({ mentor: mentor.id, mentee: a.id, start, buffer: 15 });
    // Starts 10 minutes after the first ends: inside its 15-minute buffer.
    expect(
      await sqlState(
        insertSession({ mentor: mentor.id, mentee: b.id, start: new Date(start.getTime() + 70 * 60_000) }),
      ),
    ).toBe('23P01');
    expect(
      await sqlState(
        insertSession({ mentor: mentor.id, mentee: b.id, start: new Date(start.getTime() + 75 * 60_000) }),
      ),
    ).toBe('ok');
    const cancelled = await insertSession({
      mentor: mentor.id,
      mentee: b.id,
      start: new Date(start.getTime() - 5 * hour),
      status: 'cancelled',
    });
    expect(
      await sqlState(insertSession({ mentor: mentor.id, mentee: a.id, start: new Date(start.getTime() - 5 * hour) })),
    ).toBe('ok');
    expect(cancelled.id).toBeTruthy();
  });

  it('no mentee holds two overlapping sessions, even with two mentors', async () => {
    const [m1, m2] = [await approvedMentor(), await approvedMentor()];
    const mentee = await createTestUser();
    const start = new Date(Date.now() + 72 * hour);
    await insertSession({ mentor: m1.id, mentee: mentee.id, start });
    expect(
      await sqlState(
        insertSession({ mentor: m2.id, mentee: mentee.id, start: new Date(start.getTime() + 30 * 60_000) }),
      ),
    ).toBe('23P01');
  });
});

describe('booking', () => {
  it(`many mentees booking the same slot at once: exactly one gets it (${engine})`, async () => {
    const mentor = await approvedMentor();
    const attempts = 20;
    const mentees = await Promise.all(
      Array.from({ length: attempts }, () => createTestUser({ roles: ['entrepreneur'] })),
    );
    const [slot] = await freeSlots(mentor.id, { limit: 1 });
    const results = await Promise.all(
      mentees.map((m) =>
        call(
          bookAction,
          formRequest(
            `/mentors/${mentor.id}`,
            { startsAt: slot.start.toISOString(), note: 'Giúp em định giá' },
            { cookie: m.cookie },
          ),
          { id: mentor.id },
        ),
      ),
    );
    // The same race on the module, to see which refusals the exclusion constraint settled.
    const again = await approvedMentor();
    const [slot2] = await freeSlots(again.id, { limit: 1 });
    const winner = await db
      .selectFrom('mentoring_sessions')
      .select('mentee_id')
      .where('mentor_id', '=', mentor.id)
      .executeTakeFirstOrThrow();
    const others = mentees.filter((m) => m.id !== winner.mentee_id);
    const direct = await Promise.all(
      others.map((m) => bookSession({ mentorId: again.id, menteeId: m.id, startsAt: slot2.start, note: '' })),
    );
    expect(direct.filter((r) => r.ok)).toHaveLength(1);
    expect(direct.filter((r) => !r.ok && r.problem !== 'taken')).toEqual([]);
    const byDatabase = direct.filter((r) => !r.ok && r.refusedBy === 'database').length;
    const booked = results.filter((r) => r instanceof Response && r.status === 302);
    const refused = results.filter((r) => statusOf(r) === 409);
    expect(booked).toHaveLength(1);
    expect(refused).toHaveLength(attempts - 1);
    for (const r of refused) {
      const body = payload(r);
      expect(body.errors.form).toBe('mentoring.book.problem.taken');
      // The route's inferred return type folds this branch into plain FormReply (it is a subtype of it),
      // so its `nextSlots` is asserted on the value rather than read as a typed field.
      expect(body).toHaveProperty(
        'nextSlots',
        expect.arrayContaining([expect.objectContaining({ start: expect.any(String) })]),
      );
      expect(body).not.toHaveProperty(
        'nextSlots',
        expect.arrayContaining([expect.objectContaining({ start: slot.start.toISOString() })]),
      );
    }
    const rows = await db.selectFrom('mentoring_sessions').select('id').where('mentor_id', '=', mentor.id).execute();
    expect(rows).toHaveLength(1);
    console.info(
      `race (${engine}): ${attempts} concurrent attempts → ${booked.length} booked, ${refused.length} told "just taken"; module run with ${others.length} attempts: ${byDatabase} of ${others.length - 1} refusals by the exclusion constraint`,
    );
  });

  it('a slot reaching into another session’s buffer is neither offered nor booked, with next free slots', async () => {
    const mentor = await approvedMentor();
    const [a, b] = await Promise.all([createTestUser(), createTestUser()]);
    const [slot] = await freeSlots(mentor.id, { limit: 1 });
    // A session ending right at the slot's start, with a 30-minute buffer after it.
    await insertSession({
      mentor: mentor.id,
      mentee: a.id,
      start: new Date(slot.start.getTime() - 60 * 60_000),
      buffer: 30,
    });
    const result = await bookSession({ mentorId: mentor.id, menteeId: b.id, startsAt: slot.start, note: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(['taken', 'notASlot']).toContain(result.problem);
      expect(result.nextSlots.length).toBeGreaterThan(0);
    }
  });

  it('a mentee is told when she already has a session at that time (the mentee constraint, 23P01)', async () => {
    const [m1, m2] = [await approvedMentor(), await approvedMentor()];
    const mentee = await createTestUser();
    const [slot] = await freeSlots(m1.id, { limit: 1 });
    expect((await bookSession({ mentorId: m1.id, menteeId: mentee.id, startsAt: slot.start, note: '' })).ok).toBe(true);
    const again = await bookSession({ mentorId: m2.id, menteeId: mentee.id, startsAt: slot.start, note: '' });
    expect(again).toMatchObject({ ok: false, problem: 'menteeBusy' });
  });

  it('without Stripe configured, paid sessions are shown but cannot be booked; a time outside her hours is refused', async () => {
    const paid = await approvedMentor({ price: 250_000 });
    const mentee = await createTestUser();
    const [slot] = await freeSlots(paid.id, { limit: 1 });
    expect(await bookSession({ mentorId: paid.id, menteeId: mentee.id, startsAt: slot.start, note: '' })).toMatchObject(
      { ok: false, problem: 'paid' },
    );
    const page = payload(await call(mentorLoader, getRequest(`/mentors/${paid.id}`), { id: paid.id }));
    expect(page.mentor.price).toBe(250_000);
    const free = await approvedMentor({ weekly: allDay(9 * 60, 10 * 60) });
    const odd = new Date(slot.start.getTime() + 7 * 60_000);
    expect(await bookSession({ mentorId: free.id, menteeId: mentee.id, startsAt: odd, note: '' })).toMatchObject({
      ok: false,
      problem: 'notASlot',
    });
  });

  it('a mentor who requires confirmation gets a pending booking she confirms; both see it', async () => {
    const mentor = await approvedMentor({ requiresConfirmation: true });
    const mentee = await createTestUser({ roles: ['entrepreneur'] });
    const [slot] = await freeSlots(mentor.id, { limit: 1 });
    const result = await bookSession({
      mentorId: mentor.id,
      menteeId: mentee.id,
      startsAt: slot.start,
      note: 'Sổ sách',
    });
    expect(result).toMatchObject({ ok: true, status: 'pending' });
    const id = (result as { id: string }).id;
    const mine = payload(await call(sessionsLoader, getRequest('/sessions', { cookie: mentee.cookie })));
    const hers = payload(await call(sessionsLoader, getRequest('/sessions', { cookie: mentor.cookie })));
    expect(mine.upcoming.map((s) => s.id)).toEqual([id]);
    expect(hers.upcoming[0]).toMatchObject({ id, side: 'mentor', status: 'pending' });
    // The mentee cannot confirm her own booking.
    expect(
      statusOf(
        await call(sessionAction, formRequest(`/sessions/${id}`, { intent: 'confirm' }, { cookie: mentee.cookie }), {
          id,
        }),
      ),
    ).toBe(409);
    await call(sessionAction, formRequest(`/sessions/${id}`, { intent: 'confirm' }, { cookie: mentor.cookie }), { id });
    const row = await db
      .selectFrom('mentoring_sessions')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('confirmed');
    const notes = await db.selectFrom('notifications').select(['user_id', 'message_key']).orderBy('id').execute();
    expect(notes).toEqual([
      { user_id: mentor.id, message_key: 'mentoring.notify.requested' },
      { user_id: mentee.id, message_key: 'mentoring.notify.confirmed' },
    ]);
    // Someone else sees nothing of it.
    const stranger = await createTestUser();
    expect(
      statusOf(await call(sessionLoader, getRequest(`/sessions/${id}`, { cookie: stranger.cookie }), { id })),
    ).toBe(404);
  });

  it('browse filters by topic, language, free or paid and province for in-person mentors', async () => {
    const video = await approvedMentor({ topics: ['pricing'], languages: ['vi', 'en'] });
    const inPerson = await approvedMentor({
      topics: ['bookkeeping'],
      meetingMode: 'in_person',
      meetingPlace: 'Hội LHPN',
      price: 100_000,
    });
    const ids = async (query: string) =>
      (payload(await call(mentorsLoader, getRequest(`/mentors?${query}`))).mentors as { mentor_id: string }[])
        .map((m) => m.mentor_id)
        .sort();
    expect(await ids('')).toEqual([video.id, inPerson.id].sort());
    expect(await ids('topic=pricing')).toEqual([video.id]);
    expect(await ids('language=en')).toEqual([video.id]);
    expect(await ids('price=paid')).toEqual([inPerson.id]);
    expect(await ids('price=free')).toEqual([video.id]);
    expect(await ids('province=ha-noi')).toEqual([inPerson.id]);
    expect(await ids('province=hue')).toEqual([]);
    expect(await ids('topic=<script>')).toEqual([video.id, inPerson.id].sort());
  });
});

describe('cancelling and rescheduling', () => {
  it('before the cut-off either side cancels; after it the mentee’s cancellation is late and the mentor sees it', async () => {
    const mentor = await approvedMentor({ cancelCutoffHours: 12 });
    const mentee = await createTestUser();
    const slots = await freeSlots(mentor.id, { limit: 40 });
    const first = await bookSession({ mentorId: mentor.id, menteeId: mentee.id, startsAt: slots[0].start, note: '' });
    const later = defined(
      slots.find((s) => s.start.getTime() > slots[0].start.getTime() + 3 * hour),
      'slots.find((s) => s.start.getTime() > slots[0].start.getTime() + 3 * hour)',
    );
    const second = await bookSession({ mentorId: mentor.id, menteeId: mentee.id, startsAt: later.start, note: '' });
    const [id1, id2] = [(first as { id: string }).id, (second as { id: string }).id];

    // 13 h before: in time.
    const inTime = new Date(slots[0].start.getTime() - 13 * hour);
    expect(await cancelSession(id1, mentee.id, 'ốm', inTime)).toEqual({ ok: true, late: false, refunded: false });

    // 2 h before the second: too late to reschedule, a cancellation is recorded as late.
    const lateNow = new Date(later.start.getTime() - 2 * hour);
    const moved = await rescheduleSession(id2, mentee.id, slots[5].start, lateNow);
    expect(moved).toMatchObject({ ok: false, problem: 'notAllowed' });
    expect(await cancelSession(id2, mentee.id, '', lateNow)).toEqual({ ok: true, late: true, refunded: false });
    const hers = payload(await call(sessionsLoader, getRequest('/sessions', { cookie: mentor.cookie })));
    const row = [...hers.upcoming, ...hers.past].find((s) => s.id === id2);
    expect(row).toMatchObject({ status: 'cancelled', lateCancellation: true, cancelledBy: 'mentee' });
    // Cancelled twice? No.
    expect(await cancelSession(id2, mentor.id, '', lateNow)).toEqual({ ok: false });
  });

  it('the mentor may cancel until the start; nobody cancels a session that has begun', async () => {
    const mentor = await approvedMentor();
    const mentee = await createTestUser();
    const [slot] = await freeSlots(mentor.id, { limit: 1 });
    const { id } = (await bookSession({
      mentorId: mentor.id,
      menteeId: mentee.id,
      startsAt: slot.start,
      note: '',
    })) as { id: string };
    expect(await cancelSession(id, mentee.id, '', new Date(slot.start.getTime() + 60_000))).toEqual({ ok: false });
    expect(await cancelSession(id, mentor.id, 'bận', new Date(slot.start.getTime() - 30 * 60_000))).toEqual({
      ok: true,
      late: false,
      refunded: false,
    });
  });

  it('the mentee reschedules to a free slot through the page; a taken one gets next free slots', async () => {
    const mentor = await approvedMentor();
    const [mentee, other] = await Promise.all([createTestUser(), createTestUser()]);
    const slots = await freeSlots(mentor.id, { limit: 60 });
    const later = slots.filter((s) => s.start.getTime() > Date.now() + 14 * hour);
    const { id } = (await bookSession({
      mentorId: mentor.id,
      menteeId: mentee.id,
      startsAt: later[0].start,
      note: '',
    })) as { id: string };
    await bookSession({ mentorId: mentor.id, menteeId: other.id, startsAt: later[3].start, note: '' });
    const taken = await call(
      sessionAction,
      formRequest(
        `/sessions/${id}`,
        { intent: 'reschedule', startsAt: later[3].start.toISOString() },
        { cookie: mentee.cookie },
      ),
      { id },
    );
    expect(statusOf(taken)).toBe(409);
    expect(payload(taken)).toHaveProperty('nextSlots', expect.arrayContaining([expect.anything()]));
    const ok = await call(
      sessionAction,
      formRequest(
        `/sessions/${id}`,
        { intent: 'reschedule', startsAt: later[5].start.toISOString() },
        { cookie: mentee.cookie },
      ),
      { id },
    );
    expect((ok as Response).headers.get('location')).toContain('notice.mentoringRescheduled');
    const row = await db
      .selectFrom('mentoring_sessions')
      .select(['starts_at', 'reschedule_count'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ starts_at: later[5].start, reschedule_count: 1 });
  });
});

describe('after the session, calendar file and reminders', () => {
  it('the mentee rates once; the mentor writes private notes and shared follow-up; the profile shows the average', async () => {
    const mentor = await approvedMentor();
    const mentee = await createTestUser();
    const { id } = await insertSession({
      mentor: mentor.id,
      mentee: mentee.id,
      start: new Date(Date.now() - 3 * hour),
    });
    // Not before it ends: a future session cannot be rated.
    const future = await insertSession({
      mentor: mentor.id,
      mentee: mentee.id,
      start: new Date(Date.now() + 30 * hour),
    });
    expect(
      statusOf(
        await call(
          sessionAction,
          formRequest(`/sessions/${future.id}`, { intent: 'rate', rating: '5' }, { cookie: mentee.cookie }),
          { id: future.id },
        ),
      ),
    ).toBe(409);

    expect(
      statusOf(
        await call(
          sessionAction,
          formRequest(`/sessions/${id}`, { intent: 'rate', rating: '9' }, { cookie: mentee.cookie }),
          { id },
        ),
      ),
    ).toBe(400);
    await call(
      sessionAction,
      formRequest(
        `/sessions/${id}`,
        { intent: 'rate', rating: '4', comment: 'Rất hữu ích' },
        { cookie: mentee.cookie },
      ),
      { id },
    );
    expect(
      statusOf(
        await call(
          sessionAction,
          formRequest(`/sessions/${id}`, { intent: 'rate', rating: '1' }, { cookie: mentee.cookie }),
          { id },
        ),
      ),
    ).toBe(409);
    // The mentor cannot rate, the mentee cannot write the mentor's notes.
    expect(
      statusOf(
        await call(
          sessionAction,
          formRequest(`/sessions/${id}`, { intent: 'notes', mentorNotes: 'x' }, { cookie: mentee.cookie }),
          { id },
        ),
      ),
    ).toBe(409);
    await call(
      sessionAction,
      formRequest(
        `/sessions/${id}`,
        { intent: 'notes', mentorNotes: 'Cần tự tin hơn', followUp: 'Chụp lại 5 ảnh' },
        { cookie: mentor.cookie },
      ),
      { id },
    );

    const menteeView = payload(
      await call(sessionLoader, getRequest(`/sessions/${id}`, { cookie: mentee.cookie }), { id }),
    );
    expect(menteeView.session).toMatchObject({ rating: 4, followUp: 'Chụp lại 5 ảnh', mentorNotes: '' });
    const mentorView = payload(
      await call(sessionLoader, getRequest(`/sessions/${id}`, { cookie: mentor.cookie }), { id }),
    );
    expect(mentorView.session.mentorNotes).toBe('Cần tự tin hơn');
    const profile = payload(await call(mentorLoader, getRequest(`/mentors/${mentor.id}`), { id: mentor.id }));
    expect(profile.mentor).toMatchObject({ averageRating: 4, ratings: 1, held: 1 });
  });

  it('the .ics file has UTC times and is only for the two people', async () => {
    const mentor = await approvedMentor();
    const mentee = await createTestUser();
    const { id } = await insertSession({
      mentor: mentor.id,
      mentee: mentee.id,
      start: new Date('2030-03-04T02:00:00Z'),
    });
    const place = 'Hội Liên hiệp Phụ nữ xã Tả Van, thị xã Sa Pa, tỉnh Lào Cai; phòng họp tầng 2';
    await db.updateTable('mentoring_sessions').set({ meeting_place: place }).where('id', '=', id).execute();
    const res = (await call(icsLoader, getRequest(`/sessions/${id}/ics`, { cookie: mentee.cookie }), {
      id,
    })) as Response;
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = await res.text();
    expect(text).toContain('DTSTART:20300304T020000Z\r\n');
    expect(text).toContain('DTEND:20300304T030000Z\r\n');
    expect(text).toContain(`UID:${id}@localhost`);
    // Long lines are folded at 75 octets and unfold to the escaped text.
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n /g, '')).toContain(
      'LOCATION:Hội Liên hiệp Phụ nữ xã Tả Van\\, thị xã Sa Pa\\, tỉnh Lào Cai\\; phòng họp tầng 2',
    );
    const stranger = await createTestUser();
    expect(
      statusOf(await call(icsLoader, getRequest(`/sessions/${id}/ics`, { cookie: stranger.cookie }), { id })),
    ).toBe(404);
    expect(statusOf(await call(icsLoader, getRequest(`/sessions/${id}/ics`), { id }))).toBe(302);
  });

  it('reminders 24 h and 1 h before go to both, in-app and by email, once each even if the worker runs twice', async () => {
    const mentor = await approvedMentor();
    const mentee = await createTestUser();
    const start = new Date(Date.now() + 30 * hour);
    const { id } = await insertSession({ mentor: mentor.id, mentee: mentee.id, start });
    const counts = async () => {
      const n = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('message_key', 'like', 'mentoring.reminder.%')
        .executeTakeFirstOrThrow();
      const e = await db
        .selectFrom('outbox_emails')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return [Number(n.n), Number(e.n)];
    };
    expect(await sendDueReminders(new Date(start.getTime() - 25 * hour))).toEqual({ sent: 0 });
    const at24 = new Date(start.getTime() - 23 * hour);
    // Two workers at once, then once more.
    await Promise.all([sendDueReminders(at24), sendDueReminders(at24)]);
    await sendDueReminders(at24);
    expect(await counts()).toEqual([2, 2]);
    const at1 = new Date(start.getTime() - 50 * 60_000);
    await Promise.all([sendDueReminders(at1), sendDueReminders(at1)]);
    await sendDueReminders(at1);
    expect(await counts()).toEqual([4, 4]);
    const kinds = await db
      .selectFrom('mentoring_reminders')
      .select('kind')
      .where('session_id', '=', id)
      .orderBy('kind')
      .execute();
    expect(kinds.map((k) => k.kind)).toEqual(['1h', '24h']);
    const emails = await db.selectFrom('outbox_emails').select(['to_address', 'subject']).execute();
    expect(new Set(emails.map((e) => e.to_address))).toEqual(new Set([mentor.email, mentee.email]));
    // A cancelled session gets none.
    const other = await insertSession({
      mentor: mentor.id,
      mentee: mentee.id,
      start: new Date(start.getTime() + 5 * hour),
      status: 'cancelled',
    });
    await sendDueReminders(new Date(start.getTime() + 4.5 * hour));
    expect(
      await db.selectFrom('mentoring_reminders').select('kind').where('session_id', '=', other.id).execute(),
    ).toEqual([]);
  });
});
