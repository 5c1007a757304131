import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { getStorage } from '../app/lib/storage.server';
import { tinyPdf } from './support/images';
import { createTestUser } from './support/fixtures';
import { learningRows } from './support/learning-access';
import { verificationFixture } from './support/verification';
import { startAppServer } from './support/app-server';
import { mentoringFixture } from './support/mentoring';
import { messagingRows } from './support/messaging-access';
import { deliveredOrder, problemOn } from './support/problems';

// Walks every route as each kind of person and checks who gets in. Every file in
// app/routes must have a row here, so a new route cannot forget its rule.

type Who = 'anonymous' | 'buyer' | 'entrepreneur' | 'mentor' | 'staff';
/** ok: 2xx; login: sent to the login page; forbidden: 403 (or 401, a webhook without its key); away: redirected elsewhere; missing: 404. */
type Outcome = 'ok' | 'login' | 'forbidden' | 'away' | 'missing';

type People = Record<Exclude<Who, 'anonymous'>, { id: string; cookie: string }>;

type Row = {
  file: string;
  path: string | ((people: People) => Promise<string> | string);
  method?: 'GET' | 'POST';
  form?: Record<string, string>;
  expect: Record<Who, Outcome>;
};

const everyone = (outcome: Outcome): Record<Who, Outcome> => ({
  anonymous: outcome,
  buyer: outcome,
  entrepreneur: outcome,
  mentor: outcome,
  staff: outcome,
});
const signedIn = (outcome: Outcome): Record<Who, Outcome> => ({ ...everyone(outcome), anonymous: 'login' });
const anonymousOnly: Record<Who, Outcome> = { ...everyone('away'), anonymous: 'ok' };
export const staffOnly: Record<Who, Outcome> = { ...everyone('forbidden'), anonymous: 'login', staff: 'ok' };
const entrepreneurOnly: Record<Who, Outcome> = { ...everyone('forbidden'), anonymous: 'login', entrepreneur: 'ok' };

