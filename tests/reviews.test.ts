import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { getStorage, readAll } from '../app/lib/storage.server';
import { countryScope } from '../app/lib/auth.server';
import { moderate } from '../app/modules/moderation/moderation.server';
import { fileReport, findReportTarget } from '../app/modules/moderation/reports.server';
import { deleteAccount } from '../app/modules/privacy/deletion.server';
import * as orderPage from '../app/routes/orders.$id';
import { startAppServer } from './support/app-server';
import { useCleanDatabase } from './support/clean';
import { createListing, createOrder } from './support/factories';
import { call, createTestUser, payload, statusOf } from './support/fixtures';
import { jpegWithGps, multipartRequest, pngImage, svgFile } from './support/images';
import { sellerWithListing } from './support/orders';

// Photo reviews and OCOP badges on market cards (issue 20): the review form
// through its route action, the pages through the built app over HTTP.

useCleanDatabase();

let server: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  server = await startAppServer();
});
afterAll(async () => {
  await server.close();
});

const jpeg = async () => ({ name: 'IMG_0001.jpg', type: 'image/jpeg', bytes: await jpegWithGps(800, 600) });

async function deliveredOrder() {
  const { seller, slug, listingId } = await sellerWithListing();
  const buyer = await createTestUser({ displayName: 'Chị Mai' });
  const order = await createOrder(buyer.id, listingId, { state: 'delivered' });
  return { seller, slug, listingId, buyer, orderId: order.id };
}

function review(
  orderId: string,
  cookie: string,
  photos: { name: string; type: string; bytes: Uint8Array }[],
  comment = 'Khăn đẹp lắm',
) {
  return call(
    orderPage.action,
    multipartRequest(`/orders/${orderId}`, { intent: 'review', rating: '5', comment, photos }, { cookie }),
    { id: orderId },
  );
}

async function photoRows(orderId: string) {
  return db.selectFrom('review_photos').selectAll().where('order_id', '=', orderId).orderBy('position').execute();
}

