import { expect, test } from '../../e2e/support/fixtures';
import { openOwnListing, pageAs, phonePhoto } from '../../e2e/support/pages';

// A benchmark, not a timed test: first paint and a photo upload on Chrome's "Slow 3G"
// profile (2 s round trip, 400 kbit/s each way), before and after issue 22. "Before"
// is the same page with the catalogue script made render-blocking again, and the
// photo sent as the phone took it (what the plain form does). Figures go to the
// test's annotations and the log: `npm run bench:3g`.
test('3G figures: first paint and photo upload, before and after', async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  const slow3g = { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 };
  const figures: string[] = [];

  async function firstPaint(path: string, blocking: boolean) {
    const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 780 }, locale: 'vi-VN' });
    const page = await context.newPage();
    if (blocking) {
      await page.route(`**${path}`, async (route) => {
        const response = await route.fetch();
        route.fulfill({ response, body: (await response.text()).replace(' defer=""', '') });
      });
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', slow3g);
    await page.goto(path, { waitUntil: 'load', timeout: 300_000 });
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
    await context.close();
    return Math.round(fcp);
  }
  for (const path of ['/', '/market']) {
    figures.push(
      `${path} first contentful paint, slow 3G: before ${await firstPaint(path, true)} ms, after ${await firstPaint(path, false)} ms`,
    );
  }

  const photo = await phonePhoto(3000, 2250);
  for (const javaScriptEnabled of [false, true]) {
    const page = await pageAs(browser, baseURL!, 'seller@sen.test', javaScriptEnabled);
    await openOwnListing(page);
    if (javaScriptEnabled)
      await page.waitForFunction(() => Boolean((window as unknown as { __remixRouter?: unknown }).__remixRouter));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', slow3g);
    await page.getByLabel(/Thêm ảnh/).setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: photo });
    const started = Date.now();
    await page.getByRole('button', { name: 'Tải ảnh lên' }).click();
    await expect(page.getByText('Đã thêm ảnh.')).toBeVisible({ timeout: 500_000 });
    figures.push(
      `upload of a ${(photo.length / 1e6).toFixed(1)} MB 3000×2250 photo, slow 3G: ${javaScriptEnabled ? 'after (resized in the browser)' : 'before (original)'} ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    await page.context().close();
  }
  for (const line of figures) {
    test.info().annotations.push({ type: '3G', description: line });
    console.log(line);
  }
  expect(figures).toHaveLength(4);
});
