import { defined } from '../app/lib/defined';
import { afterAll, describe, expect, it } from 'vitest';
import { countryScope } from '../app/lib/auth.server';
import { db } from '../app/lib/db.server';
import { action as dashboardAction, loader as dashboardLoader } from '../app/routes/dashboard.verification';
import { loader as storefrontLoader } from '../app/routes/s.$slug';
import { action as queueAction } from '../app/routes/staff.verifications._index';
import { action as reviewAction, loader as reviewLoader } from '../app/routes/staff.verifications.$id';
import { parseIdNumber, renewVerification, sendRenewalReminders, transition } from '../app/modules/verification';
import { call, createTestUser, formRequest, getRequest, payload, statusOf } from './support/fixtures';
import { createBusiness } from './support/factories';

// Issue 19, the verification module at scale: identity numbers, renewal,
// in-person meetings and bulk requests for more information.

type TestUser = Awaited<ReturnType<typeof createTestUser>>;
const day = 24 * 3600 * 1000;

async function waiting(province = 'lao-cai', extra: Record<string, unknown> = {}) {
  const user = await createTestUser({ roles: ['entrepreneur'] });
  await createBusiness(user.id, {
    province,
    verification_status: 'submitted',
    verified_at: null,
    submitted_at: new Date(),
    women_led_declared_at: new Date(),
    ...extra,
  });
  return user;
}

const profileOf = (userId: string) =>
  db.selectFrom('business_profiles').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();

function post(
  actionFn: typeof reviewAction,
  path: string,
  form: Record<string, string | string[]>,
  who: TestUser,
  params = {},
) {
  return call(actionFn, formRequest(path, form, { cookie: who.cookie }), params);
}

afterAll(() => {
  delete process.env.VERIFICATION_VALID_MONTHS;
});

describe('identity numbers', () => {
  it('accepts 12 digits with spaces, refuses 11 digits and letters', () => {
    expect(parseIdNumber('0011 2233 4455')).toEqual({ ok: true, digits: '001122334455' });
    expect(parseIdNumber(' 001122334455\u00a0')).toEqual({ ok: true, digits: '001122334455' });
    expect(parseIdNumber('00112233445')).toEqual({ ok: false, problem: 'length' });
    expect(parseIdNumber('0011223344AB')).toEqual({ ok: false, problem: 'digits' });
    expect(parseIdNumber('   ')).toEqual({ ok: false, problem: 'required' });
  });

  it('is required to submit, kept only as a keyed hash and 3 digits, and warns staff of a second account', async () => {
    const a = await createTestUser({ roles: ['entrepreneur'] });
    await createBusiness(a.id, { verification_status: 'draft', verified_at: null, province: 'lao-cai' });
    const submit = (who: TestUser, idNumber?: string) =>
      call(
        dashboardAction,
        formRequest(
          '/dashboard/verification',
          { intent: 'submit', declaration: 'yes', ...(idNumber === undefined ? {} : { idNumber }) },
          { cookie: who.cookie },
        ),
      );
    // Without it, with 11 digits, with letters: her answer, in her language, what she typed kept, never a 500.
    for (const [value, key] of [
      [undefined, 'identity.problem.required'],
      ['00112233445', 'identity.problem.length'],
      ['0011 2233 44AB', 'identity.problem.digits'],
    ] as const) {
      const result = await submit(a, value);
      expect(statusOf(result)).toBe(400);
      expect(payload(result).errors.idNumber).toBe(key);
    }
    // With a valid number the request goes on (and is refused only for the missing ID photo).
    const number = '0011 2233 4455';
    await submit(a, number);
    const stored = await profileOf(a.id);
    expect(stored.id_number_hmac).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.id_number_last3).toBe('455');
    expect(JSON.stringify(stored)).not.toContain('001122334455');
    // Her page never carries the hash.
    const page = payload(await call(dashboardLoader, getRequest('/dashboard/verification', { cookie: a.cookie })));
    expect(JSON.stringify(page)).not.toContain(stored.id_number_hmac);
    expect(defined(page.profile, 'page.profile').id_number_last3).toBe('455');

    // A second account with the same number (spaces elsewhere): staff are warned on both reviews.
    const b = await createTestUser({ roles: ['entrepreneur'] });
    await createBusiness(b.id, { verification_status: 'draft', verified_at: null, province: 'ha-noi' });
    await submit(b, '001122 334455');
    expect((await profileOf(b.id)).id_number_hmac).toBe(stored.id_number_hmac);
    const country = await createTestUser({ roles: ['staff'] });
    const review = payload(
      await call(reviewLoader, getRequest(`/staff/verifications/${b.id}`, { cookie: country.cookie }), { id: b.id }),
    );
    expect(review.sameIdentity.named.map((o) => o.user_id)).toEqual([a.id]);
    expect(JSON.stringify(review)).not.toContain(stored.id_number_hmac);
    expect(defined(review.business, 'review.business').id_number_last3).toBe('455');
    // A Hà Nội officer is told of the Lào Cai account, without its name.
    const haNoi = await createTestUser({ roles: ['staff'], provinces: ['ha-noi'] });
    const scoped = payload(
      await call(reviewLoader, getRequest(`/staff/verifications/${b.id}`, { cookie: haNoi.cookie }), { id: b.id }),
    );
    expect(scoped.sameIdentity).toEqual({ named: [], elsewhere: 1 });
  });
});

