import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffScopeOf } from '../app/lib/auth.server';
import { db } from '../app/lib/db.server';
import * as assist from '../app/routes/staff.assist';
import { deskAction } from '../app/modules/union/desk.server';
import { overdueFirst, paceOf, workingMsBetween } from '../app/modules/union/pace.server';
import { call, formRequest, payload, statusOf } from './support/fixtures';
import { createTestUser } from './support/fixtures';
import { startEsmsServer } from './support/sms-servers';

// Issue 19, the Union's desk: waiting time in working days, taking and giving
// reports, and assisted sign-up ("Đăng ký giúp") through the route's action with
// the code read from the fake eSMS server.

let esms: Awaited<ReturnType<typeof startEsmsServer>>;
const saved = { ...process.env };
beforeAll(async () => {
  esms = await startEsmsServer();
  Object.assign(process.env, esms.env);
});
afterAll(async () => {
  process.env = saved;
  await esms.close();
});

const day = 24 * 60 * 60 * 1000;
// Instants in Vietnam time (UTC+7).
const vn = (iso: string) => new Date(`${iso}+07:00`);

describe('waiting time in working days, Vietnam time (issue 19)', () => {
  it('skips the weekend: Friday 17:00 to Monday 17:00 is one working day', () => {
    expect(workingMsBetween(vn('2026-12-04T17:00:00'), vn('2026-12-07T17:00:00'))).toBe(day);
  });
  it('starts a Saturday request on Monday morning', () => {
    expect(workingMsBetween(vn('2026-12-05T10:00:00'), vn('2026-12-07T12:00:00'))).toBe(day / 2);
  });
  it('is over the 3-day target only past three working days, and sorts the oldest overdue first', () => {
    const now = vn('2026-12-10T12:00:00'); // a Thursday
    expect(paceOf(vn('2026-12-07T12:00:00'), now, 3)).toEqual({ waitingDays: 3, overdue: false });
    expect(paceOf(vn('2026-12-04T12:00:00'), now, 3)).toEqual({ waitingDays: 4, overdue: true });
    const items = [
      { id: 'new', at: vn('2026-12-09T09:00:00') },
      { id: 'old', at: vn('2026-11-20T09:00:00') },
      { id: 'older', at: vn('2026-11-02T09:00:00') },
    ];
    expect(overdueFirst(items, (i) => i.at, now).map((i) => i.id)).toEqual(['older', 'old', 'new']);
  });
});

