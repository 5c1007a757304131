import { defined } from '../app/lib/defined';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { getUser } from '../app/lib/auth.server';
import { searchListings } from '../app/modules/market/listings.server';
import { moderationAfterSave } from '../app/modules/moderation/screening.server';
import { isSuspended, suspensionEnd } from '../app/modules/moderation/suspension';
import { saveOffer } from '../app/modules/mentoring/index.server';
import { freePhoneOffer } from './support/mentoring';
import { action as newListingAction } from '../app/routes/dashboard.listings.new';
import { action as editListingAction, loader as editListingLoader } from '../app/routes/dashboard.listings.$id';
import { action as dashboardAction } from '../app/routes/dashboard.verification';
import { action as loginAction } from '../app/routes/login';
import { loader as listingLoader } from '../app/routes/market.$id';
import { loader as mentorLoader } from '../app/routes/mentors.$id';
import { action as reportAction, loader as reportLoader } from '../app/routes/reports.new';
import { loader as storefrontLoader } from '../app/routes/s.$slug';
import { loader as queueLoader } from '../app/routes/staff.reports._index';
import { action as staffAction, loader as staffLoader } from '../app/routes/staff.reports.$id';
import {
  call,
  createTestUser,
  errorsOf,
  formRequest,
  getRequest,
  payload,
  statusOf,
  testPassword,
  withKey,
} from './support/fixtures';

type TestUser = Awaited<ReturnType<typeof createTestUser>>;

let staff: TestUser;
let buyer: TestUser;
let mentor: TestUser;
let entrepreneur: TestUser;

beforeAll(async () => {
  staff = await createTestUser({ roles: ['staff'], displayName: 'Cán bộ Hội', locale: 'en' });
  buyer = await createTestUser({ displayName: 'Người mua' });
  mentor = await createTestUser({ roles: ['mentor'] });
  entrepreneur = await createTestUser({ roles: ['entrepreneur'] });
});

let counter = 0;

