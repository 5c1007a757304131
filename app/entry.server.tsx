import { randomBytes } from 'node:crypto';
import type { ActionFunctionArgs, EntryContext, HandleDataRequestFunction, LoaderFunctionArgs } from '@remix-run/node';
import { RemixServer, isRouteErrorResponse } from '@remix-run/react';
import { renderToPipeableStream } from 'react-dom/server';
import { rollSessionCookie } from './lib/auth.server';
import { setMessagesSource } from './lib/i18n';
import { messagesFor, messagesUrl } from './lib/i18n.server';
import { log } from './lib/log.server';
import { NonceContext } from './lib/nonce';
import { collectPage } from './server/strip-nul';

const abortDelay = 5_000;

/**
 * The page's policy: scripts only from Sen itself or carrying this response's
 * nonce, so markup that slipped into a page cannot run; nothing framed, no plugins,
 * no <base> rewriting links. Inline style attributes stay allowed (a few components
 * set widths), images may be data: URLs (QR codes).
 */
function contentSecurityPolicy(nonce: string) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

// Rendering reads the messages here, on the server; pages carry only their URL.
setMessagesSource({ messages: messagesFor, url: messagesUrl });

// The whole page is sent at once (no streaming): it is small, and pages must read
// completely without JavaScript.
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  rollSessionCookie(request, responseHeaders);
  const nonce = randomBytes(16).toString('base64');
  responseHeaders.set('Content-Security-Policy', contentSecurityPolicy(nonce));
  return new Promise<Response>((resolve, reject) => {
    let failed = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={abortDelay} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          // The page is complete: it goes out as one buffer (one socket write), NUL bytes dropped.
          collectPage(pipe).then((page) => {
            responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
            responseHeaders.set('Content-Length', String(page.length));
            resolve(
              new Response(new Uint8Array(page), {
                headers: responseHeaders,
                status: failed ? 500 : responseStatusCode,
              }),
            );
          }, reject);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          failed = true;
          log.error('render failed', error);
        },
      },
    );
    setTimeout(abort, abortDelay + 1000);
  });
}

export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  rollSessionCookie(request, response.headers);
  return response;
};

export function handleError(error: unknown, { request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  // Aborted requests (the browser went away) are not errors of ours.
  if (request.signal.aborted) return;
  // A 4xx the framework answers itself (a form posted to a page without an action: 405) is the client's mistake.
  if (isRouteErrorResponse(error) && error.status < 500) {
    log.warn('request refused', { status: error.status, path: new URL(request.url).pathname });
    return;
  }
  log.error('request failed', error, { path: new URL(request.url).pathname, requestId: context?.requestId });
}
