// The one public origin of the app. Absolute URLs (emails, Open Graph, redirects,
// payment return URLs, calendar ids) are built from APP_URL, never from the
// request's Host header, which any client can set.

import { env } from './env.server';

function parseAppUrl(value: string) {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`APP_URL must be an absolute URL such as https://sen.example.vn, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`APP_URL must use http or https, not "${value}"`);
  return url;
}

let cached: { source: string; url: URL } | undefined;

/**
 * The app's public URL: APP_URL, else http://localhost:PORT (the embedded default).
 * The server refuses to start without APP_URL on a real deployment (see main.ts).
 */
export function appUrl(): URL {
  const { APP_URL: configured, PORT: port } = env();
  const source = configured || `dev:${port}`;
  if (cached?.source === source) return cached.url;
  const url = configured ? parseAppUrl(configured) : new URL(`http://localhost:${port}`);
  cached = { source, url };
  return url;
}

/** scheme://host[:port] of the public URL, without a trailing slash. */
export function appOrigin(): string {
  return appUrl().origin;
}

/** An absolute URL on the app's public origin for a local path. */
export function absoluteUrl(pathname: string): string {
  return new URL(pathname, appUrl()).toString();
}
