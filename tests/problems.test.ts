import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { getStorage, readAll } from '../app/lib/storage.server';
import { advanceStaleOrders } from '../app/modules/orders';
import {
  answerProblem,
  decideProblem,
  findProblemPhotoKey,
  moveProblem,
  openProblem,
  recordRefund,
  sellerProblemRecord,
} from '../app/modules/problems';
import {
  lostDisputesFlag,
  mayOpenProblem,
  mayTakeProblem,
  problemActionsFor,
  problemWindow,
} from '../app/modules/problems/states';
import * as buyerPage from '../app/routes/orders_.$id.problem';
import * as sellerPage from '../app/routes/dashboard.orders_.$id.problem';
import { useCleanDatabase } from './support/clean';
import { call, createTestUser, payload, statusOf } from './support/fixtures';
import { elfExecutable, jpegWithGps, multipartRequest, svgFile, tinyPdf } from './support/images';
import { deliveredOrder, problemOn } from './support/problems';
import { startStripeServer } from './support/stripe-server';

useCleanDatabase();

const day = 86_400_000;
const photo = async () => new File([await jpegWithGps()], 'anh.jpg', { type: 'image/jpeg' });

async function pair(options: Parameters<typeof deliveredOrder>[2] = {}) {
  const buyer = await createTestUser();
  const seller = await createTestUser({ roles: ['entrepreneur'] });
  const orderId = await deliveredOrder(buyer.id, seller.id, options);
  return { buyer, seller, orderId };
}

async function noticesOf(userId: string) {
  return (await db.selectFrom('notifications').select('message_key').where('user_id', '=', userId).execute()).map(
    (n) => n.message_key,
  );
}

describe('the problem state machine (pure)', () => {
  const now = new Date('2026-12-05T10:00:00Z');
  it('opens within 7 days after delivery, or once a shipped order is past its expected delivery', () => {
    const delivered = (daysAgo: number) => ({
      state: 'delivered' as const,
      shipped_at: null,
      delivered_at: new Date(now.getTime() - daysAgo * day),
    });
    expect(mayOpenProblem(delivered(1), now)).toBe(true);
    expect(mayOpenProblem(delivered(6.9), now)).toBe(true);
    expect(mayOpenProblem(delivered(7.1), now)).toBe(false);
    expect(
      mayOpenProblem({ state: 'completed', shipped_at: null, delivered_at: new Date(now.getTime() - 2 * day) }, now),
    ).toBe(true);
    expect(
      mayOpenProblem({ state: 'shipped', shipped_at: new Date(now.getTime() - 3 * day), delivered_at: null }, now),
    ).toBe(false);
    expect(
      mayOpenProblem({ state: 'shipped', shipped_at: new Date(now.getTime() - 8 * day), delivered_at: null }, now),
    ).toBe(true);
    expect(mayOpenProblem({ state: 'placed', shipped_at: null, delivered_at: null }, now)).toBe(false);
    expect(problemWindow({ state: 'cancelled', shipped_at: null, delivered_at: null })).toBeNull();
  });

  it('lets each side take only its own steps, the buyer ask staff only after the seller had her 3 days', () => {
    const due = new Date(now.getTime() + day);
    const waiting = { state: 'awaiting_seller' as const, answer_due: due };
    expect(problemActionsFor('seller', waiting, now)).toEqual(['answer', 'escalate']);
    expect(problemActionsFor('buyer', waiting, now)).toEqual(['withdraw']);
    expect(problemActionsFor('buyer', waiting, new Date(due.getTime() + 1))).toEqual(['escalate', 'withdraw']);
    expect(problemActionsFor('buyer', { state: 'answered', answer_due: due }, now)).toEqual([
      'accept',
      'escalate',
      'withdraw',
    ]);
    expect(problemActionsFor('staff', { state: 'with_staff', answer_due: due }, now)).toEqual(['decide']);
    expect(problemActionsFor('buyer', { state: 'with_staff', answer_due: due }, now)).toEqual([]);
    expect(
      mayTakeProblem('record_refund', 'seller', {
        state: 'decided',
        answer_due: due,
        decision: 'refund_owed',
        refunded_at: null,
      }),
    ).toBe(true);
    expect(
      mayTakeProblem('record_refund', 'seller', {
        state: 'decided',
        answer_due: due,
        decision: 'no_refund',
        refunded_at: null,
      }),
    ).toBe(false);
    expect(mayTakeProblem('decide', 'seller', { state: 'with_staff', answer_due: due })).toBe(false);
  });
});

