import http from 'node:http';
import net from 'node:net';
import pg from 'pg';
import { postgresPoolConfig } from '../app/lib/db.server';
import { describeError } from '../app/lib/log.server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseForm } from '../app/lib/forms.server';
import { bodyLimits } from '../app/server/body-limits';
import { z } from 'zod';
import { startAppServer } from './support/app-server';
import { createTestUser } from './support/fixtures';

// Issue 12, points 1 and 3: no anonymous request can hold the server's memory or CPU.

let server: Awaited<ReturnType<typeof startAppServer>>;

beforeAll(async () => {
  server = await startAppServer();
});
afterAll(() => server?.close());

type Sent = { status: number; bytesWritten: number };

/** Sends `total` bytes of body in chunks (no Content-Length unless given) and reports the answer and how much went out. */
function send(
  path: string,
  contentType: string,
  chunk: Buffer,
  total: number,
  contentLength?: number,
  cookie?: string,
): Promise<Sent> {
  const url = new URL(server.origin + path);
  return new Promise((resolve, reject) => {
    let written = 0;
    let status = 0;
    const headers: Record<string, string | number> = { 'Content-Type': contentType, Origin: server.origin };
    if (contentLength !== undefined) headers['Content-Length'] = contentLength;
    if (cookie) headers.Cookie = cookie;
    const req = http.request({ host: url.hostname, port: url.port, path, method: 'POST', headers });
    req.on('response', (res) => {
      status = res.statusCode ?? 0;
      res.resume();
      res.on('end', () => resolve({ status, bytesWritten: written }));
    });
    // The server closing the connection mid-body is the point: the answer already came.
    // A connection cut mid-body (status 0) is a refusal too: the rest was never read.
    req.on('error', (error) =>
      status || /ECONNRESET|EPIPE/.test(String(error)) ? resolve({ status, bytesWritten: written }) : reject(error),
    );
    const pump = () => {
      while (written < total && !status) {
        written += chunk.length;
        if (!req.write(chunk)) return req.once('drain', pump);
      }
      if (!status) req.end();
    };
    pump();
  });
}

const manyFields = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => `f${i}=x`).join('&'));

describe('limits at the edge', () => {
  it('refuses a form of 40,000 fields at once, announced or streamed, while the server keeps answering', async () => {
    const body = manyFields(40_000);
    const announced = await send('/cart', 'application/x-www-form-urlencoded', body, body.length, body.length);
    expect(announced.status).toBe(413);
    const streamed = await send(
      '/cart',
      'application/x-www-form-urlencoded',
      body.subarray(0, 16 * 1024),
      body.length * 30,
    );
    expect(streamed.status).toBe(413);
    // Refused long before the whole body could be sent.
    expect(streamed.bytesWritten).toBeLessThan(body.length * 30);
    expect((await server.fetch('/healthz')).status).toBe(200);
  });

  it('counts fields, not only bytes: 500 pass, 501 are refused', async () => {
    const ok = manyFields(bodyLimits.formFields);
    expect((await send('/cart', 'application/x-www-form-urlencoded', ok, ok.length, ok.length)).status).not.toBe(413);
    const tooMany = manyFields(bodyLimits.formFields + 1);
    expect((await send('/cart', 'application/x-www-form-urlencoded', tooMany, tooMany.length)).status).toBe(413);
  });

  it('stops a chunked upload larger than any valid upload instead of reading it in full', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const total = bodyLimits.multipartBytes * 3;
    // Signed in as a seller, so the page reads the body rather than sending her to log in.
    const { cookie } = await createTestUser({ roles: ['entrepreneur'] });
    const sent = await send(
      '/dashboard/listings/new',
      'multipart/form-data; boundary=x',
      chunk,
      total,
      undefined,
      cookie,
    );
    // 413, or the connection closed after it before the client read the answer.
    expect([0, 413]).toContain(sent.status);
    expect(sent.bytesWritten).toBeLessThan(total);
    expect((await server.fetch('/healthz')).status).toBe(200);
  });

  it('refuses an announced body over the limit before reading a byte of it', async () => {
    const sent = await send('/login', 'application/x-www-form-urlencoded', Buffer.from('a=1'), 3, 10 * 1024 * 1024);
    expect(sent.status).toBe(413);
  });
});

describe('reading a form', () => {
  it('keeps repeated fields as lists and odd names as plain fields, in one pass', () => {
    const form = new FormData();
    for (const [k, v] of [
      ['tag', 'a'],
      ['tag', 'b'],
      ['tag', 'c'],
      ['__proto__', 'x'],
      ['constructor', 'y'],
      ['one', '1'],
    ])
      form.append(k, v);
    const parsed = parseForm(form, z.object({ tag: z.array(z.string()), one: z.string() }).passthrough());
    expect(parsed.ok && parsed.data).toMatchObject({ tag: ['a', 'b', 'c'], one: '1' });
    expect(parsed.ok && Object.getOwnPropertyNames(parsed.data)).toContain('constructor');
  });
});

describe('a database that stops answering', () => {
  it('is given up on with a timeout error instead of holding the request', async () => {
    // Accepts connections and never says a word, like a server behind a dead link.
    const silent = net.createServer((socket) => socket.on('error', () => {}));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const pool = new pg.Pool(
      postgresPoolConfig({ DATABASE_URL: `postgres://sen@127.0.0.1:${port}/sen`, NODE_ENV: 'test' }),
    );
    try {
      await expect(pool.query('select 1')).rejects.toThrow(/timeout/i);
    } finally {
      await pool.end();
      silent.close();
    }
  });
});

describe('headers and logs', () => {
  it('keeps pages of a signed-in person out of every cache, and asks for no device features', async () => {
    const { cookie } = await createTestUser();
    const personal = await server.fetch('/orders', { cookie });
    expect(personal.headers.get('cache-control')).toBe('no-store');
    expect(personal.headers.get('permissions-policy')).toContain('camera=()');
    const anonymous = await server.fetch('/market');
    expect(anonymous.headers.get('cache-control') ?? '').not.toContain('no-store');
  });

  it("lets only scripts of its own, or carrying the page's nonce, run", async () => {
    const nonces = new Set<string>();
    for (const path of ['/', '/market', '/login']) {
      const page = await server.fetch(path);
      const policy = page.headers.get('content-security-policy') ?? '';
      const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
      expect(nonce, path).toBeTruthy();
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
      nonces.add(nonce!);
      const html = await page.text();
      const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)].map((m) => m[1]);
      expect(inline.length, path).toBeGreaterThan(0);
      for (const attributes of inline) expect(attributes).toContain(`nonce="${nonce}"`);
    }
    // A new nonce for every page: one read from a page is useless on the next.
    expect(nonces.size).toBe(3);
  });

  it('logs what was thrown with its message, never [object Object]', () => {
    expect(describeError(new Error('boom'))).toMatchObject({ error: 'boom', stack: expect.stringContaining('boom') });
    expect(describeError({ message: 'queue missing', code: 42 })).toEqual({ error: 'queue missing', stack: undefined });
    expect(describeError({ code: 'ECONNRESET' })).toEqual({ error: '{"code":"ECONNRESET"}', stack: undefined });
    expect(describeError('plain')).toEqual({ error: 'plain' });
  });
});