/** A verified seller with a storefront. */
async function seller(displayName = 'Chị Bán') {
  const user = await createTestUser({ roles: ['entrepreneur'], displayName });
  counter += 1;
  const slug = `mod-shop-${counter}-${user.id.slice(0, 6)}`;
  await db
    .insertInto('business_profiles')
    .values({
      user_id: user.id,
      slug,
      business_name: `Cửa hàng ${counter}`,
      owner_name: displayName,
      province: 'ha-noi',
      story: 'Đồ thủ công làm tại nhà.',
      verification_status: 'approved',
      verified_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
  return { ...user, slug };
}

async function publishedListing(sellerId: string, title = 'Khăn lụa tơ tằm') {
  const row = await db
    .insertInto('listings')
    .values({
      seller_id: sellerId,
      title,
      price: 150000,
      stock: 3,
      category: 'fashion',
      state: 'published',
      published_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function conversationWith(from: TestUser, to: TestUser, bodies: string[]) {
  const [a, b] = [from.id, to.id].sort();
  const conversation = await db
    .insertInto('conversations')
    .values({ user_a: a, user_b: b, started_by: from.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids: string[] = [];
  let at = Date.now() - bodies.length * 60_000;
  for (const [index, body] of bodies.entries()) {
    const sender = index % 2 === 0 ? from.id : to.id;
    const row = await db
      .insertInto('messages')
      .values({ conversation_id: conversation.id, sender_id: sender, body, created_at: new Date((at += 60_000)) })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return { conversationId: conversation.id, messageIds: ids };
}

const report = (who: TestUser | null, query: string, fields: Record<string, string> = { category: 'scam', note: '' }) =>
  call(reportAction, formRequest(`/reports/new?${query}`, fields, who ? { cookie: who.cookie } : {}));

const act = (who: TestUser, reportId: string, fields: Record<string, string>) =>
  call(
    staffAction,
    formRequest(`/staff/reports/${reportId}`, { ...fields, confirmed: 'yes' }, { cookie: who.cookie }),
    { id: reportId },
  );

async function openReportId(subjectId: string) {
  const row = await db
    .selectFrom('reports')
    .select('id')
    .where('subject_user_id', '=', subjectId)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  return row.id;
}

const searchIds = async (q: string) =>
  (await searchListings({ q, verifiedOnly: false, sort: 'relevance' })).listings.map((l) => l.id);

const listingFields = (title: string, description: string) => ({
  title,
  description,
  price: '150.000',
  stock: '5',
  category: 'handicrafts',
  shippingFee: '0',
});

async function createViaForm(s: TestUser, title: string, description: string) {
  const created = await call(
    newListingAction,
    formRequest('/dashboard/listings/new', listingFields(title, description), { cookie: s.cookie }),
  );
  expect(statusOf(created)).toBe(302);
  return defined(
    defined((created as Response).headers.get('Location'), 'the redirect’s Location').match(/listings\/([0-9a-f-]+)/),
    'the listing id in the redirect',
  )[1];
}

const publish = (s: TestUser, id: string) =>
  call(
    editListingAction,
    formRequest(`/dashboard/listings/${id}`, { intent: 'state', to: 'published' }, { cookie: s.cookie }),
    { id },
  );

describe('filing a report', () => {
  it('sends anonymous visitors to log in first', async () => {
    const s = await seller();
    const id = await publishedListing(s.id);
    const page = await call(reportLoader, getRequest(`/reports/new?listing=${id}`));
    expect(statusOf(page)).toBe(302);
    expect((page as Response).headers.get('Location')).toMatch(/^\/login\?redirectTo=/);
    expect(statusOf(await report(null, `listing=${id}`))).toBe(302);
    expect(await db.selectFrom('reports').select('id').where('listing_id', '=', id).execute()).toHaveLength(0);
  });

  it('lets a buyer report a listing once, with the category and note, and thanks her', async () => {
    const s = await seller();
    const id = await publishedListing(s.id);
    const page = payload(await call(reportLoader, getRequest(`/reports/new?listing=${id}`, { cookie: buyer.cookie })));
    expect(page).toMatchObject({ kind: 'listing', label: 'Khăn lụa tơ tằm' });

    const first = await report(buyer, `listing=${id}`, { category: 'counterfeit', note: 'Hàng giả nhãn hiệu' });
    expect(statusOf(first)).toBe(302);
    expect((first as Response).headers.get('Location')).toBe(`/market/${id}?notice=notice.moderation.reported`);
    const again = await report(buyer, `listing=${id}`, { category: 'scam', note: '' });
    expect((again as Response).headers.get('Location')).toBe(`/market/${id}?notice=notice.moderation.alreadyReported`);
    const rows = await db.selectFrom('reports').selectAll().where('listing_id', '=', id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      reporter_id: buyer.id,
      subject_user_id: s.id,
      category: 'counterfeit',
      note: 'Hàng giả nhãn hiệu',
      status: 'open',
    });
  });

  it('refuses reporting herself, her own listing, and a draft nobody saw', async () => {
    const s = await seller();
    const id = await publishedListing(s.id);
    expect(statusOf(await call(reportLoader, getRequest(`/reports/new?user=${s.id}`, { cookie: s.cookie })))).toBe(403);
    expect(statusOf(await report(s, `user=${s.id}`))).toBe(403);
    expect(statusOf(await report(s, `listing=${id}`))).toBe(403);
    const draft = await db
      .insertInto('listings')
      .values({ seller_id: s.id, title: 'Nháp', price: 1000, category: 'food', updated_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(statusOf(await report(buyer, `listing=${draft.id}`))).toBe(404);
    expect(
      statusOf(await call(reportLoader, getRequest('/reports/new?listing=not-a-uuid', { cookie: buyer.cookie }))),
    ).toBe(404);
    expect(await db.selectFrom('reports').select('id').where('subject_user_id', '=', s.id).execute()).toHaveLength(0);
  });

  it('lets only the recipient report a message, with the detector signals stored', async () => {
    const scammer = await createTestUser({ displayName: 'Kẻ gian' });
    const victim = await createTestUser();
    const outsider = await createTestUser();
    const { messageIds, conversationId } = await conversationWith(scammer, victim, [
      'Chị ck cọc trước 50% vào stk 0451000123456 vcb giúp em nha',
    ]);
    const id = messageIds[0];
    expect(statusOf(await report(outsider, `message=${id}`))).toBe(404);
    expect(statusOf(await report(scammer, `message=${id}`))).toBe(403);
    // The form quotes the message as she saw it: the account number stays masked (no deal between them).
    const form = payload(await call(reportLoader, getRequest(`/reports/new?message=${id}`, { cookie: victim.cookie })));
    expect(form).toMatchObject({ kind: 'message', name: 'Kẻ gian', back: `/messages/${conversationId}` });
    expect(form.label).toContain('stk •••');
    expect(form.label).not.toContain('0451000123456');
    const filed = await report(victim, `message=${id}`, { category: 'scam', note: '' });
    expect((filed as Response).headers.get('Location')).toBe(
      `/messages/${conversationId}?notice=notice.moderation.reported`,
    );
    const row = await db.selectFrom('reports').selectAll().where('message_id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ reporter_id: victim.id, subject_user_id: scammer.id });
    expect(row.signals).toContain('deposit_request');
  });

  it('answers bad input with 400, keeping what she typed', async () => {
    const s = await seller();
    const id = await publishedListing(s.id);
    const bad = await report(buyer, `listing=${id}`, { category: 'nonsense', note: 'x'.repeat(1001) });
    expect(statusOf(bad)).toBe(400);
    expect(payload(bad).errors).toMatchObject({
      category: 'moderation.field.categoryRequired',
      note: 'validation.tooLong',
    });
    expect(payload(bad).values.category).toBe('nonsense');
  });
});

describe('the staff queue', () => {
  it('is for staff only', async () => {
    expect(statusOf(await call(queueLoader, getRequest('/staff/reports')))).toBe(302);
    for (const who of [buyer, entrepreneur, mentor]) {
      expect(statusOf(await call(queueLoader, getRequest('/staff/reports', { cookie: who.cookie })))).toBe(403);
    }
  });

  it('puts a person reported three times above one reported once earlier, and shows system reports', async () => {
    const once = await seller('Một lần');
    const onceListing = await publishedListing(once.id);
    await report(buyer, `listing=${onceListing}`);
    const thrice = await seller('Ba lần');
    const thriceListing = await publishedListing(thrice.id);
    for (let i = 0; i < 3; i++) {
      const reporter = await createTestUser();
      await report(reporter, `listing=${thriceListing}`, { category: i === 0 ? 'scam' : 'counterfeit', note: '' });
    }
    const burst = await createTestUser({ displayName: 'Gửi hàng loạt' });
    await db
      .insertInto('reports')
      .values({ reporter_id: null, subject_user_id: burst.id, category: 'rate_limit' })
      .execute();

    const queue = payload(await call(queueLoader, getRequest('/staff/reports', { cookie: staff.cookie })));
    const order = queue.groups.map((g) => g.subjectUserId);
    expect(order.indexOf(thrice.id)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(thrice.id)).toBeLessThan(order.indexOf(once.id));
    expect(
      defined(
        queue.groups.find((g) => g.subjectUserId === thrice.id),
        'queue.groups.find((g) => g.subjectUserId === thrice.id)',
      ).count,
    ).toBe(3);
    expect(order).toContain(burst.id);

    const scamOnly = payload(
      await call(queueLoader, getRequest('/staff/reports?category=rate_limit', { cookie: staff.cookie })),
    );
    expect(scamOnly.groups.map((g) => g.subjectUserId)).toEqual([burst.id]);
    const resolved = payload(
      await call(queueLoader, getRequest('/staff/reports?status=resolved', { cookie: staff.cookie })),
    );
    expect(resolved.groups.map((g) => g.subjectUserId)).not.toContain(thrice.id);
  });

  it('shows a message report with the conversation around it, the signals in her language and the history', async () => {
    const scammer = await createTestUser({ displayName: 'Người lạ' });
    const victim = await createTestUser({ displayName: 'Chị Mai' });
    const { messageIds } = await conversationWith(scammer, victim, [
      'Chào chị',
      'Chào em',
      'Chị còn hàng không',
      'Còn em',
      'Chị ck cọc trước 50% vào stk 0451000123456 vcb giúp em nha',
      'Không, chị chỉ bán qua Sen',
      'Vậy thôi',
      'Ừ',
      'Tạm biệt',
    ]);
    await report(victim, `message=${messageIds[4]}`);
    const id = await openReportId(scammer.id);
    const page = payload(await call(staffLoader, getRequest(`/staff/reports/${id}`, { cookie: staff.cookie }), { id }));
    const bodies = defined(page.messages, 'page.messages').map((m) => m.body);
    expect(bodies).toHaveLength(7);
    expect(bodies[3]).toBe('Chị ck cọc trước 50% vào stk 0451000123456 vcb giúp em nha');
    expect(bodies[0]).toBe('Chào em');
    expect(defined(page.messages, 'page.messages')[3].sender_name).toBe('Người lạ');
    expect(page.detected.level).toBe('danger');
    // The staff member reads English: the explanations are in English.
    expect(page.detected.signals[0].message).toMatch(/[a-z]/);
    expect(page.detected.signals[0].message).not.toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
    expect(page.subject).toMatchObject({ id: scammer.id, suspended: false });
    expect(page.available).toEqual(['dismiss', 'warn', 'suspend']);
    for (const who of [buyer, entrepreneur, mentor]) {
      expect(
        statusOf(await call(staffLoader, getRequest(`/staff/reports/${id}`, { cookie: who.cookie }), { id })),
      ).toBe(403);
    }
  });
});

describe('staff actions', () => {
  it('are refused (403) to buyers, entrepreneurs and mentors, and need a reason', async () => {
    const s = await seller();
    const listingId = await publishedListing(s.id);
    await report(buyer, `listing=${listingId}`);
    const id = await openReportId(s.id);
    for (const action of ['dismiss', 'warn', 'hide_listing', 'suspend', 'revoke_verification']) {
      for (const who of [buyer, entrepreneur, mentor]) {
        expect(statusOf(await act(who, id, { action, reason: 'x', period: '7' }))).toBe(403);
      }
    }
    const noReason = await act(staff, id, { action: 'dismiss', reason: '  ' });
    expect(statusOf(noReason)).toBe(400);
    expect(payload(noReason).errors.reason).toBe('moderation.field.reasonRequired');
    const noPeriod = await act(staff, id, { action: 'suspend', reason: 'Lừa đảo' });
    expect(statusOf(noPeriod)).toBe(400);
    expect(
      await db.selectFrom('moderation_actions').select('id').where('subject_user_id', '=', s.id).execute(),
    ).toHaveLength(0);
    expect(
      (await db.selectFrom('reports').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
    ).toBe('open');
  });

  it('dismiss: resolves the report with an audit row and tells the reporter no action was needed', async () => {
    const s = await seller();
    const listingId = await publishedListing(s.id);
    const reporter = await createTestUser();
    await report(reporter, `listing=${listingId}`);
    const id = await openReportId(s.id);
    expect(statusOf(await act(staff, id, { action: 'dismiss', reason: 'Sản phẩm hợp lệ' }))).toBe(302);
    expect(await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow()).toMatchObject({
      status: 'resolved',
      resolution: 'dismissed',
      resolved_by: staff.id,
    });
    expect(
      await db.selectFrom('moderation_actions').selectAll().where('report_id', '=', id).executeTakeFirstOrThrow(),
    ).toMatchObject({
      action: 'dismiss',
      reason: 'Sản phẩm hợp lệ',
      staff_id: staff.id,
      subject_user_id: s.id,
    });
    const told = await db
      .selectFrom('notifications')
      .select('message_key')
      .where('user_id', '=', reporter.id)
      .execute();
    expect(told.map((n) => n.message_key)).toEqual(['moderation.outcome.noAction']);
  });

  it('warn: tells the person in-app and by email, resolves every open report on the item, tells each reporter', async () => {
    const s = await seller();
    const listingId = await publishedListing(s.id);
    const [r1, r2] = [await createTestUser(), await createTestUser()];
    await report(r1, `listing=${listingId}`);
    await report(r2, `listing=${listingId}`, { category: 'counterfeit', note: '' });
    const id = await openReportId(s.id);
    expect(statusOf(await act(staff, id, { action: 'warn', reason: 'Ghi rõ nguồn gốc hàng' }))).toBe(302);
    const reports = await db
      .selectFrom('reports')
      .select(['status', 'resolution'])
      .where('subject_user_id', '=', s.id)
      .execute();
    expect(reports).toEqual([
      { status: 'resolved', resolution: 'warned' },
      { status: 'resolved', resolution: 'warned' },
    ]);
    const notes = await db
      .selectFrom('notifications')
      .select(['message_key', 'params'])
      .where('user_id', '=', s.id)
      .execute();
    expect(notes).toEqual([
      { message_key: 'moderation.notify.warn', params: expect.objectContaining({ reason: 'Ghi rõ nguồn gốc hàng' }) },
    ]);
    const email = await db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('to_address', '=', s.email)
      .executeTakeFirstOrThrow();
    expect(email.body).toContain('Ghi rõ nguồn gốc hàng');
    for (const r of [r1, r2]) {
      const told = await db.selectFrom('notifications').select('message_key').where('user_id', '=', r.id).execute();
      expect(told.map((n) => n.message_key)).toEqual(['moderation.outcome.actionTaken']);
    }
    expect(
      await db.selectFrom('moderation_actions').select('action').where('subject_user_id', '=', s.id).execute(),
    ).toEqual([{ action: 'warn' }]);
  });

  it('hide listing: gone from the market, shown to the seller as hidden with the reason, and cannot be republished', async () => {
    const s = await seller();
    const listingId = await publishedListing(s.id, 'Túi xách hàng hiệu giá rẻ');
    expect(await searchIds('tui xach hang hieu')).toContain(listingId);
    await report(buyer, `listing=${listingId}`, { category: 'counterfeit', note: '' });
    const id = await openReportId(s.id);
    expect(statusOf(await act(staff, id, { action: 'hide_listing', reason: 'Hàng giả nhãn hiệu' }))).toBe(302);
    expect(
      await db
        .selectFrom('listings')
        .select(['state', 'moderation_state'])
        .where('id', '=', listingId)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      state: 'draft',
      moderation_state: 'hidden',
    });
    expect(await searchIds('tui xach hang hieu')).not.toContain(listingId);
    expect(statusOf(await call(listingLoader, getRequest(`/market/${listingId}`), { id: listingId }))).toBe(404);
    const edit = payload(
      await call(editListingLoader, getRequest(`/dashboard/listings/${listingId}`, { cookie: s.cookie }), {
        id: listingId,
      }),
    );
    expect(edit.moderation).toEqual({ state: 'hidden', reason: 'Hàng giả nhãn hiệu' });
    const again = await publish(s, listingId);
    expect(statusOf(again)).toBe(400);
    expect(payload(again).errors.form).toBe('moderation.listing.hiddenNoPublish');
    expect(
      (await db.selectFrom('notifications').select('message_key').where('user_id', '=', s.id).executeTakeFirstOrThrow())
        .message_key,
    ).toBe('moderation.notify.hide_listing');
  });

  it('suspend: she cannot sign in, her session ends, her pages show nothing; unsuspend restores them', async () => {
    const s = await seller('Chị Bị Khoá');
    const listingId = await publishedListing(s.id, 'Mật ong rừng nguyên chất');
    await db
      .insertInto('mentor_profiles')
      .values({
        user_id: s.id,
        expertise: ['finance'],
        languages: ['vi'],
        experience: 'x',
        bio: 'Cố vấn tài chính',
        province: 'ha-noi',
        status: 'approved',
        updated_at: new Date(),
      })
      .execute();
    await db.insertInto('user_roles').values({ user_id: s.id, role: 'mentor' }).execute();
    await saveOffer(s.id, freePhoneOffer);
    expect(statusOf(await call(mentorLoader, getRequest(`/mentors/${s.id}`), { id: s.id }))).toBe(200);
    const otherSession = await createTestUser();
    await report(otherSession, `user=${s.id}`, { category: 'scam', note: 'Lừa cọc' });
    await report(buyer, `listing=${listingId}`);
    const id = await openReportId(s.id);

    expect(statusOf(await act(staff, id, { action: 'suspend', reason: 'Lừa đảo đặt cọc', period: '7' }))).toBe(302);
    const row = await db
      .selectFrom('users')
      .select(['suspended_at', 'suspended_until', 'suspension_reason'])
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(row.suspension_reason).toBe('Lừa đảo đặt cọc');
    expect(isSuspended(row)).toBe(true);
    expect(new Date(defined(row.suspended_until, 'row.suspended_until')).getTime() - Date.now()).toBeGreaterThan(
      6.9 * 86_400_000,
    );
    // A suspension resolves every open report about her.
    expect(await db.selectFrom('reports').select('resolution').where('subject_user_id', '=', s.id).execute()).toEqual([
      { resolution: 'suspended' },
      { resolution: 'suspended' },
    ]);
    expect(
      (await db.selectFrom('moderation_actions').selectAll().where('report_id', '=', id).executeTakeFirstOrThrow())
        .suspended_until,
    ).not.toBeNull();

    // Her cookie no longer works, and her sessions are gone.
    expect(await getUser(getRequest('/', { cookie: s.cookie }))).toBeNull();
    expect(await db.selectFrom('sessions').select('id').where('user_id', '=', s.id).execute()).toHaveLength(0);
    // The right password says she is suspended, and until when; a wrong one says nothing more.
    const login = await call(loginAction, formRequest('/login', { email: s.email, password: testPassword }));
    expect(statusOf(login)).toBe(403);
    expect(withKey(payload(login), 'suspended').suspended.until).toBeTruthy();
    expect((login as { init?: { headers?: unknown } }).init?.headers).toBeUndefined();
    const wrong = await call(
      loginAction,
      formRequest('/login', { email: s.email, password: 'not her password at all' }),
    );
    expect(statusOf(wrong)).toBe(401);
    expect(errorsOf(payload(wrong)).form).toBe('accounts.login.invalid');
    expect(payload(wrong)).not.toHaveProperty('suspended');
    // Her public pages show nothing.
    expect(statusOf(await call(storefrontLoader, getRequest(`/s/${s.slug}`), { slug: s.slug }))).toBe(404);
    expect(statusOf(await call(listingLoader, getRequest(`/market/${listingId}`), { id: listingId }))).toBe(404);
    expect(await searchIds('mat ong rung')).not.toContain(listingId);
    expect(statusOf(await call(mentorLoader, getRequest(`/mentors/${s.id}`), { id: s.id }))).toBe(404);

    // Unsuspend (from the same report page) restores everything.
    const page = payload(await call(staffLoader, getRequest(`/staff/reports/${id}`, { cookie: staff.cookie }), { id }));
    expect(page.available).toContain('unsuspend');
    expect(statusOf(await act(staff, id, { action: 'unsuspend', reason: 'Đã xác minh lại' }))).toBe(302);
    expect(
      isSuspended(
        await db
          .selectFrom('users')
          .select(['suspended_at', 'suspended_until'])
          .where('id', '=', s.id)
          .executeTakeFirstOrThrow(),
      ),
    ).toBe(false);
    const back = await call(loginAction, formRequest('/login', { email: s.email, password: testPassword }));
    expect(statusOf(back)).toBe(302);
    expect(statusOf(await call(storefrontLoader, getRequest(`/s/${s.slug}`), { slug: s.slug }))).toBe(200);
    expect(statusOf(await call(listingLoader, getRequest(`/market/${listingId}`), { id: listingId }))).toBe(200);
    expect(await searchIds('mat ong rung')).toContain(listingId);
    expect(statusOf(await call(mentorLoader, getRequest(`/mentors/${s.id}`), { id: s.id }))).toBe(200);
    expect(
      (
        await db
          .selectFrom('moderation_actions')
          .select('action')
          .where('subject_user_id', '=', s.id)
          .orderBy('id')
          .execute()
      ).map((a) => a.action),
    ).toEqual(['suspend', 'unsuspend']);
  });

  it('a suspension for good has no end; a time-limited one ends by itself', async () => {
    const s = await seller();
    const listingId = await publishedListing(s.id, 'Gốm Bát Tràng men lam');
    await report(buyer, `user=${s.id}`);
    const id = await openReportId(s.id);
    expect(statusOf(await act(staff, id, { action: 'suspend', reason: 'Lừa đảo nhiều lần', period: 'forever' }))).toBe(
      302,
    );
    const row = await db
      .selectFrom('users')
      .select(['suspended_at', 'suspended_until'])
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(row.suspended_until).toBeNull();
    expect(
      withKey(
        payload(await call(loginAction, formRequest('/login', { email: s.email, password: testPassword }))),
        'suspended',
      ).suspended,
    ).toEqual({ until: null });
    expect(await searchIds('gom bat trang')).not.toContain(listingId);
    // A suspension whose end has passed no longer counts, in the search copy too.
    await db
      .updateTable('users')
      .set({ suspended_until: new Date(Date.now() - 1000) })
      .where('id', '=', s.id)
      .execute();
    expect(await searchIds('gom bat trang')).toContain(listingId);
    expect(statusOf(await call(loginAction, formRequest('/login', { email: s.email, password: testPassword })))).toBe(
      302,
    );
    expect(suspensionEnd('forever')).toBeNull();
  });

  it('revoke verification: uses the verification transition (event, badge, notice) and audits it', async () => {
    const s = await seller();
    await report(buyer, `user=${s.id}`, { category: 'scam', note: '' });
    const id = await openReportId(s.id);
    expect(statusOf(await act(staff, id, { action: 'revoke_verification', reason: 'Giấy tờ giả' }))).toBe(302);
    expect(
      (
        await db
          .selectFrom('business_profiles')
          .select('verification_status')
          .where('user_id', '=', s.id)
          .executeTakeFirstOrThrow()
      ).verification_status,
    ).toBe('revoked');
    const event = await db
      .selectFrom('verification_events')
      .selectAll()
      .where('user_id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      from_status: 'approved',
      to_status: 'revoked',
      actor_id: staff.id,
      reason_code: 'other',
      reason_text: 'Giấy tờ giả',
    });
    expect(await db.selectFrom('reports').select('resolution').where('id', '=', id).executeTakeFirstOrThrow()).toEqual({
      resolution: 'verification_revoked',
    });
    expect(
      await db.selectFrom('moderation_actions').select(['action', 'reason']).where('report_id', '=', id).execute(),
    ).toEqual([{ action: 'revoke_verification', reason: 'Giấy tờ giả' }]);
    // Nothing left to revoke: the action is no longer offered, and refused.
    await report(await createTestUser(), `user=${s.id}`);
    const next = await openReportId(s.id);
    expect(statusOf(await act(staff, next, { action: 'revoke_verification', reason: 'Lần nữa' }))).toBe(400);
  });

  it('staff never act on a report about themselves', async () => {
    const otherStaff = await createTestUser({ roles: ['staff'] });
    await report(buyer, `user=${otherStaff.id}`, { category: 'harassment', note: '' });
    const id = await openReportId(otherStaff.id);
    expect(statusOf(await act(otherStaff, id, { action: 'dismiss', reason: 'Không sao' }))).toBe(403);
    expect(statusOf(await act(staff, id, { action: 'dismiss', reason: 'Không sao' }))).toBe(302);
  });
});

describe('screening on save', () => {
  it('danger: the listing is held with its signals, a screening report waits, and publishing is refused until staff clear it', async () => {
    const s = await seller();
    const id = await createViaForm(
      s,
      'Khăn lụa tơ tằm',
      'Chị chuyển khoản cọc trước 50% vào stk 0451000123456 vcb rồi em gửi hàng',
    );
    const row = await db
      .selectFrom('listings')
      .select(['state', 'moderation_state', 'moderation_signals'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'draft', moderation_state: 'held' });
    expect(row.moderation_signals).toContain('deposit_request');
    const reports = await db.selectFrom('reports').selectAll().where('listing_id', '=', id).execute();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      reporter_id: null,
      category: 'screening',
      status: 'open',
      subject_user_id: s.id,
    });
    expect(reports[0].signals).toContain('deposit_request');

    const refused = await publish(s, id);
    expect(statusOf(refused)).toBe(400);
    expect(payload(refused).errors.form).toBe('moderation.listing.heldNoPublish');
    expect((await db.selectFrom('listings').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state).toBe(
      'draft',
    );

    // Editing the words away does not lift the hold, nor add a second report.
    const edited = await call(
      editListingAction,
      formRequest(`/dashboard/listings/${id}`, listingFields('Khăn lụa tơ tằm', 'Lụa Vạn Phúc, giao toàn quốc'), {
        cookie: s.cookie,
      }),
      { id },
    );
    expect(statusOf(edited)).toBe(302);
    expect(
      (await db.selectFrom('listings').select('moderation_state').where('id', '=', id).executeTakeFirstOrThrow())
        .moderation_state,
    ).toBe('held');
    expect(statusOf(await publish(s, id))).toBe(400);
    await call(
      editListingAction,
      formRequest(`/dashboard/listings/${id}`, listingFields('Khăn lụa', 'ck coc truoc 50% stk 0451000123456 vcb'), {
        cookie: s.cookie,
      }),
      { id },
    );
    expect(
      await db.selectFrom('reports').select('id').where('listing_id', '=', id).where('status', '=', 'open').execute(),
    ).toHaveLength(1);

    // The system report is in the queue; staff clear the listing, and she may publish.
    const queue = payload(
      await call(queueLoader, getRequest('/staff/reports?category=screening', { cookie: staff.cookie })),
    );
    expect(queue.groups.map((g) => g.subjectUserId)).toContain(s.id);
    const page = payload(
      await call(staffLoader, getRequest(`/staff/reports/${reports[0].id}`, { cookie: staff.cookie }), {
        id: reports[0].id,
      }),
    );
    expect(page.available).toContain('clear_listing');
    expect(statusOf(await act(staff, reports[0].id, { action: 'clear_listing', reason: 'Đã sửa nội dung' }))).toBe(302);
    expect(
      (await db.selectFrom('listings').select('moderation_state').where('id', '=', id).executeTakeFirstOrThrow())
        .moderation_state,
    ).toBe('clear');
    expect(statusOf(await publish(s, id))).toBe(302);
  });

  it('danger on a published listing takes it off the market at once', async () => {
    const s = await seller();
    const id = await createViaForm(s, 'Bánh pía Sóc Trăng', 'Bánh mới ra lò');
    expect(statusOf(await publish(s, id))).toBe(302);
    await call(
      editListingAction,
      formRequest(
        `/dashboard/listings/${id}`,
        listingFields('Bánh pía Sóc Trăng', 'Chị chuyển khoản cọc trước 50% vào stk 0451000123456 vcb'),
        { cookie: s.cookie },
      ),
      { id },
    );
    expect(
      await db
        .selectFrom('listings')
        .select(['state', 'moderation_state'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ state: 'draft', moderation_state: 'held' });
    expect(statusOf(await call(listingLoader, getRequest(`/market/${id}`), { id }))).toBe(404);
  });

  it('caution: flagged, may be published, and one screening report for staff', async () => {
    const s = await seller();
    const id = await createViaForm(s, 'Nón lá Huế', 'Ib zalo em để được giá tốt');
    expect(
      (await db.selectFrom('listings').select('moderation_state').where('id', '=', id).executeTakeFirstOrThrow())
        .moderation_state,
    ).toBe('flagged');
    expect(statusOf(await publish(s, id))).toBe(302);
    const reports = await db
      .selectFrom('reports')
      .select(['category', 'signals'])
      .where('listing_id', '=', id)
      .execute();
    expect(reports).toEqual([{ category: 'screening', signals: ['off_platform_chat'] }]);
  });

  it('an ordinary listing stays clear, with no report', async () => {
    const s = await seller();
    const id = await createViaForm(s, 'Nón lá Huế thêu tay', 'Giao toàn quốc, thanh toán khi nhận hàng.');
    expect(
      (await db.selectFrom('listings').select('moderation_state').where('id', '=', id).executeTakeFirstOrThrow())
        .moderation_state,
    ).toBe('clear');
    expect(await db.selectFrom('reports').select('id').where('listing_id', '=', id).execute()).toHaveLength(0);
    expect(moderationAfterSave('held', 'none')).toBe('held');
    expect(moderationAfterSave('clear', 'caution')).toBe('flagged');
  });

  it('a dangerous business story is held from the storefront until staff clear it', async () => {
    const s = await createTestUser({ displayName: 'Chị Story' });
    const slug = `story-${s.id.slice(0, 8)}`;
    const save = (story: string) =>
      call(
        dashboardAction,
        formRequest(
          '/dashboard/verification',
          {
            intent: 'profile',
            businessName: 'Tiệm Story',
            ownerName: 'Chị Story',
            province: 'hue',
            story,
            categories: ['food'],
            slug,
          },
          { cookie: s.cookie },
        ),
      );
    expect(statusOf(await save('Đặt hàng: chị chuyển khoản cọc trước 50% vào stk 0451000123456 vcb'))).toBe(302);
    expect(
      (
        await db
          .selectFrom('business_profiles')
          .select('story_held')
          .where('user_id', '=', s.id)
          .executeTakeFirstOrThrow()
      ).story_held,
    ).toBe(true);
    expect(payload(await call(storefrontLoader, getRequest(`/s/${slug}`), { slug })).story).toBe('');
    // Saving again keeps one open screening report.
    expect(statusOf(await save('Đặt hàng: ck cọc trước 50% stk 0451000123456 vcb'))).toBe(302);
    const reports = await db
      .selectFrom('reports')
      .select(['id', 'category', 'listing_id'])
      .where('subject_user_id', '=', s.id)
      .where('status', '=', 'open')
      .execute();
    expect(reports).toEqual([{ id: expect.any(String), category: 'screening', listing_id: null }]);
    const page = payload(
      await call(staffLoader, getRequest(`/staff/reports/${reports[0].id}`, { cookie: staff.cookie }), {
        id: reports[0].id,
      }),
    );
    expect(page.available).toContain('clear_profile');
    expect(statusOf(await act(staff, reports[0].id, { action: 'clear_profile', reason: 'Đã trao đổi với chị' }))).toBe(
      302,
    );
    expect(payload(await call(storefrontLoader, getRequest(`/s/${slug}`), { slug })).story).toContain('0451000123456');
  });

  it('a cautious mentor bio files a screening report without holding it', async () => {
    const m = await createTestUser();
    const saved = await call(
      dashboardAction,
      formRequest(
        '/dashboard/verification',
        {
          intent: 'mentor',
          expertise: ['finance'],
          languages: ['vi'],
          experience: '10 năm kế toán',
          bio: 'Cần tư vấn thì ib zalo chị nhé',
          province: 'hue',
        },
        { cookie: m.cookie },
      ),
    );
    expect(statusOf(saved)).toBe(302);
    expect(
      (await db.selectFrom('mentor_profiles').select('bio_held').where('user_id', '=', m.id).executeTakeFirstOrThrow())
        .bio_held,
    ).toBe(false);
    expect(await db.selectFrom('reports').select('category').where('subject_user_id', '=', m.id).execute()).toEqual([
      { category: 'screening' },
    ]);
  });
});
