import type { Browser, Page } from '@playwright/test';
import { addListingToCart } from './support/pages';
import { demoPassword, expect, expectAccessible, test } from './support/fixtures';

// A buyer puts two products from two sellers in her cart and pays cash on
// delivery; each seller accepts and ships her order; the buyer confirms both
// deliveries and reviews one, and the review appears on the seller's storefront.
// With JavaScript off: plain forms all the way.

async function signedIn(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({
    javaScriptEnabled: false,
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

async function addFirstListingOf(page: Page, storefront: string) {
  await page.goto(storefront);
  const href = await page.locator('#listings a[href^="/market/"]').first().getAttribute('href');
  await page.goto(href!);
  await addListingToCart(page);
}

async function sellerAcceptsAndShips(browser: Browser, baseURL: string, email: string, orderId: string) {
  const page = await signedIn(browser, baseURL, email);
  await page.goto(`/dashboard/orders/${orderId}`);
  await expectAccessible(page);
  // The packing slip carries the buyer's phone now that an order exists.
  await expect(page.locator('.packing')).toContainText('0987 111 222');
  await page.getByRole('button', { name: 'Nhận đơn' }).click();
  await expect(page.getByText('Đã cập nhật đơn hàng.')).toBeVisible();
  await page.getByLabel('Đơn vị vận chuyển').fill('Giao Hàng Nhanh');
  await page.getByLabel('Mã gói hàng (in trên phiếu gửi)').fill(`GHN${orderId.slice(0, 6)}`);
  await page.getByRole('button', { name: 'Đã gửi hàng' }).click();
  await expect(page.getByText('Đang giao').first()).toBeVisible();
  await page.goto('/dashboard/orders?state=shipped');
  await expectAccessible(page);
  await page.context().close();
}

test('two sellers, cash on delivery, accepted, shipped, delivered and reviewed (JavaScript off, 360 px)', async ({
  browser,
  baseURL,
}) => {
  const buyer = await signedIn(browser, baseURL!, 'buyer@sen.test');
  await addFirstListingOf(buyer, '/s/det-tho-cam-hoa');
  await addFirstListingOf(buyer, '/s/ao-dai-minh-chau-hue');
  await buyer.goto('/cart');
  await expectAccessible(buyer);
  await expect(buyer.getByRole('heading', { level: 2 })).toHaveCount(2);
  await buyer.getByRole('link', { name: 'Đặt hàng' }).click();
  await expect(buyer.getByText('chị sẽ có 2 đơn hàng')).toBeVisible();
  await expect(buyer.getByRole('note', { name: 'Chỉ thanh toán qua Sen hoặc khi nhận hàng' })).toBeVisible();
  await expectAccessible(buyer);
  await buyer.getByLabel('Họ tên người nhận').fill('Nguyễn Thị Mai');
  await buyer.getByLabel('Số điện thoại').fill('0987 111 222');
  await buyer.getByLabel(/Địa chỉ/).fill('25 Trần Phú, phường Ba Đình');
  await buyer.getByLabel('Tỉnh/thành phố').selectOption('ha-noi');
  await buyer.getByLabel('Trả tiền mặt khi nhận hàng').check();
  await buyer.getByRole('button', { name: 'Đặt hàng' }).click();
  await expect(buyer.getByText('Đã đặt hàng. Người bán sẽ sớm nhận đơn.')).toBeVisible();
  await expectAccessible(buyer);

  // The two newest orders are hers from this checkout.
  const hrefs = await buyer
    .locator('a[href^="/orders/"]')
    .evaluateAll((links) => links.slice(0, 2).map((a) => a.getAttribute('href')!));
  const ids = hrefs.map((h) => h.split('/').pop()!);
  const sellerOf: Record<string, string> = {};
  for (const id of ids) {
    await buyer.goto(`/orders/${id}`);
    const shop = await buyer.locator('dd a[href^="/s/"]').first().getAttribute('href');
    sellerOf[id] = shop === '/s/det-tho-cam-hoa' ? 'seller@sen.test' : 'aodai.hue@sen.test';
  }
  expect(new Set(Object.values(sellerOf)).size).toBe(2);

  for (const id of ids) await sellerAcceptsAndShips(browser, baseURL!, sellerOf[id], id);

  const hoaOrder = ids.find((id) => sellerOf[id] === 'seller@sen.test')!;
  for (const id of ids) {
    await buyer.goto(`/orders/${id}`);
    await expect(buyer.locator('dd', { hasText: 'Giao Hàng Nhanh' })).toBeVisible();
    await buyer.getByRole('button', { name: 'Tôi đã nhận được hàng' }).click();
    await expect(buyer.getByText('Đã cập nhật đơn hàng.')).toBeVisible();
  }
  await buyer.goto(`/orders/${hoaOrder}`);
  await expectAccessible(buyer);
  const comment = `Khăn đẹp lắm, cảm ơn chị ${hoaOrder.slice(0, 6)}`;
  await buyer.getByLabel('Đánh giá (1–5 sao)').selectOption('5');
  await buyer.getByLabel('Nhận xét').fill(comment);
  await buyer.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(buyer.getByText('Cảm ơn chị đã đánh giá.')).toBeVisible();

  await buyer.goto('/s/det-tho-cam-hoa');
  await expect(buyer.getByText(comment)).toBeVisible();
  await expect(buyer.getByText(/★ [\d,.]+\/5 · \d+ đánh giá/)).toBeVisible();
  await expectAccessible(buyer);
  await buyer.context().close();
});
