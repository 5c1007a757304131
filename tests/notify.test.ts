import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { addToCart, checkout } from '../app/modules/orders';
import { notify as notifyAboutSession } from '../app/modules/mentoring/index.server';
import { deliverOutbox, zaloTemplateFor } from '../app/modules/notifications/delivery.server';
import { defaultChoices } from '../app/modules/notifications/kinds';
import {
  fallbackChannel,
  notify,
  planChannels,
  queueDelivery,
  loadRecipient,
} from '../app/modules/notifications/notify.server';
import { isQuietTime, quietHoursFromEnv, sendableAt } from '../app/modules/notifications/quiet-hours';
import * as settingsRoute from '../app/routes/account_.notifications';
import * as staffRoute from '../app/routes/staff.people.$id.deliveries';
import { call, createTestUser, formRequest, getRequest, payload, statusOf } from './support/fixtures';
import { delivery, sellerWithListing } from './support/orders';
import { startEsmsServer, startZaloServer } from './support/sms-servers';

// Issue 14, notifications: one notify(), channels per kind, quiet hours, daily
// cap, fallback and idempotency, against the real eSMS and Zalo clients talking
// to local fakes of both providers. Clocks are injected, never waited for.

let esms: Awaited<ReturnType<typeof startEsmsServer>>;
let zalo: Awaited<ReturnType<typeof startZaloServer>>;
const savedEnv = { ...process.env };

beforeAll(async () => {
  esms = await startEsmsServer();
  zalo = await startZaloServer();
  Object.assign(process.env, esms.env, zalo.env, {
    ZALO_TEMPLATES: 'order_placed_vi=111001,order_placed_en=111002,notice=999000',
  });
});
afterAll(async () => {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
  await esms.close();
  await zalo.close();
});
beforeEach(() => {
  delete process.env.NOTIFY_DAILY_CAP;
});

let phoneNo = 0;
/** A fresh Vietnamese mobile number for each person (the column is unique). */
const nextPhone = () => `+849${String(10_000_000 + ++phoneNo * 7919 + Math.floor(Math.random() * 1000)).slice(-8)}`;

/** A time zone in which the wall clock now shows `hour` (Etc/GMT-7 is UTC+7). */
function zoneAtHour(hour: number, now = new Date()) {
  for (let offset = -12; offset <= 14; offset++) {
    if ((now.getUTCHours() + offset + 24) % 24 === hour)
      return offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
  }
  throw new Error('no zone');
}

async function withPhone(userId: string, options: { zone?: string; confirmed?: boolean } = {}) {
  const phone = nextPhone();
  await db
    .updateTable('users')
    .set({
      phone,
      phone_confirmed_at: options.confirmed === false ? null : new Date(),
      time_zone: options.zone ?? zoneAtHour(12),
    })
    .where('id', '=', userId)
    .execute();
  return phone;
}

const outboxOf = (userId: string) =>
  db.selectFrom('outbox_emails').selectAll().where('user_id', '=', userId).orderBy('id').execute();
const national = (e164: string) => e164.replace(/^\+84/, '0');

async function placeOrderOn(seller: Awaited<ReturnType<typeof sellerWithListing>>) {
  const buyer = await createTestUser();
  await addToCart(buyer.id, seller.listingId, 1);
  const result = await checkout(buyer, delivery, 'cod');
  expect(result.ok).toBe(true);
}

