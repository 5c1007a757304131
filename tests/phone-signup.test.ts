import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { getUser } from '../app/lib/auth.server';
import * as code from '../app/routes/signup_.phone_.code';
import * as phoneSignup from '../app/routes/signup';
import { call, formRequest, getRequest, payload, statusOf } from './support/fixtures';
import { startEsmsServer } from './support/sms-servers';

// Sign up with only a phone number (issue 14), through the route actions, with
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

const cookieFrom = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
const form = (phone: string, extra: Record<string, string> = {}) => ({
  by: 'phone',
  displayName: 'Hoa',
  phone,
  channel: 'sms',
  password: 'mot cau rat dai va de nho',
  locale: 'vi',
  agree: 'on',
  ...extra,
});
const codeFor = (national: string) =>
  esms.messages
    .filter((m) => m.Phone === national)
    .at(-1)
    ?.Content.match(/\b(\d{6})\b/)?.[1];

describe('sign up with a phone number', () => {
  it('sends a code; the right code makes the account with the confirmed number and no email, and signs her in', async () => {
    const asked = (await call(phoneSignup.action, formRequest('/signup', form('84-913-000-111')))) as Response;
    expect(asked.status).toBe(302);
    const challenge = new URL(asked.headers.get('location')!, 'http://x').searchParams.get('challenge')!;
    // Nothing exists before the code.
    expect(await db.selectFrom('users').select('id').where('phone', '=', '+84913000111').execute()).toEqual([]);
    const typed = codeFor('0913000111')!;
    const done = (await call(code.action, formRequest('/signup/phone/code', { challenge, code: typed }))) as Response;
    expect(done.headers.get('location')).toBe('/market?notice=notice.welcome');
    const user = await getUser(getRequest('/', { cookie: cookieFrom(done) }));
    expect(user).toMatchObject({ email: null, displayName: 'Hoa', locale: 'vi' });
    const row = await db
      .selectFrom('users')
      .select(['email', 'phone', 'phone_confirmed_at'])
      .where('phone', '=', '+84913000111')
      .executeTakeFirstOrThrow();
    expect(row.email).toBeNull();
    expect(row.phone_confirmed_at).not.toBeNull();
    const consents = await db.selectFrom('consents').select('purpose').where('user_id', '=', user!.id).execute();
    expect(consents.map((c) => c.purpose)).toEqual(['terms']);
    // The code is used: a second tab gets "used", and no second account.
    expect(
      payload(await call(code.action, formRequest('/signup/phone/code', { challenge, code: typed }))).errors,
    ).toEqual({ form: 'phone.code.used' });
  });

  it.each([
    ['0243 826 1234', 'phone.problem.landline'],
    ['+1 415 555 2671', 'phone.problem.country'],
    ['0912abc678', 'phone.problem.invalid'],
    ['123456789012345678901234567890', 'phone.problem.invalid'],
    ['🌸🌸🌸', 'phone.problem.invalid'],
  ])('refuses %s in her language and keeps what she typed', async (phone, key) => {
    const result = await call(phoneSignup.action, formRequest('/signup', form(phone)));
    expect(statusOf(result)).toBe(400);
    expect(payload(result).errors).toEqual({ phone: key });
    expect(payload(result).values.phone).toBe(phone);
    expect(payload(result).values.password).toBeUndefined();
  });

  it('a second code within a minute is HTTP 429 with Retry-After', async () => {
    await call(phoneSignup.action, formRequest('/signup', form('0913000222')));
    const again = await call(phoneSignup.action, formRequest('/signup', form('0913 000 222')));
    expect(statusOf(again)).toBe(429);
    expect(payload(again).errors).toEqual({ form: 'phone.limit.tooSoon' });
  });

  it('a wrong code says so; a number that got an account meanwhile is told to log in', async () => {
    const asked = (await call(phoneSignup.action, formRequest('/signup', form('0913000333')))) as Response;
    const challenge = new URL(asked.headers.get('location')!, 'http://x').searchParams.get('challenge')!;
    const right = codeFor('0913000333')!;
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    const bad = await call(code.action, formRequest('/signup/phone/code', { challenge, code: wrong }));
    expect(statusOf(bad)).toBe(400);
    expect(payload(bad).errors).toEqual({ code: 'phone.code.wrong' });
    expect(
      payload(await call(code.action, formRequest('/signup/phone/code', { challenge, code: '12' }))).errors,
    ).toEqual({ code: 'phone.code.sixDigits' });
    await db
      .insertInto('users')
      .values({ email: null, phone: '+84913000333', password_hash: 'x', display_name: 'Other', updated_at: new Date() })
      .execute();
    expect(
      payload(await call(code.action, formRequest('/signup/phone/code', { challenge, code: right }))).errors,
    ).toEqual({ form: 'phone.code.phoneTaken' });
  });

  it('no account without a phone or an email (the database refuses it)', async () => {
    await expect(
      db
        .insertInto('users')
        .values({ email: null, phone: null, password_hash: 'x', display_name: 'Nobody', updated_at: new Date() })
        .execute(),
    ).rejects.toThrow(/users_reachable/);
  });
});

describe('log in with a phone number', () => {
  it('the number in any usual form and the password sign her in; a wrong password is refused', async () => {
    const login = await import('../app/routes/login');
    const { createTestUser, testPassword } = await import('./support/fixtures');
    const user = await createTestUser();
    await db
      .updateTable('users')
      .set({ phone: '+84913000444', phone_confirmed_at: new Date() })
      .where('id', '=', user.id)
      .execute();
    const ok = (await call(
      login.action,
      formRequest('/login', { email: '0913 000 444', password: testPassword }),
    )) as Response;
    expect(ok.status).toBe(302);
    expect((await getUser(getRequest('/', { cookie: cookieFrom(ok) })))?.id).toBe(user.id);
    const bad = await call(
      login.action,
      formRequest('/login', { email: '+84 913-000-444', password: 'not the password at all' }),
    );
    expect(statusOf(bad)).toBe(401);
    expect(
      payload(await call(login.action, formRequest('/login', { email: '0243 826 1234', password: testPassword })))
        .errors,
    ).toEqual({ email: 'phone.login.identifierInvalid' });
  });
});