async function laoCaiReport() {
  const person = await createTestUser({ roles: ['entrepreneur'] });
  await db
    .insertInto('business_profiles')
    .values({
      user_id: person.id,
      slug: `d-${person.id.slice(0, 8)}`,
      business_name: 'Mận hậu Bắc Hà',
      owner_name: 'Chị Sùng',
      province: 'lao-cai',
      verification_status: 'approved',
      updated_at: new Date(),
    })
    .execute();
  const reporter = await createTestUser();
  const report = await db
    .insertInto('reports')
    .values({ reporter_id: reporter.id, subject_user_id: person.id, category: 'harassment' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return report.id;
}

describe('the report queue: take, release, give (issue 19)', () => {
  it('lets one of two officers taking the same report at once win, the database deciding', async () => {
    for (let round = 0; round < 5; round += 1) {
      const itemId = await laoCaiReport();
      const [a, b] = await Promise.all([
        createTestUser({ roles: ['staff'], provinces: ['lao-cai'] }),
        createTestUser({ roles: ['staff'] }),
      ]);
      const [scopeA, scopeB] = await Promise.all([staffScopeOf(a.id), staffScopeOf(b.id)]);
      const results = await Promise.all([
        deskAction({ staffId: a.id, scope: scopeA, kind: 'report', itemId, intent: 'take' }),
        deskAction({ staffId: b.id, scope: scopeB, kind: 'report', itemId, intent: 'take' }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toEqual({ ok: false, problem: 'taken' });
    }
  });

  it('gives a report only to a colleague whose scope covers it; only the holder hands it over', async () => {
    const itemId = await laoCaiReport();
    const mai = await createTestUser({ roles: ['staff'], provinces: ['lao-cai'] });
    const lan = await createTestUser({ roles: ['staff'], provinces: ['lao-cai'] });
    const haNoi = await createTestUser({ roles: ['staff'], provinces: ['ha-noi'] });
    const scope = await staffScopeOf(mai.id);
    const give = (staffId: string, to: string) =>
      deskAction({ staffId, scope, kind: 'report', itemId, intent: 'assign', to });
    expect(await give(mai.id, haNoi.id)).toEqual({ ok: false, problem: 'colleague' });
    expect(
      await deskAction({
        staffId: haNoi.id,
        scope: await staffScopeOf(haNoi.id),
        kind: 'report',
        itemId,
        intent: 'take',
      }),
    ).toEqual({ ok: false, problem: 'not-found' });
    expect(await give(mai.id, lan.id)).toEqual({ ok: true });
    // Lan holds it: Mai can no longer give it away; Lan can hand it back.
    expect(await give(mai.id, mai.id)).toEqual({ ok: false, problem: 'taken' });
    expect(await give(lan.id, mai.id)).toEqual({ ok: true });
    const row = await db
      .selectFrom('review_assignments')
      .select(['assigned_to', 'assigned_by'])
      .where('item_id', '=', itemId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ assigned_to: mai.id, assigned_by: lan.id });
  });
});

const codeFor = (national: string) =>
  esms.messages
    .filter((m) => m.Phone === national)
    .at(-1)
    ?.Content.match(/\b(\d{6})\b/)?.[1];

const startForm = (phone: string, extra: Record<string, string> = {}) => ({
  intent: 'start',
  displayName: 'Chị Mẩy',
  phone,
  channel: 'sms',
  password: 'mật khẩu rất dài của chị',
  province: 'lao-cai',
  method: 'code',
  agree: 'on',
  ...extra,
});

describe('assisted sign-up, "Đăng ký giúp" (issue 19)', () => {
  it('makes the account only with the code sent to her phone, typed on the page of the officer who started it', async () => {
    const officer = await createTestUser({ roles: ['staff'], provinces: ['lao-cai'] });
    const other = await createTestUser({ roles: ['staff'], provinces: ['lao-cai'] });
    const asked = (await call(
      assist.action,
      formRequest('/staff/assist', startForm('0913 222 001'), { cookie: officer.cookie }),
    )) as Response;
    expect(asked.status).toBe(302);
    const challenge = new URL(asked.headers.get('location') ?? '', 'http://x').searchParams.get('challenge') ?? '';
    expect(await db.selectFrom('users').select('id').where('phone', '=', '+84913222001').execute()).toEqual([]);
    const code = codeFor('0913222001') ?? '';
    // A colleague cannot finish another officer's sign-up, even with the right code.
    const stolen = await call(
      assist.action,
      formRequest('/staff/assist', { intent: 'confirm', challenge, code }, { cookie: other.cookie }),
    );
    expect(payload(stolen).errors).toEqual({ form: 'phone.code.unknown' });
    const done = (await call(
      assist.action,
      formRequest('/staff/assist', { intent: 'confirm', challenge, code }, { cookie: officer.cookie }),
    )) as Response;
    expect(done.status).toBe(302);
    const user = await db
      .selectFrom('users')
      .select(['id', 'phone_confirmed_at', 'home_province', 'email'])
      .where('phone', '=', '+84913222001')
      .executeTakeFirstOrThrow();
    expect(done.headers.get('location')).toBe('/staff/assist?notice=notice.udesk.assisted');
    expect(user.phone_confirmed_at).not.toBeNull();
    expect(user.home_province).toBe('lao-cai');
    const record = await db
      .selectFrom('assisted_signups')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({ assisted_by: officer.id, method: 'code', province: 'lao-cai', note: null });
    const consents = await db
      .selectFrom('consents')
      .select(['purpose', 'channel'])
      .where('user_id', '=', user.id)
      .execute();
    expect(consents).toEqual([{ purpose: 'terms', channel: 'assisted' }]);
  });

  it("refuses a woman outside the officer's provinces, and spoken consent without a note", async () => {
    const haNoi = await createTestUser({ roles: ['staff'], provinces: ['ha-noi'] });
    const outside = await call(
      assist.action,
      formRequest('/staff/assist', startForm('0913 222 002'), { cookie: haNoi.cookie }),
    );
    expect(statusOf(outside)).toBe(400);
    expect(payload(outside).errors).toEqual({ form: 'udesk.assist.problem.province' });
    expect(esms.messages.filter((m) => m.Phone === '0913222002')).toEqual([]);
    const officer = await createTestUser({ roles: ['staff'], provinces: ['lao-cai'] });
    const noNote = await call(
      assist.action,
      formRequest('/staff/assist', startForm('0913 222 003', { method: 'spoken' }), { cookie: officer.cookie }),
    );
    expect(statusOf(noNote)).toBe(400);
    expect(payload(noNote).errors).toEqual({ note: 'udesk.assist.problem.noteRequired' });
    expect(payload(noNote).values.displayName).toBe('Chị Mẩy');
  });

  it('records spoken consent with the note and the text version; the number stays unconfirmed', async () => {
    const officer = await createTestUser({ roles: ['staff'], provinces: ['lao-cai'] });
    const note = 'Đọc điều khoản bằng tiếng H’Mông ở nhà văn hoá xã, có trưởng thôn';
    const done = (await call(
      assist.action,
      formRequest('/staff/assist', startForm('0913 222 004', { method: 'spoken', note }), { cookie: officer.cookie }),
    )) as Response;
    expect(done.status).toBe(302);
    const user = await db
      .selectFrom('users')
      .select(['id', 'phone_confirmed_at'])
      .where('phone', '=', '+84913222004')
      .executeTakeFirstOrThrow();
    expect(user.phone_confirmed_at).toBeNull();
    const record = await db
      .selectFrom('assisted_signups')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({ method: 'spoken', note, assisted_by: officer.id });
    expect(record.consent_version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(esms.messages.filter((m) => m.Phone === '0913222004')).toEqual([]);
  });
});