/** An open group session hosted by `hostId`, in three days. */
async function groupSession(hostId: string) {
  const starts = new Date(Date.now() + 3 * 86_400_000);
  const row = await db
    .insertInto('group_sessions')
    .values({
      host_id: hostId,
      title: 'Học nhóm',
      starts_at: starts,
      ends_at: new Date(starts.getTime() + 3_600_000),
      seats: 10,
      meeting_mode: 'video',
      meeting_place: 'https://meet.example/x',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A listing of `sellerId` in `state`, for the market rows. */
async function marketListing(sellerId: string, state: 'draft' | 'published') {
  const row = await db
    .insertInto('listings')
    .values({
      seller_id: sellerId,
      title: 'Nón lá',
      price: 50000,
      category: 'handicrafts',
      state,
      published_at: state === 'published' ? new Date() : null,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
async function otherSeller(verified = false) {
  const { id } = await createTestUser({ roles: ['entrepreneur'] });
  if (verified) {
    await db
      .insertInto('business_profiles')
      .values({
        user_id: id,
        slug: `access-${id.slice(0, 8)}`,
        business_name: 'Nón lá',
        owner_name: 'Chị A',
        province: 'hue',
        verification_status: 'approved',
        verified_at: new Date(),
        updated_at: new Date(),
      })
      .execute();
  }
  return id;
}

/** A COD order of people.buyer from a seller: people.entrepreneur's when `ownSeller`, else another's. */
async function accessOrder(p: People, ownSeller: boolean) {
  const sellerId = ownSeller ? p.entrepreneur.id : await otherSeller(true);
  const listingId = await marketListing(sellerId, 'published');
  const order = await db
    .insertInto('orders')
    .values({
      checkout_id: crypto.randomUUID(),
      buyer_id: p.buyer.id,
      seller_id: sellerId,
      state: 'placed',
      payment_method: 'cod',
      delivery_name: 'Mai',
      delivery_phone: '0987654321',
      delivery_address: '1 Lê Lợi',
      delivery_province: 'hue',
      subtotal: 50000,
      shipping_fee: 0,
      total: 50000,
      placed_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('order_items')
    .values({ order_id: order.id, listing_id: listingId, title: 'Nón lá', unit_price: 50000, quantity: 1 })
    .execute();
  if (ownSeller) {
    await db
      .insertInto('business_profiles')
      .values({
        user_id: sellerId,
        slug: `access-${sellerId.slice(0, 8)}`,
        business_name: 'Access test',
        owner_name: 'Test',
        province: 'ha-noi',
        updated_at: new Date(),
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return order.id;
}

/** An open report about another seller's listing, filed by a fresh account (for the moderation rows). */
async function accessReport() {
  const sellerId = await otherSeller(true);
  const listingId = await marketListing(sellerId, 'published');
  const reporter = await createTestUser();
  const row = await db
    .insertInto('reports')
    .values({ reporter_id: reporter.id, subject_user_id: sellerId, listing_id: listingId, category: 'scam' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const rows: Row[] = [
  { file: '_index.tsx', path: '/', expect: everyone('ok') },
  { file: '$.tsx', path: '/no-such-page', expect: everyone('missing') },
  { file: 'healthz.ts', path: '/healthz', expect: everyone('ok') },
  { file: 'i18n.$file.ts', path: '/i18n/vi.000000000000.js', expect: everyone('ok') },
  {
    file: 'language.ts',
    path: '/language',
    method: 'POST',
    form: { locale: 'en', redirectTo: '/' },
    expect: everyone('away'),
  },
  { file: 'signup.tsx', path: '/signup', expect: anonymousOnly },
  { file: 'signup_.confirm.tsx', path: '/signup/confirm?token=nope', expect: everyone('ok') },
  {
    file: 'signup.tsx',
    path: '/signup?by=phone',
    method: 'POST',
    form: { by: 'phone', phone: 'x' },
    expect: anonymousOnly,
  },
  { file: 'signup_.phone.tsx', path: '/signup/phone', expect: everyone('away') },
  { file: 'signup_.phone_.code.tsx', path: '/signup/phone/code?challenge=nope', expect: anonymousOnly },
  {
    file: 'signup_.phone_.code.tsx',
    path: '/signup/phone/code',
    method: 'POST',
    form: { code: '1' },
    expect: anonymousOnly,
  },
  { file: 'login.tsx', path: '/login', expect: anonymousOnly },
  { file: 'logout.tsx', path: '/logout', expect: { ...everyone('ok'), anonymous: 'away' } },
  { file: 'forgot-password.tsx', path: '/forgot-password', expect: everyone('ok') },
  { file: 'reset-password.tsx', path: '/reset-password?token=nope', expect: everyone('ok') },
  { file: 'reset-password_.code.tsx', path: '/reset-password/code?challenge=nope', expect: everyone('ok') },
  {
    file: 'reset-password_.code.tsx',
    path: '/reset-password/code',
    method: 'POST',
    form: { code: '1', password: 'x' },
    expect: everyone('ok'),
  },
  { file: 'account_.contact.tsx', path: '/account/contact', expect: signedIn('ok') },
  {
    file: 'account_.contact.tsx',
    path: '/account/contact',
    method: 'POST',
    form: { intent: 'phone', phone: 'x' },
    expect: signedIn('ok'),
  },
  { file: 'account_.email.confirm.tsx', path: '/account/email/confirm?token=nope', expect: everyone('ok') },
  {
    file: 'account_.email.confirm.tsx',
    path: '/account/email/confirm',
    method: 'POST',
    form: { token: 'nope' },
    expect: everyone('ok'),
  },
  { file: 'account.tsx', path: '/account', expect: signedIn('ok') },
  {
    file: 'account.tsx',
    path: '/account',
    method: 'POST',
    form: { intent: 'profile' },
    expect: { ...signedIn('ok'), anonymous: 'login' },
  },
  ...learningRows({ everyone, signedIn, staffOnly }),
  // ---- verification ----
  { file: 'dashboard.tsx', path: '/dashboard', expect: signedIn('ok') },
  { file: 'dashboard._index.tsx', path: '/dashboard', expect: signedIn('ok') },
  { file: 'dashboard.verification.tsx', path: '/dashboard/verification', expect: signedIn('ok') },
  {
    file: 'dashboard.verification.tsx',
    path: '/dashboard/verification',
    method: 'POST',
    form: { intent: 'profile' },
    expect: signedIn('ok'),
  },
  { file: 'staff.verifications._index.tsx', path: '/staff/verifications', expect: staffOnly },
  {
    file: 'staff.verifications.$id.tsx',
    path: async (p) => `/staff/verifications/${(await verificationFixture(p)).userId}`,
    expect: staffOnly,
  },
  {
    file: 'staff.verifications.$id.tsx',
    path: async (p) => `/staff/verifications/${(await verificationFixture(p)).userId}`,
    method: 'POST',
    form: { intent: 'decide' },
    expect: staffOnly,
  },
  {
    file: 'staff.verifications.$id.tsx',
    path: async (p) => `/staff/verifications/${(await verificationFixture(p)).userId}`,
    method: 'POST',
    form: { intent: 'meeting' },
    expect: staffOnly,
  },
  {
    file: 'staff.verifications._index.tsx',
    path: '/staff/verifications',
    method: 'POST',
    form: { intent: 'bulkNeedsInfo' },
    expect: staffOnly,
  },
  {
    file: 'staff.documents.$id.ts',
    path: async (p) => `/staff/documents/${(await verificationFixture(p)).documentId}`,
    expect: staffOnly,
  },
  { file: 'staff.impact.tsx', path: '/staff/impact', expect: staffOnly },
  { file: 's.$slug.tsx', path: async (p) => `/s/${(await verificationFixture(p)).slug}`, expect: everyone('ok') },
  {
    file: 'files.$.ts',
    path: async (p) => `/files/${(await verificationFixture(p)).publicKey}`,
    expect: everyone('ok'),
  },
  {
    file: 'files.$.ts',
    path: async (p) => `/files/${(await verificationFixture(p)).documentKey}`,
    expect: everyone('missing'),
  },
  // ---- market ----
  {
    file: 'market._index.tsx',
    path: '/market?q=non+la&category=handicrafts&f=1&sort=price_asc',
    expect: everyone('ok'),
  },
  {
    file: 'market.$id.tsx',
    path: async () => `/market/${await marketListing(await otherSeller(true), 'published')}`,
    expect: everyone('ok'),
  },
  {
    file: 'market.$id.tsx',
    path: async (p) => `/market/${await marketListing(p.entrepreneur.id, 'draft')}`,
    expect: everyone('missing'),
  },
  { file: 'dashboard.listings._index.tsx', path: '/dashboard/listings', expect: entrepreneurOnly },
  { file: 'dashboard.listings.new.tsx', path: '/dashboard/listings/new', expect: entrepreneurOnly },
  {
    file: 'dashboard.listings.new.tsx',
    path: '/dashboard/listings/new',
    method: 'POST',
    form: { title: '' },
    expect: entrepreneurOnly,
  },
  {
    file: 'dashboard.listings.$id.tsx',
    path: async (p) => `/dashboard/listings/${await marketListing(p.entrepreneur.id, 'draft')}`,
    expect: entrepreneurOnly,
  },
  // Another seller's listing: 403 for every entrepreneur but its owner.
  {
    file: 'dashboard.listings.$id.tsx',
    path: async () => `/dashboard/listings/${await marketListing(await otherSeller(), 'draft')}`,
    expect: { ...entrepreneurOnly, entrepreneur: 'forbidden' },
  },
  {
    file: 'dashboard.listings.$id.tsx',
    path: async () => `/dashboard/listings/${await marketListing(await otherSeller(), 'draft')}`,
    method: 'POST',
    form: { intent: 'state', to: 'published' },
    expect: { ...entrepreneurOnly, entrepreneur: 'forbidden' },
  },
  // ---- orders ----
  // Guests have a cart too (in a signed cookie).
  { file: 'cart.tsx', path: '/cart', expect: everyone('ok') },
  {
    file: 'cart.tsx',
    path: '/cart',
    method: 'POST',
    form: { intent: 'add', listingId: 'nope' },
    expect: everyone('ok'),
  },
  // An empty cart has nothing to check out: back to the cart.
  { file: 'checkout.tsx', path: '/checkout', expect: signedIn('away') },
  { file: 'checkout.tsx', path: '/checkout', method: 'POST', form: { payment: 'cod' }, expect: signedIn('away') },
  { file: 'orders._index.tsx', path: '/orders', expect: signedIn('ok') },
  {
    file: 'orders.$id.tsx',
    path: async (p) => `/orders/${await accessOrder(p, false)}`,
    expect: { ...everyone('missing'), anonymous: 'login', buyer: 'ok' },
  },
  {
    file: 'orders.$id.tsx',
    path: async (p) => `/orders/${await accessOrder(p, false)}`,
    method: 'POST',
    form: { intent: 'accept' },
    expect: { ...everyone('missing'), anonymous: 'login', buyer: 'forbidden' },
  },
  { file: 'dashboard.orders._index.tsx', path: '/dashboard/orders', expect: entrepreneurOnly },
  {
    file: 'dashboard.orders.$id.tsx',
    path: async (p) => `/dashboard/orders/${await accessOrder(p, true)}`,
    expect: entrepreneurOnly,
  },
  {
    file: 'dashboard.orders.$id.tsx',
    path: async (p) => `/dashboard/orders/${await accessOrder(p, false)}`,
    expect: { ...entrepreneurOnly, entrepreneur: 'missing' },
  },
  {
    file: 'dashboard.orders.$id.tsx',
    path: async (p) => `/dashboard/orders/${await accessOrder(p, false)}`,
    method: 'POST',
    form: { intent: 'accept' },
    expect: { ...entrepreneurOnly, entrepreneur: 'missing' },
  },
  // Without a valid Stripe signature: 400 for anyone, nothing changes.
  {
    file: 'webhooks.stripe.ts',
    path: '/webhooks/stripe',
    method: 'POST',
    form: { id: 'evt_1' },
    expect: everyone('ok'),
  },
  // Issue 18: the bank webhook answers only to a seller's key, whoever's session comes with it.
  {
    file: 'webhooks.bank.ts',
    path: '/webhooks/bank',
    method: 'POST',
    form: { id: '1' },
    expect: everyone('forbidden'),
  },
  // Issue 20: the carrier's webhook answers only to its token; without a configured carrier it is not there.
  {
    file: 'webhooks.carrier.$code.ts',
    path: '/webhooks/carrier/ghn',
    method: 'POST',
    form: { OrderCode: 'GHN1' },
    expect: everyone('missing'),
  },
  { file: 'dashboard.shipping.tsx', path: '/dashboard/shipping', expect: entrepreneurOnly },
  {
    file: 'dashboard.shipping.tsx',
    path: '/dashboard/shipping',
    method: 'POST',
    // A ward of another province: 400 for the seller (nothing saved), refused for everyone else.
    form: { name: 'Mai', phone: '0912000111', address: 'Thôn 1', province: 'lao-cai', ward: 'Xã Mai Sơn' },
    expect: entrepreneurOnly,
  },
  {
    file: 'dashboard.orders.$id.tsx',
    path: async (p) => `/dashboard/orders/${await accessOrder(p, false)}`,
    method: 'POST',
    form: { intent: 'carrierShip', weight: '500' },
    expect: { ...entrepreneurOnly, entrepreneur: 'missing' },
  },
  { file: 'dashboard.payout.tsx', path: '/dashboard/payout', expect: entrepreneurOnly },
  {
    file: 'dashboard.payout.tsx',
    path: '/dashboard/payout',
    method: 'POST',
    form: { intent: 'key' },
    expect: entrepreneurOnly,
  },
  { file: 'staff.payouts.tsx', path: '/staff/payouts', expect: staffOnly },
  {
    file: 'staff.payouts.tsx',
    path: '/staff/payouts',
    method: 'POST',
    form: { sellerId: '00000000-0000-4000-8000-000000000000', decision: 'approved' },
    expect: staffOnly,
  },
  // Issue 18: problems with an order. The buyer's page is hers alone; the seller's hers alone; staff decide.
  {
    file: 'orders_.$id.problem.tsx',
    path: async (p) => `/orders/${await deliveredOrder(p.buyer.id, await otherSeller(true))}/problem`,
    expect: { ...everyone('missing'), anonymous: 'login', buyer: 'ok' },
  },
  {
    file: 'orders_.$id.problem.tsx',
    path: async (p) => `/orders/${await deliveredOrder(p.buyer.id, await otherSeller(true))}/problem`,
    method: 'POST',
    form: { intent: 'open', kind: 'damaged', note: 'Vỡ' },
    expect: { ...everyone('missing'), anonymous: 'login', buyer: 'away' },
  },
  // The seller's own answer is not the buyer's to give: 400 on her own page (a form error), 404 elsewhere.
  {
    file: 'orders_.$id.problem.tsx',
    path: async (p) => {
      const orderId = await deliveredOrder(p.buyer.id, await otherSeller(true));
      await problemOn(orderId);
      return `/orders/${orderId}/problem`;
    },
    method: 'POST',
    form: { intent: 'answer', kind: 'reply', note: 'x' },
    expect: { ...everyone('missing'), anonymous: 'login', buyer: 'ok' },
  },
  {
    file: 'dashboard.orders_.$id.problem.tsx',
    path: async (p) => {
      const orderId = await deliveredOrder(p.buyer.id, p.entrepreneur.id);
      await problemOn(orderId);
      return `/dashboard/orders/${orderId}/problem`;
    },
    expect: entrepreneurOnly,
  },
  {
    file: 'dashboard.orders_.$id.problem.tsx',
    path: async (p) => {
      const orderId = await deliveredOrder(p.buyer.id, await otherSeller(true));
      await problemOn(orderId);
      return `/dashboard/orders/${orderId}/problem`;
    },
    method: 'POST',
    form: { intent: 'answer', kind: 'reply', note: 'Hàng đúng mô tả' },
    expect: { ...entrepreneurOnly, entrepreneur: 'missing' },
  },
  {
    file: 'dashboard.orders_.$id.problem.tsx',
    path: async (p) => {
      const orderId = await deliveredOrder(p.buyer.id, p.entrepreneur.id);
      await problemOn(orderId);
      return `/dashboard/orders/${orderId}/problem`;
    },
    method: 'POST',
    form: { intent: 'answer', kind: 'reply', note: 'Hàng đúng mô tả' },
    expect: { ...entrepreneurOnly, entrepreneur: 'away' },
  },
  { file: 'staff.disputes._index.tsx', path: '/staff/disputes', expect: staffOnly },
  {
    file: 'staff.disputes.$id.tsx',
    path: async (p) =>
      `/staff/disputes/${(await problemOn(await deliveredOrder(p.buyer.id, await otherSeller(true)), 'with_staff')).problemId}`,
    expect: staffOnly,
  },
  {
    file: 'staff.disputes.$id.tsx',
    path: async (p) =>
      `/staff/disputes/${(await problemOn(await deliveredOrder(p.buyer.id, await otherSeller(true)), 'with_staff')).problemId}`,
    method: 'POST',
    form: { decision: 'no_refund', note: 'Hàng đúng mô tả' },
    expect: { ...staffOnly, staff: 'away' },
  },
  // Photos: the buyer of the order and staff (the seller too, tested in tests/problems.test.ts); nobody else.
  {
    file: 'problems.photos.$id.ts',
    path: async (p) =>
      `/problems/photos/${(await problemOn(await deliveredOrder(p.buyer.id, await otherSeller(true)))).photoId}`,
    expect: { ...everyone('missing'), anonymous: 'login', buyer: 'ok', staff: 'ok' },
  },
  // The benchmark's floor exists only when the server runs with BENCH=1.
  { file: 'bench.floor.tsx', path: '/bench/floor', expect: everyone('missing') },
  // ---- mentoring ----
  { file: 'mentors._index.tsx', path: '/mentors?topic=pricing', expect: everyone('ok') },
  {
    file: 'mentors.$id.tsx',
    path: async (p) => `/mentors/${(await mentoringFixture(p)).mentorId}`,
    expect: everyone('ok'),
  },
  {
    file: 'mentors.$id.tsx',
    path: async (p) => `/mentors/${(await mentoringFixture(p)).mentorId}`,
    method: 'POST',
    form: { startsAt: 'soon' },
    expect: signedIn('ok'),
  },
  { file: 'sessions._index.tsx', path: '/sessions', expect: signedIn('ok') },
  {
    file: 'sessions.$id.tsx',
    path: async (p) => `/sessions/${(await mentoringFixture(p)).sessionId}`,
    expect: { ...signedIn('missing'), entrepreneur: 'ok', mentor: 'ok' },
  },
  {
    file: 'sessions.$id.tsx',
    path: async (p) => `/sessions/${(await mentoringFixture(p)).sessionId}`,
    method: 'POST',
    form: { intent: 'rate', rating: 'x' },
    expect: { ...signedIn('missing'), entrepreneur: 'ok', mentor: 'ok' },
  },
  {
    file: 'sessions.$id_.ics.ts',
    path: async (p) => `/sessions/${(await mentoringFixture(p)).sessionId}/ics`,
    expect: { ...signedIn('missing'), entrepreneur: 'ok', mentor: 'ok' },
  },
  {
    file: 'dashboard.mentoring.tsx',
    path: async (p) => (await mentoringFixture(p), '/dashboard/mentoring'),
    expect: { ...staffOnly, staff: 'forbidden', mentor: 'ok' },
  },
  {
    file: 'dashboard.mentoring.tsx',
    path: async (p) => (await mentoringFixture(p), '/dashboard/mentoring'),
    method: 'POST',
    form: { intent: 'offer' },
    expect: { ...staffOnly, staff: 'forbidden', mentor: 'ok' },
  },
  // Group sessions (issue 20): anyone reads; only the host changes seats or downloads it before booking; approved mentors and staff host.
  { file: 'group-sessions._index.tsx', path: '/group-sessions', expect: everyone('ok') },
  {
    file: 'group-sessions.$id.tsx',
    path: async (p) => `/group-sessions/${await groupSession(p.mentor.id)}`,
    expect: everyone('ok'),
  },
  {
    file: 'group-sessions.$id.tsx',
    path: async (p) => `/group-sessions/${await groupSession(p.mentor.id)}`,
    method: 'POST',
    form: { intent: 'seats', seats: '5' },
    expect: { ...signedIn('missing'), mentor: 'away' },
  },
  {
    file: 'group-sessions.$id_.ics.ts',
    path: async (p) => `/group-sessions/${await groupSession(p.mentor.id)}/ics`,
    expect: { ...signedIn('missing'), mentor: 'ok' },
  },
  {
    file: 'dashboard.group-sessions.tsx',
    path: async (p) => (await mentoringFixture(p), '/dashboard/group-sessions'),
    expect: { ...staffOnly, mentor: 'ok' },
  },
  {
    file: 'dashboard.group-sessions.tsx',
    path: async (p) => (await mentoringFixture(p), '/dashboard/group-sessions'),
    method: 'POST',
    form: { title: '' },
    expect: { ...staffOnly, mentor: 'ok' },
  },
  // Cooperatives (issue 20): the seller or the manager of a business; invitations for anyone signed in.
  { file: 'dashboard.cooperative.tsx', path: '/dashboard/cooperative', expect: entrepreneurOnly },
  {
    file: 'dashboard.cooperative.tsx',
    path: '/dashboard/cooperative',
    method: 'POST',
    form: { intent: 'invite', contact: '' },
    expect: entrepreneurOnly,
  },
  { file: 'account_.memberships.tsx', path: '/account/memberships', expect: signedIn('ok') },
  {
    file: 'account_.memberships.tsx',
    path: '/account/memberships',
    method: 'POST',
    form: { id: 'x', answer: 'accept' },
    expect: signedIn('ok'),
  },
  // OCOP checks: staff; a claim that does not exist is not found.
  { file: 'staff.ocop.tsx', path: '/staff/ocop', expect: staffOnly },
  {
    file: 'staff.ocop.tsx',
    path: '/staff/ocop',
    method: 'POST',
    form: { id: '00000000-0000-4000-8000-000000000000', decision: 'verified' },
    expect: { ...staffOnly, staff: 'missing' },
  },
  {
    file: 'staff.ocop.$id.certificate.ts',
    path: '/staff/ocop/00000000-0000-4000-8000-000000000000/certificate',
    expect: { ...staffOnly, staff: 'missing' },
  },
  { file: 'safety.tsx', path: '/safety', expect: everyone('ok') },
  { file: 'privacy.tsx', path: '/privacy', expect: everyone('ok') },
  { file: 'terms.tsx', path: '/terms', expect: everyone('ok') },
  { file: 'about.tsx', path: '/about', expect: everyone('ok') },
  { file: 'menu.tsx', path: '/menu', expect: everyone('ok') },
  { file: 'offline.tsx', path: '/offline', expect: everyone('ok') },
  {
    file: 'save-data.ts',
    path: '/save-data',
    method: 'POST',
    form: { saveData: 'on', redirectTo: '/market' },
    expect: everyone('away'),
  },
  { file: 'sw[.]js.ts', path: '/sw.js', expect: everyone('ok') },
  { file: 'manifest[.]webmanifest.ts', path: '/manifest.webmanifest', expect: everyone('ok') },
  { file: 'account_.security.tsx', path: '/account/security', expect: signedIn('ok') },
  {
    file: 'account_.security.tsx',
    path: '/account/security',
    method: 'POST',
    form: { intent: 'start' },
    expect: signedIn('away'),
  },
  // Only after a right password (the challenge cookie); the signed-in have nothing to answer.
  { file: 'login_.code.tsx', path: '/login/code', expect: { ...everyone('away'), anonymous: 'login' } },
  {
    file: 'login_.code.tsx',
    path: '/login/code',
    method: 'POST',
    form: { code: '123456' },
    expect: { ...everyone('away'), anonymous: 'login' },
  },
  { file: 'staff.audit.tsx', path: '/staff/audit', expect: staffOnly },
  { file: 'account_.notifications.tsx', path: '/account/notifications', expect: signedIn('ok') },
  {
    file: 'account_.notifications.tsx',
    path: '/account/notifications',
    method: 'POST',
    form: { phone_order_placed: 'carrier-pigeon' },
    expect: signedIn('ok'),
  },
  // Issue 19: her province and self-declared groups; groups without consent are refused (400).
  { file: 'account_.about.tsx', path: '/account/about', expect: signedIn('ok') },
  {
    file: 'account_.about.tsx',
    path: '/account/about',
    method: 'POST',
    form: { homeProvince: 'lao-cai', ageGroup: '25_34' },
    expect: signedIn('ok'),
  },
  { file: 'staff.people.$id.deliveries.tsx', path: (p) => `/staff/people/${p.buyer.id}/deliveries`, expect: staffOnly },
  { file: 'account_.privacy.tsx', path: '/account/privacy', expect: signedIn('ok') },
  {
    file: 'account_.privacy.tsx',
    path: '/account/privacy',
    method: 'POST',
    form: { intent: 'delete', password: 'wrong password' },
    expect: signedIn('ok'),
  },
  // Nobody's export under a made-up id: a clear 404 to everyone signed in.
  {
    file: 'account_.privacy.export.$id.ts',
    path: '/account/privacy/export/00000000-0000-0000-0000-000000000000',
    expect: signedIn('missing'),
  },
  // She has agreed already (the fixtures' people have), so the page sends her on.
  { file: 'consent.tsx', path: '/consent', expect: signedIn('away') },
  { file: 'consent.tsx', path: '/consent', method: 'POST', form: { agree: 'on' }, expect: signedIn('away') },
  { file: 'notifications.tsx', path: '/notifications', expect: signedIn('ok') },
  { file: 'notifications.tsx', path: '/notifications', method: 'POST', expect: signedIn('away') },
  // ---- moderation ----
  {
    file: 'reports.new.tsx',
    path: async () => `/reports/new?listing=${await marketListing(await otherSeller(true), 'published')}`,
    expect: signedIn('ok'),
  },
  {
    file: 'reports.new.tsx',
    path: async () => `/reports/new?listing=${await marketListing(await otherSeller(true), 'published')}`,
    method: 'POST',
    form: { category: '' },
    expect: signedIn('ok'),
  },
  // Nobody reports herself.
  {
    file: 'reports.new.tsx',
    path: (p) => `/reports/new?user=${p.entrepreneur.id}`,
    expect: { ...signedIn('ok'), entrepreneur: 'forbidden' },
  },
  { file: 'staff.reports._index.tsx', path: '/staff/reports?status=open&category=scam', expect: staffOnly },
  { file: 'staff.reports.$id.tsx', path: async () => `/staff/reports/${await accessReport()}`, expect: staffOnly },
  {
    file: 'staff.reports.$id.tsx',
    path: async () => `/staff/reports/${await accessReport()}`,
    method: 'POST',
    form: { action: '' },
    expect: staffOnly,
  },
  { file: 'staff.scam-accounts.tsx', path: '/staff/scam-accounts', expect: staffOnly },
  {
    file: 'staff.scam-accounts.tsx',
    path: '/staff/scam-accounts',
    method: 'POST',
    form: { intent: 'add', kind: 'number', value: '', reason: '' },
    expect: staffOnly,
  },
  ...messagingRows({ signedIn }),
  // ---- the Union at scale (issue 19) ----
  { file: 'staff.team.tsx', path: '/staff/team', expect: staffOnly },
  { file: 'staff.outcomes.tsx', path: '/staff/outcomes?from=2026-01&to=2026-12', expect: staffOnly },
  { file: 'staff.outcomes[.]csv.ts', path: '/staff/outcomes.csv', expect: staffOnly },
  {
    file: 'staff.team.tsx',
    path: '/staff/team',
    method: 'POST',
    form: { userId: '00000000-0000-4000-8000-000000000000', country: 'on' },
    expect: { ...staffOnly, staff: 'missing' },
  },
  // The Union's desk (issue 19): assisted sign-up; taking a report.
  { file: 'staff.assist.tsx', path: '/staff/assist', expect: staffOnly },
  { file: 'staff.assist.tsx', path: '/staff/assist', method: 'POST', form: { intent: 'start' }, expect: staffOnly },
  {
    file: 'staff.reports.$id.tsx',
    path: async () => `/staff/reports/${await accessReport()}`,
    method: 'POST',
    form: { intent: 'take' },
    expect: { ...staffOnly, staff: 'away' },
  },
];

// ---- province officers (issue 19) ----
// Two officers, one for Lào Cai and one for Hà Nội, walk every staff route about
// a woman of Lào Cai: hers opens for the first, is 404 for the second; pages for
// country-level staff only are 403 for both.

type Officer = 'laoCai' | 'haNoi';
type Province = {
  personId: string;
  businessName: string;
  documentId: string;
  reportId: string;
  ocopListingId: string;
};
type ScopeRow = {
  file: string;
  path: (p: Province, people: People) => Promise<string> | string;
  method?: 'GET' | 'POST';
  form?: (p: Province) => Record<string, string>;
  expect: Record<Officer, Outcome>;
};

const both = (outcome: Outcome): Record<Officer, Outcome> => ({ laoCai: outcome, haNoi: outcome });
const hersOnly: Record<Officer, Outcome> = { laoCai: 'ok', haNoi: 'missing' };

const scopeRows: ScopeRow[] = [
  // Problems with orders go by the seller's province; a person's deliveries by hers.
  { file: 'staff.disputes._index.tsx', path: () => '/staff/disputes', expect: both('ok') },
  {
    file: 'staff.disputes.$id.tsx',
    path: async (p, people) =>
      `/staff/disputes/${(await problemOn(await deliveredOrder(people.buyer.id, p.personId), 'with_staff')).problemId}`,
    expect: hersOnly,
  },
  {
    file: 'staff.disputes.$id.tsx',
    path: async (p, people) =>
      `/staff/disputes/${(await problemOn(await deliveredOrder(people.buyer.id, p.personId), 'with_staff')).problemId}`,
    method: 'POST',
    form: () => ({ decision: 'no_refund', note: 'Hàng đúng mô tả' }),
    expect: { laoCai: 'away', haNoi: 'missing' },
  },
  { file: 'staff.people.$id.deliveries.tsx', path: (p) => `/staff/people/${p.personId}/deliveries`, expect: hersOnly },
  { file: 'staff.verifications._index.tsx', path: () => '/staff/verifications', expect: both('ok') },
  { file: 'staff.verifications.$id.tsx', path: (p) => `/staff/verifications/${p.personId}`, expect: hersOnly },
  // An in-person meeting recorded on another province's person, and a bulk request naming her: 404.
  {
    file: 'staff.verifications.$id.tsx',
    path: (p) => `/staff/verifications/${p.personId}`,
    method: 'POST',
    form: () => ({ intent: 'meeting', metOn: '2026-01-05', place: 'Hội LHPN xã Tả Van', note: '' }),
    expect: { laoCai: 'away', haNoi: 'missing' },
  },
  {
    file: 'staff.verifications._index.tsx',
    path: () => '/staff/verifications',
    method: 'POST',
    form: (p) => ({ intent: 'bulkNeedsInfo', item: `business:${p.personId}`, reasonCode: 'id_unreadable' }),
    expect: { laoCai: 'away', haNoi: 'missing' },
  },
  // A decision posted on another province's id: 404, whatever the form.
  {
    file: 'staff.verifications.$id.tsx',
    path: (p) => `/staff/verifications/${p.personId}`,
    method: 'POST',
    form: () => ({
      intent: 'decide',
      subject: 'business',
      decision: 'approve',
      reasonCode: 'checked',
      confirmed: 'yes',
    }),
    expect: { laoCai: 'away', haNoi: 'missing' },
  },
  { file: 'staff.documents.$id.ts', path: (p) => `/staff/documents/${p.documentId}`, expect: hersOnly },
  { file: 'staff.impact.tsx', path: () => '/staff/impact', expect: both('ok') },
  // OCOP claims go by the seller's province (issue 20).
  { file: 'staff.ocop.tsx', path: () => '/staff/ocop', expect: both('ok') },
  {
    file: 'staff.ocop.tsx',
    path: () => '/staff/ocop',
    method: 'POST',
    form: (p) => ({ id: p.ocopListingId, decision: 'verified' }),
    expect: { laoCai: 'away', haNoi: 'missing' },
  },
  {
    file: 'staff.ocop.$id.certificate.ts',
    path: (p) => `/staff/ocop/${p.ocopListingId}/certificate`,
    expect: hersOnly,
  },
  { file: 'staff.audit.tsx', path: () => '/staff/audit', expect: both('ok') },
  { file: 'staff.payouts.tsx', path: () => '/staff/payouts', expect: both('ok') },
  {
    file: 'staff.payouts.tsx',
    path: () => '/staff/payouts',
    method: 'POST',
    form: (p) => ({ sellerId: p.personId, decision: 'approved' }),
    expect: hersOnly,
  },
  { file: 'staff.reports._index.tsx', path: () => '/staff/reports', expect: both('ok') },
  { file: 'staff.reports.$id.tsx', path: (p) => `/staff/reports/${p.reportId}`, expect: hersOnly },
  {
    file: 'staff.reports.$id.tsx',
    path: (p) => `/staff/reports/${p.reportId}`,
    method: 'POST',
    form: () => ({ action: '' }),
    expect: hersOnly,
  },
  // The Union's desk (issue 19): take a report, give a review to a colleague, sign a woman up in her province.
  {
    file: 'staff.reports.$id.tsx',
    path: (p) => `/staff/reports/${p.reportId}`,
    method: 'POST',
    form: () => ({ intent: 'take' }),
    expect: { laoCai: 'away', haNoi: 'missing' },
  },
  {
    file: 'staff.verifications.$id.tsx',
    path: (p) => `/staff/verifications/${p.personId}`,
    method: 'POST',
    form: () => ({ intent: 'assign', to: officers?.laoCai.id ?? '' }),
    expect: { laoCai: 'away', haNoi: 'missing' },
  },
  { file: 'staff.assist.tsx', path: () => '/staff/assist', expect: both('ok') },
  // A woman of Lào Cai: the Hà Nội officer is refused (400, the province is not hers), nothing is made.
  {
    file: 'staff.assist.tsx',
    path: () => '/staff/assist',
    method: 'POST',
    form: () => ({
      intent: 'start',
      displayName: 'Chị Mỷ',
      phone: `090${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
      password: 'mật khẩu dài của chị Mỷ',
      province: 'lao-cai',
      method: 'spoken',
      note: 'Đọc điều khoản bằng tiếng H’Mông tại nhà văn hoá xã',
      agree: 'on',
    }),
    expect: { laoCai: 'away', haNoi: 'ok' },
  },
  { file: 'staff.scam-accounts.tsx', path: () => '/staff/scam-accounts', expect: both('ok') },
  {
    file: 'staff.scam-accounts.tsx',
    path: () => '/staff/scam-accounts',
    method: 'POST',
    form: () => ({ intent: 'add', kind: 'number', value: '', reason: '' }),
    expect: both('ok'),
  },
  // The list warns the whole country: only country-level staff take a number off it.
  {
    file: 'staff.scam-accounts.tsx',
    path: () => '/staff/scam-accounts',
    method: 'POST',
    form: () => ({ intent: 'remove', id: '1', reason: 'x' }),
    expect: both('forbidden'),
  },
  { file: 'staff.team.tsx', path: () => '/staff/team', expect: both('forbidden') },
  { file: 'staff.outcomes.tsx', path: () => '/staff/outcomes?province=lao-cai', expect: both('ok') },
  { file: 'staff.outcomes[.]csv.ts', path: () => '/staff/outcomes.csv?province=lao-cai', expect: both('ok') },
  {
    file: 'staff.team.tsx',
    path: () => '/staff/team',
    method: 'POST',
    form: (p) => ({ userId: p.personId, country: 'on' }),
    expect: both('forbidden'),
  },
  // National course content: country-level staff edit it.
  ...rows
    .filter((r) => r.file.startsWith('staff.learning'))
    .map((r): ScopeRow => ({
      file: r.file,
      path: (_p, people) => (typeof r.path === 'string' ? r.path : r.path(people)),
      method: r.method,
      form: r.form && (() => r.form!),
      expect: both('forbidden'),
    })),
];

let officers: Record<Officer, { id: string; cookie: string }>;
let laoCai: Province;

/** A woman of Lào Cai waiting for verification, with her identity document and a report about her. */
async function laoCaiWoman(): Promise<Province> {
  const person = await createTestUser({ roles: ['entrepreneur'] });
  const businessName = `Thổ cẩm Sa Pa ${person.id.slice(0, 6)}`;
  await db
    .insertInto('business_profiles')
    .values({
      user_id: person.id,
      slug: `lao-cai-${person.id.slice(0, 8)}`,
      business_name: businessName,
      owner_name: 'Chị Mẩy',
      province: 'lao-cai',
      verification_status: 'submitted',
      submitted_at: new Date(),
      women_led_declared_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
  await getStorage().put(`private/documents/${person.id}/id.pdf`, tinyPdf, 'application/pdf');
  const doc = await db
    .insertInto('verification_documents')
    .values({
      user_id: person.id,
      kind: 'citizen_id',
      storage_key: `private/documents/${person.id}/id.pdf`,
      content_type: 'application/pdf',
      size_bytes: tinyPdf.length,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const reporter = await createTestUser();
  const report = await db
    .insertInto('reports')
    .values({ reporter_id: reporter.id, subject_user_id: person.id, category: 'harassment' })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A product of hers with an OCOP claim waiting for staff (issue 20).
  const certificateKey = `private/ocop/${person.id}/cert.pdf`;
  await getStorage().put(certificateKey, tinyPdf, 'application/pdf');
  const number = `LC-${person.id.slice(0, 8)}`;
  await db.insertInto('ocop_certificates').values({ number, seller_id: person.id }).execute();
  const listing = await db
    .insertInto('listings')
    .values({
      seller_id: person.id,
      title: 'Mật ong bạc hà',
      price: 200000,
      category: 'food',
      updated_at: new Date(),
      ocop_stars: 4,
      ocop_number: number,
      ocop_year: 2024,
      ocop_certificate_key: certificateKey,
      ocop_status: 'submitted',
      ocop_submitted_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    personId: person.id,
    businessName,
    documentId: doc.id,
    reportId: report.id,
    ocopListingId: listing.id,
  };
}

let server: Awaited<ReturnType<typeof startAppServer>>;
let people: People;

beforeAll(async () => {
  server = await startAppServer();
  const [buyer, entrepreneur, mentor, staff] = await Promise.all([
    createTestUser(),
    createTestUser({ roles: ['entrepreneur'] }),
    createTestUser({ roles: ['mentor'] }),
    createTestUser({ roles: ['staff'] }),
  ]);
  people = { buyer, entrepreneur, mentor, staff };
});

beforeAll(async () => {
  const [a, b] = await Promise.all([
    createTestUser({ roles: ['staff'], provinces: ['lao-cai'] }),
    createTestUser({ roles: ['staff'], provinces: ['ha-noi', 'hue'] }),
  ]);
  officers = { laoCai: a, haNoi: b };
  laoCai = await laoCaiWoman();
});

afterAll(() => server?.close());

function outcomeOf(response: Response): Outcome {
  const location = response.headers.get('location') ?? '';
  if (response.status >= 300 && response.status < 400) return location.startsWith('/login') ? 'login' : 'away';
  if (response.status === 403) return 'forbidden';
  if (response.status === 401) return 'forbidden';
  if (response.status === 404) return 'missing';
  // A form answered with its errors (400) still let the person in.
  if (response.status < 300 || response.status === 400) return 'ok';
  return `status ${response.status}` as Outcome;
}

describe('who may open each route', () => {
  it('every route file has a row', () => {
    const files = readdirSync('app/routes').filter((f) => /\.(tsx?|jsx?)$/.test(f));
    const covered = new Set(rows.map((r) => r.file));
    expect(files.filter((f) => !covered.has(f))).toEqual([]);
  });

  for (const row of rows) {
    for (const who of Object.keys(row.expect) as Who[]) {
      const label = `${row.method ?? 'GET'} ${typeof row.path === 'string' ? row.path : row.file} as ${who}`;
      it(`${label} → ${row.expect[who]}`, async () => {
        const path = typeof row.path === 'string' ? row.path : await row.path(people);
        const cookie = who === 'anonymous' ? undefined : people[who].cookie;
        const response = await server.fetch(path, { method: row.method ?? 'GET', cookie, form: row.form });
        expect(outcomeOf(response)).toBe(row.expect[who]);
      });
    }
  }
});

describe('what a province officer may open (issue 19)', () => {
  it('every staff route has a province-officer row', () => {
    const files = readdirSync('app/routes').filter((f) => f.startsWith('staff.'));
    const covered = new Set(scopeRows.map((r) => r.file));
    expect(files.filter((f) => !covered.has(f))).toEqual([]);
  });

  for (const row of scopeRows) {
    for (const who of Object.keys(row.expect) as Officer[]) {
      it(`${row.method ?? 'GET'} ${row.file} ${row.form ? JSON.stringify(row.form(laoCai ?? ({} as Province))).slice(0, 40) : ''} as the ${who} officer → ${row.expect[who]}`, async () => {
        // A fresh woman for each decision, so one officer's approval does not change the next row.
        const person = row.method === 'POST' ? await laoCaiWoman() : laoCai;
        const path = await row.path(person, people);
        const response = await server.fetch(path, {
          method: row.method ?? 'GET',
          cookie: officers[who].cookie,
          form: row.form?.(person),
        });
        expect(outcomeOf(response)).toBe(row.expect[who]);
      });
    }
  }

  it('lists only the people of her provinces: the queue, the reports and the audit', async () => {
    const page = async (who: Officer | 'country', path: string) =>
      (await server.fetch(path, { cookie: who === 'country' ? people.staff.cookie : officers[who].cookie })).text();
    expect(await page('laoCai', '/staff/verifications')).toContain(laoCai.businessName);
    expect(await page('haNoi', '/staff/verifications')).not.toContain(laoCai.businessName);
    expect(await page('country', '/staff/verifications')).toContain(laoCai.businessName);
    expect(await page('laoCai', '/staff/reports')).toContain(laoCai.businessName);
    expect(await page('haNoi', '/staff/reports')).not.toContain(laoCai.businessName);
    expect(await page('laoCai', '/staff/ocop')).toContain(laoCai.businessName);
    expect(await page('haNoi', '/staff/ocop')).not.toContain(laoCai.businessName);
  });
});
