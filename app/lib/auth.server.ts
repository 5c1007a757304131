import { redirect } from '@remix-run/node';
import { type Adapter, type DatabaseSession, type DatabaseUser, Lucia, TimeSpan } from 'lucia';
import { type RawBuilder, sql } from 'kysely';
import type { GrantedRole, Locale } from '../../db/schema';
import { db } from './db.server';
import { env } from './env.server';
import { sharedKeyFor } from './request-scope.server';

// The one module that answers "who is this and what may they do". Every loader
// and action asks it; nothing else in the app imports lucia.

export type Role = 'buyer' | GrantedRole;

type UserAttributes = {
  /** Null for an account made with a phone number only (issue 14). */
  email: string | null;
  display_name: string;
  locale: Locale;
  time_zone: string;
  roles: GrantedRole[];
  two_factor: boolean;
  terms_version: string | null;
  unread_messages: number;
  unread_notifications: number;
};

const adapter: Adapter = {
  async getSessionAndUser(sessionId): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .where('sessions.id', '=', sessionId)
      // A suspended account is signed out everywhere, whatever cookie it still holds (moderation).
      .where(sql<boolean>`(users.suspended_at is null or users.suspended_until <= now())`)
      .select([
        'sessions.id as session_id',
        'sessions.expires_at',
        'users.id',
        'users.email',
        'users.display_name',
        'users.locale',
        'users.time_zone',
        sql<
          GrantedRole[]
        >`coalesce((select array_agg(role order by role) from user_roles where user_id = users.id), '{}')`.as('roles'),
        sql<boolean>`exists (select 1 from two_factor where user_id = users.id and confirmed_at is not null)`.as(
          'two_factor',
        ),
        sql<
          string | null
        >`(select max(version) from consents where user_id = users.id and purpose = 'terms' and withdrawn_at is null)`.as(
          'terms_version',
        ),
        // The header's counts, in the same statement (issue 21: one query for the root loader).
        // Same rules as unreadConversations (messaging) and unreadNotifications (notifications).
        sql<string>`(select count(*) from conversation_members me where me.user_id = users.id and exists (
          select 1 from messages m where m.conversation_id = me.conversation_id and m.sender_id <> users.id
            and m.hidden_at is null and m.created_at > coalesce(me.last_read_at, '-infinity'::timestamptz)))`.as(
          'unread_messages',
        ),
        sql<string>`(select count(*) from notifications where user_id = users.id and read_at is null)`.as(
          'unread_notifications',
        ),
      ])
      .executeTakeFirst();
    if (!row) return [null, null];
    const attributes: UserAttributes = {
      email: row.email,
      display_name: row.display_name,
      locale: row.locale,
      time_zone: row.time_zone,
      roles: row.roles,
      two_factor: row.two_factor,
      terms_version: row.terms_version,
      unread_messages: Number(row.unread_messages),
      unread_notifications: Number(row.unread_notifications),
    };
    return [
      { id: row.session_id, userId: row.id, expiresAt: new Date(row.expires_at), attributes: {} },
      { id: row.id, attributes },
    ];
  },
  async getUserSessions(userId) {
    const rows = await db.selectFrom('sessions').selectAll().where('user_id', '=', userId).execute();
    return rows.map((r) => ({ id: r.id, userId: r.user_id, expiresAt: new Date(r.expires_at), attributes: {} }));
  },
  async setSession(session) {
    await db
      .insertInto('sessions')
      .values({ id: session.id, user_id: session.userId, expires_at: session.expiresAt })
      .execute();
  },
  async updateSessionExpiration(sessionId, expiresAt) {
    await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', sessionId).execute();
  },
  async deleteSession(sessionId) {
    await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
  },
  async deleteUserSessions(userId) {
    await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  },
  async deleteExpiredSessions() {
    await db.deleteFrom('sessions').where('expires_at', '<=', new Date()).execute();
  },
};

