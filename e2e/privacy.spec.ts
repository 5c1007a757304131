import type { Browser, Page } from '@playwright/test';
import { addListingToCart } from './support/pages';
import { strFromU8, unzipSync } from 'fflate';
import { demoPassword, expect, expectAccessible, signIn, test } from './support/fixtures';
import { signupLink } from './support/server-log';

// Issue 15, at 360 px with JavaScript on and off: a buyer signs up with consent,
// orders from a seller and writes to her; the seller downloads her data (her
// listing, the order and the message are in the ZIP), then deletes her account:
// her storefront answers 404, and the buyer still has the order and reads the
// seller's messages from a deleted account. Each run uses a demo seller no other
// spec touches.

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const deletedName = 'Tài khoản đã xoá · Deleted account';

async function person(browser: Browser, baseURL: string, javaScriptEnabled: boolean, email?: string) {
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

async function signUpWithConsent(page: Page, email: string) {
  await page.goto('/signup?by=email');
  await page.locator('input[name="displayName"]').fill('Chị Mai');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill('hoa sen no giua dam lay');
  // The consent box starts unticked: silence is not consent.
  await expect(page.locator('input[name="agree"]')).not.toBeChecked();
  await page.locator('input[name="agree"]').check();
  await page.getByRole('button', { name: 'Tạo tài khoản', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signup'));
  await page.goto(await signupLink(email));
  await page.getByRole('button', { name: 'Tạo tài khoản của tôi' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signup'));
}

const sellers = [
  { javaScriptEnabled: true, email: 'caphe.daklak@sen.test', slug: 'ca-phe-buon-ma-thuot-hlinh' },
  { javaScriptEnabled: false, email: 'dua@sen.test', slug: 'keo-dua-ben-tre-bich' },
];

for (const shop of sellers) {
  const mode = shop.javaScriptEnabled ? 'JavaScript on' : 'JavaScript off';

  test(`download my data, then delete my account (${mode}, 360 px)`, async ({ browser, baseURL }) => {
    test.setTimeout(240_000);
    const id = unique();
    const buyer = await person(browser, baseURL!, shop.javaScriptEnabled);
    await signUpWithConsent(buyer, `e2e.privacy.${id}@example.com`);
    await buyer.goto('/account/privacy');
    await expect(buyer.getByText('Quy chế hoạt động và thông báo quyền riêng tư (bắt buộc để dùng Sen)')).toBeVisible();
    await expectAccessible(buyer);

    // An order from the seller, a message about it, then the buyer cancels it (a closed order stays in her history).
    await buyer.goto(`/s/${shop.slug}`);
    const href = await buyer.locator('#listings a[href^="/market/"]').first().getAttribute('href');
    await buyer.goto(href!);
    const title = (await buyer.getByRole('heading', { level: 1 }).textContent())!.trim();
    await addListingToCart(buyer);
    await buyer.goto('/cart');
    await buyer.getByRole('link', { name: 'Đặt hàng' }).click();
    await buyer.getByLabel('Họ tên người nhận').fill('Nguyễn Thị Mai');
    await buyer.getByLabel('Số điện thoại').fill('0987 111 222');
    await buyer.getByLabel(/Địa chỉ/).fill('25 Trần Phú, phường Ba Đình');
    await buyer.getByLabel('Tỉnh/thành phố').selectOption('ha-noi');
    await buyer.getByLabel('Trả tiền mặt khi nhận hàng').check();
    await buyer.getByRole('button', { name: 'Đặt hàng' }).click();
    await expect(buyer.getByText('Đã đặt hàng. Người bán sẽ sớm nhận đơn.')).toBeVisible();
    const orderId = (await buyer.locator('a[href^="/orders/"]').first().getAttribute('href'))!.split('/').pop()!;
    await buyer.goto(`/orders/${orderId}`);
    await buyer.getByRole('link', { name: 'Nhắn tin cho người bán' }).click();
    await buyer.getByLabel('Tin nhắn', { exact: true }).fill(`Chị gói kỹ giúp em nhé (${id})`);
    await buyer.getByRole('button', { name: 'Gửi', exact: true }).click();
    await expect(buyer.getByText('Đã gửi tin nhắn.')).toBeVisible();
    const conversation = new URL(buyer.url()).pathname;
    await buyer.goto(`/orders/${orderId}`);
    await buyer.getByRole('button', { name: 'Huỷ đơn' }).click();
    await expect(buyer.getByText('Đã huỷ').first()).toBeVisible();

    // The seller answers, then asks for her data.
    const seller = await person(browser, baseURL!, shop.javaScriptEnabled, shop.email);
    await seller.goto(conversation);
    const reply = `Dạ em nhận được rồi ạ (${id})`;
    await seller.getByLabel('Tin nhắn', { exact: true }).fill(reply);
    await seller.getByRole('button', { name: 'Gửi', exact: true }).click();
    await expect(seller.getByText('Đã gửi tin nhắn.')).toBeVisible();
    await seller.goto('/account');
    await seller.getByRole('link', { name: 'Xem đồng ý, tải về dữ liệu của tôi, xoá tài khoản' }).click();
    await expect(seller.getByRole('heading', { level: 1, name: 'Quyền riêng tư và dữ liệu của tôi' })).toBeVisible();
    await expectAccessible(seller);
    await seller.getByRole('button', { name: 'Chuẩn bị dữ liệu của tôi' }).click();
    await expect(seller.getByText('Đang chuẩn bị dữ liệu của chị').first()).toBeVisible();
    // The job runs in the server's worker; the page offers the link once it is done.
    const download = seller.getByRole('link', { name: 'Tải về (ZIP)' });
    await expect(async () => {
      await seller.reload();
      await expect(download).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 60_000 });
    await expectAccessible(seller);
    const zip = await seller.request.get((await download.getAttribute('href'))!);
    expect(zip.status()).toBe(200);
    const files = unzipSync(new Uint8Array(await zip.body()));
    expect(strFromU8(files['listings.seller_id.json'])).toContain(title);
    expect(strFromU8(files['orders.seller_id.json'])).toContain(orderId);
    expect(strFromU8(files['messages.json'])).toContain(`Chị gói kỹ giúp em nhé (${id})`);

    // Deleting asks for her password again.
    await seller.getByRole('button', { name: 'Xoá vĩnh viễn tài khoản của tôi' }).click();
    await expect(seller.locator('.field-error').first()).toBeVisible();
    await seller.getByLabel('Nhập lại mật khẩu để xác nhận').fill(demoPassword);
    await seller.getByRole('button', { name: 'Xoá vĩnh viễn tài khoản của tôi' }).click();
    await expect(seller.getByText('Tài khoản của chị đã được xoá.')).toBeVisible();
    const storefront = await seller.goto(`/s/${shop.slug}`);
    expect(storefront?.status()).toBe(404);
    await seller.context().close();

    // The buyer still has the order, and reads the seller's message from a deleted account.
    await buyer.goto(conversation);
    await expect(buyer.getByText(reply)).toBeVisible();
    await expect(buyer.getByText(deletedName).first()).toBeVisible();
    await expectAccessible(buyer);
    await buyer.goto('/orders');
    await expect(buyer.locator(`a[href="/orders/${orderId}"]`).first()).toBeVisible();
    await buyer.goto(`/orders/${orderId}`);
    await expect(buyer.getByText(deletedName).first()).toBeVisible();
    await buyer.context().close();
  });
}
