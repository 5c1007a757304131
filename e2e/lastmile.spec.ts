import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './support/fixtures';
import { pageAs } from './support/pages';

// Issue 16, for the last mile: the phone header, quick exit, lessons offline and
// answers made offline.

async function workerReady(page: Page) {
  await page
    .waitForFunction(
      () => navigator.serviceWorker?.controller?.state === 'activated' || Boolean(navigator.serviceWorker?.controller),
      null,
      { timeout: 30_000 },
    )
    .catch(async () => {
      // The first page load is not controlled yet; the next one is.
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.reload();
    });
  await page.evaluate(() => navigator.serviceWorker.ready);
}

async function kept(page: Page, path: string) {
  await expect
    .poll(() => page.evaluate(async (p) => Boolean(await caches.match(p)), path), { timeout: 30_000 })
    .toBe(true);
}

test('the page starts within the first 120 px on a 360 × 740 phone, signed out and as a seller', async ({
  browser,
  baseURL,
}) => {
  for (const email of [null, 'seller@sen.test']) {
    const page = await pageAs(browser, baseURL!, email, false);
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/', '/market', '/learn', '/safety', ...(email ? ['/dashboard', '/messages'] : [])]) {
      await page.goto(path);
      const box = await page.locator('main#main').boundingBox();
      expect(box!.y, `${path} as ${email ?? 'a visitor'}`).toBeLessThanOrEqual(120);
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      await expect(nav.getByRole('link')).toHaveCount(5);
      await expect(nav.getByRole('link', { name: 'Thêm' })).toBeVisible();
    }
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Thêm' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tất cả mục' })).toBeVisible();
    await expectAccessible(page);
    await page.context().close();
  }
});

for (const javaScriptEnabled of [true, false]) {
  test(`quick exit leaves Sen for a neutral page (JavaScript ${javaScriptEnabled ? 'on: the history entry is replaced' : 'off: a plain link'})`, async ({
    browser,
    baseURL,
  }) => {
    const page = await pageAs(browser, baseURL!, null, javaScriptEnabled);
    // No internet here: the neutral site answers from the test.
    await page.route('https://www.google.com/**', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: '<title>Thời tiết</title><h1>Thời tiết hôm nay</h1>',
      }),
    );
    await page.goto('/learn');
    await page.goto('/safety');
    const before = await page.evaluate(() => history.length);
    await page.getByRole('link', { name: 'Thoát nhanh' }).click();
    await expect(page.getByRole('heading', { name: 'Thời tiết hôm nay' })).toBeVisible();
    expect(new URL(page.url()).hostname).toBe('www.google.com');
    const after = await page.evaluate(() => history.length);
    // Replaced, not added: "back" cannot return to the page she was reading.
    if (javaScriptEnabled) expect(after).toBe(before);
    await page.context().close();
  });
}

test('a lesson opened once is readable with the phone offline; private pages are not kept', async ({
  browser,
  baseURL,
}) => {
  const page = await pageAs(browser, baseURL!, 'seller@sen.test');
  await page.goto('/learn/an-toan-truoc-quay-roi');
  const lessonPath = await page
    .locator('main a[href^="/learn/an-toan-truoc-quay-roi/"]:not([href*="/quiz/"])')
    .first()
    .getAttribute('href');
  await page.goto(lessonPath!);
  const title = (await page.locator('h1').innerText()).trim();
  await workerReady(page);
  await kept(page, lessonPath!);
  await page.goto('/messages');
  // Nothing private is ever in the worker's caches.
  const keys = await page.evaluate(async () => {
    const all: string[] = [];
    for (const name of await caches.keys())
      for (const request of await (await caches.open(name)).keys()) all.push(new URL(request.url).pathname);
    return all;
  });
  expect(
    keys.filter((path) => /^\/(messages|orders|account|dashboard|staff|notifications|cart|files)/.test(path)),
  ).toEqual([]);

  await page.context().setOffline(true);
  await page.goto(lessonPath!);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.goto('/messages');
  await expect(page.getByRole('heading', { level: 1, name: 'Chị đang ngoại tuyến' })).toBeVisible();
  await page.context().setOffline(false);
  await page.context().close();
});