describe('quiet hours (21:00–07:00 in her time zone)', () => {
  const q = { start: 21, end: 7 };
  it('wraps past midnight, in Vietnam time', () => {
    // 14:00 UTC is 21:00 in Hồ Chí Minh City (UTC+7).
    expect(isQuietTime(new Date('2026-12-05T13:59:00Z'), 'Asia/Ho_Chi_Minh', q)).toBe(false);
    expect(isQuietTime(new Date('2026-12-05T14:00:00Z'), 'Asia/Ho_Chi_Minh', q)).toBe(true);
    expect(isQuietTime(new Date('2026-12-05T17:30:00Z'), 'Asia/Ho_Chi_Minh', q)).toBe(true); // 00:30
    expect(isQuietTime(new Date('2026-12-05T23:59:00Z'), 'Asia/Ho_Chi_Minh', q)).toBe(true); // 06:59
    expect(isQuietTime(new Date('2026-12-06T00:00:00Z'), 'Asia/Ho_Chi_Minh', q)).toBe(false); // 07:00
  });

  it('holds a message written at 23:00 until 07:00 the next morning, and one at 02:00 until 07:00 that day', () => {
    expect(sendableAt(new Date('2026-12-05T16:00:00Z'), 'Asia/Ho_Chi_Minh', q).toISOString()).toBe(
      '2026-12-06T00:00:00.000Z',
    );
    expect(sendableAt(new Date('2026-12-05T19:00:00Z'), 'Asia/Ho_Chi_Minh', q).toISOString()).toBe(
      '2026-12-06T00:00:00.000Z',
    );
    const noon = new Date('2026-12-05T05:00:00Z');
    expect(sendableAt(noon, 'Asia/Ho_Chi_Minh', q)).toBe(noon);
  });

  it('uses her own zone: the same instant is night in Hà Nội and afternoon in Berlin', () => {
    const at = new Date('2026-12-05T15:00:00Z'); // 22:00 in Vietnam, 16:00 in Berlin
    expect(isQuietTime(at, 'Asia/Ho_Chi_Minh', q)).toBe(true);
    expect(isQuietTime(at, 'Europe/Berlin', q)).toBe(false);
    // 23:30 in New York (UTC-5 in December) → 07:00 there, 12:00 UTC.
    expect(sendableAt(new Date('2026-12-06T04:30:00Z'), 'America/New_York', q).toISOString()).toBe(
      '2026-12-06T12:00:00.000Z',
    );
  });

  it('lands on 07:00 local across a daylight-saving change in the night', () => {
    // Berlin leaves summer time on 2026-10-25 at 03:00: 07:00 that morning is 06:00 UTC, not 05:00.
    expect(sendableAt(new Date('2026-10-24T21:30:00Z'), 'Europe/Berlin', q).toISOString()).toBe(
      '2026-10-25T06:00:00.000Z',
    );
  });

  it('reads NOTIFY_QUIET_HOURS: another window, one that does not wrap, or none', () => {
    expect(quietHoursFromEnv('22-6')).toEqual({ start: 22, end: 6 });
    expect(quietHoursFromEnv('nonsense')).toEqual({ start: 21, end: 7 });
    expect(quietHoursFromEnv('25-7')).toEqual({ start: 21, end: 7 });
    const one = quietHoursFromEnv('1-5');
    expect(isQuietTime(new Date('2026-12-05T20:00:00Z'), 'Asia/Ho_Chi_Minh', one)).toBe(true); // 03:00
    expect(isQuietTime(new Date('2026-12-05T16:00:00Z'), 'Asia/Ho_Chi_Minh', one)).toBe(false); // 23:00
    expect(isQuietTime(new Date('2026-12-05T16:00:00Z'), 'Asia/Ho_Chi_Minh', quietHoursFromEnv('0-0'))).toBe(false);
  });
});

describe('channels', () => {
  it('uses only confirmed channels, her choice, and drops the phone past the cap', () => {
    const both = { phone: true, email: true };
    expect(planChannels(defaultChoices.order_placed, both, false)).toEqual(['zalo', 'email']);
    expect(planChannels({ phone: 'sms', email: false }, both, false)).toEqual(['sms']);
    expect(planChannels(defaultChoices.order_placed, { phone: false, email: true }, false)).toEqual(['email']);
    expect(planChannels(defaultChoices.order_placed, { phone: true, email: false }, true)).toEqual([]);
    expect(planChannels(defaultChoices.new_message, both, false)).toEqual(['email']);
  });

  it('falls back Zalo → SMS → email, only to channels she has', () => {
    expect(fallbackChannel('zalo', { phone: true, email: true })).toBe('sms');
    expect(fallbackChannel('sms', { phone: true, email: true })).toBe('email');
    expect(fallbackChannel('sms', { phone: true, email: false })).toBeNull();
    expect(fallbackChannel('email', { phone: true, email: true })).toBeNull();
  });

  it('picks the Zalo template of the kind in her language, else the generic one', () => {
    const templates = { order_placed_vi: '1', order_placed_en: '2', notice: '9' };
    expect(zaloTemplateFor('order_placed', 'en', templates)).toBe('2');
    expect(zaloTemplateFor('booking', 'vi', templates)).toBe('9');
    expect(zaloTemplateFor('booking', 'vi', {})).toBeNull();
  });
});

