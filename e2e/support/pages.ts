import type { Browser, Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, signIn } from './fixtures';

// Pages as a person opens them on a 360 px phone, and a photo as a phone takes it
// (e2e/ux.spec.ts and the slow-3G benchmark, tests/bench/slow-3g.spec.ts).

export async function pageAs(browser: Browser, baseURL: string, email: string | null, javaScriptEnabled = true) {
  const context = await browser.newContext({
    javaScriptEnabled,
    baseURL,
    viewport: { width: 360, height: 780 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  if (email) await signIn(page.request, baseURL, email);
  return page;
}

/** A photo with a phone photo's detail (noise compresses as badly as a real scene). */
export async function phonePhoto(width: number, height: number) {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919 + ((i / 3) | 0) * 104729) % 251;
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer();
}

export async function openOwnListing(page: Page) {
  await page.goto('/dashboard/listings');
  await page.locator('a[href^="/dashboard/listings/"]:not([href$="/new"])').first().click();
  await expect(page).toHaveURL(/\/dashboard\/listings\/[0-9a-f-]{36}/);
}

/**
 * On a listing's page: adds it to the cart and waits for the answer. A listing
 * with options (size, colour) gets its first one in stock, as a buyer would pick.
 */
export async function addListingToCart(page: Page) {
  const option = page.locator('input[name="variant"]:not([disabled])').first();
  if (await option.count()) await option.check();
  await page.getByRole('button', { name: 'Thêm vào giỏ' }).click();
  await expect(page.getByText('Đã thêm vào giỏ hàng.')).toBeVisible();
}
