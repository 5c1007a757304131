import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import {
  bookSeat,
  cancelSeat,
  changeSeats,
  createGroupSession,
  markAttendance,
  sendDueGroupReminders,
} from '../app/modules/mentoring/group.server';
import { releaseExpiredSeatHolds } from '../app/modules/mentoring/group-paid.server';
import { findOwedRefund } from '../app/modules/payments/refunds.server';
import * as webhook from '../app/routes/webhooks.stripe';
import * as page from '../app/routes/group-sessions.$id';
import * as ics from '../app/routes/group-sessions.$id_.ics';
import * as hostPage from '../app/routes/dashboard.group-sessions';
import { useCleanDatabase } from './support/clean';
import { call, createTestUser, formRequest, getRequest, payload, statusOf, testOrigin } from './support/fixtures';
import { startStripeServer } from './support/stripe-server';

// Group mentoring (issue 20): seats taken under a PostgreSQL check, never more
// than offered however many book at once; reminders and the .ics for every seat.

useCleanDatabase();

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000);

async function session(seats = 10, startsAt = inDays(3), price = 0) {
  const host = await createTestUser({ roles: ['mentor'] });
  const id = await createGroupSession(host.id, {
    title: 'Bán hàng qua mạng an toàn',
    description: '',
    startsAt,
    minutes: 90,
    seats,
    meetingMode: 'video',
    meetingPlace: 'https://meet.example/sen',
    price,
  });
  return { host, id };
}

const seatsOf = async (id: string) =>
  await db.selectFrom('group_sessions').select(['seats', 'seats_taken']).where('id', '=', id).executeTakeFirstOrThrow();

