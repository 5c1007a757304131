import { defined } from '../app/lib/defined';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import {
  INBOX_PAGE,
  MESSAGES_PAGE,
  MESSAGES_PER_MINUTE,
  NEW_CONVERSATIONS_LIMIT,
  sendMessage,
  unreadConversations,
} from '../app/modules/messaging/index.server';
import * as inboxRoute from '../app/routes/messages._index';
import * as conversationRoute from '../app/routes/messages.$id';
import * as newRoute from '../app/routes/messages.new';
import { startAppServer } from './support/app-server';
import { useCleanDatabase } from './support/clean';
import {
  call,
  createTestUser,
  errorsOf,
  formRequest,
  getRequest,
  payload,
  statusOf,
  withKey,
} from './support/fixtures';
import { sellerWithListing } from './support/orders';

useCleanDatabase();

type Person = { id: string; cookie: string };

const deposit = 'Chị chuyển khoản cọc trước 50% vào stk 0451000123456 Vietcombank giúp em nhé';

function start(who: Person, query: string, fields: Record<string, string>) {
  return call(newRoute.action, formRequest(`/messages/new?${query}`, fields, { cookie: who.cookie }));
}

async function startAbout(who: Person, listingId: string, body: string) {
  const res = (await start(who, `listing=${listingId}`, { body })) as Response;
  expect(statusOf(res)).toBe(302);
  return defined(
    defined(res.headers.get('location'), 'the redirect’s Location').match(/^\/messages\/([0-9a-f-]{36})/),
    'the conversation id in the redirect',
  )[1];
}

function send(who: Person, conversationId: string, fields: Record<string, string>) {
  return call(
    conversationRoute.action,
    formRequest(`/messages/${conversationId}`, { intent: 'send', ...fields }, { cookie: who.cookie }),
    { id: conversationId },
  );
}

async function view(who: Person, conversationId: string, query = '') {
  return payload(
    await call(conversationRoute.loader, getRequest(`/messages/${conversationId}${query}`, { cookie: who.cookie }), {
      id: conversationId,
    }),
  ).conversation;
}

async function inbox(who: Person, query = '') {
  return payload(await call(inboxRoute.loader, getRequest(`/messages${query}`, { cookie: who.cookie })));
}

