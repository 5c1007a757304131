import { describe, expect, it } from 'vitest';
import { runInRequestScope, sharedKeyFor } from '../app/lib/request-scope.server';

// Remix gives each loader of a page its own copy of the Request; the request scope
// lets them share her session read (tests/statements.test.ts counts it once a page).

const copies = () => [new Request('http://sen.test/market'), new Request('http://sen.test/market')];

describe('what the loaders of one request share', () => {
  it('one key for every copy of a GET or HEAD request, and a new key for the next request', async () => {
    for (const method of ['GET', 'HEAD']) {
      const [root, route] = copies();
      const first = await runInRequestScope(method, async () => {
        await Promise.resolve();
        expect(sharedKeyFor(root)).toBe(sharedKeyFor(route));
        return sharedKeyFor(root);
      });
      const next = runInRequestScope(method, () => sharedKeyFor(root));
      expect(next).not.toBe(first);
    }
  });

  it('nothing shared after an action, nor outside a request', () => {
    const [action, loader] = copies();
    runInRequestScope('POST', () => {
      expect(sharedKeyFor(action)).toBe(action);
      expect(sharedKeyFor(loader)).toBe(loader);
    });
    expect(sharedKeyFor(loader)).toBe(loader);
  });
});
