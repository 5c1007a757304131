import type { Browser, Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, expectAccessible, test } from './support/fixtures';

// A verified seller lists a product with a photo and publishes it; a buyer finds
// it with a query typed without diacritics and opens it. Once with JavaScript,
// once without.

const photo = () =>
  sharp({ create: { width: 600, height: 450, channels: 3, background: '#c03060' } })
    .jpeg()
    .toBuffer();

async function signedInPage(browser: Browser, baseURL: string, javaScriptEnabled: boolean, email: string) {
  const context = await browser.newContext({
    javaScriptEnabled,
    baseURL,
    viewport: { width: 360, height: 780 },
    locale: 'vi-VN',
  });
  const page = await context.newPage();
  const response = await page.request.post('/login', {
    form: { email, password: 'sen-demo-password' },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  return page;
}

async function sellerPublishes(page: Page, title: string) {
  await page.goto('/dashboard/listings/new');
  await expectAccessible(page);
  await page.getByLabel('Tên sản phẩm').fill(title);
  await page.getByLabel('Mô tả').fill('Nón lá chuốt tay.\nVành tre, quai lụa <b>đỏ</b>.');
  await page.getByLabel('Giá (đồng)').fill('185.000');
  await page.getByLabel('Số lượng trong kho').fill('7');
  await page.getByLabel('Danh mục').selectOption('handicrafts');
  await page.getByLabel('Phí giao hàng (đồng)').fill('25000');
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await expect(page.getByText('Đã lưu bản nháp.')).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard\/listings\/[0-9a-f-]{36}/);
  await expectAccessible(page);

  await page
    .getByLabel(/Thêm ảnh/)
    .setInputFiles({ name: 'non-la.jpg', mimeType: 'image/jpeg', buffer: await photo() });
  await page.getByRole('button', { name: 'Tải ảnh lên' }).click();
  await expect(page.getByText('Đã thêm ảnh.')).toBeVisible();

  await page.getByRole('button', { name: 'Đăng bán' }).click();
  await expect(page.getByText('Sản phẩm đã được đăng bán.')).toBeVisible();
}

async function buyerFinds(page: Page, title: string, query: string) {
  await page.goto('/market');
  await expectAccessible(page);
  await page.getByLabel('Tìm sản phẩm').fill(query);
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page).toHaveURL(/q=/);
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.locator('.listing-price')).toHaveText('185.000 ₫');
  // What the seller typed as markup shows as text.
  await expect(page.getByText('Vành tre, quai lụa <b>đỏ</b>.')).toBeVisible();
  const image = page.getByRole('img', { name: `${title}, ảnh 1` });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByRole('link', { name: 'Xem gian hàng' })).toHaveAttribute('href', /^\/s\/[a-z0-9-]+$/);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /\/files\/public\/listings\//);
  await expectAccessible(page);
}

for (const javaScriptEnabled of [true, false]) {
  test(`a verified seller publishes a listing with a photo; a buyer finds it without diacritics (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
    browser,
    baseURL,
  }) => {
    const tag = `m${Date.now().toString(36)}${javaScriptEnabled ? 'j' : 'n'}`;
    const title = `Nón lá thêu hoa sen ${tag}`;
    const seller = await signedInPage(browser, baseURL!, javaScriptEnabled, 'seller@sen.test');
    await sellerPublishes(seller, title);
    await seller.context().close();

    const buyerContext = await browser.newContext({
      javaScriptEnabled,
      baseURL,
      viewport: { width: 360, height: 780 },
      locale: 'vi-VN',
    });
    await buyerFinds(await buyerContext.newPage(), title, `non la theu ${tag}`);
    await buyerContext.close();
  });
}

test('the market filters work as a plain GET form', async ({ page, visit }) => {
  await visit('/market?q=ao+dai+lua');
  await expect(page.getByRole('link', { name: /Áo dài lụa/ }).first()).toBeVisible();
  // The filters fold away on a phone until she opens them (issue 22).
  await page.getByText('Lọc: loại hàng, tỉnh, giá').click();
  await page.getByLabel('Danh mục').selectOption('food');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page).toHaveURL(/category=food/);
  await expect(page.getByText(/Chưa có sản phẩm nào khớp|Không có sản phẩm khớp đúng/)).toBeVisible();
});