const messageCount = async (conversationId: string) =>
  Number(
    (
      await db
        .selectFrom('messages')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('conversation_id', '=', conversationId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const notificationsOf = (userId: string) =>
  db.selectFrom('notifications').select(['message_key', 'link']).where('user_id', '=', userId).execute();

async function placeOrder(buyerId: string, sellerId: string, placed = true) {
  await db
    .insertInto('orders')
    .values({
      checkout_id: crypto.randomUUID(),
      buyer_id: buyerId,
      seller_id: sellerId,
      state: placed ? 'placed' : 'awaiting_payment',
      payment_method: placed ? 'cod' : 'card',
      delivery_name: 'Mai',
      delivery_phone: '0987654321',
      delivery_address: '1 Lê Lợi',
      delivery_province: 'hue',
      subtotal: 50000,
      shipping_fee: 0,
      total: 50000,
      placed_at: placed ? new Date() : null,
      updated_at: new Date(),
    })
    .execute();
}

describe('starting a conversation', () => {
  it('lets a buyer write to the seller about a published listing, notifies the seller and shows it unread in her inbox', async () => {
    const shop = await sellerWithListing();
    const buyer = await createTestUser({ displayName: 'Chị Mai' });
    const form = payload(
      await call(newRoute.loader, getRequest(`/messages/new?listing=${shop.listingId}`, { cookie: buyer.cookie })),
    );
    expect(form).toMatchObject({ subject: { kind: 'listing', id: shop.listingId }, existing: null });

    const id = await startAbout(buyer, shop.listingId, 'Chị ơi khăn này còn màu đỏ không ạ?');
    const conversation = await db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(conversation).toMatchObject({ started_by: buyer.id, listing_id: shop.listingId });
    expect([conversation.user_a, conversation.user_b].sort()).toEqual([buyer.id, shop.seller.id].sort());
    expect(await notificationsOf(shop.seller.id)).toEqual([
      { message_key: 'messaging.notify.new', link: `/messages/${id}` },
    ]);

    expect(await unreadConversations(shop.seller.id)).toBe(1);
    expect(await unreadConversations(buyer.id)).toBe(0);
    const list = await inbox(shop.seller);
    expect(list.conversations).toMatchObject([
      {
        id,
        otherName: 'Chị Mai',
        unread: true,
        muted: false,
        subject: { kind: 'listing', id: shop.listingId },
        last: { mine: false, body: 'Chị ơi khăn này còn màu đỏ không ạ?' },
      },
    ]);
    // Opening it reads it.
    await view(shop.seller, id);
    expect(await unreadConversations(shop.seller.id)).toBe(0);

    // A second conversation about the same pair continues the first.
    const again = await startAbout(buyer, shop.listingId, 'Em đặt 2 cái nhé');
    expect(again).toBe(id);
    expect(await messageCount(id)).toBe(2);
    expect(
      payload(
        await call(newRoute.loader, getRequest(`/messages/new?listing=${shop.listingId}`, { cookie: buyer.cookie })),
      ).existing,
    ).toBe(id);
  });

  it('refuses her own listing, a draft, a missing subject, and keeps a stranger out of the conversation (404)', async () => {
    const shop = await sellerWithListing();
    const own = await call(
      newRoute.loader,
      getRequest(`/messages/new?listing=${shop.listingId}`, { cookie: shop.seller.cookie }),
    );
    expect(statusOf(own)).toBe(403);
    const ownPost = await start(shop.seller, `listing=${shop.listingId}`, { body: 'hello' });
    expect(statusOf(ownPost)).toBe(403);
    expect(errorsOf(payload(ownPost)).form).toBe('messaging.start.own');

    const draft = await db
      .insertInto('listings')
      .values({
        seller_id: shop.seller.id,
        title: 'Nháp',
        price: 1000,
        category: 'handicrafts',
        state: 'draft',
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const buyer = await createTestUser();
    expect(
      statusOf(await call(newRoute.loader, getRequest(`/messages/new?listing=${draft.id}`, { cookie: buyer.cookie }))),
    ).toBe(404);
    expect(statusOf(await start(buyer, `listing=${draft.id}`, { body: 'hi' }))).toBe(404);
    // No cold messages: there is always a subject.
    expect(statusOf(await call(newRoute.loader, getRequest('/messages/new', { cookie: buyer.cookie })))).toBe(404);
    expect(statusOf(await start(buyer, '', { body: 'hi' }))).toBe(404);
    expect(await db.selectFrom('conversations').select('id').execute()).toEqual([]);

    const id = await startAbout(buyer, shop.listingId, 'Chào chị');
    const stranger = await createTestUser();
    expect(
      statusOf(
        await call(conversationRoute.loader, getRequest(`/messages/${id}`, { cookie: stranger.cookie }), { id }),
      ),
    ).toBe(404);
    expect(statusOf(await send(stranger, id, { body: 'xen vào' }))).toBe(404);
    expect(await messageCount(id)).toBe(1);
    expect((await inbox(stranger)).conversations).toEqual([]);
  });

  it('lets either party of an order, and of a mentoring booking, write about it', async () => {
    const shop = await sellerWithListing();
    const buyer = await createTestUser();
    await placeOrder(buyer.id, shop.seller.id);
    const order = await db.selectFrom('orders').select('id').where('buyer_id', '=', buyer.id).executeTakeFirstOrThrow();
    const stranger = await createTestUser();
    expect(statusOf(await start(stranger, `order=${order.id}`, { body: 'hi' }))).toBe(404);
    const res = (await start(shop.seller, `order=${order.id}`, { body: 'Em gửi hàng chiều nay ạ' })) as Response;
    expect(statusOf(res)).toBe(302);
    const buyerSide = (await start(buyer, `order=${order.id}`, { body: 'Cảm ơn em' })) as Response;
    expect(buyerSide.headers.get('location')).toBe(res.headers.get('location'));

    const mentor = await createTestUser({ roles: ['mentor'], displayName: 'Cô Lan' });
    const mentee = await createTestUser({ roles: ['entrepreneur'] });
    const start_ = new Date(Date.now() + 86_400_000);
    const session = await db
      .insertInto('mentoring_sessions')
      .values({
        mentor_id: mentor.id,
        mentee_id: mentee.id,
        starts_at: start_,
        ends_at: new Date(start_.getTime() + 3_600_000),
        blocked_until: new Date(start_.getTime() + 3_600_000),
        status: 'pending',
        meeting_mode: 'phone',
        time_zone: 'Asia/Ho_Chi_Minh',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const page = payload(
      await call(newRoute.loader, getRequest(`/messages/new?session=${session.id}`, { cookie: mentee.cookie })),
    );
    expect(page.otherName).toBe('Cô Lan');
    expect(statusOf(await start(mentee, `session=${session.id}`, { body: 'Em chào cô' }))).toBe(302);
    expect(statusOf(await start(stranger, `session=${session.id}`, { body: 'hi' }))).toBe(404);
  });
  it('makes one conversation when both people start it at the same moment', async () => {
    const shop = await sellerWithListing();
    const buyer = await createTestUser();
    await placeOrder(buyer.id, shop.seller.id);
    const order = await db.selectFrom('orders').select('id').where('buyer_id', '=', buyer.id).executeTakeFirstOrThrow();
    const [a, b] = (await Promise.all([
      start(buyer, `order=${order.id}`, { body: 'Chị ơi' }),
      start(shop.seller, `order=${order.id}`, { body: 'Em chào chị' }),
    ])) as Response[];
    expect([a.status, b.status]).toEqual([302, 302]);
    expect(defined(a.headers.get('location'), 'the redirect’s Location').split('?')[0]).toBe(
      defined(b.headers.get('location'), 'the redirect’s Location').split('?')[0],
    );
    const conversations = await db.selectFrom('conversations').select('id').execute();
    expect(conversations).toHaveLength(1);
    expect(await messageCount(conversations[0].id)).toBe(2);
    expect(await db.selectFrom('conversation_members').select('user_id').execute()).toHaveLength(2);
  });
});

describe('paging', () => {
  it('shows the newest page first, oldest at its top, with keyset links to older messages', async () => {
    const shop = await sellerWithListing();
    const buyer = await createTestUser();
    const id = await startAbout(buyer, shop.listingId, 'tin 0');
    const base = Date.now() - 3_600_000;
    await db
      .insertInto('messages')
      .values(
        Array.from({ length: 2 * MESSAGES_PAGE + 4 }, (_, i) => ({
          conversation_id: id,
          sender_id: i % 2 ? buyer.id : shop.seller.id,
          body: `tin ${i + 1}`,
          created_at: new Date(base + (i + 1) * 1000),
        })),
      )
      .execute();
    // 'tin 0' was sent now: it is the newest.
    const first = await view(buyer, id);
    expect(first.messages).toHaveLength(MESSAGES_PAGE);
    expect(defined(first.messages.at(-1), 'first.messages.at(-1)').body).toBe('tin 0');
    expect(first.messages[0].body).toBe(`tin ${2 * MESSAGES_PAGE + 4 - MESSAGES_PAGE + 2}`);
    const second = await view(buyer, id, `?before=${first.older}`);
    expect(second.messages).toHaveLength(MESSAGES_PAGE);
    expect(defined(second.messages.at(-1), 'second.messages.at(-1)').body).toBe(
      `tin ${2 * MESSAGES_PAGE + 4 - MESSAGES_PAGE + 1}`,
    );
    const third = await view(buyer, id, `?before=${second.older}`);
    expect(third.messages.map((m) => m.body)).toEqual(['tin 1', 'tin 2', 'tin 3', 'tin 4', 'tin 5']);
    expect(third.older).toBeNull();
  });

  it('pages the inbox by latest activity', async () => {
    const me = await createTestUser();
    const others = await db
      .insertInto('users')
      .values(
        Array.from({ length: INBOX_PAGE + 3 }, (_, i) => ({
          email: `p${i}@inbox.test`,
          password_hash: 'x',
          display_name: `Người ${i}`,
          updated_at: new Date(),
        })),
      )
      .returning('id')
      .execute();
    const base = Date.now() - 86_400_000;
    for (const [i, other] of others.entries()) {
      const [a, b] = [me.id, other.id].sort();
      const c = await db
        .insertInto('conversations')
        .values({ user_a: a, user_b: b, started_by: other.id, last_message_at: new Date(base + i * 60_000) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('conversation_members')
        .values([
          { conversation_id: c.id, user_id: a },
          { conversation_id: c.id, user_id: b },
        ])
        .execute();
      await db
        .insertInto('messages')
        .values({
          conversation_id: c.id,
          sender_id: other.id,
          body: `xin chào ${i}`,
          created_at: new Date(base + i * 60_000),
        })
        .execute();
    }
    const first = await inbox(me);
    expect(first.conversations).toHaveLength(INBOX_PAGE);
    expect(first.conversations[0].otherName).toBe(`Người ${INBOX_PAGE + 2}`);
    const second = await inbox(me, `?after=${first.next}`);
    expect(second.conversations.map((c) => c.otherName)).toEqual(['Người 2', 'Người 1', 'Người 0']);
    expect(second.next).toBeNull();
  });
});

describe('masking contact details', () => {
  it('hides phone, email and account from the other side until they have a placed order, and tells the sender', async () => {
    const shop = await sellerWithListing();
    const buyer = await createTestUser();
    const id = await startAbout(buyer, shop.listingId, 'Chào chị');
    const res = (await send(shop.seller, id, {
      body: 'Chị gọi em 0912 345 678 hoặc mail hoa@gmail.com nhé',
    })) as Response;
    expect(res.headers.get('location')).toBe(`/messages/${id}?notice=notice.messaging.sentMasked`);

    const seen = (await view(buyer, id)).messages.at(-1);
    expect(defined(seen, 'seen').body).toBe('Chị gọi em ••• hoặc mail ••• nhé');
    const own = (await view(shop.seller, id)).messages.at(-1);
    expect(defined(own, 'own').body).toBe('Chị gọi em 0912 345 678 hoặc mail hoa@gmail.com nhé');
    expect(defined(own, 'own').maskedForOther.sort()).toEqual(['email', 'phone']);
    expect(defined((await inbox(buyer)).conversations[0].last, '(await inbox(buyer)).conversations[0].last').body).toBe(
      'Chị gọi em ••• hoặc mail ••• nhé',
    );

    // A cart or an unpaid card checkout is not an order together.
    await db.insertInto('cart_items').values({ buyer_id: buyer.id, listing_id: shop.listingId, quantity: 1 }).execute();
    await placeOrder(buyer.id, shop.seller.id, false);
    expect(defined((await view(buyer, id)).messages.at(-1), '(await view(buyer, id)).messages.at(-1)').body).toContain(
      '•••',
    );

    await placeOrder(buyer.id, shop.seller.id);
    expect(defined((await view(buyer, id)).messages.at(-1), '(await view(buyer, id)).messages.at(-1)').body).toBe(
      'Chị gọi em 0912 345 678 hoặc mail hoa@gmail.com nhé',
    );
    expect(
      defined((await view(shop.seller, id)).messages.at(-1), '(await view(shop.seller, id)).messages.at(-1)')
        .maskedForOther,
    ).toEqual([]);
    const next = (await send(shop.seller, id, { body: 'Số em 0912 345 678 ạ' })) as Response;
    expect(next.headers.get('location')).toBe(`/messages/${id}?notice=notice.messaging.sent`);
  });
});

describe('block and mute', () => {
  it('a blocked person cannot write to her any more, and nothing is stored; unblocking lets her again', async () => {
    const shop = await sellerWithListing();
    const other = await db
      .insertInto('listings')
      .values({
        seller_id: shop.seller.id,
        title: 'Nón',
        price: 1000,
        category: 'handicrafts',
        state: 'published',
        published_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const buyer = await createTestUser({ displayName: 'Kẻ phiền' });
    const id = await startAbout(buyer, shop.listingId, 'Chào chị');
    const blocked = await call(
      conversationRoute.action,
      formRequest(`/messages/${id}`, { intent: 'block' }, { cookie: shop.seller.cookie }),
      { id },
    );
    expect((blocked as Response).headers.get('location')).toBe(`/messages/${id}?notice=notice.messaging.blocked`);

    const refused = await send(buyer, id, { body: 'Sao chị không trả lời?' });
    expect(statusOf(refused)).toBe(403);
    expect(payload(refused)).toMatchObject({
      errors: { form: 'messaging.error.blocked' },
      values: { body: 'Sao chị không trả lời?' },
    });
    expect(statusOf(await start(buyer, `listing=${other.id}`, { body: 'Còn cái nón này?' }))).toBe(403);
    expect(await messageCount(id)).toBe(1);

    const sellerView = await view(shop.seller, id);
    expect(sellerView).toMatchObject({ iBlocked: true, other: { name: 'Kẻ phiền' } });
    expect((await view(buyer, id)).blockedMe).toBe(true);
    // She who blocked unblocks first before she writes.
    expect(errorsOf(payload(await send(shop.seller, id, { body: 'hi' }))).form).toBe('messaging.error.youBlocked');

    await call(
      conversationRoute.action,
      formRequest(`/messages/${id}`, { intent: 'unblock' }, { cookie: shop.seller.cookie }),
      { id },
    );
    expect(statusOf(await send(buyer, id, { body: 'Cảm ơn chị' }))).toBe(302);
  });

  it('a muted conversation makes no notification for its new messages', async () => {
    const shop = await sellerWithListing();
    const buyer = await createTestUser();
    const id = await startAbout(buyer, shop.listingId, 'Chào chị');
    await call(
      conversationRoute.action,
      formRequest(`/messages/${id}`, { intent: 'mute' }, { cookie: shop.seller.cookie }),
      { id },
    );
    expect((await view(shop.seller, id)).muted).toBe(true);
    expect((await inbox(shop.seller)).conversations[0].muted).toBe(true);
    expect(statusOf(await send(buyer, id, { body: 'Chị ơi?' }))).toBe(302);
    expect(await notificationsOf(shop.seller.id)).toHaveLength(1);
    // The other side's notifications are hers: not muted.
    expect(statusOf(await send(shop.seller, id, { body: 'Dạ em đây' }))).toBe(302);
    expect(await notificationsOf(buyer.id)).toHaveLength(1);

    await call(
      conversationRoute.action,
      formRequest(`/messages/${id}`, { intent: 'unmute' }, { cookie: shop.seller.cookie }),
      { id },
    );
    expect(statusOf(await send(buyer, id, { body: 'Ok ạ' }))).toBe(302);
    expect(await notificationsOf(shop.seller.id)).toHaveLength(2);
  });
});

describe('rate limits', () => {
  it(`refuses the message after ${MESSAGES_PER_MINUTE} in a minute, keeping the text`, async () => {
    const shop = await sellerWithListing();
    const buyer = await createTestUser();
    const id = await startAbout(buyer, shop.listingId, 'Chào chị');
    await db
      .insertInto('messages')
      .values(
        Array.from({ length: MESSAGES_PER_MINUTE - 1 }, (_, i) => ({
          conversation_id: id,
          sender_id: buyer.id,
          body: `spam ${i}`,
        })),
      )
      .execute();
    const refused = await send(buyer, id, { body: 'thêm một tin' });
    expect(statusOf(refused)).toBe(429);
    expect(payload(refused)).toMatchObject({
      errors: { form: 'messaging.error.tooFast' },
      values: { body: 'thêm một tin' },
    });
    expect(await messageCount(id)).toBe(MESSAGES_PER_MINUTE);
    // A minute later she may write again.
    await sql`update messages set created_at = now() - interval '61 seconds' where sender_id = ${buyer.id}`.execute(db);
    expect(statusOf(await send(buyer, id, { body: 'thêm một tin' }))).toBe(302);
  });

  it(`refuses a new conversation after ${NEW_CONVERSATIONS_LIMIT} in ten minutes and flags the sender to staff once`, async () => {
    const shops = [];
    for (let i = 0; i < NEW_CONVERSATIONS_LIMIT + 2; i += 1) shops.push(await sellerWithListing());
    const sender = await createTestUser();
    for (const shop of shops.slice(0, NEW_CONVERSATIONS_LIMIT))
      await startAbout(sender, shop.listingId, 'Chị ơi còn hàng không?');
    const sixth = await start(sender, `listing=${shops[NEW_CONVERSATIONS_LIMIT].listingId}`, {
      body: 'Chị ơi còn hàng không?',
    });
    expect(statusOf(sixth)).toBe(429);
    expect(payload(sixth)).toMatchObject({
      errors: { form: 'messaging.error.slowDown' },
      values: { body: 'Chị ơi còn hàng không?' },
    });
    const seventh = await start(sender, `listing=${shops[NEW_CONVERSATIONS_LIMIT + 1].listingId}`, {
      body: 'Còn không?',
    });
    expect(statusOf(seventh)).toBe(429);
    expect(
      await db.selectFrom('conversations').select('id').where('started_by', '=', sender.id).execute(),
    ).toHaveLength(NEW_CONVERSATIONS_LIMIT);
    const reports = await db.selectFrom('reports').selectAll().execute();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      reporter_id: null,
      subject_user_id: sender.id,
      category: 'rate_limit',
      status: 'open',
    });
    expect(reports[0].note).toMatch(/6/);
    // Writing on in her existing conversations is not starting new ones.
    await startAbout(sender, shops[0].listingId, 'Em lấy 1 cái');
    // Once staff resolved it, a new burst files a new report.
    await db
      .updateTable('reports')
      .set({ status: 'resolved', resolution: 'dismissed', resolved_at: new Date() })
      .execute();
    expect(
      statusOf(await start(sender, `listing=${shops[NEW_CONVERSATIONS_LIMIT].listingId}`, { body: 'Lại nữa' })),
    ).toBe(429);
    expect(await db.selectFrom('reports').select('id').where('status', '=', 'open').execute()).toHaveLength(1);
  });
  it('counts a burst sent all at once right: exactly the limit gets through, one flag', async () => {
    const shops = await Promise.all(Array.from({ length: NEW_CONVERSATIONS_LIMIT + 3 }, () => sellerWithListing()));
    const sender = await createTestUser();
    const results = await Promise.all(
      shops.map((shop) => start(sender, `listing=${shop.listingId}`, { body: 'Chị ơi còn hàng không?' })),
    );
    expect(results.map(statusOf).filter((s) => s === 302)).toHaveLength(NEW_CONVERSATIONS_LIMIT);
    expect(results.map(statusOf).filter((s) => s === 429)).toHaveLength(3);
    expect(await db.selectFrom('reports').select('id').where('subject_user_id', '=', sender.id).execute()).toHaveLength(
      1,
    );
  });
});

describe('suspended accounts', () => {
  it('a suspended person cannot send, and cannot be written to; an ended suspension no longer counts', async () => {
    const shop = await sellerWithListing();
    const buyer = await createTestUser();
    const id = await startAbout(buyer, shop.listingId, 'Chào chị');
    await db
      .updateTable('users')
      .set({ suspended_at: new Date(), suspended_until: null })
      .where('id', '=', buyer.id)
      .execute();
    // Signed out everywhere by the suspension: the form sends her to the login page.
    const signedOut = (await send(buyer, id, { body: 'còn đó không' })) as Response;
    expect(statusOf(signedOut)).toBe(302);
    expect(signedOut.headers.get('location')).toMatch(/^\/login/);
    // And the messaging module refuses her on its own, whatever calls it.
    const refused = await sendMessage({
      sender: { id: buyer.id, locale: 'vi', displayName: 'Mai' },
      conversationId: id,
      body: 'còn đó không',
      confirmed: false,
    });
    expect(refused).toMatchObject({ ok: false, status: 403, error: 'messaging.error.suspended' });
    const toSuspended = await send(shop.seller, id, { body: 'Dạ còn ạ' });
    expect(statusOf(toSuspended)).toBe(403);
    expect(errorsOf(payload(toSuspended)).form).toBe('messaging.error.recipientSuspended');
    expect(await messageCount(id)).toBe(1);

    await db
      .updateTable('users')
      .set({ suspended_at: new Date(Date.now() - 86_400_000 * 8), suspended_until: new Date(Date.now() - 86_400_000) })
      .where('id', '=', buyer.id)
      .execute();
    expect(statusOf(await send(buyer, id, { body: 'còn đó không' }))).toBe(302);
  });
});

describe('scam warnings', () => {
  it('warns the sender before an off-platform payment request, then stores it as danger and shows the recipient a banner', async () => {
    const shop = await sellerWithListing();
    const buyer = await createTestUser();
    const id = await startAbout(buyer, shop.listingId, 'Chị ơi khăn này còn không?');

    const warned = await send(shop.seller, id, { body: deposit });
    expect(statusOf(warned)).toBe(200);
    expect(payload(warned)).toMatchObject({ warn: { level: 'danger' }, values: { body: deposit } });
    expect(withKey(payload(warned), 'warn').warn.codes).toEqual(
      expect.arrayContaining(['deposit_request', 'bank_transfer']),
    );
    expect(await messageCount(id)).toBe(1);

    expect(statusOf(await send(shop.seller, id, { body: deposit, confirmed: '1' }))).toBe(302);
    const stored = await db
      .selectFrom('messages')
      .select(['scam_level', 'scam_signals'])
      .where('sender_id', '=', shop.seller.id)
      .executeTakeFirstOrThrow();
    expect(stored.scam_level).toBe('danger');
    expect(stored.scam_signals).toEqual(expect.arrayContaining(['deposit_request', 'bank_transfer']));

    // She wrote first, so it is not held back; it comes with the banner's signals and lessons.
    const seen = (await view(buyer, id)).messages.at(-1);
    expect(seen).toMatchObject({ state: 'shown', level: 'danger' });
    expect(defined(seen, 'seen').signals).toContainEqual({
      code: 'deposit_request',
      lessonId: 'ban-hang-an-toan/deposits-and-transfers',
    });
    expect(defined(seen, 'seen').body).toContain('stk •••');
    // The sender sees her message in full, marked as shown with a warning.
    expect((await view(shop.seller, id)).messages.at(-1)).toMatchObject({ body: deposit, level: 'danger' });

    // An ordinary message is sent straight away.
    expect(statusOf(await send(shop.seller, id, { body: 'Dạ còn ạ, chị đặt trên Sen nhé.' }))).toBe(302);
  });
});

describe('held and removed messages in the page', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  beforeAll(async () => {
    server = await startAppServer();
  });
  afterAll(() => server?.close());

  it('holds a dangerous first message from a stranger back until she asks to see it, and hides what moderation removed', async () => {
    const shop = await sellerWithListing();
    const stranger = await createTestUser();
    const otp = 'Chị ơi đọc giúp em mã OTP vừa gửi về máy chị để em xác nhận đơn nhé';
    const id = await startAbout(stranger, shop.listingId, otp);
    const message = await db
      .selectFrom('messages')
      .select(['id', 'scam_level'])
      .where('conversation_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(message.scam_level).toBe('danger');

    const held = await server.fetch(`/messages/${id}`, { cookie: shop.seller.cookie });
    expect(held.status).toBe(200);
    const heldHtml = await held.text();
    expect(heldHtml).not.toContain('đọc giúp em mã OTP');
    expect(heldHtml).toContain(`show=${message.id}`);
    expect(heldHtml).toContain('/learn/bao-ve-thong-tin/never-share-otp');
    expect((await inbox(shop.seller)).conversations[0].last).toMatchObject({ state: 'held', body: null });

    const shown = await (
      await server.fetch(`/messages/${id}?show=${message.id}`, { cookie: shop.seller.cookie })
    ).text();
    expect(shown).toContain('đọc giúp em mã OTP');
    expect(shown).toContain('/learn/bao-ve-thong-tin/never-share-otp');
    // The sender always sees her own.
    expect(await (await server.fetch(`/messages/${id}`, { cookie: stranger.cookie })).text()).toContain(
      'đọc giúp em mã OTP',
    );

    // Removed by moderation: gone for the recipient, even when asked for.
    await db.updateTable('messages').set({ hidden_at: new Date() }).where('id', '=', message.id).execute();
    const removed = await (
      await server.fetch(`/messages/${id}?show=${message.id}`, { cookie: shop.seller.cookie })
    ).text();
    expect(removed).not.toContain('đọc giúp em mã OTP');
    expect((await view(shop.seller, id)).messages[0]).toMatchObject({ state: 'removed', body: null });
    expect((await view(stranger, id)).messages[0]).toMatchObject({ body: otp, removedForOther: true });
    expect((await inbox(shop.seller)).conversations[0].last).toMatchObject({ state: 'removed', body: null });
    expect(await unreadConversations(shop.seller.id)).toBe(0);
  });

  it('offers a Report link on each message she received, never on her own, nor on what moderation removed', async () => {
    const shop = await sellerWithListing();
    const buyer = await createTestUser();
    const id = await startAbout(buyer, shop.listingId, 'Chị ơi khăn này còn không?');
    expect(statusOf(await send(shop.seller, id, { body: deposit, confirmed: '1' }))).toBe(302);
    expect(statusOf(await send(shop.seller, id, { body: 'Dạ còn ạ.' }))).toBe(302);
    const rows = await db
      .selectFrom('messages')
      .select(['id', 'sender_id', 'body'])
      .where('conversation_id', '=', id)
      .orderBy('created_at')
      .execute();
    const [mine, scam, plain] = rows;
    expect(mine.sender_id).toBe(buyer.id);
    await db.updateTable('messages').set({ hidden_at: new Date() }).where('id', '=', plain.id).execute();
    const link = (messageId: string) => `/reports/new?message=${messageId}`;

    const buyerHtml = await (await server.fetch(`/messages/${id}`, { cookie: buyer.cookie })).text();
    expect(buyerHtml).toContain(link(scam.id));
    expect(buyerHtml).toContain('aria-label="Báo cáo tin nhắn này"');
    expect(buyerHtml).not.toContain(link(mine.id));
    expect(buyerHtml).not.toContain(link(plain.id));

    // The seller sees the buyer's message as received, and none of her own.
    const sellerHtml = await (await server.fetch(`/messages/${id}`, { cookie: shop.seller.cookie })).text();
    expect(sellerHtml).toContain(link(mine.id));
    expect(sellerHtml).not.toContain(link(scam.id));
    expect(sellerHtml).not.toContain(link(plain.id));
  });

  it('does not hold a dangerous message once she has written in the conversation', async () => {
    const shop = await sellerWithListing();
    const buyer = await createTestUser();
    const id = await startAbout(buyer, shop.listingId, 'Chào chị');
    expect(statusOf(await send(shop.seller, id, { body: 'Chị đọc giúp em mã OTP vừa gửi về máy chị nhé' }))).toBe(302);
    const html = await (await server.fetch(`/messages/${id}`, { cookie: buyer.cookie })).text();
    expect(html).toContain('đọc giúp em mã OTP');
    expect(html).toContain('scam-warning--danger');
  });
});
