import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentPool } from '../app/lib/db.server';
import { unreadConversations } from '../app/modules/messaging/index.server';
import { unreadNotifications } from '../app/modules/notifications/notifications.server';
import { loader as rootLoader } from '../app/root';
import * as newRoute from '../app/routes/messages.new';
import { call, createTestUser, formRequest, getRequest, payload, statusOf } from './support/fixtures';
import { sellerWithListing } from './support/orders';

// Issue 21: every page runs the root loader; for a signed-in person it reads her
// session, her account and the header's unread counts in one SQL statement.

/** Counts the statements sent to the app's database inside `run` (and only there). */
const scope = new AsyncLocalStorage<{ statements: string[] }>();
let restore: () => void;
beforeAll(async () => {
  const pool = await currentPool();
  const client = await pool.connect();
  const proto = Object.getPrototypeOf(client) as { query: (...args: unknown[]) => unknown };
  const own = Object.getOwnPropertyDescriptor(proto, 'query');
  const original = client.query as unknown as (...args: unknown[]) => unknown;
  client.release();
  proto.query = function (this: pg.PoolClient, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
    scope.getStore()?.statements.push(String(text));
    return original.apply(this, args);
  };
  restore = () => (own ? Object.defineProperty(proto, 'query', own) : delete (proto as { query?: unknown }).query);
});
afterAll(() => restore?.());

async function counted<T>(run: () => Promise<T>) {
  const store = { statements: [] as string[] };
  const result = await scope.run(store, run);
  return { result, statements: store.statements };
}

describe('the root loader', () => {
  it('reads a signed-in person, her roles and her unread counts in one statement, and the counts are right', async () => {
    const { seller, listingId } = await sellerWithListing();
    const buyer = await createTestUser();
    // A buyer writes to the seller: one unread conversation and a notification for her.
    const started = await call(
      newRoute.action,
      formRequest(
        `/messages/new?listing=${listingId}`,
        { body: 'Chị ơi, áo còn size M không?' },
        { cookie: buyer.cookie },
      ),
    );
    expect(statusOf(started)).toBe(302);
    const expected = {
      messages: await unreadConversations(seller.id),
      notifications: await unreadNotifications(seller.id),
    };
    expect(expected.messages).toBe(1);
    expect(expected.notifications).toBeGreaterThanOrEqual(1);

    const { result, statements } = await counted(() =>
      call(rootLoader, getRequest('/market', { cookie: seller.cookie })),
    );
    expect(statements).toHaveLength(1);
    const user = payload(result).user;
    expect(user).toMatchObject({
      unreadMessages: expected.messages,
      unreadNotifications: expected.notifications,
      isEntrepreneur: true,
    });

    // The buyer has read nothing new: zero, in one statement too.
    const other = await counted(() => call(rootLoader, getRequest('/', { cookie: buyer.cookie })));
    expect(other.statements).toHaveLength(1);
    expect(payload(other.result).user).toMatchObject({
      unreadMessages: 0,
      unreadNotifications: await unreadNotifications(buyer.id),
    });
  });

  it('asks nothing of the database for an anonymous visitor', async () => {
    const { statements } = await counted(() => call(rootLoader, getRequest('/market')));
    expect(statements).toEqual([]);
  });
});