describe('group sessions', () => {
  it('twelve people book a 10-seat session at once: 10 seats, 2 told it is full', async () => {
    const { id } = await session(10);
    const people = await Promise.all(Array.from({ length: 12 }, () => createTestUser()));
    const results = await Promise.all(people.map((p) => bookSeat(id, p.id)));
    console.info(
      `race: 12 bookings of 10 seats (${process.env.DATABASE_URL ? 'postgres' : 'pglite'}): ${results.filter((r) => r.ok).length} seats`,
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok && r.error === 'depth.group.full')).toHaveLength(2);
    expect(await seatsOf(id)).toEqual({ seats: 10, seats_taken: 10 });
    expect(
      await db
        .selectFrom('group_bookings')
        .select('id')
        .where('group_session_id', '=', id)
        .where('status', '=', 'booked')
        .execute(),
    ).toHaveLength(10);
  });

  it('the database itself refuses more seats taken than offered', async () => {
    const { id } = await session(1);
    await expect(
      db.updateTable('group_sessions').set({ seats_taken: 2 }).where('id', '=', id).execute(),
    ).rejects.toThrow(/group_sessions_no_overbooking/);
  });

  it('one seat per person; a seat given back is free again; the host cannot book her own', async () => {
    const { host, id } = await session(2);
    const a = await createTestUser();
    expect((await bookSeat(id, a.id)).ok).toBe(true);
    expect(await bookSeat(id, a.id)).toEqual({ ok: false, error: 'depth.group.already' });
    expect(await seatsOf(id)).toEqual({ seats: 2, seats_taken: 1 });
    expect(await bookSeat(id, host.id)).toEqual({ ok: false, error: 'depth.group.own' });
    expect(await cancelSeat(id, a.id)).toBe(true);
    expect(await seatsOf(id)).toEqual({ seats: 2, seats_taken: 0 });
    expect((await bookSeat(id, a.id)).ok).toBe(true);
  });

  it('lowering the seats below the bookings is refused; to the bookings is allowed', async () => {
    const { host, id } = await session(5);
    for (const p of await Promise.all([createTestUser(), createTestUser(), createTestUser()])) await bookSeat(id, p.id);
    expect(await changeSeats(host.id, id, 2)).toEqual({ ok: false, error: 'depth.group.seatsBelowBookings' });
    expect(await changeSeats(host.id, id, 3)).toEqual({ ok: true });
    // Through the page: the error in words, status 400.
    const res = await call(
      page.action,
      formRequest(`/group-sessions/${id}`, { intent: 'seats', seats: '1' }, { cookie: host.cookie }),
      { id },
    );
    expect(statusOf(res)).toBe(400);
    expect(payload(res).errors.seats).toBe('depth.group.seatsBelowBookings');
    // Another person cannot change them at all.
    const other = await createTestUser({ roles: ['mentor'] });
    expect((await changeSeats(other.id, id, 50)).ok).toBe(false);
  });

  it('booking through the page; the .ics for seat holders and the host only; attendees and attendance for the host only', async () => {
    const { host, id } = await session(3);
    const a = await createTestUser();
    const stranger = await createTestUser();
    expect(
      statusOf(
        await call(page.action, formRequest(`/group-sessions/${id}`, { intent: 'book' }, { cookie: a.cookie }), { id }),
      ),
    ).toBe(302);
    const seen = payload(await call(page.loader, getRequest(`/group-sessions/${id}`, { cookie: a.cookie }), { id }));
    expect(seen.session.booked).toBe(true);
    expect(seen.session.attendees).toEqual([]);
    const hostView = payload(
      await call(page.loader, getRequest(`/group-sessions/${id}`, { cookie: host.cookie }), { id }),
    );
    expect(hostView.session.attendees.map((x) => x.name)).toHaveLength(1);
    const file = (await call(ics.loader, getRequest(`/group-sessions/${id}/ics`, { cookie: a.cookie }), {
      id,
    })) as Response;
    expect(await file.text()).toContain('SUMMARY:Bán hàng qua mạng an toàn');
    expect(
      statusOf(await call(ics.loader, getRequest(`/group-sessions/${id}/ics`, { cookie: stranger.cookie }), { id })),
    ).toBe(404);
    // The bookings' notices.
    expect(await db.selectFrom('notifications').select('message_key').where('user_id', '=', a.id).execute()).toEqual([
      { message_key: 'depth.group.notice.booked' },
    ]);
    // Attendance: not before the start, and only by the host.
    expect(await markAttendance(host.id, id, [hostView.session.attendees[0].id])).toBe(false);
    await db
      .updateTable('group_sessions')
      .set({ starts_at: inDays(-1), ends_at: inDays(-0.9) })
      .where('id', '=', id)
      .execute();
    expect(await markAttendance(stranger.id, id, [])).toBe(false);
    expect(await markAttendance(host.id, id, [hostView.session.attendees[0].id])).toBe(true);
    expect(
      await db.selectFrom('group_bookings').select('attended').where('group_session_id', '=', id).execute(),
    ).toEqual([{ attended: true }]);
  });

  it('every seat holder is reminded 24 h and 1 h before, once', async () => {
    const { id } = await session(5, new Date(Date.now() + 20 * 3600_000));
    const people = await Promise.all([createTestUser(), createTestUser()]);
    for (const p of people) await bookSeat(id, p.id);
    expect((await sendDueGroupReminders()).sent).toBe(2);
    expect((await sendDueGroupReminders()).sent).toBe(0);
    expect((await sendDueGroupReminders(new Date(Date.now() + 19.5 * 3600_000))).sent).toBe(2);
  });

  it('a mentor or staff opens sessions from her dashboard; a buyer may not', async () => {
    const mentor = await createTestUser({ roles: ['mentor'] });
    const unapproved = await createTestUser({ roles: ['mentor'] });
    await db
      .insertInto('mentor_profiles')
      .values({
        user_id: mentor.id,
        expertise: ['finance'],
        languages: ['vi'],
        experience: 'x',
        bio: 'x',
        province: 'ha-noi',
        status: 'approved',
        updated_at: new Date(),
      })
      .execute();
    const when = inDays(5).toISOString().slice(0, 16);
    const form = {
      title: 'Chụp ảnh sản phẩm',
      description: '',
      startsAt: when,
      minutes: '60',
      seats: '20',
      meetingMode: 'in_person',
      meetingPlace: 'Nhà văn hoá bản Áng',
    };
    const res = await call(hostPage.action, formRequest('/dashboard/group-sessions', form, { cookie: mentor.cookie }));
    expect(statusOf(res)).toBe(302);
    expect(
      await db.selectFrom('group_sessions').select(['seats', 'title']).where('host_id', '=', mentor.id).execute(),
    ).toEqual([{ seats: 20, title: 'Chụp ảnh sản phẩm' }]);
    const bad = await call(
      hostPage.action,
      formRequest(
        '/dashboard/group-sessions',
        { ...form, seats: '0', startsAt: '2020-01-01T10:00' },
        { cookie: mentor.cookie },
      ),
    );
    expect(statusOf(bad)).toBe(400);
    expect(payload(bad).errors).toMatchObject({ seats: expect.any(String), startsAt: 'depth.group.startsInPast' });
    const buyer = await createTestUser();
    expect(
      statusOf(await call(hostPage.action, formRequest('/dashboard/group-sessions', form, { cookie: buyer.cookie }))),
    ).toBe(403);
    expect(
      statusOf(
        await call(hostPage.action, formRequest('/dashboard/group-sessions', form, { cookie: unapproved.cookie })),
      ),
    ).toBe(403);
  });
});