describe('opening a problem', () => {
  it('the buyer reports "not as described" with a photo: stored privately without its EXIF, the seller told, in the history', async () => {
    const { buyer, seller, orderId } = await pair();
    const result = await openProblem(buyer.id, orderId, { kind: 'not_as_described', note: 'Màu khác ảnh' }, [
      await photo(),
    ]);
    expect(result.ok).toBe(true);
    const problem = await db
      .selectFrom('order_problems')
      .selectAll()
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(problem).toMatchObject({
      state: 'awaiting_seller',
      kind: 'not_as_described',
      buyer_id: buyer.id,
      seller_id: seller.id,
    });
    const photos = await db
      .selectFrom('order_problem_photos')
      .selectAll()
      .where('problem_id', '=', problem.id)
      .execute();
    expect(photos).toHaveLength(1);
    expect(photos[0].key.startsWith(`private/problems/${orderId}/`)).toBe(true);
    const stored = await getStorage().get(photos[0].key);
    const meta = await sharp(Buffer.from(await readAll(stored!.body))).metadata();
    expect(meta.exif).toBeUndefined();
    expect(await noticesOf(seller.id)).toContain('problems.notify.opened');
    const events = await db
      .selectFrom('order_events')
      .select(['problem_step', 'actor_role', 'to_state'])
      .where('order_id', '=', orderId)
      .execute();
    expect(events).toContainEqual({ problem_step: 'opened', actor_role: 'buyer', to_state: 'delivered' });
    // The seller and staff see the photo; another buyer does not.
    expect(await findProblemPhotoKey(photos[0].id, { id: seller.id, staff: false }, false)).toBe(photos[0].key);
    const stranger = await createTestUser();
    expect(await findProblemPhotoKey(photos[0].id, { id: stranger.id, staff: false }, false)).toBeNull();
  });

  it('opened twice at once: one problem, the others told one is already open', async () => {
    const { buyer, orderId } = await pair();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => openProblem(buyer.id, orderId, { kind: 'damaged', note: 'Vỡ' }, [])),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(
      Array(4).fill('problems.error.alreadyOpen'),
    );
    const rows = await db.selectFrom('order_problems').select('id').where('order_id', '=', orderId).execute();
    expect(rows).toHaveLength(1);
  });

  it('after the window, before delivery, or by someone who is not the buyer: refused, nothing written', async () => {
    const late = await pair({ daysAgo: 8 });
    expect(await openProblem(late.buyer.id, late.orderId, { kind: 'damaged', note: 'x' }, [])).toMatchObject({
      ok: false,
      error: 'problems.error.window',
    });
    const early = await pair({ state: 'placed' });
    expect(await openProblem(early.buyer.id, early.orderId, { kind: 'not_received', note: 'x' }, [])).toMatchObject({
      ok: false,
      error: 'problems.error.window',
    });
    const { seller, orderId } = await pair();
    expect(await openProblem(seller.id, orderId, { kind: 'damaged', note: 'x' }, [])).toMatchObject({
      ok: false,
      status: 404,
    });
    // The database itself: a problem naming another "buyer" of the order is refused by the foreign key.
    const stranger = await createTestUser();
    await expect(
      db
        .insertInto('order_problems')
        .values({
          order_id: orderId,
          buyer_id: stranger.id,
          seller_id: seller.id,
          kind: 'damaged',
          note: 'x',
          state: 'awaiting_seller',
          answer_due: new Date(),
        })
        .execute(),
    ).rejects.toMatchObject({ code: '23503' });
    expect(await db.selectFrom('order_problems').select('id').execute()).toHaveLength(0);
  });

  it('photos that are not images (SVG, PDF, a program), or a fifth photo: a field error, nothing stored', async () => {
    const { buyer, orderId } = await pair();
    for (const [bytes, name] of [
      [svgFile, 'a.svg'],
      [tinyPdf, 'a.pdf'],
      [elfExecutable, 'a.jpg'],
    ] as const) {
      const response = await call(
        buyerPage.action,
        multipartRequest(
          `/orders/${orderId}/problem`,
          { intent: 'open', kind: 'damaged', note: 'Vỡ', photos: { name, type: 'image/jpeg', bytes } },
          { cookie: buyer.cookie },
        ),
        { id: orderId },
      );
      expect(statusOf(response)).toBe(400);
      expect(payload(response).errors.photos).toBe('verification.upload.badType');
      expect(payload(response).values.note).toBe('Vỡ');
    }
    const five = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => ({ name: `${i}.jpg`, type: 'image/jpeg', bytes: await jpegWithGps() })),
    );
    const response = await call(
      buyerPage.action,
      multipartRequest(
        `/orders/${orderId}/problem`,
        { intent: 'open', kind: 'damaged', note: 'Vỡ', photos: five },
        { cookie: buyer.cookie },
      ),
      { id: orderId },
    );
    expect(statusOf(response)).toBe(400);
    expect(await db.selectFrom('order_problems').select('id').execute()).toHaveLength(0);
  });

  it('an order with an open problem is not auto-completed; once settled it is', async () => {
    const { buyer, orderId } = await pair({ daysAgo: 6 });
    expect((await openProblem(buyer.id, orderId, { kind: 'damaged', note: 'Vỡ' }, [])).ok).toBe(true);
    const later = new Date(Date.now() + 2 * day);
    await advanceStaleOrders(later);
    expect(
      (await db.selectFrom('orders').select('state').where('id', '=', orderId).executeTakeFirstOrThrow()).state,
    ).toBe('delivered');
    expect((await moveProblem(buyer, 'buyer', orderId, 'withdraw')).ok).toBe(true);
    await advanceStaleOrders(later);
    expect(
      (await db.selectFrom('orders').select('state').where('id', '=', orderId).executeTakeFirstOrThrow()).state,
    ).toBe('completed');
  });
});

