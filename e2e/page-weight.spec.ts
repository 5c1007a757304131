import { expect, test } from './support/fixtures';

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
