import type { Browser } from '@playwright/test';
import { demoPassword, expect, expectAccessible, test } from './support/fixtures';

// Issue 13: the seller's home. From /dashboard every page of her area is one tap
// away through its navigation, on a 360 px screen, with and without JavaScript.

async function signedIn(browser: Browser, baseURL: string, email: string, javaScriptEnabled: boolean) {
  const context = await browser.newContext({
    javaScriptEnabled,
    baseURL,
    viewport: { width: 360, height: 780 },
    locale: 'vi-VN',
  });
  const page = await context.newPage();
  const response = await page.request.post('/login', {
    form: { email, password: demoPassword },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  return page;
}

for (const javaScriptEnabled of [false, true]) {
  test(`a seller reaches her products, sales orders, payout and verification from /dashboard (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
    browser,
    baseURL,
  }) => {
    const page = await signedIn(browser, baseURL!, 'seller@sen.test', javaScriptEnabled);
    await page.goto('/dashboard');
    await expectAccessible(page);
    const nav = page.getByRole('navigation', { name: 'Gian hàng của chị' });
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Lò Thị Hoa');

    const stops: [string, RegExp][] = [
      ['Sản phẩm của chị', /\/dashboard\/listings$/],
      ['Đơn bán', /\/dashboard\/orders$/],
      ['Tài khoản nhận tiền', /\/dashboard\/payout$/],
      ['Hồ sơ & xác minh', /\/dashboard\/verification$/],
      ['Tổng quan', /\/dashboard$/],
    ];
    for (const [name, url] of stops) {
      await nav.getByRole('link', { name, exact: true }).click();
      await expect(page).toHaveURL(url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // The navigation stays on every page of her area, and nothing is wider than the screen.
      await expect(nav).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    }
    await nav.getByRole('link', { name: 'Thêm sản phẩm' }).click();
    await expect(page).toHaveURL(/\/dashboard\/listings\/new$/);
    await page.context().close();
  });
}

test('a mentor reaches her mentoring hours from /dashboard by the same navigation', async ({ browser, baseURL }) => {
  const page = await signedIn(browser, baseURL!, 'mentor@sen.test', false);
  await page.goto('/dashboard');
  const nav = page.getByRole('navigation', { name: 'Gian hàng của chị' });
  await nav.getByRole('link', { name: 'Cố vấn', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\/mentoring$/);
  await expectAccessible(page);
  await nav.getByRole('link', { name: 'Hồ sơ & xác minh' }).click();
  await expect(page).toHaveURL(/\/dashboard\/verification$/);
  await page.context().close();
});
