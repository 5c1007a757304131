import type { Page } from '@playwright/test';
import { test } from '../../e2e/support/fixtures';

// A benchmark, not a timed test (issue 16): the main pages on a 400 kbit/s, 400 ms
// round-trip connection, first visit (empty cache), JavaScript on and off. Per page it
// prints the bytes transferred by kind (HTML, CSS, JS, images; compressed, as they
// crossed the wire), first contentful paint and the load event. `npm run bench:weight`.
const profile = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };

type Row = {
  page: string;
  js: string;
  html: number;
  css: number;
  script: number;
  images: number;
  other: number;
  fcp: number;
  loaded: number;
};

async function findPaths(page: Page) {
  await page.goto('/market');
  const listing = await page.locator('a[href^="/market/"]').first().getAttribute('href');
  await page.goto(listing!);
  const store = await page.locator('a[href^="/s/"]').first().getAttribute('href');
  await page.goto('/learn');
  const course = await page
    .locator(
      'main a[href^="/learn/"]:not([href="/learn/game"]):not([href="/learn/safe-seller"]):not([href="/learn/progress"])',
    )
    .first()
    .getAttribute('href');
  await page.goto(course!);
  const lesson = await page.locator(`main a[href^="${course}/"]:not([href*="/quiz/"])`).first().getAttribute('href');
  return ['/', '/market', listing!, store!, '/mentors', '/learn', course!, lesson!, '/safety', '/login'];
}

test('page weight and paint on 400 kbit/s, 400 ms RTT, JavaScript on and off', async ({ browser, baseURL }) => {
  test.setTimeout(900_000);
  const finder = await browser.newContext({ baseURL });
  const paths = await findPaths(await finder.newPage());
  await finder.close();
  const rows: Row[] = [];
  for (const javaScriptEnabled of [true, false]) {
    for (const path of paths) {
      const context = await browser.newContext({
        baseURL,
        javaScriptEnabled,
        viewport: { width: 360, height: 740 },
        locale: 'vi-VN',
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', profile);
      const kinds = new Map<string, string>();
      const row: Row = {
        page: path,
        js: javaScriptEnabled ? 'on' : 'off',
        html: 0,
        css: 0,
        script: 0,
        images: 0,
        other: 0,
        fcp: 0,
        loaded: 0,
      };
      cdp.on('Network.responseReceived', (event) => kinds.set(event.requestId, event.type));
      cdp.on('Network.loadingFinished', (event) => {
        const kind = kinds.get(event.requestId);
        const field =
          kind === 'Document'
            ? 'html'
            : kind === 'Stylesheet'
              ? 'css'
              : kind === 'Script'
                ? 'script'
                : kind === 'Image'
                  ? 'images'
                  : 'other';
        row[field] += event.encodedDataLength;
      });
      await page.goto(path, { waitUntil: 'load', timeout: 300_000 });
      // Lazy images and late scripts: let the network settle before counting.
      await page.waitForLoadState('networkidle', { timeout: 120_000 }).catch(() => {});
      const timing = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
        loaded:
          (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ??
          -1,
      }));
      row.fcp = Math.round(timing.fcp);
      row.loaded = Math.round(timing.loaded);
      rows.push(row);
      await context.close();
    }
  }
  const kb = (n: number) => (n / 1024).toFixed(1);
  const lines = [
    '| page | JS | HTML KB | CSS KB | JS KB | images KB | other KB | total KB | FCP ms | loaded ms |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.page.replace(/[0-9a-f-]{36}/, ':id')} | ${r.js} | ${kb(r.html)} | ${kb(r.css)} | ${kb(r.script)} | ${kb(r.images)} | ${kb(r.other)} | ${kb(r.html + r.css + r.script + r.images + r.other)} | ${r.fcp} | ${r.loaded} |`,
    ),
  ];
  console.log(lines.join('\n'));
  test.info().annotations.push({ type: 'weight', description: lines.join('\n') });
});
