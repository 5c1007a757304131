import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { db } from '../app/lib/db.server';
import { deleteExpiredAuthRows } from '../app/modules/accounts/accounts.server';
import { currentCode } from '../app/modules/accounts/two-factor.server';
import { demoStaffTotpSecret } from '../db/seeds/two-factor';
import { startAppServer } from './support/app-server';
import { createTestUser, testPassword } from './support/fixtures';
import { verificationFixture } from './support/verification';

let server: Awaited<ReturnType<typeof startAppServer>>;

beforeAll(async () => {
  server = await startAppServer();
});
afterAll(() => server?.close());

const step = 30_000;
const cookieOf = (response: Response, name: string) =>
  response.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0];

/** A staff member made the way staff:create makes one: the role, no two-step login yet. */
async function staffWithoutTwoFactor() {
  const user = await createTestUser();
  await db.insertInto('user_roles').values({ user_id: user.id, role: 'staff' }).execute();
  return user;
}

async function passwordStep(email: string) {
  const response = await server.fetch('/login', {
    method: 'POST',
    form: { email, password: testPassword, redirectTo: '/staff/verifications' },
  });
  return { response, challenge: cookieOf(response, 'sen_login_challenge') };
}

describe('two-step login', () => {
  it('sends staff without it to enrol before any staff page or document opens', async () => {
    const staff = await staffWithoutTwoFactor();
    const { documentId } = await verificationFixture({
      entrepreneur: await createTestUser({ roles: ['entrepreneur'] }),
    });
    for (const path of ['/staff/verifications', '/staff/reports', '/staff/audit', `/staff/documents/${documentId}`]) {
      const response = await server.fetch(path, { cookie: staff.cookie });
      expect(response.status, path).toBe(302);
      expect(response.headers.get('location'), path).toBe('/account/security?notice=notice.twoFactor.required');
    }
  });

  it('enrols with a QR code and the key, refuses a wrong code, then ends the sessions that had no code', async () => {
    const staff = await staffWithoutTwoFactor();
    const otherDevice = await server.fetch('/login', {
      method: 'POST',
      form: { email: staff.email, password: testPassword },
    });
    const otherCookie = cookieOf(otherDevice, 'sen_session')!;

    expect(
      (await server.fetch('/account/security', { method: 'POST', cookie: staff.cookie, form: { intent: 'start' } }))
        .status,
    ).toBe(302);
    const page = await (await server.fetch('/account/security', { cookie: staff.cookie })).text();
    expect(page).toContain('<svg');
    const { secret } = await db
      .selectFrom('two_factor')
      .select('secret')
      .where('user_id', '=', staff.id)
      .executeTakeFirstOrThrow();
    expect(page).toContain(secret.slice(0, 4));

    const wrong = await server.fetch('/account/security', {
      method: 'POST',
      cookie: staff.cookie,
      form: { intent: 'confirm', code: '000000' },
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Mã không đúng hoặc đã dùng');

    const right = await server.fetch('/account/security', {
      method: 'POST',
      cookie: staff.cookie,
      form: { intent: 'confirm', code: currentCode(secret) },
    });
    expect(right.status).toBe(200);
    const html = await right.text();
    expect(html.match(/<code>[0-9a-f]{5}-[0-9a-f]{5}<\/code>/g)).toHaveLength(10);

    // This session proved the code; the ones begun elsewhere with the password alone are over.
    expect((await server.fetch('/staff/verifications', { cookie: staff.cookie })).status).toBe(200);
    expect((await server.fetch('/staff/verifications', { cookie: otherCookie })).status).toBe(302);
    const audit = await db.selectFrom('audit_log').select('action').where('subject_user_id', '=', staff.id).execute();
    expect(audit.map((a) => a.action)).toContain('two_factor.enrol');
  });

  it('asks for the code after the password, and accepts each code once', async () => {
    const staff = await createTestUser({ roles: ['staff'] });
    const { response, challenge } = await passwordStep(staff.email);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/login/code?redirectTo=%2Fstaff%2Fverifications');
    // No session yet: a right password alone opens nothing.
    expect(cookieOf(response, 'sen_session')).toBeUndefined();

    const code = currentCode(demoStaffTotpSecret);
    const wrong = await server.fetch('/login/code', {
      method: 'POST',
      cookie: challenge,
      form: { code: code === '111111' ? '222222' : '111111' },
    });
    expect(wrong.status).toBe(401);
    const ok = await server.fetch('/login/code', {
      method: 'POST',
      cookie: challenge,
      form: { code, redirectTo: '/staff/verifications' },
    });
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe('/staff/verifications');
    expect((await server.fetch('/staff/verifications', { cookie: cookieOf(ok, 'sen_session') })).status).toBe(200);

    // The same code again, on a new login: refused.
    const again = await passwordStep(staff.email);
    const replay = await server.fetch('/login/code', { method: 'POST', cookie: again.challenge, form: { code } });
    expect(replay.status).toBe(401);
  });

  it('gives one yes when two requests race with the same code', async () => {
    const staff = await createTestUser({ roles: ['staff'] });
    const first = await passwordStep(staff.email);
    const second = await passwordStep(staff.email);
    const code = currentCode(demoStaffTotpSecret, Date.now() + step);
    const answers = await Promise.all(
      [first, second].map(({ challenge }) =>
        server.fetch('/login/code', { method: 'POST', cookie: challenge, form: { code } }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([302, 401]);
  });

  it('ends the challenge after five wrong codes, so the password is needed again', async () => {
    const staff = await createTestUser({ roles: ['staff'] });
    const { challenge } = await passwordStep(staff.email);
    const right = currentCode(demoStaffTotpSecret);
    const wrongCode = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i += 1) {
      expect(
        (await server.fetch('/login/code', { method: 'POST', cookie: challenge, form: { code: wrongCode } })).status,
      ).toBe(401);
    }
    const late = await server.fetch('/login/code', { method: 'POST', cookie: challenge, form: { code: right } });
    expect(late.status).toBe(401);
    expect(await late.text()).toContain('nhập sai quá nhiều lần');
  });

  it('forgets a challenge once it expires: the housekeeping job deletes it', async () => {
    const staff = await createTestUser({ roles: ['staff'] });
    const { challenge } = await passwordStep(staff.email);
    await db
      .updateTable('login_challenges')
      .set({ expires_at: sql<Date>`now() - interval '1 second'` })
      .where('user_id', '=', staff.id)
      .execute();
    const late = await server.fetch('/login/code', {
      method: 'POST',
      cookie: challenge,
      form: { code: currentCode(demoStaffTotpSecret) },
    });
    expect(late.status).toBe(401);
    expect((await deleteExpiredAuthRows()).loginChallenges).toBeGreaterThanOrEqual(1);
    expect(await db.selectFrom('login_challenges').select('user_id').where('user_id', '=', staff.id).execute()).toEqual(
      [],
    );
  });

  it('lets a recovery code in once', async () => {
    const person = await createTestUser();
    await server.fetch('/account/security', { method: 'POST', cookie: person.cookie, form: { intent: 'start' } });
    const { secret } = await db
      .selectFrom('two_factor')
      .select('secret')
      .where('user_id', '=', person.id)
      .executeTakeFirstOrThrow();
    const enrolled = await server.fetch('/account/security', {
      method: 'POST',
      cookie: person.cookie,
      form: { intent: 'confirm', code: currentCode(secret) },
    });
    const recovery = (await enrolled.text()).match(/<code>([0-9a-f]{5}-[0-9a-f]{5})<\/code>/)![1];

    const first = await passwordStep(person.email);
    // Typed by hand: upper case and without the dash still count.
    const used = await server.fetch('/login/code', {
      method: 'POST',
      cookie: first.challenge,
      form: { code: recovery.replace('-', '').toUpperCase() },
    });
    expect(used.status).toBe(302);
    const second = await passwordStep(person.email);
    expect(
      (await server.fetch('/login/code', { method: 'POST', cookie: second.challenge, form: { code: recovery } }))
        .status,
    ).toBe(401);
  });

  it('lets a person turn it off with her password and a code, but never staff', async () => {
    const person = await createTestUser();
    await server.fetch('/account/security', { method: 'POST', cookie: person.cookie, form: { intent: 'start' } });
    const { secret } = await db
      .selectFrom('two_factor')
      .select('secret')
      .where('user_id', '=', person.id)
      .executeTakeFirstOrThrow();
    const enrolled = await server.fetch('/account/security', {
      method: 'POST',
      cookie: person.cookie,
      form: { intent: 'confirm', code: currentCode(secret) },
    });
    expect(enrolled.status).toBe(200);
    const cookie = person.cookie;
    const next = currentCode(secret, Date.now() + step);
    const noPassword = await server.fetch('/account/security', {
      method: 'POST',
      cookie,
      form: { intent: 'disable', password: 'wrong', code: next },
    });
    expect(noPassword.status).toBe(400);
    const off = await server.fetch('/account/security', {
      method: 'POST',
      cookie,
      form: { intent: 'disable', password: testPassword, code: next },
    });
    expect(off.status).toBe(302);
    expect(
      await db.selectFrom('two_factor').select('user_id').where('user_id', '=', person.id).executeTakeFirst(),
    ).toBeUndefined();

    const staff = await createTestUser({ roles: ['staff'] });
    const refused = await server.fetch('/account/security', {
      method: 'POST',
      cookie: staff.cookie,
      form: { intent: 'disable', password: testPassword, code: currentCode(demoStaffTotpSecret) },
    });
    expect(refused.status).toBe(403);
    expect(
      await db.selectFrom('two_factor').select('user_id').where('user_id', '=', staff.id).executeTakeFirst(),
    ).toBeDefined();
  });

  it('writes every opening of an identity document to the audit log that staff can read', async () => {
    const staff = await createTestUser({ roles: ['staff'], displayName: 'Cán bộ Kiểm Tra' });
    // One fixture per file: the document of whichever entrepreneur made it first.
    const { documentId, userId: ownerId } = await verificationFixture({
      entrepreneur: await createTestUser({ roles: ['entrepreneur'] }),
    });
    expect((await server.fetch(`/staff/documents/${documentId}`, { cookie: staff.cookie })).status).toBe(200);
    const entry = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_id', '=', staff.id)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      action: 'identity_document.open',
      subject_user_id: ownerId,
      detail: { document: documentId, thumbnail: false },
    });
    const page = await (await server.fetch('/staff/audit', { cookie: staff.cookie })).text();
    expect(page).toContain('Mở giấy tờ xác minh');
    expect(page).toContain('Cán bộ Kiểm Tra');
  });
});