describe('paid group seats (card rail against the fake Stripe)', () => {
  let stripe: Awaited<ReturnType<typeof startStripeServer>>;
  const secret = 'whsec_test_group';
  const signer = new Stripe('sk_test_signer');
  const saved = { ...process.env };
  const price = 150_000;
  let counter = 0;

  beforeAll(async () => {
    stripe = await startStripeServer();
    process.env.STRIPE_SECRET_KEY = 'sk_test_sen';
    process.env.STRIPE_API_BASE = stripe.base;
    process.env.STRIPE_WEBHOOK_SECRET = secret;
  });
  afterAll(async () => {
    for (const k of ['STRIPE_SECRET_KEY', 'STRIPE_API_BASE', 'STRIPE_WEBHOOK_SECRET']) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    await stripe.close();
  });

  const booking = (id: string) =>
    db.selectFrom('group_bookings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  /** Posts a signed card event about one seat to the webhook route; its outcome. */
  async function post(type: string, bookingId: string, paid = true) {
    const b = await booking(bookingId);
    const body = {
      id: `evt_group_${++counter}`,
      object: 'event',
      api_version: '2025-01-27.acacia',
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      type,
      data: {
        object: {
          id: b.payment_reference,
          object: 'checkout.session',
          payment_status: paid ? 'paid' : 'unpaid',
          payment_intent: paid ? `pi_test_${bookingId.slice(0, 8)}` : null,
          metadata: { kind: 'group_seat', group_booking_id: bookingId },
        },
      },
    };
    const text = JSON.stringify(body);
    const response = (await call(
      webhook.action,
      new Request(`${testOrigin}/webhooks/stripe`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'stripe-signature': signer.webhooks.generateTestHeaderString({ payload: text, secret }),
        },
        body: text,
      }),
    )) as Response;
    return ((await response.json()) as { outcome: string }).outcome;
  }

  it('twelve people book 10 paid seats at once: 10 held for payment, 2 told it is full; paying books, a lapse frees the seat', async () => {
    const { id } = await session(10, inDays(3), price);
    const people = await Promise.all(Array.from({ length: 12 }, () => createTestUser()));
    const results = await Promise.all(people.map((p) => bookSeat(id, p.id)));
    const held = results.flatMap((r) => (r.ok ? [r] : []));
    expect(held).toHaveLength(10);
    expect(results.filter((r) => !r.ok && r.error === 'depth.group.full')).toHaveLength(2);
    expect(held.every((r) => r.checkoutUrl?.startsWith('https://checkout.stripe.com/'))).toBe(true);
    expect(await seatsOf(id)).toEqual({ seats: 10, seats_taken: 10 });

    // Paid: booked, once, whatever the replays.
    const [first, second, third] = held.map((r) => r.bookingId);
    expect(await post('checkout.session.completed', first)).toBe('handled');
    expect(await booking(first)).toMatchObject({ status: 'booked', price });
    // The payment lapsed: the seat is free for someone else.
    expect(await post('checkout.session.expired', second, false)).toBe('handled');
    expect(await booking(second)).toMatchObject({ status: 'cancelled' });
    expect(await seatsOf(id)).toEqual({ seats: 10, seats_taken: 9 });
    const late = await createTestUser();
    expect((await bookSeat(id, late.id)).ok).toBe(true);
    expect(await bookSeat(id, (await createTestUser()).id)).toEqual({ ok: false, error: 'depth.group.full' });

    // The 30-minute hold passes for every unpaid one: the seats come back (the paid one stays).
    expect(await releaseExpiredSeatHolds(new Date(Date.now() + 31 * 60_000))).toEqual({ seatsReleased: 9 });
    expect(await seatsOf(id)).toEqual({ seats: 10, seats_taken: 1 });
    // A payment arriving after its hold lapsed is owed back (the seat may be gone), sent once.
    expect(await post('checkout.session.completed', third)).toBe('handled');
    expect((await findOwedRefund('group_seat', third))?.refund_reference).toMatch(/^re_test_/);
  });

  it('a cancelled paid seat is refunded once, by the one refund order; a free seat owes nothing', async () => {
    const { id } = await session(3, inDays(3), price);
    const a = await createTestUser();
    const held = await bookSeat(id, a.id);
    if (!held.ok) throw new Error(held.error);
    await post('checkout.session.completed', held.bookingId);
    expect(await cancelSeat(id, a.id)).toBe(true);
    expect(await seatsOf(id)).toEqual({ seats: 3, seats_taken: 0 });
    const owed = await findOwedRefund('group_seat', held.bookingId);
    expect(owed).toMatchObject({ amount: price, attempts: 1 });
    expect(owed?.sent_at).toBeInstanceOf(Date);
    const calls = stripe.calls.filter((c) => c.idempotencyKey === `group-seat-refund-${held.bookingId}`);
    expect(calls).toHaveLength(1);
    expect(calls[0].body.get('amount')).toBe(String(price));

    const free = await session(3);
    const b = await createTestUser();
    expect(await bookSeat(free.id, b.id)).toMatchObject({ ok: true });
    expect(await cancelSeat(free.id, b.id)).toBe(true);
  });

  it('through the page: a paid seat sends her to the payment page; without card payments it is refused in words', async () => {
    const { id } = await session(2, inDays(3), price);
    const a = await createTestUser();
    const res = (await call(
      page.action,
      formRequest(`/group-sessions/${id}`, { intent: 'book' }, { cookie: a.cookie }),
      { id },
    )) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    const seen = payload(await call(page.loader, getRequest(`/group-sessions/${id}`, { cookie: a.cookie }), { id }));
    expect(seen.session).toMatchObject({ held: true, booked: false, price });
    delete process.env.STRIPE_SECRET_KEY;
    try {
      const b = await createTestUser();
      const refused = await call(
        page.action,
        formRequest(`/group-sessions/${id}`, { intent: 'book' }, { cookie: b.cookie }),
        { id },
      );
      expect(statusOf(refused)).toBe(400);
      expect(payload(refused).errors.form).toBe('paidseat.unavailable');
    } finally {
      process.env.STRIPE_SECRET_KEY = 'sk_test_sen';
    }
  });
});
