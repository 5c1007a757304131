import type { AppLoadContext, data } from '@remix-run/node';
import type { GrantedRole } from '../../db/schema';
import type { FormReplyData } from '../../app/components/form';
import type { FieldErrors } from '../../app/lib/forms.server';
import { startSession } from '../../app/lib/auth.server';
import { createUser } from '../../app/modules/accounts/accounts.server';
import { db } from '../../app/lib/db.server';
import { demoStaffTotpSecret } from '../../db/seeds/two-factor';

export const testOrigin = 'http://localhost:3000';
export const testPassword = 'a long test passphrase';

let counter = 0;

/** A new account with the given roles, and a session cookie that signs her in. */
export async function createTestUser(
  options: {
    roles?: GrantedRole[];
    email?: string;
    displayName?: string;
    locale?: 'vi' | 'en';
    consent?: boolean;
    /** Staff only: the provinces she acts for; the whole country when not given (issue 19). */
    provinces?: string[];
  } = {},
) {
  counter += 1;
  const email = options.email ?? `user${counter}.${Math.random().toString(36).slice(2, 8)}@sen.test`;
  const created = await createUser({
    email,
    password: testPassword,
    displayName: options.displayName ?? `Test user ${counter}`,
    locale: options.locale ?? 'vi',
    roles: options.roles,
    // As sign-up would have asked her: pages open only after she agreed to the texts in force.
    consents: options.consent === false ? [] : ['terms'],
  });
  if (!created.ok) throw new Error(`could not create ${email}`);
  // Staff pages need two-step login; test staff are enrolled as the demo staff are.
  if (options.roles?.includes('staff')) {
    await enrolTwoFactor(created.user.id);
    const scopes = options.provinces ?? ['country'];
    await db
      .insertInto('staff_scopes')
      .values(scopes.map((scope) => ({ user_id: created.user.id, scope })))
      .execute();
  }
  const setCookie = await startSession(created.user.id);
  return { id: created.user.id, email, cookie: setCookie.split(';')[0] };
}

/** Two-step login on, with the demo staff key (staff pages need it). */
export async function enrolTwoFactor(userId: string) {
  await db
    .insertInto('two_factor')
    .values({ user_id: userId, secret: demoStaffTotpSecret, confirmed_at: new Date() })
    .execute();
}

export function context(overrides: Partial<AppLoadContext> = {}): AppLoadContext {
  return { clientAddress: '203.0.113.7', requestId: 'test-request', ...overrides };
}

/** A GET as a browser sends it, signed in when given a cookie. */
export function getRequest(path: string, options: { cookie?: string } = {}) {
  const headers = new Headers();
  if (options.cookie) headers.set('Cookie', options.cookie);
  return new Request(new URL(path, testOrigin), { headers });
}

/** A form POST as a browser sends it: urlencoded, same origin, with the cookie. */
export function formRequest(
  path: string,
  fields: Record<string, string | string[]>,
  options: { cookie?: string } = {},
) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  const headers = new Headers({ 'Content-Type': 'application/x-www-form-urlencoded', Origin: testOrigin });
  if (options.cookie) headers.set('Cookie', options.cookie);
  return new Request(new URL(path, testOrigin), { method: 'POST', headers, body });
}

/** Runs a loader or action the way Remix does, returning the Response it threw or returned. */
export async function call<T>(
  fn: (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => Promise<T> | T,
  request: Request,
  params: Record<string, string> = {},
) {
  try {
    return await fn({ request, params, context: context() });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** What `data(...)` (single fetch) returns: a class whose `data` field holds the payload. */
type DataWithResponseInit = ReturnType<typeof data>;

/**
 * The payload a loader or action's result carries, typed from the route function so that a test reading
 * a field the route no longer returns fails to compile. Distributes over the union of a route's branches;
 * thrown or returned Responses (redirects, 404s) carry no payload and drop out. A promise is never a
 * payload: it means a missing `await`, which would otherwise read fields off the wrong thing. An `any`
 * (a parsed JSON body) comes out `unknown`, so that it cannot carry unchecked field reads.
 */
export type Payload<R> = 0 extends 1 & R
  ? unknown
  : R extends Response | PromiseLike<unknown>
    ? never
    : R extends DataWithResponseInit
      ? R['data']
      : R;

/** The payload of `data(...)` (single fetch) or a plain object returned by an action. */
export function payload<R>(result: R): Payload<R> {
  const r = result as { type?: string; data?: unknown };
  return (r && r.type === 'DataWithResponseInit' ? r.data : result) as Payload<R>;
}

/**
 * The branches of a reply that carry `key`, with it present: an action answers in different shapes
 * (a form error, or the thing it made), and a test that reads one shape's field says which it expects.
 */
export type WithKey<T, K extends PropertyKey> = T extends unknown
  ? K extends keyof T
    ? T & { [P in K]-?: Exclude<T[P], undefined> }
    : never
  : never;

/** The reply narrowed to its branches that carry `key`; fails the test when the reply is another branch. */
export function withKey<T, K extends PropertyKey>(reply: T, key: K): WithKey<T, K> {
  if (typeof reply === 'object' && reply !== null && Reflect.get(reply, key) !== undefined) {
    return reply as WithKey<T, K>;
  }
  throw new Error(`expected a reply with "${String(key)}", got ${JSON.stringify(reply)}`);
}

/**
 * A form reply's field errors as the page's `FormError` reads them, `{}` when it has none. Takes the
 * payload, so that a reply with no `errors` or `values` in any branch fails to compile.
 */
export function errorsOf(reply: FormReplyData): FieldErrors {
  return reply?.errors ?? {};
}

export function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status;
  const r = result as { type?: string; init?: { status?: number } | null };
  return r?.type === 'DataWithResponseInit' ? (r.init?.status ?? 200) : 200;
}
