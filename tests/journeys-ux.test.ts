import { describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { searchListings } from '../app/modules/market/listings.server';
import { toTsQuery } from '../app/modules/market/search.server';
import { useCleanDatabase } from './support/clean';
import { sellerWithListing } from './support/orders';

// Issue 22, the usability pass: what a rural seller or buyer relies on beyond the journeys.

useCleanDatabase();

async function publish(sellerId: string, title: string) {
  const row = await db
    .insertInto('listings')
    .values({ seller_id: sellerId, title, price: 900_000, stock: 2, category: 'fashion', state: 'published', published_at: new Date(), updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const found = async (q: string) => (await searchListings({ q, verifiedOnly: false, sort: 'relevance' })).listings.map((l) => l.id);

describe('search with words run together', () => {
  it('finds "áo dài" from "aodai", "AoDai" and "aodailua", and not unrelated titles', async () => {
    const { seller } = await sellerWithListing();
    const aoDai = await publish(seller.id, 'Áo dài lụa tơ tằm');
    const other = await publish(seller.id, 'Đài hoa sen khô');
    for (const q of ['aodai', 'AoDai', 'áodài', 'aodailua', 'ao dai', 'aoda']) expect(await found(q), q).toContain(aoDai);
    expect(await found('aodai')).not.toContain(other);
    // A word run together is read as a phrase: both syllables side by side, in order.
    expect(await found('daiao')).toEqual([]);
  });

  it('keeps the query free of anything the reader could inject', () => {
    expect(toTsQuery("ao'dai")).toBe('ao & dai:*');
    expect(toTsQuery('aodai')).toContain('ao <-> dai:*');
    expect(toTsQuery("a' & b:* | !c")).toBe('a & b & c:*');
  });
});
