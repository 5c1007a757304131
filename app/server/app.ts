import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import { env, parseEnv } from '../lib/env.server';
import { log } from '../lib/log.server';
import { appOrigin, appUrl } from '../lib/origin.server';
import { runInRequestScope } from '../lib/request-scope.server';
import { limitBodies } from './body-limits';
import { createPageCache, publicPagePaths } from './page-cache';

// The HTTP layer around Remix: request ids and logs, the client's address, the
// same-origin rule for state-changing requests, static files, compression.

export type AppOptions = {
  build: ServerBuild;
  /** Express's "trust proxy" value: hops or addresses allowed to set X-Forwarded-For. */
  trustProxy?: string;
  publicDir?: string;
  /** Seconds an anonymous visitor's public page is shared with the next ones (0: never). */
  pageCacheSeconds?: number;
};

const sessionCookie = /(?:^|;\s*)sen_session=/;
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Signed by their sender instead (checked in their own route).
const originExempt = [/^\/webhooks\//];

function trustProxySetting(value: string | undefined) {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

const loopbackHost = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/;

/**
 * The hosts this server answers for: APP_URL's and those in ALLOWED_HOSTS (e.g. the
 * address a load balancer's checks use). Without APP_URL (development, tests) any
 * loopback host and port.
 */
export function allowedHosts() {
  const { APP_URL, ALLOWED_HOSTS } = env();
  if (!APP_URL) return (host: string | undefined) => Boolean(host && loopbackHost.test(host));
  const hosts = new Set([appUrl().host, ...ALLOWED_HOSTS.map((host) => host.toLowerCase())]);
  return (host: string | undefined) => Boolean(host && hosts.has(host.toLowerCase()));
}

/** With APP_URL, a POST must come from its origin; without, from the host it was sent to. */
function isSameOrigin(origin: string | undefined, host: string | undefined) {
  if (!origin || !host) return false;
  if (env().APP_URL) return origin === appOrigin();
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** PAGE_CACHE_SECONDS: 3 unless set; 0 turns the shared page cache off. */
export function pageCacheSeconds(value = process.env.PAGE_CACHE_SECONDS) {
  return parseEnv({ PAGE_CACHE_SECONDS: value }).PAGE_CACHE_SECONDS;
}

/** "/favicon.svg" and the like: the files directly in public/ (its folders but build/ are not served). */
function listPublicFiles(publicDir: string) {
  try {
    return new Set(
      readdirSync(publicDir, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => `/${entry.name}`),
    );
  } catch {
    return new Set<string>();
  }
}

export function createApp({ build, trustProxy, publicDir = path.resolve('public'), pageCacheSeconds = 0 }: AppOptions) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(trustProxy));

  app.use((req, res, next) => {
    const requestId = randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    // Sen needs no camera, microphone, location or payment APIs in the page.
    res.setHeader(
      'Permissions-Policy',
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    );
    if (appUrl().protocol === 'https:')
      res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // A page made for one signed-in person is never kept by a browser or a proxy.
    if (sessionCookie.test(req.get('cookie') ?? '')) res.setHeader('Cache-Control', 'no-store');
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      log.info('request', {
        requestId,
        method: req.method,
        // Path only: query strings may carry reset tokens.
        path: req.path,
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
    next();
  });

  // A request for another host is refused before anything reads it, so no page,
  // link or cached answer can be made for a host a client chose.
  const isAllowedHost = allowedHosts();
  app.use((req, res, next) => {
    if (req.path === '/healthz' || isAllowedHost(req.get('host'))) return next();
    res.status(400).type('text/plain').send('Bad Request: unknown host');
  });

  // A form posted from another site is refused: browsers always send Origin on POST.
  app.use((req, res, next) => {
    if (!unsafeMethods.has(req.method) || originExempt.some((re) => re.test(req.path))) return next();
    if (!isSameOrigin(req.get('origin'), req.get('host'))) {
      res.status(403).type('text/plain').send('Forbidden: cross-origin request');
      return;
    }
    next();
  });

  app.use(limitBodies());

  const getLoadContext = (req: express.Request, res: express.Response) => ({
    clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    requestId: String(res.locals.requestId),
  });

  if (pageCacheSeconds > 0) {
    const pageCache = createPageCache({
      build,
      mode: env().NODE_ENV,
      getLoadContext,
      freshMs: pageCacheSeconds * 1000,
      staleMs: 10_000,
    });
    // A change made here shows on the next anonymous view, not a few seconds later.
    app.use((req, res, next) => {
      if (unsafeMethods.has(req.method)) res.on('finish', () => res.statusCode < 400 && pageCache.clear());
      next();
    });
    app.get(publicPagePaths, pageCache.middleware);
  }

  app.use(compression());
  // Static files only where a file can be: /build/… and the files at the top of public/
  // (listed once, at start), so a page request never looks on the disk (issue 21).
  app.use('/build', express.static(path.join(publicDir, 'build'), { immutable: true, maxAge: '1y' }));
  const publicFiles = listPublicFiles(publicDir);
  const servePublic = express.static(publicDir, { maxAge: '1h', index: false });
  app.use((req, res, next) => (publicFiles.has(req.path) ? servePublic(req, res, next) : next()));

  const remix = createRequestHandler({ build, mode: env().NODE_ENV, getLoadContext });
  // Each request in its own scope, so its loaders read her session once (app/lib/request-scope.server.ts).
  app.all('*', (req, res, next) => runInRequestScope(req.method, () => remix(req, res, next)));

  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    // A body refused at the edge was already answered 413; Remix's reader then failed with it.
    if (res.locals.bodyRefused) return;
    log.error('unhandled request error', error, { requestId: res.locals.requestId });
    if (res.headersSent) return;
    res.status(500).type('text/plain').send(`Something went wrong. Request id: ${res.locals.requestId}`);
  });

  return app;
}
