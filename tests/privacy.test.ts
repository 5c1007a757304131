import { randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { getStorage } from '../app/lib/storage.server';
import { createUser } from '../app/modules/accounts/accounts.server';
import { deleteAccount, deleteAccountFiles, deletedAccountName } from '../app/modules/privacy/deletion.server';
import { buildExport, deleteExpiredExports } from '../app/modules/privacy/export.server';
import { deleteOldEmails, deleteOldNotifications } from '../app/modules/privacy/retention.server';
import { jobs } from '../jobs/index';
import { startAppServer } from './support/app-server';
import { createTestUser, testPassword } from './support/fixtures';
import { delivery, sellerWithListing } from './support/orders';

let server: Awaited<ReturnType<typeof startAppServer>>;

beforeAll(async () => {
  server = await startAppServer();
});
afterAll(() => server?.close());

/** A seller with a listing, a buyer with a completed order of it, and a conversation between them. */
async function dealFixture(state: 'completed' | 'placed' = 'completed') {
  const { seller, slug, listingId } = await sellerWithListing();
  const buyer = await createTestUser();
  const order = await db
    .insertInto('orders')
    .values({
      checkout_id: randomUUID(),
      buyer_id: buyer.id,
      seller_id: seller.id,
      state,
      payment_method: 'cod',
      delivery_name: delivery.name,
      delivery_phone: delivery.phone,
      delivery_address: delivery.address,
      delivery_province: delivery.province,
      subtotal: 250_000,
      shipping_fee: 30_000,
      total: 280_000,
      placed_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const title = (await db.selectFrom('listings').select('title').where('id', '=', listingId).executeTakeFirstOrThrow())
    .title;
  await db
    .insertInto('order_items')
    .values({ order_id: order.id, listing_id: listingId, title, unit_price: 250_000, quantity: 1 })
    .execute();
  const [a, b] = [buyer.id, seller.id].sort();
  const c = await db
    .insertInto('conversations')
    .values({ user_a: a, user_b: b, started_by: buyer.id, order_id: order.id })
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
    .values({ conversation_id: c.id, sender_id: buyer.id, body: 'Chị gửi giúp em khăn nhé' })
    .execute();
  await db
    .insertInto('messages')
    .values({ conversation_id: c.id, sender_id: seller.id, body: 'Dạ em gửi hôm nay ạ' })
    .execute();
  return { seller, buyer, slug, listingId, title, orderId: order.id, conversationId: c.id };
}

async function exportOf(cookie: string) {
  const response = await server.fetch('/account/privacy', { method: 'POST', cookie, form: { intent: 'export' } });
  expect(response.status).toBe(302);
  return response;
}

describe('/account/privacy: consents', () => {
  it('lists her consents with version and time, and withdraws the optional one (kept on record)', async () => {
    const person = await createTestUser();
    await db
      .insertInto('consents')
      .values({ user_id: person.id, purpose: 'union_news', version: '2026-12-01', channel: 'web' })
      .execute();
    const page = await (await server.fetch('/account/privacy', { cookie: person.cookie })).text();
    expect(page).toContain('Nhận tin tức từ Hội Liên hiệp Phụ nữ');
    expect(page).toContain('bản 2026-12-01');
    const response = await server.fetch('/account/privacy', {
      method: 'POST',
      cookie: person.cookie,
      form: { intent: 'withdraw', purpose: 'union_news' },
    });
    expect(response.headers.get('location')).toBe('/account/privacy?notice=notice.privacy.withdrawn');
    const rows = await db
      .selectFrom('consents')
      .select(['purpose', 'version', 'withdrawn_at', 'withdrawn_channel'])
      .where('user_id', '=', person.id)
      .orderBy('purpose')
      .execute();
    expect(rows.map((r) => [r.purpose, r.withdrawn_at !== null, r.withdrawn_channel])).toEqual([
      ['terms', false, null],
      ['union_news', true, 'web'],
    ]);
    expect(await (await server.fetch('/account/privacy', { cookie: person.cookie })).text()).toContain(
      'Đã rút lại ngày',
    );
  });

  it('refuses to withdraw the consent the service needs (400, nothing changes)', async () => {
    const person = await createTestUser();
    const response = await server.fetch('/account/privacy', {
      method: 'POST',
      cookie: person.cookie,
      form: { intent: 'withdraw', purpose: 'terms' },
    });
    expect(response.status).toBe(400);
    const rows = await db.selectFrom('consents').select('withdrawn_at').where('user_id', '=', person.id).execute();
    expect(rows.every((r) => r.withdrawn_at === null)).toBe(true);
  });
});

describe('download my data', () => {
  it('builds a ZIP by a job with her listing, order and messages (the other side masked as she sees it), only for her, 7 days', async () => {
    const f = await dealFixture();
    await db
      .insertInto('messages')
      .values({ conversation_id: f.conversationId, sender_id: f.buyer.id, body: 'Số em 0912 345 678' })
      .execute();
    await exportOf(f.seller.cookie);
    // A second request while one is being made waits for it.
    const again = await server.fetch('/account/privacy', {
      method: 'POST',
      cookie: f.seller.cookie,
      form: { intent: 'export' },
    });
    expect(again.status).toBe(409);
    const row = await db
      .selectFrom('data_exports')
      .select(['id', 'status'])
      .where('user_id', '=', f.seller.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    await buildExport(row.id);
    const ready = await db.selectFrom('data_exports').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(ready.status).toBe('ready');
    const days = (ready.expires_at.getTime() - ready.ready_at!.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(7);
    const notice = await db
      .selectFrom('notifications')
      .select(['message_key', 'link'])
      .where('user_id', '=', f.seller.id)
      .executeTakeFirstOrThrow();
    expect(notice).toEqual({ message_key: 'privacy.notice.exportReady', link: '/account/privacy' });

    const download = await server.fetch(`/account/privacy/export/${row.id}`, { cookie: f.seller.cookie });
    expect(download.status).toBe(200);
    const files = unzipSync(new Uint8Array(await download.arrayBuffer()));
    const text = (name: string) => strFromU8(files[name]);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'README.txt',
        'account.json',
        'listings.seller_id.json',
        'orders.seller_id.json',
        'messages.json',
        'consents.user_id.json',
      ]),
    );
    expect(text('listings.seller_id.json')).toContain(f.title);
    expect(text('orders.seller_id.json')).toContain(f.orderId);
    expect(text('order_items.json')).toContain(f.title);
    const messages = text('messages.json');
    expect(messages).toContain('Dạ em gửi hôm nay ạ');
    // The two have done business, so the buyer's number is shown to her as it is on the page.
    expect(messages).toContain('0912 345 678');
    // No secrets.
    expect(text('account.json')).not.toContain('password');
    expect(
      await db.selectFrom('audit_log').select('action').where('subject_user_id', '=', f.seller.id).execute(),
    ).toEqual([{ action: 'data_export.download' }]);

    // Another person (the buyer) gets a clear refusal; so does a made-up id.
    const other = await server.fetch(`/account/privacy/export/${row.id}`, { cookie: f.buyer.cookie });
    expect(other.status).toBe(404);
    expect(await other.text()).toContain('Không có tệp dữ liệu này');
    expect((await server.fetch('/account/privacy/export/not-a-uuid', { cookie: f.seller.cookie })).status).toBe(404);
    expect((await server.fetch(`/account/privacy/export/${row.id}`)).status).toBe(302);

    // After 7 days: 410 with the reason, then the retention job removes row and file.
    await db
      .updateTable('data_exports')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', row.id)
      .execute();
    const expired = await server.fetch(`/account/privacy/export/${row.id}`, { cookie: f.seller.cookie });
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('hết hạn');
    await deleteExpiredExports();
    expect(await db.selectFrom('data_exports').select('id').where('id', '=', row.id).execute()).toEqual([]);
    expect(await getStorage().get(ready.storage_key!)).toBeNull();
  });

  it('masks the other side’s contact details in her export when they have not dealt', async () => {
    const a = await createTestUser();
    const b = await createTestUser();
    const [x, y] = [a.id, b.id].sort();
    const c = await db
      .insertInto('conversations')
      .values({ user_a: x, user_b: y, started_by: b.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('conversation_members')
      .values([
        { conversation_id: c.id, user_id: x },
        { conversation_id: c.id, user_id: y },
      ])
      .execute();
    await db
      .insertInto('messages')
      .values({ conversation_id: c.id, sender_id: b.id, body: 'Gọi em 0912 345 678 nhé' })
      .execute();
    await exportOf(a.cookie);
    const row = await db.selectFrom('data_exports').select('id').where('user_id', '=', a.id).executeTakeFirstOrThrow();
    await buildExport(row.id);
    const response = await server.fetch(`/account/privacy/export/${row.id}`, { cookie: a.cookie });
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const messages = strFromU8(files['messages.json']);
    expect(messages).toContain('Gọi em');
    expect(messages).not.toContain('0912 345 678');
  });
});

describe('delete my account', () => {
  it('refuses without the right password, and from another origin, changing nothing', async () => {
    const f = await dealFixture();
    const wrong = await server.fetch('/account/privacy', {
      method: 'POST',
      cookie: f.seller.cookie,
      form: { intent: 'delete', password: 'not my password' },
    });
    expect(wrong.status).toBe(400);
    const empty = await server.fetch('/account/privacy', {
      method: 'POST',
      cookie: f.seller.cookie,
      form: { intent: 'delete' },
    });
    expect(empty.status).toBe(400);
    const foreign = await server.fetch('/account/privacy', {
      method: 'POST',
      cookie: f.seller.cookie,
      headers: { Origin: 'https://evil.example' },
      form: { intent: 'delete', password: testPassword },
    });
    expect(foreign.status).toBe(403);
    const user = await db
      .selectFrom('users')
      .select(['deleted_at', 'email'])
      .where('id', '=', f.seller.id)
      .executeTakeFirstOrThrow();
    expect(user.deleted_at).toBeNull();
    expect((await server.fetch(`/s/${f.slug}`)).status).toBe(200);
  });

  it('is refused with the reason while she has an open order', async () => {
    const f = await dealFixture('placed');
    const response = await server.fetch('/account/privacy', {
      method: 'POST',
      cookie: f.seller.cookie,
      form: { intent: 'delete', password: testPassword },
    });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('đơn hàng đang xử lý');
    expect(
      (await db.selectFrom('users').select('deleted_at').where('id', '=', f.seller.id).executeTakeFirstOrThrow())
        .deleted_at,
    ).toBeNull();
  });

  it('ends her sessions, takes her shop off the market, erases her data, keeps the order anonymised, and removes her files by a job', async () => {
    const f = await dealFixture();
    await getStorage().put(`public/logos/${f.seller.id}/logo.webp`, Buffer.from('logo'), 'image/webp');
    await db
      .updateTable('business_profiles')
      .set({ logo_key: `public/logos/${f.seller.id}/logo.webp`, story: 'Câu chuyện của chị' })
      .where('user_id', '=', f.seller.id)
      .execute();
    await db
      .insertInto('notifications')
      .values({ user_id: f.seller.id, message_key: 'privacy.notice.exportReady', params: {} })
      .execute();
    // Her confirmed phone number and a code sent to it.
    const phone = `+8490${String(Date.now()).slice(-7)}`;
    await db
      .updateTable('users')
      .set({ phone, phone_confirmed_at: new Date() })
      .where('id', '=', f.seller.id)
      .execute();
    await db
      .insertInto('otp_challenges')
      .values({
        phone,
        purpose: 'signup',
        channel: 'sms',
        code_hash: 'x',
        client_address: '203.0.113.9',
        expires_at: new Date(Date.now() + 300_000),
      })
      .execute();

    const response = await server.fetch('/account/privacy', {
      method: 'POST',
      cookie: f.seller.cookie,
      form: { intent: 'delete', password: testPassword },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/?notice=notice.privacy.deleted');
    expect(response.headers.get('set-cookie')).toMatch(/sen_session=;/);

    // Signed out everywhere; the old cookie opens nothing.
    expect(await db.selectFrom('sessions').select('id').where('user_id', '=', f.seller.id).execute()).toEqual([]);
    expect((await server.fetch('/account/privacy', { cookie: f.seller.cookie })).status).toBe(302);
    // The storefront and listing leave the market at once.
    expect((await server.fetch(`/s/${f.slug}`)).status).toBe(404);
    expect((await server.fetch(`/market/${f.listingId}`)).status).toBe(404);
    const user = await db.selectFrom('users').selectAll().where('id', '=', f.seller.id).executeTakeFirstOrThrow();
    expect(user.display_name).toBe(deletedAccountName);
    expect([user.email, user.phone, user.phone_confirmed_at]).toEqual([null, null, null]);
    expect(await db.selectFrom('otp_challenges').select('id').where('phone', '=', phone).execute()).toEqual([]);
    expect(user.deleted_at).not.toBeNull();
    const profile = await db
      .selectFrom('business_profiles')
      .selectAll()
      .where('user_id', '=', f.seller.id)
      .executeTakeFirstOrThrow();
    expect([profile.story, profile.logo_key, profile.contact_phone, profile.owner_name]).toEqual([
      '',
      null,
      null,
      deletedAccountName,
    ]);
    expect(await db.selectFrom('notifications').select('id').where('user_id', '=', f.seller.id).execute()).toEqual([]);
    // The buyer still has the order, and reads the messages as from a deleted account.
    const orders = await (await server.fetch('/orders', { cookie: f.buyer.cookie })).text();
    expect(orders).toContain(f.orderId.slice(0, 8).toUpperCase());
    const chat = await (await server.fetch(`/messages/${f.conversationId}`, { cookie: f.buyer.cookie })).text();
    expect(chat).toContain('Dạ em gửi hôm nay ạ');
    expect(chat).toContain(deletedAccountName);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('subject_user_id', '=', f.seller.id)
      .execute();
    expect(audit).toEqual([{ action: 'account.delete', actor_id: f.seller.id }]);
    // Her files: a job was queued in the same transaction; it removes them.
    const jobs = await sql<{
      data: { keys: string[] };
    }>`select data from pgboss.job where name = 'delete-account-files'`.execute(db);
    const keys = jobs.rows.flatMap((r) => r.data.keys);
    expect(keys).toContain(`public/logos/${f.seller.id}/logo.webp`);
    await deleteAccountFiles(keys);
    expect(await getStorage().get(`public/logos/${f.seller.id}/logo.webp`)).toBeNull();
    // Her e-mail may sign up again as a new person.
    const again = await createUser({
      email: f.seller.email,
      password: testPassword,
      displayName: 'Hoa',
      locale: 'vi',
      consents: ['terms'],
    });
    expect(again.ok).toBe(true);
  });

  it('never removes a photo another seller’s listing still uses', async () => {
    const a = await sellerWithListing();
    const b = await sellerWithListing();
    const shared = 'public/listings/scale/shared-test.webp';
    for (const listingId of [a.listingId, b.listingId]) {
      await db
        .insertInto('listing_images')
        .values({
          listing_id: listingId,
          position: 0,
          image_key: shared,
          small_key: shared,
          thumb_key: shared,
          width: 1,
          height: 1,
        })
        .execute();
    }
    const own = `public/listings/${a.listingId}/own.webp`;
    await db
      .insertInto('listing_images')
      .values({
        listing_id: a.listingId,
        position: 1,
        image_key: own,
        small_key: own,
        thumb_key: own,
        width: 1,
        height: 1,
      })
      .execute();
    expect(await deleteAccount(a.seller.id)).toEqual({ ok: true, files: 1 });
    const jobs = await sql<{
      data: { keys: string[] };
    }>`select data from pgboss.job where name = 'delete-account-files'`.execute(db);
    const keys = jobs.rows.flatMap((r) => r.data.keys);
    expect(keys).toContain(own);
    expect(keys).not.toContain(shared);
  });

  it('settles two deletions at once: one deletes, the other finds it done', async () => {
    const person = await createTestUser();
    const results = await Promise.all([deleteAccount(person.id), deleteAccount(person.id)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'privacy.delete.gone')).toHaveLength(1);
  });

  it('anonymises the buyer side of her orders', async () => {
    const f = await dealFixture();
    expect((await deleteAccount(f.buyer.id)).ok).toBe(true);
    const order = await db
      .selectFrom('orders')
      .select(['delivery_name', 'delivery_phone', 'delivery_address', 'total'])
      .where('id', '=', f.orderId)
      .executeTakeFirstOrThrow();
    expect(order).toEqual({
      delivery_name: deletedAccountName,
      delivery_phone: '00000000',
      delivery_address: '—',
      total: 280_000,
    });
    const page = await (await server.fetch(`/dashboard/orders/${f.orderId}`, { cookie: f.seller.cookie })).text();
    expect(page).not.toContain(delivery.phone);
  });
});

describe('retention', () => {
  it('removes notifications older than 180 days and keeps newer ones', async () => {
    const person = await createTestUser();
    await db
      .insertInto('notifications')
      .values([
        {
          user_id: person.id,
          message_key: 'privacy.notice.exportReady',
          params: {},
          created_at: sql<Date>`now() - interval '181 days'` as never,
        },
        { user_id: person.id, message_key: 'privacy.notice.exportReady', params: {} },
      ])
      .execute();
    await deleteOldNotifications();
    expect(await db.selectFrom('notifications').select('id').where('user_id', '=', person.id).execute()).toHaveLength(
      1,
    );
  });

  it('removes sent e-mails older than 30 days but never a pending one', async () => {
    const old = sql<Date>`now() - interval '31 days'` as never;
    await db
      .insertInto('outbox_emails')
      .values([
        { to_address: 'old-sent@sen.test', subject: 's', body: 'b', status: 'sent', created_at: old },
        { to_address: 'old-pending@sen.test', subject: 's', body: 'b', created_at: old },
        { to_address: 'new-sent@sen.test', subject: 's', body: 'b', status: 'sent' },
      ])
      .execute();
    await deleteOldEmails();
    const left = await db
      .selectFrom('outbox_emails')
      .select('to_address')
      .where('to_address', 'in', ['old-sent@sen.test', 'old-pending@sen.test', 'new-sent@sen.test'])
      .orderBy('to_address')
      .execute();
    expect(left.map((r) => r.to_address)).toEqual(['new-sent@sen.test', 'old-pending@sen.test']);
  });

  it('schedules one job per retention line', () => {
    const scheduled = Object.fromEntries(jobs.filter((j) => j.cron).map((j) => [j.queue, j.cron]));
    for (const queue of [
      'cleanup-auth',
      'delete-identity-documents',
      'delete-expired-exports',
      'delete-old-notifications',
      'delete-old-emails',
    ])
      expect(scheduled[queue], queue).toBeTruthy();
  });
});
