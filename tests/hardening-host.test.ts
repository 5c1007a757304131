import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { sharedLanguage } from '../app/server/page-cache';
import { startAppServer } from './support/app-server';
import { createTestUser } from './support/fixtures';
import { sellerWithListing } from './support/orders';

// Issue 12, point 2: no header a client chooses can make a page, a link or a
// cached answer for another host.

type Answer = { status: number; body: string; headers: http.IncomingHttpHeaders };

/** A raw request (fetch will not send a Host of our choosing). */
function raw(origin: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path, method: body === undefined ? 'GET' : 'POST', headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
let servers: Awaited<ReturnType<typeof startAppServer>>[] = [];
const saved = { APP_URL: process.env.APP_URL, ALLOWED_HOSTS: process.env.ALLOWED_HOSTS };

async function serve(env: { APP_URL?: string; ALLOWED_HOSTS?: string }, pageCacheSeconds = 0) {
  for (const [name, value] of Object.entries(env)) process.env[name] = value;
  const server = await startAppServer({ pageCacheSeconds });
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('the hosts Sen answers for', () => {
  it('without APP_URL answers only loopback hosts, and refuses others before any page is made', async () => {
    const server = await serve({});
    const port = new URL(server.origin).port;
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, 'localhost']) {
      expect((await raw(server.origin, '/market', { Host: host })).status).toBe(200);
    }
    for (const host of ['evil.example', `evil.example:${port}`, 'localhost.evil.example', '127.0.0.1.nip.io']) {
      const answer = await raw(server.origin, '/market', { Host: host });
      expect(answer.status, host).toBe(400);
      expect(answer.body).not.toContain('<html');
    }
  });

  it('with APP_URL answers its host and ALLOWED_HOSTS, in any letter case, and nothing else', async () => {
    const server = await serve({ APP_URL: 'https://sen.example.vn', ALLOWED_HOSTS: '10.0.0.7:3000, internal.sen' });
    for (const host of ['sen.example.vn', 'SEN.Example.VN', '10.0.0.7:3000', 'internal.sen']) {
      expect((await raw(server.origin, '/market', { Host: host })).status, host).toBe(200);
    }
    const port = new URL(server.origin).port;
    for (const host of ['evil.example', `127.0.0.1:${port}`, 'sen.example.vn.evil.example', 'sen.example.vn:444']) {
      expect((await raw(server.origin, '/market', { Host: host })).status, host).toBe(400);
    }
    // A load balancer's health check may use any address.
    expect((await raw(server.origin, '/healthz', { Host: '10.1.2.3' })).status).toBe(200);
  });

  it('with APP_URL takes a form only from its origin, whatever Host the request names', async () => {
    const server = await serve({ APP_URL: 'https://sen.example.vn' });
    const post = (origin: string) =>
      raw(server.origin, '/language', { ...form, Host: 'sen.example.vn', Origin: origin }, 'locale=en');
    expect((await post('https://sen.example.vn')).status).toBe(302);
    for (const origin of [
      'http://sen.example.vn',
      'https://evil.example',
      'https://sen.example.vn.evil.example',
      'null',
    ]) {
      expect((await post(origin)).status, origin).toBe(403);
    }
  });

  it('links to APP_URL on a shared page whatever the forwarded headers say', async () => {
    const server = await serve({ APP_URL: 'https://sen.example.vn' }, 60);
    const { listingId } = await sellerWithListing();
    const path = `/market/${listingId}`;
    const poisoned = await raw(server.origin, path, {
      Host: 'sen.example.vn',
      'X-Forwarded-Host': 'evil.example',
      'X-Forwarded-Proto': 'http',
      'Accept-Language': 'en',
      'User-Agent': 'evil.example',
    });
    expect(poisoned.status).toBe(200);
    const shared = await raw(server.origin, path, { Host: 'sen.example.vn' });
    expect(shared.headers['x-page-cache']).toBe('hit');
    for (const page of [poisoned.body, shared.body]) {
      expect(page).not.toContain('evil.example');
      expect(page).toContain(`https://sen.example.vn${path}`);
    }
  });
});

describe('who is served a shared page', () => {
  it('is someone with no cookie but the language one', async () => {
    expect(sharedLanguage(undefined)).toBe('');
    expect(sharedLanguage('')).toBe('');
    expect(sharedLanguage('sen_lang=ImVuIg%3D%3D')).toBe('ImVuIg%3D%3D');
    expect(sharedLanguage('sen_session=abc')).toBeUndefined();
    expect(sharedLanguage('sen_lang=ImVuIg%3D%3D; sen_cart=1')).toBeUndefined();
    expect(sharedLanguage('_ga=GA1.1; sen_lang=ImVuIg%3D%3D')).toBeUndefined();
    expect(sharedLanguage('sen_lang=<script>')).toBeUndefined();
  });

  it('never gives a signed-in person, or anyone with another cookie, the shared page', async () => {
    const server = await serve({}, 60);
    const { cookie } = await createTestUser();
    await server.fetch('/market');
    expect((await server.fetch('/market')).headers.get('x-page-cache')).toBe('hit');
    expect((await server.fetch('/market', { cookie })).headers.get('x-page-cache')).toBeNull();
    expect((await server.fetch('/market', { cookie: 'other=1' })).headers.get('x-page-cache')).toBeNull();
  });
});
