import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { openOwnListing, pageAs, phonePhoto } from './support/pages';

// Issue 22, tried as a rural seller would at 360 px: thumb-sized targets, text that
// grows with the phone's font size without sideways scrolling, photos made smaller
// before they go over a slow connection, and scam warnings that are hard to miss.

const publicPages = [
  '/',
  '/market',
  '/market?q=ao+dai',
  '/safety',
  '/learn',
  '/learn/game',
  '/mentors',
  '/about',
  '/login',
  '/signup',
];
const buyerPages = ['/messages', '/orders', '/cart', '/account', '/notifications'];
const sellerPages = ['/dashboard', '/dashboard/listings', '/dashboard/listings/new', '/dashboard/orders'];

/**
 * Every visible interactive element smaller than 44 × 44 CSS px. A link inside a
 * sentence (its parent holds other text) is exempt, as WCAG 2.5.8 allows; a
 * checkbox or radio counts by its label, which is what a thumb presses.
 */
async function smallTargets(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary';
    for (const element of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      let target: HTMLElement = element;
      if (element instanceof HTMLInputElement && ['checkbox', 'radio'].includes(element.type))
        target =
          element.closest('label') ??
          (element.id ? document.querySelector<HTMLElement>(`label[for="${element.id}"]`) : null) ??
          element;
      const style = getComputedStyle(target);
      const box = target.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || box.right <= 0) continue; // not shown (closed <details>, skip link)
      if (element.tagName === 'A') {
        const parent = element.parentElement!;
        const inSentence =
          ['P', 'LI', 'DD', 'TD', 'SPAN', 'SMALL', 'LABEL', 'FIGCAPTION', 'BLOCKQUOTE'].includes(parent.tagName) &&
          (parent.textContent ?? '').trim() !== (element.textContent ?? '').trim();
        if (inSentence) continue;
      }
      if (box.width < 43.5 || box.height < 43.5) {
        const name = (element.getAttribute('aria-label') ?? element.textContent ?? element.getAttribute('name') ?? '')
          .trim()
          .slice(0, 40);
        found.push(`${element.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return found;
  });
}

const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('every tap target on the main pages is at least 44 × 44 px at 360 px', async ({ browser, baseURL }) => {
  const problems: string[] = [];
  for (const [email, pages] of [
    [null, publicPages],
    ['buyer@sen.test', buyerPages],
    ['seller@sen.test', sellerPages],
  ] as const) {
    const page = await pageAs(browser, baseURL!, email);
    for (const path of pages) {
      await page.goto(path);
      for (const small of await smallTargets(page)) problems.push(`${path}: ${small}`);
    }
    await page.context().close();
  }
  expect(problems).toEqual([]);
});

test('at 200 % text size the main pages never scroll sideways at 360 px', async ({ browser, baseURL }) => {
  const problems: string[] = [];
  for (const [email, pages] of [
    [null, publicPages],
    ['buyer@sen.test', buyerPages],
    ['seller@sen.test', sellerPages],
  ] as const) {
    const page = await pageAs(browser, baseURL!, email);
    for (const path of pages) {
      await page.goto(path);
      // What a phone's "largest text" setting does: the root font size doubles.
      await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
      const overflow = await sideways(page);
      if (overflow > 0) {
        // Name the widest culprits, to fix them.
        const wide = await page.evaluate(() =>
          Array.from(document.querySelectorAll<HTMLElement>('main *'))
            .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .slice(-3)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
        );
        problems.push(`${path}: ${overflow}px (${wide.join(', ')})`);
      }
    }
    await page.context().close();
  }
  expect(problems).toEqual([]);
});

test('the inbox marks the conversation with a scam warning; the warning is short and "Báo cáo" a full button', async ({
  browser,
  baseURL,
}) => {
  const page = await pageAs(browser, baseURL!, 'buyer@sen.test');
  await page.goto('/messages');
  // The demo buyer has one warned conversation from the seed; other journeys may have added more.
  const mark = page.getByRole('img', { name: 'Cẩn thận: có tin nhắn giống lừa đảo' });
  await expect(mark.first()).toBeVisible();
  await expect(page.locator('.warned-row')).toHaveCount(await mark.count());
  await page.locator('.warned-row a').first().click();
  const warning = page.getByRole('note', { name: 'Tin nhắn này có dấu hiệu lừa đảo' }).first();
  await expect(warning).toBeVisible();
  // One sentence and a lesson; the reasons only when she asks.
  await expect(warning.locator('details')).not.toHaveAttribute('open', '');
  const visibleWords = (await warning.evaluate((el) => (el as HTMLElement).innerText))
    .split(/\s+/)
    .filter(Boolean).length;
  expect(visibleWords).toBeLessThan(30);
  const report = warning.getByRole('link', { name: 'Báo cáo tin nhắn này' });
  const box = (await report.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(44);
  expect(box.height).toBeGreaterThanOrEqual(44);
  await report.click();
  await expect(page).toHaveURL(/\/reports\/new\?message=/);
  await page.context().close();
});

for (const javaScriptEnabled of [true, false]) {
  test(`a phone photo is accepted (JavaScript ${javaScriptEnabled ? 'on: made smaller before it is sent' : 'off: the original'})`, async ({
    browser,
    baseURL,
  }) => {
    const original = await phonePhoto(3000, 2250);
    const page = await pageAs(browser, baseURL!, 'seller@sen.test', javaScriptEnabled);
    // What the page hands to the network: the photos' bytes in the upload it sends.
    await page.addInitScript(() => {
      const send = XMLHttpRequest.prototype.send;
      XMLHttpRequest.prototype.send = function (body) {
        if (body instanceof FormData) {
          let bytes = 0;
          for (const [, value] of body) if (value instanceof File) bytes += value.size;
          sessionStorage.setItem('sentPhotoBytes', String(bytes));
        }
        return send.call(this, body);
      };
    });
    await openOwnListing(page);
    const before = await page.locator('.edit-images > li').count();
    const logs: string[] = [];
    page.on('console', (m) => logs.push(m.text()));
    page.on('pageerror', (e) => logs.push(e.message));
    // With JavaScript, the page is hydrated before she taps (else it is the plain form).
    if (javaScriptEnabled)
      await page.waitForFunction(() => Boolean((window as unknown as { __remixRouter?: unknown }).__remixRouter));
    await page.getByLabel(/Thêm ảnh/).setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: original });
    await page.getByRole('button', { name: 'Tải ảnh lên' }).click();
    await expect(page.getByText('Đã thêm ảnh.')).toBeVisible({ timeout: 60_000 });
    // The notice is at the top of the page and may be parsed before the image list arrives.
    await expect.poll(() => page.locator('.edit-images > li').count()).toBeGreaterThan(before);
    if (javaScriptEnabled) {
      // 3000 px → 1600 px JPEG: well under half of what the phone took.
      const sent = Number(await page.evaluate(() => sessionStorage.getItem('sentPhotoBytes')));
      expect(sent, logs.join('\n')).toBeGreaterThan(0);
      expect(sent).toBeLessThan(original.length / 2);
      test.info().annotations.push({ type: 'upload bytes', description: `original ${original.length}, sent ${sent}` });
    }
    await page.context().close();
  });
}