describe('renewal', () => {
  it('an approval runs VERIFICATION_VALID_MONTHS from the decision', async () => {
    process.env.VERIFICATION_VALID_MONTHS = '12';
    const seller = await waiting('lao-cai');
    const staff = await createTestUser({ roles: ['staff'] });
    const result = await transition({
      subject: 'business',
      userId: seller.id,
      name: 'approve',
      actor: { id: staff.id, roles: ['staff'] },
      scope: countryScope,
      reasonCode: 'checked',
    });
    expect(result.ok).toBe(true);
    const p = await profileOf(seller.id);
    const months = (new Date(p.verified_until ?? 0).getTime() - Date.now()) / day;
    expect(months).toBeGreaterThan(360);
    expect(months).toBeLessThan(367);
  });

  it('reminds her 30 and 7 days before, each once', async () => {
    const seller = await createTestUser({ roles: ['entrepreneur'] });
    const now = new Date();
    await createBusiness(seller.id, { verified_until: new Date(now.getTime() + 20 * day) });
    const notices = () =>
      db
        .selectFrom('notifications')
        .select('message_key')
        .where('user_id', '=', seller.id)
        .orderBy('created_at')
        .execute();
    await sendRenewalReminders(now);
    await sendRenewalReminders(now);
    expect((await notices()).map((n) => n.message_key)).toEqual(['renewal.notice.days30']);
    const later = new Date(now.getTime() + 15 * day);
    await Promise.all([sendRenewalReminders(later), sendRenewalReminders(later)]);
    expect((await notices()).map((n) => n.message_key)).toEqual(['renewal.notice.days30', 'renewal.notice.days7']);
  });

  it('a lapsed approval loses the badge, says so, and a re-declaration renews it once even when sent twice at once', async () => {
    const seller = await createTestUser({ roles: ['entrepreneur'] });
    const shop = await createBusiness(seller.id, { verified_until: new Date(Date.now() - day) });
    const store = payload(await call(storefrontLoader, getRequest(`/s/${shop.slug}`), { slug: shop.slug }));
    expect(store.status).toBe('lapsed');
    expect(store.verifiedAt).toBeNull();

    // Not ticked: refused, kept on the page.
    const unticked = await call(
      dashboardAction,
      formRequest('/dashboard/verification', { intent: 'renew' }, { cookie: seller.cookie }),
    );
    expect(statusOf(unticked)).toBe(400);

    const renew = () =>
      call(
        dashboardAction,
        formRequest('/dashboard/verification', { intent: 'renew', unchanged: 'yes' }, { cookie: seller.cookie }),
      );
    const [r1, r2] = await Promise.all([renew(), renew()]);
    expect([statusOf(r1), statusOf(r2)]).toEqual([302, 302]);
    const renewals = await db
      .selectFrom('verification_renewals')
      .selectAll()
      .where('user_id', '=', seller.id)
      .execute();
    expect(renewals).toHaveLength(1);
    const until = new Date((await profileOf(seller.id)).verified_until ?? 0).getTime();
    expect((until - Date.now()) / day).toBeGreaterThan(360);
    expect((until - Date.now()) / day).toBeLessThan(367);
    const after = payload(await call(storefrontLoader, getRequest(`/s/${shop.slug}`), { slug: shop.slug }));
    expect(after.status).toBe('approved');
    expect(after.verifiedAt).not.toBeNull();

    // Far from its end, a renewal is not due.
    expect(await renewVerification(seller.id)).toEqual({ ok: false, problem: 'not-due' });
  });
});

