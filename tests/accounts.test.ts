import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { deliverOutbox } from '../app/modules/notifications/delivery.server';
import { getUser, lucia } from '../app/lib/auth.server';
import { createUser, deleteExpiredAuthRows, loginLimits } from '../app/modules/accounts/accounts.server';
import { passwordProblem } from '../app/modules/accounts/passwords.server';
import { legalVersion } from '../app/modules/legal/content.server';
import * as account from '../app/routes/account';
import * as forgot from '../app/routes/forgot-password';
import * as language from '../app/routes/language';
import * as login from '../app/routes/login';
import * as logout from '../app/routes/logout';
import * as reset from '../app/routes/reset-password';
import * as signup from '../app/routes/signup';
import * as confirm from '../app/routes/signup_.confirm';
import { useCleanDatabase } from './support/clean';
import { call, createTestUser, formRequest, getRequest, payload, statusOf, testPassword } from './support/fixtures';

useCleanDatabase();

const cookieFrom = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

async function latestEmailTo(address: string) {
  return db
    .selectFrom('outbox_emails')
    .selectAll()
    .where('to_address', '=', address)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
}

describe('sign up', () => {
  it('emails a link; the link creates the account, signs her in and remembers her language', async () => {
    const response = (await call(
      signup.action,
      formRequest('/signup', {
        email: 'Lan@Example.com',
        password: 'mot cau rat dai va de nho',
        displayName: 'Lan',
        locale: 'en',
        agree: 'on',
      }),
    )) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/login?notice=notice.signupSent');
    expect(response.headers.getSetCookie().some((c) => c.startsWith('sen_lang='))).toBe(true);
    expect(await db.selectFrom('users').select('id').where('email', '=', 'lan@example.com').execute()).toEqual([]);
    const mail = await latestEmailTo('lan@example.com');
    expect(mail.subject).toBe('Sen: confirm your email to finish signing up');
    const token = /token=([\w-]+)/.exec(mail.body)![1];
    expect(payload(await call(confirm.loader, getRequest(`/signup/confirm?token=${token}`)))).toEqual({
      token,
      email: 'lan@example.com',
    });
    const done = (await call(confirm.action, formRequest('/signup/confirm', { token }))) as Response;
    expect(done.headers.get('location')).toBe('/market?notice=notice.welcome');
    const user = await getUser(getRequest('/', { cookie: cookieFrom(done) }));
    expect(user).toMatchObject({ email: 'lan@example.com', displayName: 'Lan', locale: 'en', roles: ['buyer'] });
    const session = done.headers.getSetCookie().find((c) => c.startsWith('sen_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    // The link works once.
    expect(payload(await call(confirm.action, formRequest('/signup/confirm', { token }))).errors).toEqual({
      form: 'accounts.confirm.invalid',
    });
  });

  it('answers every bad field at once, keeps what was typed but never the password', async () => {
    const result = await call(
      signup.action,
      formRequest('/signup', { email: 'not-an-email', password: 'short', displayName: '', locale: 'xx' }),
    );
    expect(statusOf(result)).toBe(400);
    const reply = payload(result);
    expect(reply.errors).toEqual({
      email: 'validation.email',
      password: 'accounts.password.tooShort',
      displayName: 'validation.required',
      locale: 'validation.invalid',
      agree: 'legal.consent.required',
    });
    expect(reply.values.email).toBe('not-an-email');
    expect(reply.values.password).toBeUndefined();
  });

  it('refuses common passwords and caps over-long fields', async () => {
    expect(passwordProblem('password123')).toBe('accounts.password.common');
    expect(passwordProblem('aaaaaaaaaaaa')).toBe('accounts.password.common');
    expect(passwordProblem('hoa.nguyen.shop!', 'hoa.nguyen@example.com')).toBe('accounts.password.likeEmail');
    expect(passwordProblem('gio thoi qua doi che')).toBeNull();
    const result = await call(
      signup.action,
      formRequest('/signup', {
        email: 'x@example.com',
        password: 'qwertyuiop',
        displayName: 'x'.repeat(81),
        locale: 'vi',
      }),
    );
    expect(payload(result).errors).toMatchObject({
      password: 'accounts.password.common',
      displayName: 'validation.tooLong',
    });
  });

  it('two accounts racing for one address make one account', async () => {
    const input = { email: 'race@example.com', password: testPassword, displayName: 'Race', locale: 'vi' as const };
    const results = await Promise.all(Array.from({ length: 5 }, () => createUser(input)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'email-taken')).toBe(true);
  });

  it('records her consent with the account: the texts always, the news only when ticked', async () => {
    const form = { password: 'mot cau rat dai va de nho', displayName: 'Hoa', locale: 'vi', agree: 'on' };
    const signUpAndConfirm = async (fields: Record<string, string>) => {
      expect(statusOf(await call(signup.action, formRequest('/signup', fields)))).toBe(302);
      const token = /token=([\w-]+)/.exec((await latestEmailTo(fields.email)).body)![1];
      expect(statusOf(await call(confirm.action, formRequest('/signup/confirm', { token })))).toBe(302);
    };
    await signUpAndConfirm({ ...form, email: 'hoa.consent@example.com' });
    await signUpAndConfirm({ ...form, email: 'mai.consent@example.com', unionNews: 'on' });
    const rows = await db
      .selectFrom('consents')
      .innerJoin('users', 'users.id', 'consents.user_id')
      .select(['users.email', 'consents.purpose', 'consents.version', 'consents.channel'])
      .where('users.email', 'in', ['hoa.consent@example.com', 'mai.consent@example.com'])
      .orderBy('users.email')
      .orderBy('consents.purpose')
      .execute();
    expect(rows).toEqual([
      { email: 'hoa.consent@example.com', purpose: 'terms', version: legalVersion, channel: 'web' },
      { email: 'mai.consent@example.com', purpose: 'terms', version: legalVersion, channel: 'web' },
      { email: 'mai.consent@example.com', purpose: 'union_news', version: legalVersion, channel: 'web' },
    ]);
    // Without the box ticked nothing is requested, and no link is sent.
    const refused = await call(
      signup.action,
      formRequest('/signup', { ...form, agree: '', email: 'lan.consent@example.com' }),
    );
    expect(payload(refused).errors).toEqual({ agree: 'legal.consent.required' });
    expect(
      await db
        .selectFrom('outbox_emails')
        .select('id')
        .where('to_address', '=', 'lan.consent@example.com')
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('a signed-in person is sent away from the sign-up page', async () => {
    const user = await createTestUser();
    const response = (await call(signup.loader, getRequest('/signup', { cookie: user.cookie }))) as Response;
    expect(response.status).toBe(302);
  });
});

describe('log in and out', () => {
  it('logs in with the right password, refuses the wrong one without saying which part was wrong', async () => {
    const user = await createTestUser();
    const ok = (await call(
      login.action,
      formRequest('/login', { email: user.email, password: testPassword, redirectTo: '/account' }),
    )) as Response;
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe('/account');
    const wrong = await call(login.action, formRequest('/login', { email: user.email, password: 'not the password' }));
    const unknown = await call(
      login.action,
      formRequest('/login', { email: 'nobody@example.com', password: 'not the password' }),
    );
    expect(statusOf(wrong)).toBe(401);
    expect(payload(wrong).errors).toEqual({ form: 'accounts.login.invalid' });
    expect(payload(unknown).errors).toEqual(payload(wrong).errors);
  });

  it('never redirects to another site after login', async () => {
    const user = await createTestUser();
    const response = (await call(
      login.action,
      formRequest('/login', { email: user.email, password: testPassword, redirectTo: '//evil.example/x' }),
    )) as Response;
    expect(response.headers.get('location')).toBe('/');
  });

  it('locks an account for 15 minutes after 5 failures, even with the right password', async () => {
    const user = await createTestUser();
    for (let i = 0; i < loginLimits.perAccount; i++) {
      expect(
        statusOf(await call(login.action, formRequest('/login', { email: user.email, password: `wrong ${i}` }))),
      ).toBe(401);
    }
    const locked = await call(login.action, formRequest('/login', { email: user.email, password: testPassword }));
    expect(statusOf(locked)).toBe(429);
    expect(payload(locked).errors).toEqual({ form: 'accounts.login.throttled' });
    // The window passes: the counters are rows with times, so age them.
    await db
      .updateTable('login_failures')
      .set({ created_at: sql`now() - interval '16 minutes'` })
      .execute();
    expect(
      statusOf(await call(login.action, formRequest('/login', { email: user.email, password: testPassword }))),
    ).toBe(302);
  });

  it('blocks one address after 30 failures across many accounts', async () => {
    for (let i = 0; i < loginLimits.perAddress; i++) {
      await call(login.action, formRequest('/login', { email: `guess${i}@example.com`, password: 'wrong password' }));
    }
    const user = await createTestUser();
    expect(
      statusOf(await call(login.action, formRequest('/login', { email: user.email, password: testPassword }))),
    ).toBe(429);
  });

  it('logs out this device, or every device', async () => {
    const user = await createTestUser();
    const second = await lucia.createSession(user.id, {});
    const out = (await call(logout.action, formRequest('/logout', {}, { cookie: user.cookie }))) as Response;
    expect(out.status).toBe(302);
    expect(await getUser(getRequest('/', { cookie: user.cookie }))).toBeNull();
    expect(await getUser(getRequest('/', { cookie: `sen_session=${second.id}` }))).not.toBeNull();
    await call(logout.action, formRequest('/logout', { scope: 'all' }, { cookie: `sen_session=${second.id}` }));
    expect(await getUser(getRequest('/', { cookie: `sen_session=${second.id}` }))).toBeNull();
  });
});

describe('password reset', () => {
  it('emails a single-use link that sets a new password and signs out everywhere', async () => {
    const user = await createTestUser();
    const response = (await call(forgot.action, formRequest('/forgot-password', { email: user.email }))) as Response;
    expect(response.headers.get('location')).toBe('/login?notice=notice.resetSent');
    const email = await latestEmailTo(user.email);
    const token = /token=([\w-]+)/.exec(email.body)![1];
    const stored = await db
      .selectFrom('password_reset_tokens')
      .select('token_hash')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);

    expect(payload(await call(reset.loader, getRequest(`/reset-password?token=${token}`))).token).toBe(token);
    const done = (await call(
      reset.action,
      formRequest('/reset-password', { token, password: 'mot mat khau moi that dai' }),
    )) as Response;
    expect(done.headers.get('location')).toBe('/login?notice=notice.passwordReset');
    expect(await getUser(getRequest('/', { cookie: user.cookie }))).toBeNull();
    expect(
      statusOf(
        await call(login.action, formRequest('/login', { email: user.email, password: 'mot mat khau moi that dai' })),
      ),
    ).toBe(302);

    const again = await call(reset.action, formRequest('/reset-password', { token, password: 'yet another long one' }));
    expect(payload(again).errors).toEqual({ form: 'accounts.reset.invalidToken' });
  });

  it('refuses an expired link, and answers the same for unknown emails', async () => {
    const user = await createTestUser();
    await call(forgot.action, formRequest('/forgot-password', { email: user.email }));
    const token = /token=([\w-]+)/.exec((await latestEmailTo(user.email)).body)![1];
    await db
      .updateTable('password_reset_tokens')
      .set({ expires_at: sql`now() - interval '1 minute'` })
      .execute();
    expect(payload(await call(reset.loader, getRequest(`/reset-password?token=${token}`))).token).toBeNull();
    const expired = await call(
      reset.action,
      formRequest('/reset-password', { token, password: 'mot mat khau moi that dai' }),
    );
    expect(payload(expired).errors).toEqual({ form: 'accounts.reset.invalidToken' });

    const unknown = (await call(
      forgot.action,
      formRequest('/forgot-password', { email: 'nobody@example.com' }),
    )) as Response;
    expect(unknown.headers.get('location')).toBe('/login?notice=notice.resetSent');
    // The unknown address is told there is no account, and gets no token.
    expect((await latestEmailTo('nobody@example.com')).body).not.toContain('token=');
  });

  it('writes the email in the account language', async () => {
    const user = await createTestUser({ locale: 'en' });
    await call(forgot.action, formRequest('/forgot-password', { email: user.email }));
    expect((await latestEmailTo(user.email)).subject).toBe('Sen: reset your password');
  });
});

describe('account settings', () => {
  it('saves name, language and time zone; rejects an unknown time zone', async () => {
    const user = await createTestUser();
    const bad = await call(
      account.action,
      formRequest(
        '/account',
        { intent: 'profile', displayName: 'Hoa', locale: 'en', timeZone: 'Mars/Olympus' },
        { cookie: user.cookie },
      ),
    );
    expect(payload(bad).errors).toEqual({ timeZone: 'accounts.field.timeZoneInvalid' });
    const ok = (await call(
      account.action,
      formRequest(
        '/account',
        { intent: 'profile', displayName: 'Hoa', locale: 'en', timeZone: 'Europe/Berlin' },
        { cookie: user.cookie },
      ),
    )) as Response;
    expect(ok.status).toBe(302);
    expect(payload(await call(account.loader, getRequest('/account', { cookie: user.cookie })))).toMatchObject({
      displayName: 'Hoa',
      locale: 'en',
      timeZone: 'Europe/Berlin',
    });
  });

  it('changes the password only with the current one', async () => {
    const user = await createTestUser();
    const wrong = await call(
      account.action,
      formRequest(
        '/account',
        { intent: 'password', currentPassword: 'nope nope nope', newPassword: 'a brand new passphrase' },
        { cookie: user.cookie },
      ),
    );
    expect(payload(wrong).errors).toEqual({ currentPassword: 'accounts.password.currentWrong' });
    const ok = await call(
      account.action,
      formRequest(
        '/account',
        { intent: 'password', currentPassword: testPassword, newPassword: 'a brand new passphrase' },
        { cookie: user.cookie },
      ),
    );
    expect(statusOf(ok)).toBe(302);
  });

  it('switching language sets the cookie and the account', async () => {
    const user = await createTestUser();
    const response = (await call(
      language.action,
      formRequest('/language', { locale: 'en', redirectTo: '/market' }, { cookie: user.cookie }),
    )) as Response;
    expect(response.headers.get('location')).toBe('/market');
    expect(response.headers.get('set-cookie')).toMatch(/^sen_lang=/);
    const row = await db.selectFrom('users').select('locale').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.locale).toBe('en');
  });
});

describe('bad requests', () => {
  it('a JSON body or a malformed form gets 415/400, not 500', async () => {
    const json = new Request('http://localhost:3000/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(statusOf(await call(login.action, json))).toBe(415);
    const broken = new Request('http://localhost:3000/login', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
      body: '--y\r\ngarbage',
    });
    expect(statusOf(await call(login.action, broken))).toBe(400);
  });
});

describe('housekeeping job', () => {
  it('deletes expired sessions and used or expired reset tokens', async () => {
    const user = await createTestUser();
    await db
      .updateTable('sessions')
      .set({ expires_at: sql`now() - interval '1 second'` })
      .where('user_id', '=', user.id)
      .execute();
    const result = await deleteExpiredAuthRows();
    expect(result.sessions).toBeGreaterThanOrEqual(1);
    expect(await db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
  });

  it('deletes phone codes a day old, keeping those that still count towards the daily limits', async () => {
    const code = (phone: string, age: string) =>
      db
        .insertInto('otp_challenges')
        .values({
          phone,
          purpose: 'signup',
          channel: 'sms',
          code_hash: 'x',
          client_address: '203.0.113.5',
          created_at: sql`now() - ${sql.raw(age)}`,
          expires_at: new Date(),
        })
        .execute();
    await code('+84900000111', "interval '25 hours'");
    await code('+84900000222', "interval '23 hours'");
    await deleteExpiredAuthRows();
    const left = await db
      .selectFrom('otp_challenges')
      .select('phone')
      .where('phone', 'in', ['+84900000111', '+84900000222'])
      .execute();
    expect(left.map((row) => row.phone)).toEqual(['+84900000222']);
  });
});

describe('outbox delivery', () => {
  it('records a failure for retry, then the success', async () => {
    const user = await createTestUser();
    await call(forgot.action, formRequest('/forgot-password', { email: user.email }));
    const email = await latestEmailTo(user.email);
    await expect(
      deliverOutbox(email.id, { email: async () => Promise.reject(new Error('smtp down')) }),
    ).rejects.toThrow('smtp down');
    let row = await latestEmailTo(user.email);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'Error: smtp down' });
    const sent: string[] = [];
    await deliverOutbox(email.id, { email: async (e) => void sent.push(e.to) });
    row = await latestEmailTo(user.email);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    // Delivering again (a retried job) sends nothing twice.
    await deliverOutbox(email.id, { email: async (e) => void sent.push(e.to) });
    expect(sent).toEqual([user.email]);
  });
});
