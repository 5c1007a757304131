import { defined } from '../app/lib/defined';
import { describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { countryScope, managedBusinessOf } from '../app/lib/auth.server';
import { searchListings } from '../app/modules/market/listings.server';
import {
  answerInvitation,
  inviteMember,
  membershipsOf,
  salesByMember,
  setBusinessType,
  setListingMaker,
  storefrontMembers,
} from '../app/modules/cooperatives/members.server';
import { decideOcop, declareOcop, ocopQueue } from '../app/modules/ocop/ocop.server';
import * as coopPage from '../app/routes/dashboard.cooperative';
import * as listingsPage from '../app/routes/dashboard.listings._index';
import * as storefront from '../app/routes/s.$slug';
import { useCleanDatabase } from './support/clean';
import { createBusiness, createListing, createSeller } from './support/factories';
import { call, createTestUser, formRequest, getRequest, payload, statusOf } from './support/fixtures';
import { tinyPdf } from './support/images';

// Cooperatives and OCOP (issue 20): invitations by phone or e-mail, consent to be
// shown, a manager acting on the business's listings through the one rule
// (requireSeller), and OCOP certificate numbers owned by one seller.

useCleanDatabase();

async function cooperative() {
  const owner = await createSeller({ business: { business_type: 'cooperative', province: 'lao-cai' } });
  return owner;
}

const certificate = () => new File([tinyPdf], 'chung-nhan.pdf', { type: 'application/pdf' });
const contact = (email: string) => ({ email, phone: null });

describe('members', () => {
  it('an individual business cannot invite; a cooperative invites by e-mail once, and she is told', async () => {
    const single = await createSeller();
    const invitee = await createTestUser();
    expect(await inviteMember(single.id, single.id, { contact: contact(invitee.email), role: 'member' })).toEqual({
      ok: false,
      field: 'form',
      error: 'coop.invite.notCooperative',
    });
    const owner = await cooperative();
    expect(await inviteMember(owner.id, owner.id, { contact: contact(invitee.email), role: 'member' })).toEqual({
      ok: true,
    });
    expect(await inviteMember(owner.id, owner.id, { contact: contact(invitee.email), role: 'manager' })).toEqual({
      ok: false,
      field: 'contact',
      error: 'coop.invite.duplicate',
    });
    const notices = await db
      .selectFrom('notifications')
      .select('message_key')
      .where('user_id', '=', invitee.id)
      .execute();
    expect(notices.map((n) => n.message_key)).toContain('coop.notice.invited');
    // And the owner cannot go back to "individual" while she has members.
    expect(await setBusinessType(owner.id, 'individual')).toBe('coop.type.hasMembers');
  });

  it('the storefront names only members who agreed, and counts the women', async () => {
    const owner = await cooperative();
    const [shown, hidden, stranger] = await Promise.all([createTestUser(), createTestUser(), createTestUser()]);
    for (const p of [shown, hidden])
      await inviteMember(owner.id, owner.id, { contact: contact(p.email), role: 'member' });
    // Someone else cannot answer an invitation sent to another address.
    const [invitation] = await membershipsOf(shown.id);
    expect(
      await answerInvitation(stranger.id, {
        id: invitation.id,
        answer: 'accept',
        displayName: 'X',
        woman: true,
        show: true,
      }),
    ).toBe('coop.answer.gone');
    expect(
      await answerInvitation(shown.id, {
        id: invitation.id,
        answer: 'accept',
        displayName: 'Lò Thị Mai',
        woman: true,
        show: true,
      }),
    ).toBeNull();
    const [other] = await membershipsOf(hidden.id);
    await answerInvitation(hidden.id, {
      id: other.id,
      answer: 'accept',
      displayName: 'Lù Thị Sở',
      woman: true,
      show: false,
    });

    const members = await storefrontMembers(owner.id);
    expect(members.shown.map((m) => m.display_name)).toEqual(['Lò Thị Mai']);
    expect(members.women).toBe(2);
    const html = payload(await call(storefront.loader, getRequest(`/s/${owner.slug}`), { slug: owner.slug }));
    expect(defined(html.members, 'html.members').shown.map((m) => m.display_name)).toEqual(['Lò Thị Mai']);
    expect(JSON.stringify(html)).not.toContain('Lù Thị Sở');
  });

  it('a manager acts on the cooperative’s listings; a member does not; sales per maker', async () => {
    const owner = await cooperative();
    const [manager, member] = await Promise.all([createTestUser(), createTestUser()]);
    await inviteMember(owner.id, owner.id, { contact: contact(manager.email), role: 'manager' });
    await inviteMember(owner.id, owner.id, { contact: contact(member.email), role: 'member' });
    for (const p of [manager, member]) {
      const [row] = await membershipsOf(p.id);
      await answerInvitation(p.id, { id: row.id, answer: 'accept', displayName: 'Chị', woman: true, show: true });
    }
    expect(await managedBusinessOf(manager.id)).toBe(owner.id);
    expect(await managedBusinessOf(member.id)).toBeNull();

    const listing = await createListing(owner.id, { title: 'Khăn chàm' });
    const list = payload(
      await call(listingsPage.loader, getRequest('/dashboard/listings', { cookie: manager.cookie })),
    );
    expect(list.listings.map((l) => l.title)).toEqual(['Khăn chàm']);
    const saved = await call(
      listingsPage.action,
      formRequest('/dashboard/listings', { intent: 'quick', id: listing.id, price: '300000', stock: '9' }, manager),
    );
    expect(statusOf(saved)).toBe(302);
    const after = await db
      .selectFrom('listings')
      .select(['price', 'stock'])
      .where('id', '=', listing.id)
      .executeTakeFirstOrThrow();
    expect([Number(after.price), after.stock]).toEqual([300000, 9]);
    // A plain member: 403.
    expect(
      statusOf(await call(listingsPage.loader, getRequest('/dashboard/listings', { cookie: member.cookie }))),
    ).toBe(403);
    // The manager invites too (same page, same rule).
    const invited = await call(
      coopPage.action,
      formRequest('/dashboard/cooperative', { intent: 'invite', contact: '0912 345 678', role: 'member' }, manager),
    );
    expect(statusOf(invited)).toBe(302);

    const [memberRow] = await membershipsOf(member.id);
    expect(await setListingMaker(owner.id, listing.id, memberRow.id)).toBe(true);
    const buyer = await createTestUser();
    const order = await db
      .insertInto('orders')
      .values({
        checkout_id: crypto.randomUUID(),
        buyer_id: buyer.id,
        seller_id: owner.id,
        state: 'delivered',
        payment_method: 'cod',
        delivery_name: 'Mai',
        delivery_phone: '+84912345678',
        delivery_address: 'x',
        delivery_province: 'ha-noi',
        subtotal: 600000,
        shipping_fee: 0,
        total: 600000,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('order_items')
      .values({ order_id: order.id, listing_id: listing.id, title: 'Khăn chàm', unit_price: 300000, quantity: 2 })
      .execute();
    const sales = await salesByMember(owner.id);
    expect(sales.map((s) => [s.display_name, s.units, Number(s.revenue)])).toEqual([['Chị', 2, 600000]]);
  });
});

describe('OCOP', () => {
  const claim = { origin: 'lao-cai' as const, stars: 4, number: 'OCOP-LC-2024-1', year: '2024' };

  it('a certificate number of another seller is refused, even when both claim it at once', async () => {
    const [a, b] = await Promise.all([cooperative(), createSeller()]);
    const [la, lb] = await Promise.all([createListing(a.id), createListing(b.id)]);
    const results = await Promise.all([
      declareOcop(a.id, la.id, claim, certificate()),
      declareOcop(b.id, lb.id, claim, certificate()),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, field: 'number', error: 'ocop.number.taken' }]);
    // The same seller may name the same certificate on another product.
    const winner = results[0].ok ? a : b;
    const another = await createListing(winner.id);
    expect(await declareOcop(winner.id, another.id, claim, certificate())).toEqual({ ok: true });
  });

  it('staff of the seller’s province verify it; then it is a badge and a market filter', async () => {
    const seller = await cooperative();
    const [ocop, plain] = await Promise.all([createListing(seller.id), createListing(seller.id)]);
    expect(await declareOcop(seller.id, ocop.id, { ...claim, number: 'LC-77' }, null)).toEqual({
      ok: false,
      field: 'certificate',
      error: 'ocop.certificate.required',
    });
    expect(await declareOcop(seller.id, ocop.id, { ...claim, number: 'LC-77' }, certificate())).toEqual({ ok: true });
    const elsewhere = {
      id: (await createTestUser({ roles: ['staff'], provinces: ['ha-noi'] })).id,
      scope: { country: false, provinces: ['ha-noi'] },
    };
    expect(await ocopQueue(elsewhere.scope)).toEqual([]);
    expect(await decideOcop(elsewhere, ocop.id, 'verified')).toBe(false);
    // Not verified yet: not in the filter.
    let found = await searchListings({ verifiedOnly: true, ocopOnly: true, sort: 'newest' });
    expect(found.listings.map((l) => l.id)).toEqual([]);
    const staff = await createTestUser({ roles: ['staff'] });
    expect((await ocopQueue(countryScope)).map((r) => r.id)).toEqual([ocop.id]);
    expect(await decideOcop({ id: staff.id, scope: countryScope }, ocop.id, 'verified')).toBe(true);
    found = await searchListings({ verifiedOnly: true, ocopOnly: true, sort: 'newest' });
    expect(found.listings.map((l) => l.id)).toEqual([ocop.id]);
    const all = await searchListings({ verifiedOnly: true, sort: 'newest' });
    expect(all.listings.map((l) => l.id).sort()).toEqual([ocop.id, plain.id].sort());
  });

  it('refuses a year in the future or a malformed number (the form keeps what she typed)', async () => {
    const { ocopSchema } = await import('../app/modules/ocop/ocop.server');
    const bad = ocopSchema.safeParse({ origin: '', stars: '5', number: 'x', year: '2999' });
    expect(bad.success).toBe(false);
    const none = ocopSchema.safeParse({ origin: 'lao-cai', stars: '', number: '', year: '' });
    expect(none.success && none.data.stars).toBe(null);
  });
});

it('a business in another province has its own slug', async () => {
  // createBusiness keeps working with the new column's default.
  const user = await createTestUser({ roles: ['entrepreneur'] });
  const b = await createBusiness(user.id);
  const row = await db
    .selectFrom('business_profiles')
    .select('business_type')
    .where('user_id', '=', b.user_id)
    .executeTakeFirstOrThrow();
  expect(row.business_type).toBe('individual');
});
