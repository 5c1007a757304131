import sharp from 'sharp';
import { expect, test } from './support/fixtures';
import { pageAs } from './support/pages';

// The messages are a separate script (/i18n/<locale>.<hash>.js), not part of the
// page: on a page sent with scripts (the cart; light pages have none, issue 16),
// switching language in the browser loads the other catalogue before the page is
// shown in it, without a full reload, and no raw key ever appears.
test('switching language in the browser loads the other catalogue, no reload, no raw keys', async ({ page, visit }) => {
  const catalogues: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/i18n/')) catalogues.push(url.pathname);
  });
  await visit('/cart');
  expect(catalogues).toEqual([expect.stringMatching(/^\/i18n\/vi\.[0-9a-f]{12}\.js$/)]);
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(
    page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Market' }),
  ).toBeVisible();
  await expect(page).toHaveTitle(/^Cart/);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  expect(catalogues[1]).toMatch(/^\/i18n\/en\.[0-9a-f]{12}\.js$/);
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\b(nav|market|common|footer|orders)\.[a-zA-Z]+/);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Peace of mind' })).toBeVisible();
});

/** A product photo as a seller uploads it: 1600 × 1200 JPEG, soft light and shapes (the server resizes it). */
function productPhoto(n: number) {
  const hue = (n * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200">
    <defs><radialGradient id="g" cx="40%" cy="35%" r="80%"><stop offset="0" stop-color="hsl(${hue},60%,85%)"/>
    <stop offset="1" stop-color="hsl(${(hue + 40) % 360},45%,35%)"/></radialGradient></defs>
    <rect width="1600" height="1200" fill="url(#g)"/>
    <ellipse cx="${700 + n * 9}" cy="640" rx="420" ry="300" fill="hsl(${(hue + 180) % 360},55%,45%)"/>
    <rect x="${300 + n * 11}" y="260" width="360" height="520" rx="60" fill="hsl(${(hue + 90) % 360},50%,60%)"/>
    <text x="120" y="1100" font-size="120" fill="#fff" opacity="0.8">Sen ${n}</text></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}

// Issue 16: on a 360 px phone, a market page of 24 listings, photos included,
// transfers at most 150 KB in all (counted by the browser, after scrolling to the
// end so every lazy photo has loaded).
test('a market page of 24 listings with photos transfers ≤ 150 KB in all on a 360 px phone', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  // 24 listings with photos, put on the market through the seller's own pages: they come first (newest).
  const seller = await pageAs(browser, baseURL!, 'seller@sen.test');
  const request = seller.request;
  for (let n = 0; n < 24; n++) {
    const created = await request.post('/dashboard/listings/new', {
      form: {
        title: `Khăn thêu tay mẫu ${n + 1}`,
        description: 'Khăn thêu tay bằng chỉ cotton, mỗi chiếc một màu.',
        price: '150000',
        stock: '5',
        category: 'handicrafts',
        shippingFee: '20000',
      },
      headers: { Origin: baseURL! },
      maxRedirects: 0,
    });
    expect(created.status(), await created.text()).toBe(302);
    const path = (created.headers().location ?? '').split('?')[0];
    const photo = await request.post(`${path}?intent=images`, {
      multipart: {
        intent: 'images',
        images: { name: `khan-${n}.jpg`, mimeType: 'image/jpeg', buffer: await productPhoto(n) },
      },
      headers: { Origin: baseURL! },
      maxRedirects: 0,
    });
    expect(photo.status()).toBe(302);
    const published = await request.post(path, {
      form: { intent: 'state', to: 'published' },
      headers: { Origin: baseURL! },
      maxRedirects: 0,
    });
    expect(published.status()).toBe(302);
  }
  await seller.context().close();

  const page = await pageAs(browser, baseURL!, null);
  await page.setViewportSize({ width: 360, height: 740 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const bytes = new Map<string, { url: string; type: string; size: number }>();
  const urls = new Map<string, { url: string; type: string }>();
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, { url: e.response.url, type: e.type }));
  cdp.on('Network.loadingFinished', (e) => {
    const seen = urls.get(e.requestId);
    bytes.set(e.requestId, { url: seen?.url ?? '?', type: seen?.type ?? '?', size: e.encodedDataLength });
  });
  await page.goto('/market');
  const photos = page.locator('main img');
  expect(await photos.count()).toBeGreaterThanOrEqual(24);
  await expect(page.getByText('Khăn thêu tay mẫu 24')).toBeVisible();
  // Scroll to the end, a screen at a time, so every lazy photo loads.
  for (let y = 0; y < (await page.evaluate(() => document.body.scrollHeight)); y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(100);
  }
  await page.waitForLoadState('networkidle');
  await expect
    .poll(() => photos.evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).complete)))
    .toBe(true);
  const images = [...bytes.values()].filter((b) => b.type === 'Image');
  expect(images.length).toBeGreaterThanOrEqual(24);
  const total = [...bytes.values()].reduce((sum, b) => sum + b.size, 0);
  const detail = [...bytes.values()].map((b) => `${b.type} ${b.size} ${b.url}`).join('\n');
  expect(total, `bytes transferred by /market:\n${detail}`).toBeLessThanOrEqual(150 * 1024);
  await page.context().close();
});
