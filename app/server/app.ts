import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import { log } from '../lib/log.server';

// The HTTP layer around Remix: request ids and logs, the client's address, the
// same-origin rule for state-changing requests, static files, compression.

export type AppOptions = {
  build: ServerBuild;
  /** Express's "trust proxy" value: hops or addresses allowed to set X-Forwarded-For. */
  trustProxy?: string;
  publicDir?: string;
};

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Signed by their sender instead (checked in their own route).
const originExempt = [/^\/webhooks\//];

function trustProxySetting(value: string | undefined) {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

export function createApp({ build, trustProxy, publicDir = path.resolve('public') }: AppOptions) {
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

  // A form posted from another site is refused: browsers always send Origin on POST.
  app.use((req, res, next) => {
    if (!unsafeMethods.has(req.method) || originExempt.some((re) => re.test(req.path))) return next();
    const origin = req.get('origin');
    const host = req.get('host');
    let sameOrigin = false;
    try {
      sameOrigin = Boolean(origin && host && new URL(origin).host === host);
    } catch {
      sameOrigin = false;
    }
    if (!sameOrigin) {
      res.status(403).type('text/plain').send('Forbidden: cross-origin request');
      return;
    }
    next();
  });

  app.use(compression());
  app.use('/build', express.static(path.join(publicDir, 'build'), { immutable: true, maxAge: '1y' }));
  app.use(express.static(publicDir, { maxAge: '1h' }));

  app.all(
    '*',
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req, res) => ({
        clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        requestId: String(res.locals.requestId),
      }),
    }),
  );

  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    log.error('unhandled request error', error, { requestId: res.locals.requestId });
    if (res.headersSent) return;
    res.status(500).type('text/plain').send(`Something went wrong. Request id: ${res.locals.requestId}`);
  });

  return app;
}
