import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import {
  bookSession,
  cancelSession,
  decide,
  freeSlots,
  saveOffer,
  type OfferInput,
} from '../app/modules/mentoring/index.server';
import { releaseExpiredHolds } from '../app/modules/mentoring/paid.server';
import { action as bookAction } from '../app/routes/mentors.$id';
import { loader as sessionLoader } from '../app/routes/sessions.$id';
import * as webhook from '../app/routes/webhooks.stripe';
import { useCleanDatabase } from './support/clean';
import { call, createTestUser, formRequest, getRequest, payload, statusOf, testOrigin } from './support/fixtures';
import { startStripeServer } from './support/stripe-server';
import { retryRefunds, sendDueRefunds } from '../jobs/retry-refunds';

// Paid mentoring sessions against the local fake Stripe server, with webhooks
// signed by the Stripe SDK exactly as Stripe signs them.

useCleanDatabase();

const hour = 3_600_000;
const price = 250_000;
const allDay = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: 0, end: 1440 }]]));
const offer = (over: Partial<OfferInput> = {}): OfferInput => ({
  topics: ['pricing'],
  languages: ['vi'],
  sessionMinutes: 60,
  bufferMinutes: 15,
  minNoticeHours: 0,
  maxDaysAhead: 14,
  price,
  meetingMode: 'video',
  meetingPlace: 'https://meet.example/abc',
  requiresConfirmation: false,
  cancelCutoffHours: 12,
  timeZone: 'Asia/Ho_Chi_Minh',
  active: true,
  weekly: allDay,
  ...over,
});

async function paidMentor(over: Partial<OfferInput> = {}) {
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
      status: 'approved',
      updated_at: new Date(),
    })
    .execute();
  expect(await saveOffer(mentor.id, offer(over))).toBe(true);
  return mentor;
}

