import { describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { freeSlots } from '../app/modules/mentoring/index.server';
import { createListing, createMentorWithOffer, createOrder, createSeller, createUser } from './support/factories';

// The factories write rows the app itself accepts: a test built on them fails on
// its own subject, not on a stale default.
describe('test factories', () => {
  it('make a placed order of a seller’s listing, with its item', async () => {
    const seller = await createSeller();
    const listing = await createListing(seller.id);
    const buyer = await createUser();
    const order = await createOrder(buyer.id, listing.id);
    expect(order).toMatchObject({ state: 'placed', seller_id: seller.id, total: 250_000 });
    const items = await db.selectFrom('order_items').selectAll().where('order_id', '=', order.id).execute();
    expect(items).toEqual([expect.objectContaining({ listing_id: listing.id, quantity: 1, unit_price: 250_000 })]);
  });

  it('make an approved mentor whose offer has free slots', async () => {
    const mentor = await createMentorWithOffer({
      offer: { weekly: { 1: [{ start: 540, end: 720 }], 3: [{ start: 840, end: 960 }] } },
    });
    const slots = await freeSlots(mentor.id);
    expect(slots.length).toBeGreaterThan(0);
  });
});
