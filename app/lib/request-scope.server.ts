import { AsyncLocalStorage } from 'node:async_hooks';
import { remember } from './remember.server';

// What one HTTP request shares across the loaders that answer it. Remix hands every
// loader its own copy of the Request, so a page's root and route loaders cannot
// share by the Request object. The HTTP server runs each request inside this scope
// (app/server/app.ts); remember() gives the server and the built app one instance.

type RequestScope = { method: string };

const requestScopes = () => remember('request-scope', () => new AsyncLocalStorage<RequestScope>());

export function runInRequestScope<T>(method: string, fn: () => T): T {
  return requestScopes().run({ method }, fn);
}

/**
 * What a request's loaders may share: one object per GET or HEAD request. After an
 * action (any other method) the loaders must see what it changed, so then each
 * Request is its own key, as it would be without a scope.
 */
export function sharedKeyFor(request: Request): object {
  const scope = requestScopes().getStore();
  return scope && (scope.method === 'GET' || scope.method === 'HEAD') ? scope : request;
}
