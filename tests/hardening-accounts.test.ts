import { describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { getUser, lucia } from '../app/lib/auth.server';
import { appOrigin } from '../app/lib/origin.server';
import { safeRedirect } from '../app/lib/redirect.server';
import * as account from '../app/routes/account';
import * as forgot from '../app/routes/forgot-password';
import * as login from '../app/routes/login';
import { useCleanDatabase } from './support/clean';
import { call, context, createTestUser, formRequest, getRequest, testPassword } from './support/fixtures';

useCleanDatabase();

async function latestEmailTo(address: string) {
  return db.selectFrom('outbox_emails').selectAll().where('to_address', '=', address).orderBy('id', 'desc').executeTakeFirstOrThrow();
}

/** A form POST whose Host and Origin are the attacker's, as a forged request carries them. */
function forgedHostRequest(path: string, fields: Record<string, string>) {
  return new Request(new URL(path, 'http://evil.example'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://evil.example', Host: 'evil.example' },
    body: new URLSearchParams(fields),
  });
}

describe('one public origin (issue 12, point 2)', () => {
  it('a reset requested with Host: evil.example still links to APP_URL', async () => {
    const user = await createTestUser();
    await call(forgot.action, forgedHostRequest('/forgot-password', { email: user.email }));
    const email = await latestEmailTo(user.email);
    const link = /(\S+)\/reset-password\?token=/.exec(email.body);
    expect(link?.[1]).toBe(appOrigin());
    expect(email.body).not.toContain('evil.example');
  });
});

describe('redirects after login (issue 12, point 7)', () => {
  const attacks = [
    '/%09/evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\nSet-Cookie: x=1',
    '/%5Cevil.example',
    '/\\evil.example',
    '/%5C%5Cevil.example',
    '/%0a/evil.example',
    '/%0D%0ALocation: http://evil.example',
    '/\u0085/evil.example',
    '/%C2%85/evil.example',
    '/%7F/evil.example',
    '/\u0000/evil.example',
    '//evil.example',
    '///evil.example',
    'https://evil.example/account',
    'evil.example',
    '/%E0%A4%A', // not valid percent-encoding
    `/${'a'.repeat(2100)}`,
  ];

  it.each(attacks)('refuses %j', (to) => {
    expect(safeRedirect(to, '/fallback')).toBe('/fallback');
  });

  it('keeps ordinary local paths, Vietnamese queries included', () => {
    expect(safeRedirect('/account')).toBe('/account');
    expect(safeRedirect('/market?q=%C4%91%E1%BB%93%20g%E1%BB%91m#top')).toBe('/market?q=%C4%91%E1%BB%93%20g%E1%BB%91m#top');
    expect(safeRedirect('/market/../orders')).toBe('/orders');
  });

  it('a login with a tab or newline in redirectTo goes home, never 500', async () => {
    const user = await createTestUser();
    for (const redirectTo of ['/\t/evil.example', '/x\r\ny', '/%09/evil.example', '/\\/evil.example']) {
      const response = (await call(login.action, formRequest('/login', { email: user.email, password: testPassword, redirectTo }))) as Response;
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/');
    }
  });
});

describe('a password change ends the other sessions (issue 12, point 8)', () => {
  it('keeps the session that changed it and ends every other one', async () => {
    const user = await createTestUser();
    const phone = await lucia.createSession(user.id, {});
    const stolen = await lucia.createSession(user.id, {});
    const response = (await call(
      account.action,
      formRequest('/account', { intent: 'password', currentPassword: testPassword, newPassword: 'mot mat khau moi rat dai' }, { cookie: user.cookie }),
    )) as Response;
    expect(response.status).toBe(302);
    expect(await getUser(getRequest('/', { cookie: user.cookie }))).not.toBeNull();
    expect(await getUser(getRequest('/', { cookie: `sen_session=${phone.id}` }))).toBeNull();
    expect(await getUser(getRequest('/', { cookie: `sen_session=${stolen.id}` }))).toBeNull();
  });

  it('a wrong current password changes nothing and ends nothing', async () => {
    const user = await createTestUser();
    const phone = await lucia.createSession(user.id, {});
    await call(account.action, formRequest('/account', { intent: 'password', currentPassword: 'not the one', newPassword: 'mot mat khau moi rat dai' }, { cookie: user.cookie }));
    expect(await getUser(getRequest('/', { cookie: `sen_session=${phone.id}` }))).not.toBeNull();
  });
});

void context;