describe('in-person meetings', () => {
  it('are recorded by staff in scope and shown on the review page; bad input is answered, not stored', async () => {
    const woman = await waiting('lao-cai');
    const officer = await createTestUser({ roles: ['staff'], provinces: ['lao-cai'] });
    const path = `/staff/verifications/${woman.id}`;
    const bad = await post(reviewAction, path, { intent: 'meeting', metOn: '2026-02-31', place: '' }, officer, {
      id: woman.id,
    });
    expect(statusOf(bad)).toBe(400);
    expect(Object.keys(payload(bad).errors).sort()).toEqual(['metOn', 'place']);
    const ok = await post(
      reviewAction,
      path,
      { intent: 'meeting', metOn: '2026-01-05', place: 'Hội LHPN xã Tả Van', note: 'Đã xem khung dệt.' },
      officer,
      { id: woman.id },
    );
    expect(statusOf(ok)).toBe(302);
    const page = payload(await call(reviewLoader, getRequest(path, { cookie: officer.cookie }), { id: woman.id }));
    expect(page.meetings).toMatchObject([
      { met_on: '2026-01-05', place: 'Hội LHPN xã Tả Van', note: 'Đã xem khung dệt.' },
    ]);
  });
});

describe('bulk "request more information"', () => {
  it('sends one reason to the selected requests in scope; one from another province makes it 404 and changes nothing', async () => {
    const officer = await createTestUser({ roles: ['staff'], provinces: ['lao-cai'] });
    const [a, b] = [await waiting('lao-cai'), await waiting('lao-cai')];
    const away = await waiting('ha-noi');
    const send = (ids: string[]) =>
      call(
        queueAction,
        formRequest(
          '/staff/verifications',
          { intent: 'bulkNeedsInfo', item: ids.map((id) => `business:${id}`), reasonCode: 'id_unreadable' },
          { cookie: officer.cookie },
        ),
      );
    const refused = await send([a.id, away.id]);
    expect(statusOf(refused)).toBe(404);
    expect((await profileOf(a.id)).verification_status).toBe('submitted');

    expect(statusOf(await send([a.id, b.id]))).toBe(302);
    expect((await profileOf(a.id)).verification_status).toBe('needs_info');
    expect((await profileOf(b.id)).verification_status).toBe('needs_info');
    const told = await db
      .selectFrom('notifications')
      .select('user_id')
      .where('user_id', 'in', [a.id, b.id])
      .where('message_key', '=', 'verification.decision.business.needs_info')
      .execute();
    expect(told).toHaveLength(2);

    // More than 20, or none: answered with the form's error.
    const many = Array.from({ length: 21 }, () => crypto.randomUUID());
    expect(payload(await send(many)).errors.item).toBe('bulk.tooMany');
    expect(statusOf(await send([]))).toBe(400);
  });
});

describe('self-declared groups', () => {
  it('are kept only with consent, cleared when it is withdrawn, and reported only in cells of 10 or more', async () => {
    const { action: aboutAction } = await import('../app/routes/account_.about');
    const { groupBreakdowns } = await import('../app/modules/verification/groups.server');
    const save = (who: TestUser, form: Record<string, string>) =>
      call(aboutAction, formRequest('/account/about', form, { cookie: who.cookie }));
    const buyer = await createTestUser();
    const refused = await save(buyer, { homeProvince: 'dien-bien', ageGroup: '25_34' });
    expect(statusOf(refused)).toBe(400);
    expect(payload(refused).errors.consent).toBe('groups.consentRequired');
    expect(statusOf(await save(buyer, { homeProvince: 'lao-cai', ageGroup: 'nope', consent: 'yes' }))).toBe(400);
    expect(statusOf(await save(buyer, { homeProvince: 'lao-cai', ageGroup: '25_34', consent: 'yes' }))).toBe(302);
    const row = () =>
      db
        .selectFrom('users')
        .select(['home_province', 'age_group', 'groups_consented_at'])
        .where('id', '=', buyer.id)
        .executeTakeFirstOrThrow();
    expect(await row()).toMatchObject({ home_province: 'lao-cai', age_group: '25_34' });
    expect(statusOf(await save(buyer, { homeProvince: 'lao-cai', ageGroup: '25_34' }))).toBe(400);
    expect(statusOf(await save(buyer, { homeProvince: 'lao-cai' }))).toBe(302);
    expect(await row()).toMatchObject({ home_province: 'lao-cai', age_group: null, groups_consented_at: null });

    // A province of its own so other tests' sellers do not count: 10 Thái sellers and 3 Dao.
    const province = 'ca-mau';
    for (let i = 0; i < 13; i += 1) {
      const seller = await createTestUser({ roles: ['entrepreneur'] });
      await createBusiness(seller.id, { province });
      await db
        .updateTable('users')
        .set({ ethnic_group: i < 10 ? 'thai' : 'dao', groups_consented_at: new Date() })
        .where('id', '=', seller.id)
        .execute();
    }
    const groups = await groupBreakdowns(countryScope, province);
    expect(groups.ethnic).toEqual([
      { group: 'dao', count: null },
      { group: 'thai', count: 10 },
    ]);
    expect(groups.age).toEqual([{ group: 'undeclared', count: 13 }]);
  });
});
