import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApp } from '../../app/server/app';

/**
 * The production build served in-process on a free port, on this test file's
 * database. Needs `npm run build` first (npm test does it).
 */
export async function startAppServer(options: { pageCacheSeconds?: number } = {}) {
  const buildFile = path.resolve('build/index.js');
  if (!existsSync(buildFile)) throw new Error('build/index.js is missing: run `npm run build` first');
  const build = await import(pathToFileURL(buildFile).href);
  const app = createApp({ build, pageCacheSeconds: options.pageCacheSeconds ?? 0 });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    /** fetch without following redirects, as the given session, same-origin for POSTs. */
    fetch(pathname: string, init: RequestInit & { cookie?: string; form?: Record<string, string> } = {}) {
      const headers = new Headers(init.headers);
      if (init.cookie) headers.set('Cookie', init.cookie);
      let body = init.body;
      if (init.form) {
        body = new URLSearchParams(init.form);
        headers.set('Content-Type', 'application/x-www-form-urlencoded');
      }
      if (init.method && init.method !== 'GET' && !headers.has('Origin')) headers.set('Origin', origin);
      return fetch(origin + pathname, { ...init, headers, body, redirect: 'manual' });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
