import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { log } from '../app/lib/log.server';
import { createTestUser, testPassword } from './support/fixtures';
import { startAppServer } from './support/app-server';

let server: Awaited<ReturnType<typeof startAppServer>>;

beforeAll(async () => {
  server = await startAppServer();
});
afterAll(() => server?.close());

describe('the HTTP layer', () => {
  it('answers with a request id and logs one line per request, without the query string or cookies', async () => {
    const previous = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'info';
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const response = await server.fetch('/reset-password?token=secret-token-value', { cookie: 'sen_session=abc' });
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      // The line is written when the response finishes, which may be after fetch resolves.
      const find = () => lines.map((l) => JSON.parse(l)).find((e) => e.msg === 'request' && e.requestId === id);
      await expect.poll(find, { timeout: 3000 }).toBeTruthy();
      const entry = find();
      expect(entry).toMatchObject({ method: 'GET', path: '/reset-password', status: 200 });
      expect(entry.durationMs).toBeGreaterThan(0);
      expect(lines.join('')).not.toContain('secret-token-value');
      expect(lines.join('')).not.toContain('sen_session');
    } finally {
      write.mockRestore();
      process.env.LOG_LEVEL = previous;
    }
  });

  it('refuses a POST from another origin, or with no origin, and lets the same origin through', async () => {
    const user = await createTestUser();
    const form = { email: user.email, password: testPassword };
    const foreign = await server.fetch('/login', { method: 'POST', form, headers: { Origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    const none = await fetch(server.origin + '/login', {
      method: 'POST',
      body: new URLSearchParams(form),
      redirect: 'manual',
    });
    expect(none.status).toBe(403);
    const same = await server.fetch('/login', { method: 'POST', form });
    expect(same.status).toBe(302);
  });

  it('sends pages as valid UTF-8 without stray NUL bytes, however the Vietnamese text falls', async () => {
    // The 404 page, the home page and the login page in both languages: many
    // two- and three-byte letters across React's 2 KB chunk boundaries.
    for (const path of ['/', '/login', '/signup', '/khong-co']) {
      for (const lang of ['vi', 'en']) {
        const bytes = Buffer.from(
          await (await server.fetch(path, { headers: { Cookie: `sen_lang=${lang}` } })).arrayBuffer(),
        );
        expect(bytes.includes(0), `${path} (${lang})`).toBe(false);
        expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toContain('</html>');
      }
    }
  });

  it('serves public files and built assets, and never looks on the disk for a page (issue 21)', async () => {
    const stat = vi.spyOn(fs, 'stat');
    try {
      const icon = await server.fetch('/favicon.svg');
      expect(icon.status).toBe(200);
      expect(icon.headers.get('cache-control')).toBe('public, max-age=3600');
      expect(await icon.text()).toContain('<svg');
      const looked = stat.mock.calls.length;
      expect(looked).toBeGreaterThan(0);
      const asset = (await (await server.fetch('/login')).text()).match(/href="(\/build\/[^"]+\.css)"/)![1];
      expect((await server.fetch(asset)).headers.get('cache-control')).toContain('immutable');
      const afterAsset = stat.mock.calls.length;
      for (const path of ['/login', '/market', '/khong-co', '/favicon.svg.bak', '/builds/x'])
        await (await server.fetch(path)).arrayBuffer();
      expect(stat.mock.calls.length).toBe(afterAsset);
    } finally {
      stat.mockRestore();
    }
  });

  it('answers unknown pages with a 404 page in Vietnamese, and never a stack trace', async () => {
    const response = await server.fetch('/khong-co');
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('Không tìm thấy trang');
    expect(html).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('answers a form posted to a page without an action with 405, and logs it as refused, not as our error', async () => {
    const errors: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      errors.push(String(chunk));
      return true;
    });
    try {
      const response = await server.fetch('/about', { method: 'POST', form: { anything: 'x' } });
      expect(response.status).toBe(405);
      expect(await response.text()).not.toMatch(/at .*\.(js|ts):\d+/);
      expect(errors.join('')).not.toContain('request failed');
    } finally {
      write.mockRestore();
    }
  });

  it('redacts secrets whatever key a caller logs them under', () => {
    const lines: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      log.error('oops', new Error('x'), {
        password: 'p4ss',
        resetToken: 't0k',
        cookie: 'c',
        cccdNumber: '0123',
        path: '/ok',
      });
    } finally {
      write.mockRestore();
    }
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({
      password: '[redacted]',
      resetToken: '[redacted]',
      cookie: '[redacted]',
      cccdNumber: '[redacted]',
      path: '/ok',
    });
  });
});
