import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { startConversation } from '../app/modules/messaging/index.server';
import { containsReported, identifiersIn } from '../app/modules/moderation/scam-accounts.server';
import { screenBusinessStory, screenListing } from '../app/modules/moderation/screening.server';
import { detectScam } from '../app/modules/safety/detector';
import { action as reportAction } from '../app/routes/reports.new';
import { action as staffReportAction } from '../app/routes/staff.reports.$id';
import { action as scamAccountsAction, loader as scamAccountsLoader } from '../app/routes/staff.scam-accounts';
import { call, createTestUser, formRequest, getRequest, payload, statusOf } from './support/fixtures';

type TestUser = Awaited<ReturnType<typeof createTestUser>>;

let staff: TestUser;
let entrepreneur: TestUser;
let counter = 0;

beforeAll(async () => {
  staff = await createTestUser({ roles: ['staff'], locale: 'en' });
  entrepreneur = await createTestUser({ roles: ['entrepreneur'] });
});

/** A seller with an approved storefront and a published listing people may write about. */
async function sellerWithListing() {
  const user = await createTestUser({ roles: ['entrepreneur'], displayName: 'Chị Bán' });
  counter += 1;
  await db
    .insertInto('business_profiles')
    .values({
      user_id: user.id,
      slug: `scam-acc-${counter}-${user.id.slice(0, 6)}`,
      business_name: `Cửa hàng ${counter}`,
      owner_name: 'Chị Bán',
      province: 'ha-noi',
      story: 'Đồ thủ công làm tại nhà.',
      verification_status: 'approved',
      verified_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
  const listing = await db
    .insertInto('listings')
    .values({
      seller_id: user.id,
      title: 'Giỏ mây đan tay',
      price: 150000,
      stock: 3,
      category: 'handicrafts',
      state: 'published',
      published_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...user, listingId: listing.id };
}

/** A message sent in a new conversation about a listing; its stored verdict. */
async function firstMessage(from: TestUser, body: string) {
  const seller = await sellerWithListing();
  const sent = await startConversation({
    sender: { id: from.id, locale: 'vi', displayName: 'Mai' },
    subject: { kind: 'listing', id: seller.listingId },
    body,
    confirmed: true,
  });
  if (!sent.ok || !('messageId' in sent)) throw new Error(`not sent: ${JSON.stringify(sent)}`);
  return db
    .selectFrom('messages')
    .select(['scam_level', 'scam_signals'])
    .where('id', '=', sent.messageId)
    .executeTakeFirstOrThrow();
}

/** The scammer writes to a buyer, the buyer reports the message as a scam, staff warn the scammer: the report is upheld. */
async function upholdScamMessage(body: string) {
  const scammer = await createTestUser({ displayName: 'Kẻ gian' });
  const victim = await createTestUser({ displayName: 'Người mua' });
  const [a, b] = [scammer.id, victim.id].sort();
  const conversation = await db
    .insertInto('conversations')
    .values({ user_a: a, user_b: b, started_by: scammer.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  const message = await db
    .insertInto('messages')
    .values({ conversation_id: conversation.id, sender_id: scammer.id, body })
    .returning('id')
    .executeTakeFirstOrThrow();
  const filed = await call(
    reportAction,
    formRequest(`/reports/new?message=${message.id}`, { category: 'scam', note: '' }, { cookie: victim.cookie }),
  );
  expect(statusOf(filed)).toBe(302);
  const report = await db
    .selectFrom('reports')
    .select('id')
    .where('message_id', '=', message.id)
    .executeTakeFirstOrThrow();
  const acted = await call(
    staffReportAction,
    formRequest(
      `/staff/reports/${report.id}`,
      { action: 'warn', reason: 'Lừa đặt cọc', confirmed: 'yes' },
      { cookie: staff.cookie },
    ),
    { id: report.id },
  );
  expect(statusOf(acted)).toBe(302);
  return report.id;
}

const listed = async () =>
  payload(await call(scamAccountsLoader, getRequest('/staff/scam-accounts', { cookie: staff.cookie }))).entries;

const staffPost = (fields: Record<string, string>, who: TestUser = staff) =>
  call(scamAccountsAction, formRequest('/staff/scam-accounts', fields, { cookie: who.cookie }));

describe('scam accounts shared across reports', () => {
  it('an upheld scam report lists its account number, and a later message with that number is danger in a fresh conversation, whatever its wording', async () => {
    const innocent = 'Chị ơi em gửi chị số 0711 0002 48135 nhé, chị lưu lại giúp em';
    // Written without any scam words: the rules and the model alone see nothing dangerous in it.
    expect(detectScam(innocent).level).not.toBe('danger');
    const buyer = await createTestUser();
    expect((await firstMessage(buyer, innocent)).scam_level).not.toBe('danger');

    const reportId = await upholdScamMessage(
      'Chị chuyển cọc 30% trước vào STK 071100024813 5 Vietcombank giúp em, em giữ hàng cho chị',
    );
    const entry = (await listed()).find((e) => e.report_id === reportId);
    expect(entry).toMatchObject({ kind: 'number', hint: `${'•'.repeat(10)}135`, reason: 'Lừa đặt cọc' });

    const later = await firstMessage(await createTestUser(), innocent);
    expect(later.scam_level).toBe('danger');
    expect(later.scam_signals).toContain('reported_account');
  });

  it('keeps numbers only as keyed hashes', async () => {
    await upholdScamMessage('Nạp 300k vào ví Momo 0936 112 457 để nhận việc nha chị');
    const rows = await db.selectFrom('scam_accounts').select(['key', 'hint']).where('kind', '=', 'number').execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.key).toMatch(/^[0-9a-f]{64}$/);
      expect(row.key).not.toContain('0936112457');
    }
    expect(rows.some((r) => r.hint.endsWith('457'))).toBe(true);
    // The same number typed another way is the same entry.
    expect(await containsReported('ví +84 936 112 457 nhé')).toBe(true);
    expect(await containsReported('ví 0936.112.458 nhé')).toBe(false);
  });

  it('staff add a link with a reason; a listing with it is held; removing the entry removes the effect', async () => {
    const added = await staffPost({
      intent: 'add',
      kind: 'link',
      value: 'https://quatang-hoivien.online/nhan',
      reason: 'Cảnh báo của công an tỉnh 3/12',
    });
    expect(statusOf(added)).toBe(302);
    const entry = (await listed()).find((e) => e.hint === 'quatang-hoivien.online/nhan');
    expect(entry).toBeDefined();

    const seller = await sellerWithListing();
    const text = 'Xem thêm mẫu giỏ ở quatang-hoivien.online/nhan';
    await db.updateTable('listings').set({ description: text }).where('id', '=', seller.listingId).execute();
    expect(await screenListing(db, seller.listingId)).toBe('held');

    const message = await firstMessage(await createTestUser(), text);
    expect(message.scam_signals).toContain('reported_account');
    // A profile too: her business story is held from the storefront.
    expect(
      (await screenBusinessStory(db, seller.id, `Cửa hàng mây tre. Mẫu mới ở quatang-hoivien.online/nhan`)).level,
    ).toBe('danger');
    expect(
      await db
        .selectFrom('business_profiles')
        .select('story_held')
        .where('user_id', '=', seller.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ story_held: true });

    const removed = await staffPost({ intent: 'remove', id: String(entry?.id), reason: 'Trang đã bị gỡ' });
    expect(statusOf(removed)).toBe(302);
    expect((await listed()).some((e) => e.id === entry?.id)).toBe(false);
    const after = await firstMessage(await createTestUser(), text);
    expect(after.scam_signals).not.toContain('reported_account');
    // Removing again finds nothing to remove.
    expect(statusOf(await staffPost({ intent: 'remove', id: String(entry?.id), reason: 'again' }))).toBe(404);
  });

  it('a whole site listed catches its subdomains and pages; Sen, banks and shared sites are never listed by host', async () => {
    expect(
      statusOf(
        await staffPost({ intent: 'add', kind: 'link', value: 'vay-nhanh-24h.site', reason: 'Ngân hàng cảnh báo' }),
      ),
    ).toBe(302);
    expect(await containsReported('đăng ký tại https://app.vay-nhanh-24h.site/form?x=1')).toBe(true);
    expect(identifiersIn('xem https://sen.vn/s/abc và vietcombank.com.vn')).toEqual([]);
    expect(identifiersIn('trang em facebook.com/lan.shop.99').map((i) => i.key)).toEqual(['facebook.com/lan.shop.99']);
    const refused = await staffPost({ intent: 'add', kind: 'link', value: 'sen.vn', reason: 'thử' });
    expect(statusOf(refused)).toBe(400);
    expect(payload(refused)).toMatchObject({
      errors: { value: 'scamAccounts.problem.badLink' },
      values: { value: 'sen.vn', reason: 'thử' },
    });
  });

  it('validates the forms on the server and keeps what was typed', async () => {
    const bad = await staffPost({ intent: 'add', kind: 'number', value: '12 34', reason: 'x' });
    expect(statusOf(bad)).toBe(400);
    expect(payload(bad)).toMatchObject({
      errors: { value: 'scamAccounts.problem.badNumber' },
      values: { value: '12 34' },
    });
    const noReason = await staffPost({ intent: 'add', kind: 'number', value: '0977 123 456', reason: ' ' });
    expect(statusOf(noReason)).toBe(400);
    expect(payload(noReason)).toMatchObject({ errors: { reason: 'moderation.field.reasonRequired' } });
    expect(
      statusOf(await staffPost({ intent: 'add', kind: 'number', value: '0977 123 456', reason: 'Công an cảnh báo' })),
    ).toBe(302);
    const twice = await staffPost({ intent: 'add', kind: 'number', value: '+84 977 123 456', reason: 'lần hai' });
    expect(statusOf(twice)).toBe(409);
    expect(payload(twice)).toMatchObject({ errors: { form: 'scamAccounts.problem.duplicate' } });
    expect(statusOf(await staffPost({ intent: 'remove', id: 'abc', reason: 'x' }))).toBe(400);
  });

  it('is for staff only', async () => {
    expect(
      statusOf(await call(scamAccountsLoader, getRequest('/staff/scam-accounts', { cookie: entrepreneur.cookie }))),
    ).toBe(403);
    expect(
      statusOf(await staffPost({ intent: 'add', kind: 'number', value: '0977 555 444', reason: 'x' }, entrepreneur)),
    ).toBe(403);
    const anonymous = await call(scamAccountsLoader, getRequest('/staff/scam-accounts'));
    expect(statusOf(anonymous)).toBe(302);
    expect(await containsReported('0977 555 444')).toBe(false);
  });
});