const sessionRow = (id: string) =>
  db.selectFrom('mentoring_sessions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('paid mentoring sessions through Stripe (offline)', () => {
  let stripe: Awaited<ReturnType<typeof startStripeServer>>;
  const secret = 'whsec_test_mentoring';
  const signer = new Stripe('sk_test_signer');
  const saved = { ...process.env };

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

  let counter = 0;
  const event = (type: string, object: object, id = `evt_mentoring_${++counter}`) => ({
    id,
    object: 'event',
    api_version: '2025-01-27.acacia',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type,
    data: { object },
  });
  /** Posts a signed event to the webhook route; its JSON answer. */
  async function post(body: object): Promise<{ received: boolean; outcome: string }> {
    const text = JSON.stringify(body);
    const header = signer.webhooks.generateTestHeaderString({ payload: text, secret });
    const response = (await call(
      webhook.action,
      new Request(`${testOrigin}/webhooks/stripe`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'stripe-signature': header },
        body: text,
      }),
    )) as Response;
    expect(response.status).toBe(200);
    return response.json();
  }
  async function checkoutObject(sessionId: string, over: object = {}) {
    const s = await sessionRow(sessionId);
    return {
      id: s.stripe_session_id,
      object: 'checkout.session',
      payment_status: 'paid',
      payment_intent: `pi_test_${sessionId.slice(0, 8)}`,
      metadata: { kind: 'mentoring', mentoring_session_id: sessionId },
      ...over,
    };
  }
  /** A paid booking made and paid for; returns the session id. */
  async function paidBooking(mentor: { id: string }, startsAt: Date) {
    const mentee = await createTestUser();
    const held = await bookSession({ mentorId: mentor.id, menteeId: mentee.id, startsAt, note: '' });
    if (!held.ok) throw new Error(`not held: ${held.problem}`);
    const paid = await post(event('checkout.session.completed', await checkoutObject(held.id)));
    expect(paid.outcome).toBe('handled');
    return { id: held.id, mentee };
  }

  it('holds the slot while she pays, opens a VND Checkout Session once, and confirms on payment; a replayed event changes nothing', async () => {
    const mentor = await paidMentor();
    const mentee = await createTestUser();
    const [slot] = await freeSlots(mentor.id, { limit: 1 });
    const before = stripe.calls.length;

    const response = await call(
      bookAction,
      formRequest(
        `/mentors/${mentor.id}`,
        { startsAt: slot.start.toISOString(), note: 'Giá bán' },
        { cookie: mentee.cookie },
      ),
      { id: mentor.id },
    );
    expect(statusOf(response)).toBe(302);
    const location = (response as Response).headers.get('Location')!;
    expect(location).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);

    const held = await db
      .selectFrom('mentoring_sessions')
      .selectAll()
      .where('mentee_id', '=', mentee.id)
      .executeTakeFirstOrThrow();
    expect(held.status).toBe('awaiting_payment');
    expect(held.hold_expires_at!.getTime() - held.created_at.getTime()).toBeGreaterThan(29 * 60_000);
    expect(location).toContain(held.stripe_session_id!);

    const created = stripe.calls.slice(before).filter((c) => c.path === '/v1/checkout/sessions');
    expect(created).toHaveLength(1);
    expect(created[0].idempotencyKey).toBe(`mentoring-checkout-${held.id}`);
    expect(created[0].body.get('currency')).toBe('vnd');
    expect(created[0].body.get('line_items[0][price_data][unit_amount]')).toBe(String(price));
    expect(created[0].body.get('metadata[kind]')).toBe('mentoring');
    expect(created[0].body.get('metadata[mentoring_session_id]')).toBe(held.id);
    expect(created[0].body.get('success_url')).toBe(`${testOrigin}/sessions/${held.id}?notice=notice.mentoringPaid`);

    // The held slot is no longer offered, and the mentor hears nothing until it is paid.
    expect((await freeSlots(mentor.id, { limit: 5 })).some((s) => s.start.getTime() === slot.start.getTime())).toBe(
      false,
    );
    expect(await db.selectFrom('notifications').select('id').where('user_id', '=', mentor.id).execute()).toHaveLength(
      0,
    );

    const completed = event('checkout.session.completed', await checkoutObject(held.id));
    expect((await post(completed)).outcome).toBe('handled');
    const paid = await sessionRow(held.id);
    expect(paid.status).toBe('confirmed');
    expect(paid.stripe_payment_intent).toBe(`pi_test_${held.id.slice(0, 8)}`);
    expect(paid.paid_at).not.toBeNull();
    expect(
      await db.selectFrom('notifications').select('message_key').where('user_id', '=', mentor.id).execute(),
    ).toEqual([{ message_key: 'mentoring.notify.booked' }]);

    // Replays: the same event, and the same payment under a new event id.
    expect((await post(completed)).outcome).toBe('duplicate');
    expect((await post(event('checkout.session.completed', await checkoutObject(held.id)))).outcome).toBe('handled');
    expect((await sessionRow(held.id)).status).toBe('confirmed');
    expect(await db.selectFrom('notifications').select('id').where('user_id', '=', mentor.id).execute()).toHaveLength(
      1,
    );

    const page = payload(
      await call(sessionLoader, getRequest(`/sessions/${held.id}`, { cookie: mentee.cookie }), { id: held.id }),
    );
    expect(page.session).toMatchObject({ status: 'confirmed', paid: true, refundAmount: null, price });
  });

  it('a mentor who confirms each booking gets it as pending once paid; declining refunds it in full', async () => {
    const mentor = await paidMentor({ requiresConfirmation: true });
    const [slot] = await freeSlots(mentor.id, { limit: 1 });
    const { id } = await paidBooking(mentor, slot.start);
    expect((await sessionRow(id)).status).toBe('pending');
    expect(await decide(id, mentor.id, 'declined')).toBe(true);
    const refund = stripe.calls.filter(
      (c) => c.path === '/v1/refunds' && c.idempotencyKey === `mentoring-refund-${id}`,
    );
    expect(refund).toHaveLength(1);
    expect(refund[0].body.get('amount')).toBe(String(price));
    expect((await sessionRow(id)).refund_amount).toBe(price);
  });

  it('an unpaid hold is released when Stripe expires the Checkout Session, or by the job after 30 minutes', async () => {
    const mentor = await paidMentor();
    const [first, second] = await freeSlots(mentor.id, { limit: 2 });
    const a = await bookSession({
      mentorId: mentor.id,
      menteeId: (await createTestUser()).id,
      startsAt: first.start,
      note: '',
    });
    const b = await bookSession({
      mentorId: mentor.id,
      menteeId: (await createTestUser()).id,
      startsAt: second.start,
      note: '',
    });
    if (!a.ok || !b.ok) throw new Error('not held');

    expect(
      (
        await post(
          event(
            'checkout.session.expired',
            await checkoutObject(a.id, { payment_status: 'unpaid', payment_intent: null }),
          ),
        )
      ).outcome,
    ).toBe('handled');
    expect((await sessionRow(a.id)).status).toBe('cancelled');
    expect((await freeSlots(mentor.id, { limit: 5 })).some((s) => s.start.getTime() === first.start.getTime())).toBe(
      true,
    );

    // The job leaves a hold alone before its 30 minutes are up, and releases it after.
    expect(await releaseExpiredHolds(new Date(Date.now() + 25 * 60_000))).toEqual({ released: 0 });
    expect(await releaseExpiredHolds(new Date(Date.now() + 31 * 60_000))).toEqual({ released: 1 });
    expect((await sessionRow(b.id)).status).toBe('cancelled');
    expect((await freeSlots(mentor.id, { limit: 5 })).some((s) => s.start.getTime() === second.start.getTime())).toBe(
      true,
    );

    // A payment that arrives after the hold lapsed is refunded in full, not booked.
    const late = await post(event('checkout.session.completed', await checkoutObject(b.id)));
    expect(late.outcome).toBe('handled');
    const row = await sessionRow(b.id);
    expect(row.status).toBe('cancelled');
    expect(row.refund_amount).toBe(price);
    expect(stripe.calls.some((c) => c.path === '/v1/refunds' && c.idempotencyKey === `mentoring-refund-${b.id}`)).toBe(
      true,
    );
  });

  it('a held slot cannot be taken by another mentee, in code or by the database (23P01)', async () => {
    const mentor = await paidMentor();
    const [slot] = await freeSlots(mentor.id, { limit: 1 });
    const held = await bookSession({
      mentorId: mentor.id,
      menteeId: (await createTestUser()).id,
      startsAt: slot.start,
      note: '',
    });
    expect(held).toMatchObject({ ok: true, status: 'awaiting_payment' });

    const other = await createTestUser();
    const refused = await bookSession({ mentorId: mentor.id, menteeId: other.id, startsAt: slot.start, note: '' });
    expect(refused).toMatchObject({ ok: false, problem: 'taken' });

    // Past the code's check, straight into the table: the exclusion constraint refuses it.
    let code: string | undefined;
    try {
      await db
        .insertInto('mentoring_sessions')
        .values({
          mentor_id: mentor.id,
          mentee_id: other.id,
          starts_at: slot.start,
          ends_at: slot.end,
          blocked_until: slot.end,
          status: 'confirmed',
          meeting_mode: 'video',
          meeting_place: 'x',
          time_zone: 'Asia/Ho_Chi_Minh',
        })
        .execute();
    } catch (error) {
      code = (error as { code?: string }).code;
    }
    expect(code).toBe('23P01');
  });

  it('a refund Stripe refuses at cancellation stays owed, and the retry-refunds job sends it once', async () => {
    const mentor = await paidMentor();
    const slots = await freeSlots(mentor.id, { limit: 200 });
    const start = slots.filter((s) => s.start.getTime() > Date.now() + 24 * hour)[1].start;
    const a = await paidBooking(mentor, start);
    stripe.failNext();
    // The cancellation stands even when the refund cannot be made now.
    expect(await cancelSession(a.id, a.mentee.id, '')).toMatchObject({ ok: true, refunded: false });
    expect(await sessionRow(a.id)).toMatchObject({ status: 'cancelled', refund_id: null });

    // It waits its backoff (5 minutes after the first failure): the job right away sends nothing.
    expect(await retryRefunds.run({})).toMatchObject({ sent: 0 });
    expect(await sendDueRefunds(new Date(Date.now() + 6 * 60_000))).toMatchObject({ sent: 1 });
    const row = await sessionRow(a.id);
    expect(row).toMatchObject({ status: 'cancelled', refund_amount: price });
    expect(row.refund_id).toMatch(/^re_test_/);
    // Nothing is owed any more: a second run sends nothing.
    expect(await sendDueRefunds(new Date(Date.now() + 60 * 60_000))).toMatchObject({ sent: 0 });
    const sent = stripe.calls.filter(
      (c) => c.path === '/v1/refunds' && c.idempotencyKey === `mentoring-refund-${a.id}`,
    );
    expect(sent.length).toBe(2); // the refused attempt and the job's
  });

  it('refunds a timely cancellation by the mentee and any cancellation by the mentor, in full and once; not a late one by the mentee', async () => {
    const mentor = await paidMentor();
    const slots = await freeSlots(mentor.id, { limit: 200 });
    const farOut = slots.filter((s) => s.start.getTime() > Date.now() + 24 * hour);
    const [timely, byMentor, lateOne] = [farOut[0], farOut[3], farOut[6]];

    const a = await paidBooking(mentor, timely.start);
    expect(await cancelSession(a.id, a.mentee.id, '')).toMatchObject({ ok: true, late: false, refunded: true });
    const refundA = stripe.calls.filter(
      (c) => c.path === '/v1/refunds' && c.idempotencyKey === `mentoring-refund-${a.id}`,
    );
    expect(refundA).toHaveLength(1);
    expect(refundA[0].body.get('amount')).toBe(String(price));
    expect(refundA[0].body.get('payment_intent')).toBe(`pi_test_${a.id.slice(0, 8)}`);
    const rowA = await sessionRow(a.id);
    expect(rowA).toMatchObject({ status: 'cancelled', cancelled_by: 'mentee', refund_amount: price });
    expect(rowA.refund_id).toMatch(/^re_test_/);

    // The mentor cancels one hour before the start: refunded all the same.
    const b = await paidBooking(mentor, byMentor.start);
    expect(await cancelSession(b.id, mentor.id, 'Ốm', new Date(byMentor.start.getTime() - hour))).toMatchObject({
      ok: true,
      refunded: true,
    });
    const refundB = stripe.calls.filter(
      (c) => c.path === '/v1/refunds' && c.idempotencyKey === `mentoring-refund-${b.id}`,
    );
    expect(refundB).toHaveLength(1);
    expect(refundB[0].body.get('amount')).toBe(String(price));
    const page = payload(
      await call(sessionLoader, getRequest(`/sessions/${b.id}`, { cookie: b.mentee.cookie }), { id: b.id }),
    );
    expect(page.session).toMatchObject({ status: 'cancelled', refundAmount: price });

    // The mentee cancels after the cut-off: recorded as late, no refund.
    const c = await paidBooking(mentor, lateOne.start);
    expect(await cancelSession(c.id, c.mentee.id, '', new Date(lateOne.start.getTime() - 2 * hour))).toMatchObject({
      ok: true,
      late: true,
      refunded: false,
    });
    expect(stripe.calls.some((call) => call.idempotencyKey === `mentoring-refund-${c.id}`)).toBe(false);
    expect((await sessionRow(c.id)).refund_id).toBeNull();
  });
});

describe('paid mentoring sessions without Stripe configured', () => {
  it('are refused with the clear message, and nothing is held', async () => {
    const saved = process.env.STRIPE_SECRET_KEY;
    delete process.env.STRIPE_SECRET_KEY;
    try {
      const mentor = await paidMentor();
      const mentee = await createTestUser();
      const [slot] = await freeSlots(mentor.id, { limit: 1 });
      const reply = await call(
        bookAction,
        formRequest(
          `/mentors/${mentor.id}`,
          { startsAt: slot.start.toISOString(), note: '' },
          { cookie: mentee.cookie },
        ),
        { id: mentor.id },
      );
      expect(statusOf(reply)).toBe(400);
      expect(payload(reply).errors).toMatchObject({ form: 'mentoring.book.problem.paid' });
      expect(await db.selectFrom('mentoring_sessions').select('id').execute()).toEqual([]);
    } finally {
      if (saved !== undefined) process.env.STRIPE_SECRET_KEY = saved;
    }
  });
});