export const lucia = new Lucia(adapter, {
  // Lucia extends a session once half of this has passed: sessions slide, and expire when idle.
  sessionExpiresIn: new TimeSpan(30, 'd'),
  sessionCookie: {
    name: 'sen_session',
    attributes: { secure: env().NODE_ENV === 'production', sameSite: 'lax' },
  },
  getUserAttributes: (attributes) => ({
    email: attributes.email,
    displayName: attributes.display_name,
    locale: attributes.locale,
    timeZone: attributes.time_zone,
    roles: ['buyer', ...attributes.roles] as Role[],
    twoFactor: attributes.two_factor,
    termsVersion: attributes.terms_version,
    unreadMessages: attributes.unread_messages,
    unreadNotifications: attributes.unread_notifications,
  }),
});

declare module 'lucia' {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: UserAttributes;
    UserId: string;
  }
}

export type SessionUser = {
  id: string;
  email: string | null;
  displayName: string;
  locale: Locale;
  timeZone: string;
  roles: Role[];
  /** Two-step login is on: every session of hers began with a code (sessions end when it is turned on). */
  twoFactor: boolean;
  /** The version of the operating rules and privacy notice she agreed to (null: none). */
  termsVersion: string | null;
  /** Conversations with a message from someone else she has not read, when her session was read. */
  unreadMessages: number;
  /** Her notifications not yet read, when her session was read. */
  unreadNotifications: number;
};

/** The session id from the Cookie header; a header that is not valid percent-encoding has none. */
function readSessionId(request: Request) {
  try {
    return lucia.readSessionCookie(request.headers.get('Cookie') ?? '');
  } catch {
    return null;
  }
}

const cache = new WeakMap<object, Promise<SessionUser | null>>();

/**
 * The signed-in person, or null. One query per page, however often and by however
 * many of its loaders it is asked: session, person, roles, consent and the header's
 * unread counts together.
 */
export function getUser(request: Request): Promise<SessionUser | null> {
  const key = sharedKeyFor(request);
  let pending = cache.get(key);
  if (!pending) {
    pending = (async () => {
      const sessionId = readSessionId(request);
      if (!sessionId) return null;
      const { user } = await lucia.validateSession(sessionId);
      return user;
    })();
    cache.set(key, pending);
  }
  return pending;
}

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  return redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

/** The signed-in person; anyone else is sent to the login page and back here after. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) throw loginRedirect(request);
  return user;
}

export function hasRole(user: Pick<SessionUser, 'roles'> | null | undefined, role: Role) {
  return Boolean(user?.roles.includes(role));
}

/**
 * The signed-in person holding `role`; anyone else gets 403 (or the login page when anonymous).
 * Staff open identity documents: no staff page opens before two-step login is on.
 */
export async function requireRole(request: Request, role: Role): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!hasRole(user, role)) throw new Response('Forbidden', { status: 403 });
  if (role === 'staff' && !user.twoFactor) throw redirect('/account/security?notice=notice.twoFactor.required');
  return user;
}

/** For pages only anonymous visitors need (login, sign-up): the signed-in go elsewhere. */
export async function requireAnonymous(request: Request, to = '/account') {
  if (await getUser(request)) throw redirect(to);
}

export async function startSession(userId: string) {
  const session = await lucia.createSession(userId, {});
  return lucia.createSessionCookie(session.id).serialize();
}

