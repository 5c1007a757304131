import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { searchListings } from '../app/modules/market/listings.server';
import { toTsQuery } from '../app/modules/market/search.server';
import * as inboxRoute from '../app/routes/messages._index';
import * as conversationRoute from '../app/routes/messages.$id';
import * as newRoute from '../app/routes/messages.new';
import { startAppServer } from './support/app-server';
import { useCleanDatabase } from './support/clean';
import { call, createTestUser, formRequest, getRequest, payload, statusOf } from './support/fixtures';
import { sellerWithListing } from './support/orders';

// Issue 22, the usability pass: what a rural seller or buyer relies on beyond the journeys.

useCleanDatabase();

async function publish(sellerId: string, title: string) {
  const row = await db
    .insertInto('listings')
    .values({
      seller_id: sellerId,
      title,
      price: 900_000,
      stock: 2,
      category: 'fashion',
      state: 'published',
      published_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const found = async (q: string) =>
  (await searchListings({ q, verifiedOnly: false, sort: 'relevance' })).listings.map((l) => l.id);

describe('search with words run together', () => {
  it('finds "áo dài" from "aodai", "AoDai" and "aodailua", and not unrelated titles', async () => {
    const { seller } = await sellerWithListing();
    const aoDai = await publish(seller.id, 'Áo dài lụa tơ tằm');
    const other = await publish(seller.id, 'Đài hoa sen khô');
    for (const q of ['aodai', 'AoDai', 'áodài', 'aodailua', 'ao dai', 'aoda'])
      expect(await found(q), q).toContain(aoDai);
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

describe('the inbox marks a conversation with a scam warning', () => {
  type Person = { id: string; cookie: string };
  const inbox = async (who: Person) =>
    payload(await call(inboxRoute.loader, getRequest('/messages', { cookie: who.cookie }))).conversations;
  const send = (who: Person, id: string, body: string) =>
    call(
      conversationRoute.action,
      formRequest(`/messages/${id}`, { intent: 'send', body, confirmed: '1' }, { cookie: who.cookie }),
      { id },
    );

  it('marks it for the one who received the warned message, even once later messages follow, and not for the sender', async () => {
    const shop = await sellerWithListing();
    const buyer = await createTestUser();
    const started = (await call(
      newRoute.action,
      formRequest(
        `/messages/new?listing=${shop.listingId}`,
        { body: 'Chị ơi khăn này còn không?' },
        { cookie: buyer.cookie },
      ),
    )) as Response;
    const id = started.headers.get('location')!.match(/^\/messages\/([0-9a-f-]{36})/)![1];
    expect((await inbox(buyer))[0].warned).toBe(false);

    expect(
      statusOf(
        await send(shop.seller, id, 'Chị chuyển khoản cọc trước 50% vào stk 0451000123456 Vietcombank giúp em nhé'),
      ),
    ).toBe(302);
    expect(statusOf(await send(shop.seller, id, 'Dạ còn ạ.'))).toBe(302);
    expect((await inbox(buyer))[0]).toMatchObject({ id, warned: true });
    expect((await inbox(shop.seller))[0].warned).toBe(false);

    // Removed by moderation: nothing left to warn about.
    await db.updateTable('messages').set({ hidden_at: new Date() }).where('sender_id', '=', shop.seller.id).execute();
    expect((await inbox(buyer))[0].warned).toBe(false);
  });
});

describe('pages a phone on 3G gets quickly', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  beforeAll(async () => {
    server = await startAppServer();
  });
  afterAll(() => server?.close());
  const html = async (pathname: string) => {
    const response = await server.fetch(pathname);
    expect(response.status, pathname).toBe(200);
    return response.text();
  };

  it('every public page has a description in her language', async () => {
    const { slug } = await sellerWithListing();
    for (const pathname of [
      '/',
      '/market',
      '/safety',
      '/learn',
      '/mentors',
      '/about',
      '/learn/game',
      '/signup',
      '/login',
      `/s/${slug}`,
    ]) {
      const page = await html(pathname);
      const description = /<meta name="description" content="([^"]+)"/.exec(page)?.[1];
      expect(description, pathname).toBeTruthy();
      expect(description!.length, pathname).toBeGreaterThan(10);
    }
  });

  it('the message catalogue does not block the first paint, and the first product image is not lazy', async () => {
    const { seller } = await sellerWithListing();
    for (let i = 0; i < 3; i++) {
      const id = await publish(seller.id, `Khăn lụa ${i}`);
      await db
        .insertInto('listing_images')
        .values({
          listing_id: id,
          position: 0,
          image_key: `public/k${i}.jpg`,
          small_key: `public/s${i}.webp`,
          thumb_key: `public/t${i}.webp`,
          width: 800,
          height: 800,
        })
        .execute();
    }
    const market = await html('/market');
    // The market is a light page (issue 16): no catalogue at all. A page with scripts defers it.
    expect(market).not.toContain('sen-messages');
    expect(await html('/cart')).toMatch(/<script id="sen-messages" src="[^"]+" defer="">/);
    const images = [...market.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
    expect(images.length).toBeGreaterThanOrEqual(3);
    expect(images[0]).toContain('loading="eager"');
    expect(images[0]).toContain('fetchpriority="high"');
    for (const later of images.slice(1)) expect(later).toContain('loading="lazy"');
    // The filters fold away until used, so the first products are on the first screen.
    expect(market).toMatch(/<details class="market-more">/);
    expect(await html('/market?category=food&f=1')).toMatch(/<details class="market-more" open="">/);
  });
});

describe('the pay-only-on-Sen reminder', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  beforeAll(async () => {
    server = await startAppServer();
  });
  afterAll(() => server?.close());

  it('is open where she is about to pay, and one line she can open on the order pages she returns to', async () => {
    const shop = await sellerWithListing();
    const buyer = await createTestUser();
    const { addToCart, checkout } = await import('../app/modules/orders');
    const { delivery } = await import('./support/orders');
    await addToCart(buyer.id, shop.listingId, 1);
    const checkoutPage = await (await server.fetch('/checkout', { cookie: buyer.cookie })).text();
    const note = (page: string) => /<div class="pay-only-on-sen"[^>]*>([\s\S]*?)<\/div>/.exec(page)?.[1] ?? '';
    expect(note(checkoutPage)).not.toContain('<details');
    expect(note(checkoutPage)).toContain('Không chuyển khoản');
    await checkout(buyer, delivery, 'cod');
    const order = await db.selectFrom('orders').select('id').where('buyer_id', '=', buyer.id).executeTakeFirstOrThrow();
    for (const [path, cookie] of [
      [`/orders/${order.id}`, buyer.cookie],
      ['/orders', buyer.cookie],
      [`/dashboard/orders/${order.id}`, shop.seller.cookie],
    ]) {
      const response = await server.fetch(path, { cookie });
      expect(response.status, path).toBe(200);
      const folded = note(await response.text());
      expect(folded, path).toMatch(
        /^<details><summary><strong>Chỉ thanh toán qua Sen hoặc khi nhận hàng<\/strong><\/summary>/,
      );
      expect(folded, path).toContain('Không chuyển khoản');
    }
  });
});