describe('settling a problem', () => {
  it('the seller refuses, the buyer asks staff, staff decide a refund: both told, the seller records her transfer, her record counts it', async () => {
    const { buyer, seller, orderId } = await pair({ method: 'vietqr' });
    await openProblem(buyer.id, orderId, { kind: 'not_as_described', note: 'Màu khác' }, [await photo()]);
    // Through the seller's page, as a form post.
    const answered = await call(
      sellerPage.action,
      multipartRequest(
        `/dashboard/orders/${orderId}/problem`,
        {
          intent: 'answer',
          kind: 'reply',
          note: 'Hàng đúng như ảnh',
          photos: { name: 'b.jpg', type: 'image/jpeg', bytes: await jpegWithGps() },
        },
        { cookie: seller.cookie },
      ),
      { id: orderId },
    );
    expect(statusOf(answered)).toBe(302);
    expect(await noticesOf(buyer.id)).toContain('problems.notify.answered.reply');
    // The buyer may not decide for staff, nor the seller accept for the buyer.
    expect(await moveProblem(seller, 'seller', orderId, 'accept')).toMatchObject({ ok: false, status: 403 });
    expect((await moveProblem(buyer, 'buyer', orderId, 'escalate')).ok).toBe(true);
    expect(await noticesOf(seller.id)).toContain('problems.notify.escalate');
    const problem = await db
      .selectFrom('order_problems')
      .select(['id', 'state'])
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(problem.state).toBe('with_staff');
    const staff = await createTestUser({ roles: ['staff'] });
    expect(
      (await decideProblem(staff.id, problem.id, { decision: 'refund_owed', note: 'Ảnh cho thấy màu khác' })).ok,
    ).toBe(true);
    // Decided once: a second decision (a stale page) is refused.
    expect(await decideProblem(staff.id, problem.id, { decision: 'no_refund', note: 'x' })).toMatchObject({
      ok: false,
      error: 'problems.error.notNow',
    });
    expect(await noticesOf(buyer.id)).toContain('problems.notify.decided.refund_owed');
    expect(await noticesOf(seller.id)).toContain('problems.notify.decided.refund_owed');
    const decided = await db
      .selectFrom('order_problems')
      .selectAll()
      .where('id', '=', problem.id)
      .executeTakeFirstOrThrow();
    expect(decided).toMatchObject({
      state: 'decided',
      decision: 'refund_owed',
      refund_amount: 280_000,
      decided_by: staff.id,
    });
    // A QR order: her transfer needs its reference and a receipt.
    expect(await recordRefund(seller.id, orderId, {}, [])).toMatchObject({
      ok: false,
      error: 'problems.error.reference',
    });
    expect(await recordRefund(seller.id, orderId, { reference: 'FT2612050001' }, [])).toMatchObject({
      ok: false,
      error: 'problems.error.receipt',
    });
    expect((await recordRefund(seller.id, orderId, { reference: 'FT2612050001' }, [await photo()])).ok).toBe(true);
    expect(await noticesOf(buyer.id)).toContain('problems.notify.refunded');
    const steps = await db
      .selectFrom('order_events')
      .select('problem_step')
      .where('order_id', '=', orderId)
      .where('problem_step', 'is not', null)
      .orderBy('id')
      .execute();
    expect(steps.map((s) => s.problem_step)).toEqual(['opened', 'answered', 'escalated', 'decided', 'refunded']);
    expect(await sellerProblemRecord(seller.id)).toEqual({ opened: 1, lost: 1, won: 0, flagged: false });
  });

  it('a seller who lost repeatedly is flagged', async () => {
    const seller = await createTestUser({ roles: ['entrepreneur'] });
    const staff = await createTestUser({ roles: ['staff'] });
    for (let i = 0; i < lostDisputesFlag; i += 1) {
      const buyer = await createTestUser();
      const { problemId } = await problemOn(await deliveredOrder(buyer.id, seller.id), 'with_staff');
      expect((await decideProblem(staff.id, problemId, { decision: 'refund_owed', note: 'x' })).ok).toBe(true);
    }
    expect((await sellerProblemRecord(seller.id)).flagged).toBe(true);
  });

  it('the buyer cannot ask staff before the seller had her 3 days, but can after', async () => {
    const { buyer, orderId } = await pair();
    await problemOn(orderId, 'awaiting_seller', { answerDue: new Date(Date.now() + day) });
    expect(await moveProblem(buyer, 'buyer', orderId, 'escalate')).toMatchObject({
      ok: false,
      error: 'problems.error.notNow',
    });
    await db
      .updateTable('order_problems')
      .set({ answer_due: new Date(Date.now() - 1000) })
      .where('order_id', '=', orderId)
      .execute();
    expect((await moveProblem(buyer, 'buyer', orderId, 'escalate')).ok).toBe(true);
  });

  it('a partial refund over the total, or a QR refund without its receipt, is refused', async () => {
    const { buyer, seller, orderId } = await pair({ method: 'cod' });
    await openProblem(buyer.id, orderId, { kind: 'damaged', note: 'Vỡ' }, []);
    expect(
      await answerProblem(seller.id, orderId, { kind: 'refund', note: 'Hoàn', amount: 280_001, reference: 'FT1' }, []),
    ).toMatchObject({ ok: false, field: 'amount' });
    expect(
      await answerProblem(seller.id, orderId, { kind: 'refund', note: 'Hoàn', amount: 100_000, reference: 'FT1' }, []),
    ).toMatchObject({ ok: false, field: 'photos' });
    expect(
      (
        await answerProblem(
          seller.id,
          orderId,
          { kind: 'refund', note: 'Hoàn một phần', amount: 100_000, reference: 'FT1' },
          [await photo()],
        )
      ).ok,
    ).toBe(true);
    const row = await db
      .selectFrom('order_problems')
      .select(['state', 'refund_amount', 'refund_reference'])
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'answered', refund_amount: 100_000, refund_reference: 'FT1' });
    expect((await moveProblem(buyer, 'buyer', orderId, 'accept')).ok).toBe(true);
  });
});