test('a quiz answered offline is recorded once when the phone is back online', async ({ browser, baseURL }) => {
  const staff = await pageAs(browser, baseURL!, 'staff@sen.test');
  const answered = async () => {
    await staff.goto('/staff/learning/bao-ve-thong-tin');
    const text = await staff.locator('main').innerText();
    return [...text.matchAll(/sai \d+\/(\d+) lần/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  };
  const before = await answered();

  const page = await pageAs(browser, baseURL!, 'buyer@sen.test');
  await page.goto('/learn/bao-ve-thong-tin');
  await workerReady(page);
  await page.locator('main a[href*="/quiz/"]').first().click();
  await expect(page.getByRole('button', { name: 'Nộp bài' })).toBeVisible();
  const questions = await page.locator('main fieldset').count();
  for (let i = 0; i < questions; i++) await page.locator('main fieldset').nth(i).locator('input').first().check();

  await page.context().setOffline(true);
  await page.getByRole('button', { name: 'Nộp bài' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chị đang ngoại tuyến' })).toBeVisible();
  expect(await answered()).toBe(before);

  await page.context().setOffline(false);
  await page.goto('/learn');
  await expect.poll(answered, { timeout: 30_000 }).toBeGreaterThan(before);
  const once = await answered();
  // Sent again (another page load, the connection event, the same answer replayed): still counted once.
  await page.evaluate(() => navigator.serviceWorker.controller?.postMessage('replay'));
  await page.goto('/learn/bao-ve-thong-tin');
  await page.evaluate(() => navigator.serviceWorker.ready);
  expect(await answered()).toBe(once);
  await page.context().close();
  await staff.context().close();
});

for (const javaScriptEnabled of [true, false]) {
  test(`the Hmong recording of a lesson plays: the <audio> loads and reports its duration (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto('/learn/ban-hang-an-toan/pay-on-platform');
    // The player comes before the lesson's text.
    const player = page.locator('main audio');
    await expect(player).toHaveCount(1);
    const playerTop = await player.evaluate((el) => el.getBoundingClientRect().top);
    const textTop = await page.locator('.lesson-body').evaluate((el) => el.getBoundingClientRect().top);
    expect(playerTop).toBeLessThan(textTop);
    await expect(page.getByRole('heading', { level: 2, name: /H'Mông/ })).toBeVisible();
    // Page scripts off or on, the browser's own player loads it (range requests).
    await expect
      .poll(() => player.evaluate((el: HTMLAudioElement) => (el.readyState >= 1 ? el.duration : 0)), {
        timeout: 20_000,
      })
      .toBeGreaterThan(2);
    const range = await page.request.get((await player.locator('source').getAttribute('src')) ?? '', {
      headers: { Range: 'bytes=0-3' },
    });
    expect(range.status()).toBe(206);
    expect((await range.body()).toString('latin1')).toBe('OggS');
    await context.close();
  });
}

test('"Save for offline" keeps every lesson of a course; without scripts the page says it cannot', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto('/learn/ban-hang-an-toan');
  await workerReady(page);
  const paths = JSON.parse((await page.locator('form[data-save-offline]').getAttribute('data-save-offline')) ?? '[]');
  expect(paths.length).toBeGreaterThan(1);
  await page.getByRole('button', { name: 'Lưu để học khi không có mạng' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Đã lưu ${paths.length} bài` })).toBeVisible({
    timeout: 40_000,
  });
  await context.setOffline(true);
  await page.goto(paths[paths.length - 1]);
  await expect(page.locator('.lesson-body')).toBeVisible();
  await context.close();

  const plain = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const noScripts = await plain.newPage();
  await noScripts.goto('/learn/ban-hang-an-toan');
  await noScripts.getByRole('button', { name: 'Lưu để học khi không có mạng' }).click();
  await expect(noScripts.getByText('đang tắt JavaScript')).toBeVisible();
  await plain.close();
});

// An old worker as an earlier deploy might have left it on her phone, at its worst:
// it keeps every page it serves (signed-in ones too) and answers from that copy first.
// Its copies carry a header, so the test can tell a stale page from a fresh one.
const oldWorker = `'use strict';
const VERSION = 'old000000000';
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  if (event.request.mode !== 'navigate') return;
  event.respondWith(caches.open('sen-pages-' + VERSION).then(async (cache) => {
    const hit = await cache.match(event.request.url);
    if (hit) return hit;
    const res = await fetch(event.request);
    const headers = new Headers(res.headers);
    headers.set('Sen-Stale', 'old');
    headers.delete('Content-Encoding');
    headers.delete('Content-Length');
    await cache.put(event.request.url, new Response(await res.clone().blob(), { status: res.status, headers }));
    return res;
  }));
});`;

test('a worker left by an old version updates itself: old caches go, a signed-in page is never served stale', async ({
  browser,
  baseURL,
}) => {
  const page = await pageAs(browser, baseURL!, 'seller@sen.test');
  const context = page.context();
  const stale = async (path: string) => (await page.goto(path))?.headers()['sen-stale'] ?? null;
  // Before the deploy: /sw.js is the old version.
  await context.route('**/sw.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript; charset=utf-8',
      headers: { 'Cache-Control': 'no-cache' },
      body: oldWorker,
    }),
  );
  await page.goto('/dashboard');
  await workerReady(page);
  await page.goto('/dashboard');
  // The old worker is in charge and serves its signed-in copy.
  expect(await stale('/dashboard')).toBe('old');
  const cacheNames = () => page.evaluate(() => caches.keys());
  expect(await cacheNames()).toContain('sen-pages-old000000000');

  // The deploy: /sw.js is this build's worker again. Her next visits (nothing else) bring it in.
  await context.unroute('**/sw.js');
  await expect
    .poll(
      async () => {
        await page.goto('/learn');
        return cacheNames();
      },
      { timeout: 40_000 },
    )
    .toEqual(expect.arrayContaining([expect.stringMatching(/^sen-pages-[0-9a-f]{12}$/)]));
  // The old caches are deleted, and with them the stale signed-in copy.
  await expect.poll(cacheNames, { timeout: 20_000 }).not.toContain('sen-pages-old000000000');
  expect(await stale('/dashboard')).toBeNull();
  await expect(page.locator('main#main')).toBeVisible();
  const kept = await page.evaluate(async () => {
    const all: string[] = [];
    for (const name of await caches.keys())
      for (const request of await (await caches.open(name)).keys()) all.push(new URL(request.url).pathname);
    return all;
  });
  expect(kept.filter((path) => /^\/(dashboard|messages|orders|account|staff|cart)/.test(path))).toEqual([]);
  // Offline, a signed-in page is the offline page, never a copy.
  await context.setOffline(true);
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Chị đang ngoại tuyến' })).toBeVisible();
  await context.setOffline(false);
  await context.close();
});