describe('an order placed on a seller who chose Zalo', () => {
  it('produces exactly one Zalo message at the fake Zalo server, in her language, and no SMS', async () => {
    for (const locale of ['vi', 'en'] as const) {
      const seller = await sellerWithListing();
      await db.updateTable('users').set({ locale }).where('id', '=', seller.seller.id).execute();
      const phone = await withPhone(seller.seller.id);
      const zaloBefore = zalo.messages.length;
      const smsBefore = esms.messages.length;
      await placeOrderOn(seller);
      const rows = await outboxOf(seller.seller.id);
      expect(rows.map((r) => r.channel).sort()).toEqual(['email', 'zalo']);
      for (const row of rows) expect(await deliverOutbox(row.id)).toBe('sent');
      const sent = zalo.messages.slice(zaloBefore);
      expect(sent).toHaveLength(1);
      expect(sent[0].phone).toBe(phone.slice(1));
      expect(sent[0].template_id).toBe(locale === 'vi' ? '111001' : '111002');
      expect(sent[0].template_data.message).toMatch(locale === 'vi' ? /đơn hàng mới/ : /^New order/);
      expect(sent[0].template_data.link).toMatch(/^https?:\/\/.+\/dashboard\/orders\//);
      expect(esms.messages.length).toBe(smsBefore);
      // A retried job sends nothing twice.
      expect(await deliverOutbox(rows.find((r) => r.channel === 'zalo')!.id)).toBe('gone');
      expect(zalo.messages.length).toBe(zaloBefore + 1);
    }
  });

  it('with Zalo refusing for good, sends exactly one SMS instead and records the failure', async () => {
    const seller = await sellerWithListing();
    const phone = await withPhone(seller.seller.id);
    await placeOrderOn(seller);
    const zaloRow = (await outboxOf(seller.seller.id)).find((r) => r.channel === 'zalo')!;
    const zaloBefore = zalo.messages.length;
    const smsBefore = esms.messages.length;
    zalo.failNext(-1123); // template rejected: the next channel must be tried
    expect(await deliverOutbox(zaloRow.id)).toBe('failed');
    const rows = await outboxOf(seller.seller.id);
    expect(rows.find((r) => r.id === zaloRow.id)).toMatchObject({
      status: 'failed',
      last_error: expect.stringContaining('-1123'),
    });
    const smsRow = rows.find((r) => r.channel === 'sms')!;
    expect(smsRow).toMatchObject({ status: 'pending', notification_id: zaloRow.notification_id });
    expect(await deliverOutbox(smsRow.id)).toBe('sent');
    expect(await deliverOutbox(smsRow.id)).toBe('gone');
    const sms = esms.messages.slice(smsBefore);
    expect(sms).toHaveLength(1);
    expect(sms[0].Phone).toBe(national(phone));
    expect(sms[0].Content).toMatch(/^Sen: Có đơn hàng mới/);
    expect(zalo.messages.length).toBe(zaloBefore);
  });

  it('retries a temporary refusal on the same channel (recorded), without falling back', async () => {
    const seller = await sellerWithListing();
    await withPhone(seller.seller.id);
    await db
      .insertInto('notification_preferences')
      .values({ user_id: seller.seller.id, kind: 'order_placed', phone: 'sms', email: false })
      .execute();
    await placeOrderOn(seller);
    const [row] = await outboxOf(seller.seller.id);
    expect(row.channel).toBe('sms');
    esms.failNext({ http: 503 });
    await expect(deliverOutbox(row.id)).rejects.toThrow('503');
    expect(await outboxOf(seller.seller.id)).toEqual([
      expect.objectContaining({ status: 'pending', attempts: 1, last_error: expect.stringContaining('http_503') }),
    ]);
    expect(await deliverOutbox(row.id)).toBe('sent');
  });

  it('at 23:00 her time sends nothing until 07:00', async () => {
    const seller = await sellerWithListing();
    const zone = zoneAtHour(23);
    await withPhone(seller.seller.id, { zone });
    const before = zalo.messages.length;
    await placeOrderOn(seller);
    const row = (await outboxOf(seller.seller.id)).find((r) => r.channel === 'zalo')!;
    const morning = new Date(row.send_after!);
    expect(
      new Intl.DateTimeFormat('en', { timeZone: zone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).format(
        morning,
      ),
    ).toBe('07:00');
    expect(morning.getTime() - Date.now()).toBeGreaterThan(7 * 3600_000);
    // The job run early (or at 06:59 her time) sends nothing and puts it back for 07:00.
    expect(await deliverOutbox(row.id)).toBe('held');
    expect(await deliverOutbox(row.id, { now: new Date(morning.getTime() - 60_000) })).toBe('held');
    expect(zalo.messages.length).toBe(before);
    expect(await deliverOutbox(row.id, { now: morning })).toBe('sent');
    expect(zalo.messages.length).toBe(before + 1);
    // Email wakes nobody: it was not held.
    expect((await outboxOf(seller.seller.id)).find((r) => r.channel === 'email')!.send_after).toBeNull();
  });
});

describe('notify()', () => {
  const notice = {
    kind: 'order_update' as const,
    key: 'orders.notify.shipped' as const,
    params: { number: 'AB12' },
    link: '/orders/x',
  };

  it('holds phone messages by the injected clock, but never an urgent one', async () => {
    const user = await createTestUser();
    await withPhone(user.id, { zone: 'Asia/Ho_Chi_Minh' });
    const night = new Date('2026-12-05T16:00:00Z'); // 23:00 in Vietnam
    await db.transaction().execute((trx) => notify(trx, user.id, notice, { now: night }));
    await db.transaction().execute((trx) => notify(trx, user.id, { ...notice, urgent: true }, { now: night }));
    const phoneRows = (await outboxOf(user.id)).filter((r) => r.channel === 'zalo');
    expect(phoneRows.map((r) => r.send_after?.toISOString() ?? null)).toEqual(['2026-12-06T00:00:00.000Z', null]);
  });

  it('stops SMS and Zalo at the daily cap (fallbacks counted once); in-app and email go on', async () => {
    process.env.NOTIFY_DAILY_CAP = '2';
    const user = await createTestUser();
    await withPhone(user.id);
    const now = new Date();
    for (let i = 0; i < 3; i++) await db.transaction().execute((trx) => notify(trx, user.id, notice, { now }));
    // The first notice's Zalo fails and falls back to SMS: still one notice on her phone.
    const first = (await outboxOf(user.id)).find((r) => r.channel === 'zalo')!;
    zalo.failNext(-1123);
    await deliverOutbox(first.id);
    const rows = await outboxOf(user.id);
    expect(rows.filter((r) => r.channel === 'email')).toHaveLength(3);
    expect(rows.filter((r) => r.channel === 'zalo')).toHaveLength(2);
    expect(rows.filter((r) => r.channel === 'sms')).toHaveLength(1);
    expect(await db.selectFrom('notifications').select('id').where('user_id', '=', user.id).execute()).toHaveLength(3);
    // A day later her phone is open again.
    await db
      .transaction()
      .execute((trx) => notify(trx, user.id, notice, { now: new Date(now.getTime() + 24 * 3600_000 + 1000) }));
    expect((await outboxOf(user.id)).filter((r) => r.channel === 'zalo')).toHaveLength(3);
  });

  it('lets two notices at once take the last message of the day only once', async () => {
    process.env.NOTIFY_DAILY_CAP = '1';
    const user = await createTestUser();
    await withPhone(user.id);
    await Promise.all([0, 1, 2].map(() => db.transaction().execute((trx) => notify(trx, user.id, notice))));
    expect((await outboxOf(user.id)).filter((r) => r.channel !== 'email')).toHaveLength(1);
  });

  it('delivers once per notice and channel: the database refuses a second row', async () => {
    const user = await createTestUser();
    await withPhone(user.id);
    const { notificationId } = await db.transaction().execute((trx) => notify(trx, user.id, notice));
    const again = await db
      .transaction()
      .execute(async (trx) =>
        queueDelivery(trx, (await loadRecipient(trx, user.id))!, notice, notificationId, 'zalo', { now: new Date() }),
      );
    expect(again).toBeNull();
    await expect(
      db
        .insertInto('outbox_emails')
        .values({
          channel: 'zalo',
          user_id: user.id,
          notification_id: notificationId,
          to_address: '+84912345678',
          subject: '',
          body: 'x',
        })
        .execute(),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('uses no channel she has not confirmed', async () => {
    const user = await createTestUser();
    await withPhone(user.id, { confirmed: false });
    const { channels } = await db.transaction().execute((trx) => notify(trx, user.id, notice));
    expect(channels).toEqual(['email']);
  });

  it('sends new chat messages as one digest at most every 30 minutes', async () => {
    const user = await createTestUser();
    const chat = {
      kind: 'new_message' as const,
      key: 'messaging.notify.new' as const,
      params: { name: 'Lan' },
      link: '/messages/x',
    };
    const now = new Date();
    await db.transaction().execute((trx) => notify(trx, user.id, chat, { now }));
    await db.transaction().execute((trx) => notify(trx, user.id, chat, { now }));
    let rows = await outboxOf(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].subject).toBe('Sen: Bạn có tin nhắn mới trên Sen.');
    await deliverOutbox(rows[0].id, { email: async () => {}, now });
    const later = new Date(now.getTime() + 5 * 60_000);
    await db.transaction().execute((trx) => notify(trx, user.id, chat, { now: later }));
    rows = await outboxOf(user.id);
    expect(rows).toHaveLength(2);
    expect(new Date(rows[1].send_after!).getTime()).toBe(now.getTime() + 30 * 60_000);
    expect(await db.selectFrom('notifications').select('id').where('user_id', '=', user.id).execute()).toHaveLength(3);
  });
});

describe('capabilities moved onto notify()', () => {
  it('a booking now reaches her by email too (mentoring sent none), in her language, with its link', async () => {
    const mentor = await createTestUser({ locale: 'en' });
    const startsAt = new Date('2027-01-10T09:00:00Z');
    await db
      .transaction()
      .execute((trx) =>
        notifyAboutSession(
          trx,
          mentor.id,
          'mentoring.notify.requested',
          '00000000-0000-4000-8000-000000000001',
          startsAt,
        ),
      );
    const rows = await outboxOf(mentor.id);
    expect(rows).toEqual([
      expect.objectContaining({
        channel: 'email',
        kind: 'booking',
        to_address: mentor.email,
        subject: 'Sen: A session booking waits for your confirmation.',
      }),
    ]);
    expect(rows[0].body).toContain('/sessions/00000000-0000-4000-8000-000000000001');
    expect(rows[0].body).toContain('/account/notifications');
  });
});

describe('/account/notifications', () => {
  it('shows the defaults, saves her choice, and refuses a channel she has not confirmed', async () => {
    const user = await createTestUser();
    const page = payload(
      await call(settingsRoute.loader, getRequest('/account/notifications', { cookie: user.cookie })),
    );
    expect(page.reach).toEqual({ phone: false, email: true });
    expect(page.choices.order_placed).toEqual({ phone: 'zalo', email: true });
    const refused = await call(
      settingsRoute.action,
      formRequest('/account/notifications', { phone_order_placed: 'sms', email_column: '1' }, { cookie: user.cookie }),
    );
    expect(statusOf(refused)).toBe(400);
    expect(payload(refused)).toMatchObject({
      errors: { phone_order_placed: 'notify.settings.noPhone' },
      values: { phone_order_placed: 'sms' },
    });
    const odd = await call(
      settingsRoute.action,
      formRequest('/account/notifications', { phone_booking: 'pigeon' }, { cookie: user.cookie }),
    );
    expect(payload(odd)).toMatchObject({ errors: { phone_booking: 'notify.settings.invalid' } });

    await withPhone(user.id);
    // Email only for bookings; every other email box unticked.
    const saved = await call(
      settingsRoute.action,
      formRequest(
        '/account/notifications',
        { phone_order_placed: 'sms', email_booking: 'on', email_column: '1' },
        { cookie: user.cookie },
      ),
    );
    expect((saved as Response).headers.get('Location')).toBe('/account/notifications?notice=notice.notify.saved');
    const after = payload(
      await call(settingsRoute.loader, getRequest('/account/notifications', { cookie: user.cookie })),
    );
    expect(after.choices.order_placed).toEqual({ phone: 'sms', email: false });
    expect(after.choices.booking).toEqual({ phone: 'zalo', email: true });
    const { channels } = await db
      .transaction()
      .execute((trx) =>
        notify(trx, user.id, { kind: 'order_placed', key: 'orders.notify.placed', params: { number: 'X' } }),
      );
    expect(channels).toEqual(['sms']);
  });
});

describe('/staff/people/<id>/deliveries', () => {
  it("shows staff her confirmed channels and each notice's deliveries with errors, and her codes without their content", async () => {
    const staff = await createTestUser({ roles: ['staff'], locale: 'en' });
    const user = await createTestUser();
    const phone = await withPhone(user.id);
    await db
      .transaction()
      .execute((trx) =>
        notify(trx, user.id, { kind: 'order_update', key: 'orders.notify.shipped', params: { number: 'AB12' } }),
      );
    const zaloRow = (await outboxOf(user.id)).find((r) => r.channel === 'zalo')!;
    zalo.failNext(-1123);
    await deliverOutbox(zaloRow.id);
    await db
      .insertInto('otp_challenges')
      .values({
        phone,
        purpose: 'login',
        channel: 'sms',
        code_hash: 'hash-of-the-code',
        client_address: '203.0.113.7',
        expires_at: new Date(Date.now() + 300_000),
      })
      .execute();

    const page = payload(
      await call(staffRoute.loader, getRequest(`/staff/people/${user.id}/deliveries`, { cookie: staff.cookie }), {
        id: user.id,
      }),
    );
    expect(page.person).toMatchObject({ phoneConfirmed: true, email: user.email });
    expect(page.person.phone).not.toBe(phone);
    const [n] = page.notices;
    expect(n.deliveries.map((d) => `${d.channel}:${d.status}`)).toEqual([
      'zalo:failed',
      'email:pending',
      'sms:pending',
    ]);
    expect(n.deliveries[0].last_error).toContain('-1123');
    expect(JSON.stringify(page)).not.toContain('hash-of-the-code');
    expect(JSON.stringify(page)).not.toContain('body');
    expect(page.codes).toEqual([expect.objectContaining({ channel: 'sms', purpose: 'login', used_at: null })]);

    const buyer = await createTestUser();
    expect(
      statusOf(
        await call(staffRoute.loader, getRequest(`/staff/people/${user.id}/deliveries`, { cookie: buyer.cookie }), {
          id: user.id,
        }),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await call(staffRoute.loader, getRequest('/staff/people/nope/deliveries', { cookie: staff.cookie }), {
          id: 'nope',
        }),
      ),
    ).toBe(404);
  });
});