describe('photo reviews', () => {
  it('stores up to 3 photos re-encoded without EXIF, with a 640 px WebP and a thumbnail', async () => {
    const { orderId, buyer } = await deliveredOrder();
    const original = await jpeg();
    expect((await sharp(original.bytes).metadata()).exif).toBeDefined();
    const result = await review(orderId, buyer.cookie, [original, original, original]);
    expect(statusOf(result)).toBe(302);
    const rows = await photoRows(orderId);
    expect(rows.map((r) => r.position)).toEqual([0, 1, 2]);
    const storage = getStorage();
    for (const row of rows) {
      expect(row.image_key.startsWith(`public/reviews/${orderId}/`)).toBe(true);
      const bytes = async (key: string) => {
        const object = await storage.get(key);
        if (!object) throw new Error(`${key} was not stored`);
        return readAll(object.body);
      };
      const meta = await sharp(await bytes(row.image_key)).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.width).toBe(800);
      const small = await sharp(await bytes(row.small_key)).metadata();
      expect(small.format).toBe('webp');
      expect(small.width).toBe(640);
      expect((await bytes(row.thumb_key)).byteLength).toBeGreaterThan(0);
    }
  });

  it('refuses a 4th photo, a non-image and a too-big file: a message in her language, her words kept, nothing written', async () => {
    const { orderId, buyer } = await deliveredOrder();
    const photo = await jpeg();
    const four = await review(orderId, buyer.cookie, [photo, photo, photo, photo], 'Ý kiến của tôi');
    expect(statusOf(four)).toBe(400);
    expect(payload(four).errors).toEqual({ photos: 'reviews.photos.tooMany' });
    expect(payload(four).values.comment).toBe('Ý kiến của tôi');

    const notImage = await review(orderId, buyer.cookie, [{ name: 'photo.jpg', type: 'image/jpeg', bytes: svgFile }]);
    expect(statusOf(notImage)).toBe(400);
    expect(payload(notImage).errors).toEqual({ photos: 'verification.upload.badType' });

    // Over 8 MB: refused while reading; the fields before the file come back.
    const huge = { name: 'big.png', type: 'image/png', bytes: new Uint8Array(8 * 1024 * 1024 + 10) };
    const tooBig = await review(orderId, buyer.cookie, [huge], 'Giữ lại chữ này');
    expect(statusOf(tooBig)).toBe(400);
    expect(payload(tooBig).errors).toEqual({ photos: 'verification.upload.tooBig' });
    expect(payload(tooBig).values.comment).toBe('Giữ lại chữ này');

    expect(await db.selectFrom('order_reviews').select('order_id').execute()).toEqual([]);
    expect(await db.selectFrom('review_photos').select('id').execute()).toEqual([]);
  });

  it('nobody else can review (or attach photos to) her order', async () => {
    const { orderId, buyer } = await deliveredOrder();
    const stranger = await createTestUser();
    expect(statusOf(await review(orderId, stranger.cookie, [await jpeg()]))).toBe(404);
    expect(await db.selectFrom('review_photos').select('id').execute()).toEqual([]);
    // Once she reviewed, a second post (even hers) adds no photos.
    expect(statusOf(await review(orderId, buyer.cookie, [await jpeg()]))).toBe(302);
    const again = await review(orderId, buyer.cookie, [await jpeg()]);
    expect(payload(again).errors).toEqual({ form: 'orders.review.already' });
    expect(await photoRows(orderId)).toHaveLength(1);
    // The database refuses a 4th photo however it is written.
    const first = (await photoRows(orderId))[0];
    await expect(
      db
        .insertInto('review_photos')
        .values({ ...first, id: undefined, created_at: undefined, position: 3 })
        .execute(),
    ).rejects.toThrow();
  });

  it('shows the photos under the review on the listing page and the storefront; a report hides the review', async () => {
    const { orderId, buyer, slug, listingId } = await deliveredOrder();
    expect(statusOf(await review(orderId, buyer.cookie, [await jpeg()], 'Màu rất đẹp'))).toBe(302);
    const [photo] = await photoRows(orderId);
    for (const path of [`/market/${listingId}`, `/s/${slug}`]) {
      const html = await (await server.fetch(path)).text();
      expect(html).toContain('Màu rất đẹp');
      expect(html).toContain(`href="/files/${photo.small_key}"`);
      const img = html.match(new RegExp(`<img[^>]*src="/files/${photo.thumb_key}"[^>]*>`))?.[0] ?? '';
      expect(img).toContain('loading="lazy"');
      expect(img).toContain('width="96"');
      expect(img).toContain('height="72"');
      expect(img).toContain('alt="Ảnh 1 trong đánh giá của Chị Mai"');
      expect(html).toContain(`/reports/new?review=${orderId}`);
    }

    // Someone reports it; staff hide it; it leaves both pages (and the average).
    const reporter = await createTestUser();
    expect((await findReportTarget(buyer, { kind: 'review', id: orderId })).ok).toBe(false);
    const target = await findReportTarget(reporter, { kind: 'review', id: orderId });
    if (!target.ok) throw new Error('review not reportable');
    expect(await fileReport(reporter, target.target, { category: 'harassment', note: '' })).toBe('filed');
    expect(await fileReport(reporter, target.target, { category: 'harassment', note: '' })).toBe('duplicate');
    const report = await db
      .selectFrom('reports')
      .select(['id', 'subject_user_id'])
      .where('review_order_id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(report.subject_user_id).toBe(buyer.id);
    const staff = await createTestUser({ roles: ['staff'] });
    const done = await moderate({
      reportId: report.id,
      staff: { id: staff.id, roles: ['staff'], scope: countryScope },
      action: 'hide_review',
      reason: 'Ảnh không phù hợp',
    });
    expect(done).toEqual({ ok: true, resolved: 1 });
    for (const path of [`/market/${listingId}`, `/s/${slug}`]) {
      const html = await (await server.fetch(path)).text();
      expect(html).not.toContain('Màu rất đẹp');
      expect(html).not.toContain(photo.thumb_key);
    }
    expect((await findReportTarget(reporter, { kind: 'review', id: orderId })).ok).toBe(false);
  });

  it('deleting her account deletes her review photos', async () => {
    const { orderId, buyer } = await deliveredOrder();
    expect(
      statusOf(
        await review(orderId, buyer.cookie, [
          await jpeg(),
          { name: 'a.png', type: 'image/png', bytes: await pngImage() },
        ]),
      ),
    ).toBe(302);
    const rows = await photoRows(orderId);
    const result = await deleteAccount(buyer.id);
    // Her files (full, 640 px, thumbnail of each) go to the deletion job (run in tests/privacy.test.ts).
    expect(result).toMatchObject({ ok: true, files: rows.length * 3 });
    expect(await photoRows(orderId)).toEqual([]);
  });
});

describe('OCOP on market cards', () => {
  it('a listing with a verified OCOP claim shows its stars on the card; a claim under review does not', async () => {
    const { seller } = await sellerWithListing();
    await db.insertInto('ocop_certificates').values({ number: 'LC-2024-9', seller_id: seller.id }).execute();
    const ocop = {
      ocop_stars: 4,
      ocop_number: 'LC-2024-9',
      ocop_year: 2024,
      ocop_certificate_key: `private/ocop/${seller.id}/cert.pdf`,
      ocop_submitted_at: new Date(),
    };
    await createListing(seller.id, { title: 'Mật ong bạc hà', ...ocop, ocop_status: 'verified' });
    await createListing(seller.id, { title: 'Chè shan tuyết', ...ocop, ocop_stars: 5, ocop_status: 'submitted' });
    const html = await (await server.fetch('/market')).text();
    const card = (title: string) =>
      html.match(new RegExp(`<li class="listing-card">(?:(?!</li>).)*${title}(?:(?!</li>).)*</li>`, 's'))?.[0] ?? '';
    expect(card('Mật ong bạc hà')).toContain('OCOP 4');
    expect(card('Chè shan tuyết')).not.toContain('OCOP');
  });
});