describe('a card order refunded through Stripe', () => {
  let stripeServer: Awaited<ReturnType<typeof startStripeServer>>;
  const saved = { key: process.env.STRIPE_SECRET_KEY, base: process.env.STRIPE_API_BASE };
  beforeAll(async () => {
    stripeServer = await startStripeServer();
    process.env.STRIPE_SECRET_KEY = 'sk_test_sen';
    process.env.STRIPE_API_BASE = stripeServer.base;
  });
  afterAll(async () => {
    if (saved.key === undefined) delete process.env.STRIPE_SECRET_KEY;
    else process.env.STRIPE_SECRET_KEY = saved.key;
    if (saved.base === undefined) delete process.env.STRIPE_API_BASE;
    else process.env.STRIPE_API_BASE = saved.base;
    await stripeServer.close();
  });

  it("the seller's partial refund goes to Stripe with its own idempotency key and the refund id is recorded", async () => {
    const { buyer, seller, orderId } = await pair({ method: 'card' });
    await openProblem(buyer.id, orderId, { kind: 'damaged', note: 'Vỡ' }, []);
    expect(
      (await answerProblem(seller.id, orderId, { kind: 'refund', note: 'Hoàn một phần', amount: 50_000 }, [])).ok,
    ).toBe(true);
    const refund = stripeServer.calls.filter((c) => c.path === '/v1/refunds').at(-1)!;
    expect(refund.body.get('amount')).toBe('50000');
    expect(refund.idempotencyKey).toMatch(/^problem-refund-/);
    const row = await db
      .selectFrom('order_problems')
      .select(['refund_reference'])
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(row.refund_reference).toMatch(/^re_/);
  });

  it('Stripe refusing the refund leaves the problem waiting for her answer', async () => {
    const { buyer, seller, orderId } = await pair({ method: 'card' });
    await openProblem(buyer.id, orderId, { kind: 'damaged', note: 'Vỡ' }, []);
    stripeServer.failNext();
    expect(await answerProblem(seller.id, orderId, { kind: 'refund', note: 'Hoàn', amount: 50_000 }, [])).toMatchObject(
      { ok: false, error: 'orders.error.refundFailed' },
    );
    expect(
      (await db.selectFrom('order_problems').select('state').where('order_id', '=', orderId).executeTakeFirstOrThrow())
        .state,
    ).toBe('awaiting_seller');
  });
});
