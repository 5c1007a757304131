import { defined } from '../app/lib/defined';
import { describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { addToCart, checkout } from '../app/modules/orders';
import { saveOffer } from '../app/modules/mentoring/index.server';
import { action as bookAction } from '../app/routes/mentors.$id';
import { action as reviewAction } from '../app/routes/staff.verifications.$id';
import { action as reportAction } from '../app/routes/reports.new';
import { action as moderationAction } from '../app/routes/staff.reports.$id';
import * as sellerOrder from '../app/routes/dashboard.orders.$id';
import * as buyerOrder from '../app/routes/orders.$id';
import * as gameRoute from '../app/routes/learn.game';
import { seedLearning } from '../db/seeds/learning';
import { useCleanDatabase } from './support/clean';
import { call, createTestUser, formRequest, getRequest, payload, statusOf } from './support/fixtures';
import { freePhoneOffer } from './support/mentoring';
import { delivery, sellerWithListing } from './support/orders';

// The server-side rules behind issue 22's "no act by mistake" and "cash on delivery":
// nothing is booked, decided or moderated that the person did not choose and confirm,
// and the seller of a cash-on-delivery order closes it herself once the cash is in.

useCleanDatabase();

describe('booking a mentor', () => {
  it('refuses a booking without a chosen time, in her language, and books nothing', async () => {
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
    expect(await saveOffer(mentor.id, freePhoneOffer)).toBe(true);
    const mentee = await createTestUser();
    const reply = await call(
      bookAction,
      formRequest(`/mentors/${mentor.id}`, { note: 'Giúp em định giá' }, { cookie: mentee.cookie }),
      { id: mentor.id },
    );
    expect(statusOf(reply)).toBe(400);
    expect(payload(reply).errors.startsAt).toBe('mentoring.book.pickSlot');
    expect(payload(reply).values.note).toBe('Giúp em định giá');
    expect(await db.selectFrom('mentoring_sessions').select('id').execute()).toEqual([]);
  });
});

describe('staff decisions a person receives', () => {
  async function submittedSeller() {
    const seller = await createTestUser({ roles: ['entrepreneur'] });
    await db
      .insertInto('business_profiles')
      .values({
        user_id: seller.id,
        slug: `cho-duyet-${seller.id.slice(0, 8)}`,
        business_name: 'Mây tre',
        owner_name: 'Vân',
        province: 'thanh-hoa',
        verification_status: 'submitted',
        updated_at: new Date(),
      })
      .execute();
    return seller;
  }
  const statusOfProfile = async (id: string) =>
    (
      await db
        .selectFrom('business_profiles')
        .select('verification_status')
        .where('user_id', '=', id)
        .executeTakeFirstOrThrow()
    ).verification_status;
  const decide = (cookie: string, id: string, fields: Record<string, string>) =>
    call(
      reviewAction,
      formRequest(
        `/staff/verifications/${id}`,
        { intent: 'decide', subject: 'business', reasonText: '', ...fields },
        { cookie },
      ),
      { id },
    );

  it('refuses a decision whose reason was not chosen, even an approval', async () => {
    const staff = await createTestUser({ roles: ['staff'] });
    const seller = await submittedSeller();
    for (const decision of ['approve', 'needs_info', 'reject']) {
      const reply = await decide(staff.cookie, seller.id, { decision, reasonCode: '', confirmed: 'yes' });
      expect(statusOf(reply), decision).toBe(400);
      expect(payload(reply).errors.reasonCode).toBe('verification.problem.reason-required');
    }
    // A reason of another decision is not a reason for this one.
    expect(
      statusOf(
        await decide(staff.cookie, seller.id, { decision: 'needs_info', reasonCode: 'checked', confirmed: 'yes' }),
      ),
    ).toBe(400);
    expect(await statusOfProfile(seller.id)).toBe('submitted');
    expect(await db.selectFrom('notifications').select('id').where('user_id', '=', seller.id).execute()).toEqual([]);
  });

  it('first answers with what will be sent, and decides only on the confirming post', async () => {
    const staff = await createTestUser({ roles: ['staff'] });
    const seller = await submittedSeller();
    const fields = { decision: 'needs_info', reasonCode: 'id_unreadable', reasonText: 'Xin chụp lại mặt sau.' };
    const first = await decide(staff.cookie, seller.id, fields);
    expect(statusOf(first)).toBe(200);
    expect(payload(first)).toMatchObject({ confirm: true, values: fields });
    expect(await statusOfProfile(seller.id)).toBe('submitted');
    expect(await db.selectFrom('verification_events').select('id').where('user_id', '=', seller.id).execute()).toEqual(
      [],
    );

    // A wrong role never reaches the confirmation.
    expect(statusOf(await decide(seller.cookie, seller.id, fields))).toBe(403);

    expect(statusOf(await decide(staff.cookie, seller.id, { ...fields, confirmed: 'yes' }))).toBe(302);
    expect(await statusOfProfile(seller.id)).toBe('needs_info');
    const events = await db
      .selectFrom('verification_events')
      .select(['reason_code', 'reason_text'])
      .where('user_id', '=', seller.id)
      .execute();
    expect(events).toEqual([{ reason_code: 'id_unreadable', reason_text: 'Xin chụp lại mặt sau.' }]);
  });

  it('moderation actions also wait for confirmation', async () => {
    const staff = await createTestUser({ roles: ['staff'] });
    const { seller, listingId } = await sellerWithListing();
    const buyer = await createTestUser();
    expect(
      statusOf(
        await call(
          reportAction,
          formRequest(
            `/reports/new?listing=${listingId}`,
            { category: 'scam', note: 'Đòi cọc' },
            { cookie: buyer.cookie },
          ),
        ),
      ),
    ).toBe(302);
    const report = await db
      .selectFrom('reports')
      .select('id')
      .where('subject_user_id', '=', seller.id)
      .executeTakeFirstOrThrow();
    const post = (fields: Record<string, string>) =>
      call(moderationAction, formRequest(`/staff/reports/${report.id}`, fields, { cookie: staff.cookie }), {
        id: report.id,
      });
    const fields = { action: 'hide_listing', reason: 'Đòi chuyển khoản cọc ngoài Sen.', period: '' };

    const first = await post(fields);
    expect(statusOf(first)).toBe(200);
    expect(payload(first)).toMatchObject({ confirm: true, values: { action: 'hide_listing' } });
    expect(
      (await db.selectFrom('listings').select('state').where('id', '=', listingId).executeTakeFirstOrThrow()).state,
    ).toBe('published');
    // No reason, no confirmation page.
    expect(statusOf(await post({ action: 'hide_listing', reason: ' ' }))).toBe(400);

    expect(statusOf(await post({ ...fields, confirmed: 'yes' }))).toBe(302);
    expect(
      (await db.selectFrom('listings').select('state').where('id', '=', listingId).executeTakeFirstOrThrow()).state,
    ).not.toBe('published');
  });
});

describe('cash on delivery', () => {
  async function order(payment: 'cod' | 'card' = 'cod') {
    const a = await sellerWithListing({ stock: 3 });
    const buyer = await createTestUser();
    await addToCart(buyer.id, a.listingId, 1);
    const r = await checkout(buyer, delivery, 'cod');
    if (!r.ok) throw new Error(r.error);
    const orderId = r.orderIds[0];
    if (payment === 'card')
      await db.updateTable('orders').set({ payment_method: 'card' }).where('id', '=', orderId).execute();
    return { ...a, buyer, orderId };
  }
  const sellerPost = (o: { orderId: string }, cookie: string, form: Record<string, string>) =>
    call(sellerOrder.action, formRequest(`/dashboard/orders/${o.orderId}`, form, { cookie }), { id: o.orderId });
  const stateOf = async (id: string) =>
    (await db.selectFrom('orders').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;

  it('the seller marks a shipped order delivered and paid, and the buyer is told', async () => {
    const o = await order();
    // Not before it is shipped.
    expect(statusOf(await sellerPost(o, o.seller.cookie, { intent: 'collect' }))).toBe(400);
    expect(statusOf(await sellerPost(o, o.seller.cookie, { intent: 'accept' }))).toBe(302);
    expect(statusOf(await sellerPost(o, o.seller.cookie, { intent: 'collect' }))).toBe(400);
    expect(await stateOf(o.orderId)).toBe('accepted');
    expect(
      statusOf(await sellerPost(o, o.seller.cookie, { intent: 'ship', carrier: 'Bưu điện', trackingCode: 'VN123' })),
    ).toBe(302);

    const view = payload(
      await call(sellerOrder.loader, getRequest(`/dashboard/orders/${o.orderId}`, { cookie: o.seller.cookie }), {
        id: o.orderId,
      }),
    );
    expect(view.actions).toContain('collect');
    // Another seller does not find it; the buyer cannot take the seller's action.
    const other = await sellerWithListing();
    expect(statusOf(await sellerPost(o, other.seller.cookie, { intent: 'collect' }))).toBe(404);
    expect(
      statusOf(
        await call(
          buyerOrder.action,
          formRequest(`/orders/${o.orderId}`, { intent: 'collect' }, { cookie: o.buyer.cookie }),
          { id: o.orderId },
        ),
      ),
    ).toBe(400);
    expect(await stateOf(o.orderId)).toBe('shipped');

    expect(statusOf(await sellerPost(o, o.seller.cookie, { intent: 'collect' }))).toBe(302);
    const row = await db
      .selectFrom('orders')
      .select(['state', 'delivered_at'])
      .where('id', '=', o.orderId)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('delivered');
    expect(row.delivered_at).not.toBeNull();
    const notes = await db
      .selectFrom('notifications')
      .select('message_key')
      .where('user_id', '=', o.buyer.id)
      .orderBy('created_at')
      .execute();
    expect(notes.map((n) => n.message_key)).toContain('orders.notify.delivered');
    // Once is enough: the state in the WHERE refuses a second press.
    expect(statusOf(await sellerPost(o, o.seller.cookie, { intent: 'collect' }))).toBe(400);
  });

  it('is not offered for an order paid by card', async () => {
    const o = await order('card');
    await db
      .updateTable('orders')
      .set({ state: 'shipped', carrier: 'GHTK', tracking_code: 'S1', shipped_at: new Date() })
      .where('id', '=', o.orderId)
      .execute();
    expect(statusOf(await sellerPost(o, o.seller.cookie, { intent: 'collect' }))).toBe(400);
    expect(await stateOf(o.orderId)).toBe('shipped');
  });
});

describe('spot the scam', () => {
  it('is open to visitors: a card, an answer judged with its tell, nothing stored', async () => {
    await seedLearning(db);
    const page = payload(await call(gameRoute.loader, getRequest('/learn/game')));
    expect(page.visitor).toBe(true);
    expect(defined(page.card, 'page.card').lines.length).toBeGreaterThan(0);
    expect(page.card).not.toHaveProperty('verdict');
    const card = await db
      .selectFrom('learning_game_cards')
      .select(['id', 'verdict'])
      .where('id', '=', defined(page.card, 'page.card').id)
      .executeTakeFirstOrThrow();

    const answered = await call(
      gameRoute.action,
      formRequest('/learn/game', { card: String(card.id), answer: card.verdict }),
    );
    expect(statusOf(answered)).toBe(302);
    const location = (answered as Response).headers.get('Location') ?? '';
    expect(location).toBe(`/learn/game?card=${card.id}&answer=${card.verdict}`);
    const result = payload(await call(gameRoute.loader, getRequest(location)));
    expect(result.play).toMatchObject({ correct: true, verdict: card.verdict });
    expect(defined(result.play, 'result.play').tell.length).toBeGreaterThan(0);
    expect(await db.selectFrom('learning_game_plays').select('id').execute()).toEqual([]);

    // A card that does not exist, or a made-up answer, is refused.
    expect(statusOf(await call(gameRoute.loader, getRequest('/learn/game?card=999999&answer=safe')))).toBe(404);
    expect(statusOf(await call(gameRoute.loader, getRequest(`/learn/game?card=${card.id}&answer=maybe`)))).toBe(404);
    expect(statusOf(await call(gameRoute.action, formRequest('/learn/game', { card: '999999', answer: 'safe' })))).toBe(
      404,
    );
  });
});
