import { gzipSync } from 'node:zlib';
import type { AppLoadContext, ServerBuild } from '@remix-run/node';
import { createRequestHandler } from '@remix-run/node';
import type express from 'express';

// A short shared cache of the public pages anonymous visitors read most (the
// market, listings, storefronts, the home page). Rendering a page costs a few
// milliseconds of CPU; under a burst of visitors every one of them would queue
// behind the others' renders. Here the first visitor's page is kept for a few
// seconds and served to the rest, gzipped once.
//
// What keeps it honest:
// - Only GET requests without a session or guest-cart cookie: a signed-in
//   person, or a guest with a cart, always gets her own page. The language
//   cookie is part of the key.
// - Only 200 answers that set no cookie are kept.
// - Any successful form post on this server clears the cache at once, so a
//   seller who edits her listing, or staff who hide one, see the change on the
//   next anonymous view. Other app servers learn of it within their own
//   `freshMs + staleMs` at most (a few seconds): that is the price of sharing
//   nothing between servers.
// - Concurrent misses for one page wait for a single render.

type Entry = { status: number; headers: [string, string][]; setCookies: string[]; body: Buffer; gzipped: Buffer; storedAt: number; storable: boolean };

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

const personalCookies = /(?:^|;\s*)(?:sen_session|sen_cart)=/;
const languageCookie = /(?:^|;\s*)sen_lang=([^;]*)/;
export const publicPagePaths = ['/', '/market', '/market/:id', '/s/:slug'];

export type PageCache = {
  middleware: express.RequestHandler;
  clear: () => void;
};

export function createPageCache({ build, mode, getLoadContext, freshMs, staleMs, maxEntries = 500 }: PageCacheOptions): PageCache {
  const handle = createRequestHandler(build, mode);
  const entries = new Map<string, Entry>();
  const rendering = new Map<string, Promise<Entry>>();
  // Bumped by clear(): a render that started before a write must not be kept after it.
  let generation = 0;

  async function render(key: string, req: express.Request, res: express.Response): Promise<Entry> {
    const startedIn = generation;
    const url = new URL(req.originalUrl, `${req.protocol}://${req.get('host') ?? 'localhost'}`);
    const headers = new Headers();
    for (const name of ['accept', 'accept-language', 'cookie', 'host', 'user-agent']) {
      const value = req.get(name);
      if (value) headers.set(name, value);
    }
    const response = await handle(new Request(url, { headers }), getLoadContext(req, res));
    const body = Buffer.from(await response.arrayBuffer());
    const kept: [string, string][] = [];
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') kept.push([name, value]);
    });
    const setCookies = response.headers.getSetCookie();
    const storable = response.status === 200 && setCookies.length === 0;
    const entry: Entry = { status: response.status, headers: kept, setCookies, body, gzipped: gzipSync(body), storedAt: Date.now(), storable };
    if (storable && startedIn === generation) {
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.delete(key);
      entries.set(key, entry);
    }
    return entry;
  }

  function renderOnce(key: string, req: express.Request, res: express.Response) {
    let pending = rendering.get(key);
    if (!pending) {
      pending = render(key, req, res).finally(() => rendering.delete(key));
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
    const cookie = req.get('cookie') ?? '';
    if (req.method !== 'GET' || personalCookies.test(cookie)) return next();
    const key = `${languageCookie.exec(cookie)?.[1] ?? ''} ${req.originalUrl}`;
    const entry = entries.get(key);
    const age = entry ? Date.now() - entry.storedAt : Infinity;
    if (entry && age < freshMs) return send(req, res, entry, 'hit');
    if (entry && age < freshMs + staleMs) {
      // The page as it was a moment ago now; the next visitor gets it anew.
      renderOnce(key, req, res).catch(() => entries.delete(key));
      return send(req, res, entry, 'stale');
    }
    // The request that starts a render gets its answer whatever it is; those
    // that waited for it share it only when it could be kept.
    const first = !rendering.has(key);
    renderOnce(key, req, res).then(
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