export async function endSession(request: Request) {
  const sessionId = readSessionId(request);
  if (sessionId) await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

/** The id of the session this request carries (valid or not), or null. */
export function sessionIdOf(request: Request) {
  return readSessionId(request);
}

export async function endAllSessions(userId: string) {
  await lucia.invalidateUserSessions(userId);
  return lucia.createBlankSessionCookie().serialize();
}

/** Ends every session of hers but the one this request carries. */
export async function endOtherSessions(request: Request, userId: string) {
  const current = readSessionId(request);
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (current) query = query.where('id', '!=', current);
  await query.execute();
}

export const sessionCookieName = lucia.sessionCookieName;

/** Re-sends a still-present session cookie with a fresh lifetime, so it slides with the session. */
export function rollSessionCookie(request: Request, responseHeaders: Headers) {
  const alreadySet = responseHeaders.getSetCookie().some((c) => c.startsWith(`${sessionCookieName}=`));
  if (alreadySet) return;
  const sessionId = readSessionId(request);
  if (sessionId) responseHeaders.append('Set-Cookie', lucia.createSessionCookie(sessionId).serialize());
}

// ---- staff scopes (issue 19) ----
// A staff member acts for the whole country or for one or more provinces. Every
// staff loader and action asks requireStaff, and every staff query about a person
// filters with inStaffScope / provinceInScope, so the rule lives here only.

export type StaffScope = { country: boolean; provinces: string[] };
export type StaffUser = SessionUser & { scope: StaffScope };

/** The whole country: for scripts, jobs and tests that act for the Union itself. */
export const countryScope: StaffScope = { country: true, provinces: [] };

export async function staffScopeOf(userId: string): Promise<StaffScope> {
  const rows = await db.selectFrom('staff_scopes').select('scope').where('user_id', '=', userId).execute();
  const scopes = rows.map((r) => r.scope);
  return { country: scopes.includes('country'), provinces: scopes.filter((s) => s !== 'country').sort() };
}

/**
 * Staff with her scope; anyone else as requireRole(…, 'staff'). `country`: the page
 * is for country-level staff only (the team, national course content): 403 for a
 * province officer.
 */
export async function requireStaff(request: Request, options: { country?: boolean } = {}): Promise<StaffUser> {
  const user = await requireRole(request, 'staff');
  const scope = await staffScopeOf(user.id);
  if (options.country && !scope.country) throw new Response('Forbidden', { status: 403 });
  return { ...user, scope };
}

/**
 * The province a person belongs to, as SQL: her business's, else her mentor
 * application's, else the one on her profile (buyers). `userId` is a column reference.
 */
export function personProvince(userId: string) {
  const id = sql.ref(userId);
  return sql<string | null>`coalesce(
    (select bp.province from business_profiles bp where bp.user_id = ${id}),
    (select mp.province from mentor_profiles mp where mp.user_id = ${id}),
    (select u.home_province from users u where u.id = ${id}))`;
}

/** SQL: is this province (a column reference, or a province SQL expression) within the scope? */
export function provinceInScope(scope: StaffScope, province: string | RawBuilder<string | null>) {
  if (scope.country) return sql<boolean>`true`;
  if (!scope.provinces.length) return sql<boolean>`false`;
  const value = typeof province === 'string' ? sql.ref(province) : province;
  return sql<boolean>`coalesce(${value} in (${sql.join(scope.provinces)}), false)`;
}

/** SQL: does the person (a user id column reference) belong to the scope? A person with no province: country staff only. */
export function inStaffScope(scope: StaffScope, userId: string) {
  return provinceInScope(scope, personProvince(userId));
}

/** Is this one person within the scope (for actions on one id before anything changes)? */
export async function personInScope(scope: StaffScope, userId: string) {
  if (scope.country) return true;
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where(inStaffScope(scope, 'users.id'))
    .executeTakeFirst();
  return Boolean(row);
}

// ---- acting for a business (issue 20) ----
// A seller acts on her own listings and orders; the manager of a cooperative or
// household business acts on the business's (business_members, role 'manager').
// Every seller page asks requireSeller and then writes with `sellerId`, so this is
// the one ownership rule: the queries keep saying `seller_id = <sellerId>`.

export type SellerUser = SessionUser & {
  /** The seller whose listings and orders she acts on. */
  sellerId: string;
  /** She manages another person's business (not her own). */
  asManager: boolean;
};

/** The business a person manages as a member (null: none). */
export async function managedBusinessOf(userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('business_members as m')
    .innerJoin('business_profiles as b', 'b.user_id', 'm.business_id')
    .select('m.business_id')
    .where('m.user_id', '=', userId)
    .where('m.state', '=', 'active')
    .where('m.role', '=', 'manager')
    .where('b.business_type', '<>', 'individual')
    .executeTakeFirst();
  return row?.business_id ?? null;
}

/**
 * The signed-in seller, or the manager of a business, with the seller id she acts
 * for. Her own business comes first; anyone else gets 403 (the anonymous, the login page).
 */
export async function requireSeller(request: Request): Promise<SellerUser> {
  const user = await requireUser(request);
  if (hasRole(user, 'entrepreneur')) return { ...user, sellerId: user.id, asManager: false };
  const managed = await managedBusinessOf(user.id);
  if (!managed) throw new Response('Forbidden', { status: 403 });
  return { ...user, sellerId: managed, asManager: true };
}
