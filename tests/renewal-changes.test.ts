import { defined } from '../app/lib/defined';
import { describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { getStorage } from '../app/lib/storage.server';
import { action as dashboardAction, loader as dashboardLoader } from '../app/routes/dashboard.verification';
import { loader as storefrontLoader } from '../app/routes/s.$slug';
import { loader as queueLoader } from '../app/routes/staff.verifications._index';
import { action as reviewAction, loader as reviewLoader } from '../app/routes/staff.verifications.$id';
import { call, createTestUser, formRequest, getRequest, payload, statusOf } from './support/fixtures';
import { createBusiness } from './support/factories';
import { multipartRequest, tinyPdf } from './support/images';

// Issue 19, renewal when something changed: she ticks "something changed", says
// what and adds new documents; the renewal goes back into the staff review queue,
// marked, her badge stays valid until its current end, and staff decide as for a
// first request. Submitted twice is once.

type TestUser = Awaited<ReturnType<typeof createTestUser>>;
const day = 24 * 3600 * 1000;

const profileOf = (userId: string) =>
  db.selectFrom('business_profiles').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();

/** An approved seller in Lào Cai whose approval ends in 10 days (renewal due). */
async function dueSeller() {
  const seller = await createTestUser({ roles: ['entrepreneur'] });
  const until = new Date(Date.now() + 10 * day);
  const shop = await createBusiness(seller.id, {
    province: 'lao-cai',
    verified_until: until,
    women_led_declared_at: new Date(),
  });
  return { seller, shop, until };
}

function sendChanges(seller: TestUser, fields: Record<string, string> = {}, withDocument = true) {
  return call(
    dashboardAction,
    multipartRequest(
      '/dashboard/verification?intent=renewChanged',
      {
        intent: 'renewChanged',
        changed: 'yes',
        changes: 'Đổi tên gian hàng, căn cước mới',
        kind: 'citizen_id',
        ...(withDocument ? { documents: { name: 'cccd-moi.pdf', type: 'application/pdf', bytes: tinyPdf } } : {}),
        ...fields,
      },
      { cookie: seller.cookie },
    ),
  );
}

function decide(staff: TestUser, sellerId: string, decision: string, reasonCode: string) {
  return call(
    reviewAction,
    formRequest(
      `/staff/verifications/${sellerId}`,
      { intent: 'decide', subject: 'business', decision, reasonCode, reasonText: '', confirmed: 'yes' },
      { cookie: staff.cookie },
    ),
    { id: sellerId },
  );
}

const storefront = async (slug: string) => payload(await call(storefrontLoader, getRequest(`/s/${slug}`), { slug }));

const documentsOf = (userId: string) =>
  db.selectFrom('verification_documents').selectAll().where('user_id', '=', userId).execute();

describe('renewal when something changed', () => {
  it('asks her to tick and say what changed, keeping what she typed', async () => {
    const { seller } = await dueSeller();
    const reply = await sendChanges(seller, { changed: '', changes: ' ' }, false);
    expect(statusOf(reply)).toBe(400);
    expect(Object.keys(payload(reply).errors).sort()).toEqual(['changed', 'changes']);
    const kept = await sendChanges(seller, { changed: '' }, false);
    expect(payload(kept).values.changes).toBe('Đổi tên gian hàng, căn cước mới');
    expect((await profileOf(seller.id)).renewal_review).toBeNull();
  });

  it('goes back into the same staff queue, marked; her badge stays until the current end; sent twice at once is once', async () => {
    const { seller, shop, until } = await dueSeller();
    const [first, second] = await Promise.all([sendChanges(seller), sendChanges(seller)]);
    expect([statusOf(first), statusOf(second)]).toEqual([302, 302]);
    const notices = [first, second].map((r) => (r as Response).headers.get('Location')).sort();
    expect(notices).toEqual([
      '/dashboard/verification?notice=notice.renewal.alreadySent',
      '/dashboard/verification?notice=notice.renewal.changesSent',
    ]);
    const profile = await profileOf(seller.id);
    expect(profile.renewal_review).toBe('submitted');
    expect(profile.renewal_changes).toBe('Đổi tên gian hàng, căn cước mới');
    expect(profile.verification_status).toBe('approved');
    expect(new Date(profile.verified_until ?? 0).getTime()).toBe(until.getTime());
    // One new document: the second sending's file is not kept, in the table or in storage.
    const documents = await documentsOf(seller.id);
    expect(documents).toHaveLength(1);
    expect(await getStorage().get(documents[0].storage_key ?? '')).not.toBeNull();
    const events = await db
      .selectFrom('verification_events')
      .select('reason_code')
      .where('user_id', '=', seller.id)
      .execute();
    expect(events.map((e) => e.reason_code)).toEqual(['renewal_changes']);

    // Her badge is still shown.
    const store = await storefront(shop.slug);
    expect(store.status).toBe('approved');
    expect(store.verifiedAt).not.toBeNull();
    // Ticking "nothing changed" now cannot overtake the Union's review.
    const tick = await call(
      dashboardAction,
      formRequest('/dashboard/verification', { intent: 'renew', unchanged: 'yes' }, { cookie: seller.cookie }),
    );
    expect((tick as Response).headers.get('Location')).toContain('notice.renewal.notDue');
    expect(new Date((await profileOf(seller.id)).verified_until ?? 0).getTime()).toBe(until.getTime());
    const page = payload(await call(dashboardLoader, getRequest('/dashboard/verification', { cookie: seller.cookie })));
    expect(defined(page.profile, 'page.profile').renewal_review).toBe('submitted');

    // The province's queue of waiting requests shows it, marked; another province's does not.
    const officer = await createTestUser({ roles: ['staff'], provinces: ['lao-cai'] });
    const other = await createTestUser({ roles: ['staff'], provinces: ['ha-giang'] });
    const queue = payload(await call(queueLoader, getRequest('/staff/verifications', { cookie: officer.cookie })));
    const item = queue.items.find((i) => i.user_id === seller.id);
    expect(item).toMatchObject({ subject: 'business', status: 'approved', renewal: true });
    const elsewhere = payload(await call(queueLoader, getRequest('/staff/verifications', { cookie: other.cookie })));
    expect(elsewhere.items.some((i) => i.user_id === seller.id)).toBe(false);
    const review = payload(
      await call(reviewLoader, getRequest(`/staff/verifications/${seller.id}`, { cookie: officer.cookie }), {
        id: seller.id,
      }),
    );
    expect(defined(review.business, 'review.business').renewal_changes).toBe('Đổi tên gian hàng, căn cước mới');
  });

  it('is approved as a first request is: another period from the current end, she is told, the queue is empty', async () => {
    const { seller, until } = await dueSeller();
    expect(statusOf(await sendChanges(seller))).toBe(302);
    const officer = await createTestUser({ roles: ['staff'], provinces: ['lao-cai'] });
    const other = await createTestUser({ roles: ['staff'], provinces: ['ha-giang'] });

    // Another province's officer posting a decision on her id: not found, nothing changes.
    expect(statusOf(await decide(other, seller.id, 'approve', 'checked'))).toBe(404);
    expect((await profileOf(seller.id)).renewal_review).toBe('submitted');
    // A decision needs a reason, as for a first request.
    expect(statusOf(await decide(officer, seller.id, 'reject', ''))).toBe(400);

    const approved = await decide(officer, seller.id, 'approve', 'checked');
    expect(statusOf(approved)).toBe(302);
    const profile = await profileOf(seller.id);
    expect(profile.renewal_review).toBeNull();
    expect(profile.renewal_changes).toBeNull();
    const months = (new Date(profile.verified_until ?? 0).getTime() - until.getTime()) / day;
    expect(months).toBeGreaterThan(360);
    expect(months).toBeLessThan(367);
    const renewals = await db
      .selectFrom('verification_renewals')
      .selectAll()
      .where('user_id', '=', seller.id)
      .execute();
    expect(renewals).toHaveLength(1);
    const told = await db.selectFrom('notifications').select('message_key').where('user_id', '=', seller.id).execute();
    expect(told.map((n) => n.message_key)).toEqual(['renewal.decision.approve']);
    // Decided twice (a double tap): the second finds no renewal waiting and changes nothing.
    expect(statusOf(await decide(officer, seller.id, 'approve', 'checked'))).toBe(400);
    expect(new Date((await profileOf(seller.id)).verified_until ?? 0).getTime()).toBe(
      new Date(profile.verified_until ?? 0).getTime(),
    );
    const queue = payload(await call(queueLoader, getRequest('/staff/verifications', { cookie: officer.cookie })));
    expect(queue.items.some((i) => i.user_id === seller.id)).toBe(false);
  });

  it('asked for more information she sends it again; rejected, her badge still runs to its current end', async () => {
    const { seller, shop, until } = await dueSeller();
    const officer = await createTestUser({ roles: ['staff'], provinces: ['lao-cai'] });
    expect(statusOf(await sendChanges(seller))).toBe(302);

    expect(statusOf(await decide(officer, seller.id, 'needs_info', 'id_unreadable'))).toBe(302);
    expect((await profileOf(seller.id)).renewal_review).toBe('needs_info');
    const asked = payload(
      await call(queueLoader, getRequest('/staff/verifications?status=needs_info', { cookie: officer.cookie })),
    );
    expect(asked.items.find((i) => i.user_id === seller.id)).toMatchObject({ renewal: true });
    expect((await storefront(shop.slug)).verifiedAt).not.toBeNull();

    expect(statusOf(await sendChanges(seller, { changes: 'Ảnh căn cước rõ hơn' }))).toBe(302);
    expect((await profileOf(seller.id)).renewal_review).toBe('submitted');
    expect(await documentsOf(seller.id)).toHaveLength(2);

    expect(statusOf(await decide(officer, seller.id, 'reject', 'documents_invalid'))).toBe(302);
    const profile = await profileOf(seller.id);
    expect(profile.renewal_review).toBeNull();
    expect(profile.verification_status).toBe('approved');
    expect(new Date(profile.verified_until ?? 0).getTime()).toBe(until.getTime());
    expect((await storefront(shop.slug)).verifiedAt).not.toBeNull();
    const told = await db
      .selectFrom('notifications')
      .select('message_key')
      .where('user_id', '=', seller.id)
      .orderBy('created_at')
      .execute();
    expect(told.map((n) => n.message_key)).toEqual(['renewal.decision.needs_info', 'renewal.decision.reject']);
  });

  it('is not open before the renewal is due', async () => {
    const seller = await createTestUser({ roles: ['entrepreneur'] });
    await createBusiness(seller.id, { verified_until: new Date(Date.now() + 200 * day) });
    const sent = await sendChanges(seller, {}, false);
    expect((sent as Response).headers.get('Location')).toContain('notice.renewal.notDue');
    expect((await profileOf(seller.id)).renewal_review).toBeNull();
  });
});
