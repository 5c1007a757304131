import { gzipSync } from 'node:zlib';
import type { AppLoadContext, ServerBuild } from '@remix-run/node';
import { createRequestHandler } from '@remix-run/node';
import type express from 'express';
import { appUrl } from '../lib/origin.server';

// A short shared cache of the public pages anonymous visitors read most (the
// market, listings, storefronts, the home page). Rendering a page costs a few
// milliseconds of CPU; under a burst of visitors every one of them would queue
// behind the others' renders. Here the first visitor's page is kept for a few
// seconds and served to the rest, gzipped once.
//
// What keeps it honest:
// - Only GET requests that carry no cookie but the language one: a signed-in
//   person, a guest with a cart, anyone with any other cookie gets her own page.
//   The language is part of the key.
// - Nothing else the client sends reaches the shared render: it is made for the
//   app's public URL (APP_URL) with only the language cookie, so no header can
//   change a page that others will be served.
// - Only 200 answers that set no cookie are kept.
// - Any successful form post on this server clears the cache at once, so a
//   seller who edits her listing, or staff who hide one, see the change on the
//   next anonymous view. Other app servers learn of it within their own
//   `freshMs + staleMs` at most (a few seconds): that is the price of sharing
//   nothing between servers.
// - Concurrent misses for one page wait for a single render.

type Entry = {
  status: number;
  headers: [string, string][];
  setCookies: string[];
  body: Buffer;
  gzipped: Buffer;
  storedAt: number;
  storable: boolean;
};

export type PageCacheOptions = {
  build: ServerBuild;
  mode?: string;
  getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext;
  /** A kept page is served as it is for this long… */
  freshMs: number;
  /** …and for this long after, while one request renders it anew in the background. */
  staleMs: number;
  maxEntries?: number;
};

const languageCookieName = 'sen_lang';
export const publicPagePaths = ['/', '/market', '/market/:id', '/s/:slug'];

/**
 * The language of a request that may share a page: '' or the language cookie's
 * value when that is its only cookie; undefined when it carries any other.
 */
export function sharedLanguage(cookieHeader: string | undefined): string | undefined {
  let language = '';
  for (const pair of (cookieHeader ?? '').split(';')) {
    const [name, value = ''] = pair.split('=', 2).map((part) => part.trim());
    if (!name) continue;
    if (name !== languageCookieName || !/^[\w%=.-]{1,64}$/.test(value)) return undefined;
    language = value;
  }
  return language;
}

export type PageCache = {
  middleware: express.RequestHandler;
  clear: () => void;
};

export function createPageCache({
  build,
  mode,
  getLoadContext,
  freshMs,
  staleMs,
  maxEntries = 500,
}: PageCacheOptions): PageCache {
  const handle = createRequestHandler(build, mode);
  const entries = new Map<string, Entry>();
  const rendering = new Map<string, Promise<Entry>>();
  // Bumped by clear(): a render that started before a write must not be kept after it.
  let generation = 0;

  async function render(key: string, language: string, req: express.Request, res: express.Response): Promise<Entry> {
    const startedIn = generation;
    const url = new URL(req.originalUrl, appUrl());
    const headers = new Headers({ accept: 'text/html' });
    if (language) headers.set('cookie', `${languageCookieName}=${language}`);
    const response = await handle(new Request(url, { headers }), getLoadContext(req, res));
    const body = Buffer.from(await response.arrayBuffer());
    const kept: [string, string][] = [];
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') kept.push([name, value]);
    });
    const setCookies = response.headers.getSetCookie();
    const storable = response.status === 200 && setCookies.length === 0;
    const entry: Entry = {
      status: response.status,
      headers: kept,
      setCookies,
      body,
      gzipped: gzipSync(body),
      storedAt: Date.now(),
      storable,
    };
    if (storable && startedIn === generation) {
      const oldest = entries.keys().next();
      if (entries.size >= maxEntries && !oldest.done) entries.delete(oldest.value);
      entries.delete(key);
      entries.set(key, entry);
    }
    return entry;
  }

  function renderOnce(key: string, language: string, req: express.Request, res: express.Response) {
    let pending = rendering.get(key);
    if (!pending) {
      pending = render(key, language, req, res).finally(() => rendering.delete(key));
      rendering.set(key, pending);
    }
    return pending;
  }

  function send(req: express.Request, res: express.Response, entry: Entry, state: 'hit' | 'stale' | 'miss') {
    res.status(entry.status);
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    if (entry.setCookies.length) res.setHeader('Set-Cookie', entry.setCookies);
    res.setHeader('X-Page-Cache', state);
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.acceptsEncodings('gzip')) {
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Content-Length', entry.gzipped.length);
      res.end(entry.gzipped);
    } else {
      res.setHeader('Content-Length', entry.body.length);
      res.end(entry.body);
    }
  }

  const middleware: express.RequestHandler = (req, res, next) => {
    const language = req.method === 'GET' ? sharedLanguage(req.get('cookie')) : undefined;
    if (language === undefined) return next();
    const key = `${language} ${req.originalUrl}`;
    const entry = entries.get(key);
    const age = entry ? Date.now() - entry.storedAt : Infinity;
    if (entry && age < freshMs) return send(req, res, entry, 'hit');
    if (entry && age < freshMs + staleMs) {
      // The page as it was a moment ago now; the next visitor gets it anew.
      renderOnce(key, language, req, res).catch(() => entries.delete(key));
      return send(req, res, entry, 'stale');
    }
    // The request that starts a render gets its answer whatever it is; those
    // that waited for it share it only when it could be kept.
    const first = !rendering.has(key);
    renderOnce(key, language, req, res).then(
      (fresh) => (first || fresh.storable ? send(req, res, fresh, 'miss') : next()),
      (error) => next(error),
    );
  };

  return {
    middleware,
    clear() {
      generation += 1;
      entries.clear();
    },
  };
}
