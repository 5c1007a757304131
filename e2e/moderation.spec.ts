import type { Browser } from '@playwright/test';
import { demoPassword, expect, expectAccessible, signIn, test } from './support/fixtures';

// A buyer reports a listing as a scam; staff open the queue, open the report and
// suspend the seller for good; the seller can no longer sign in and her
// storefront shows nothing. Uses a demo seller no other spec relies on.

const sellerEmail = 'len.mebong@sen.test';
const storefront = '/s/do-len-me-bong';
const title = 'Mũ len móc tai gấu';

async function personPage(browser: Browser, baseURL: string, email?: string) {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 780 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  if (email) {
    await signIn(page.request, baseURL, email);
  }
  return page;
}

test('a reported scam seller is suspended by staff and can no longer sign in', async ({ browser, baseURL }) => {
  // The buyer reports the listing.
  const buyer = await personPage(browser, baseURL!, 'buyer@sen.test');
  await buyer.goto('/market?q=mu+len+moc+tai+gau&f=1');
  await buyer.getByRole('link', { name: title }).first().click();
  await expect(buyer.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await buyer.getByRole('link', { name: 'Báo cáo sản phẩm này' }).click();
  await expect(buyer.getByRole('heading', { level: 1, name: 'Báo cáo vi phạm' })).toBeVisible();
  await expectAccessible(buyer);
  await buyer.getByLabel('Vấn đề là gì?').selectOption('scam');
  await buyer.getByLabel('Ghi chú (không bắt buộc)').fill('Shop bắt chuyển khoản cọc trước qua Zalo rồi chặn.');
  await buyer.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(buyer.getByText('Cảm ơn chị đã báo cáo. Cán bộ Sen sẽ xem xét.')).toBeVisible();
  await expect(buyer.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // Staff find it in the queue, open it and suspend the seller for good.
  const staff = await personPage(browser, baseURL!, 'staff@sen.test');
  await staff.goto('/staff/reports');
  await expectAccessible(staff);
  const group = staff.getByRole('region', { name: /Đồ len Mẹ Bống/ });
  await group.getByRole('link', { name: 'Lừa đảo, gian lận' }).click();
  await expect(staff.getByText('Shop bắt chuyển khoản cọc trước qua Zalo rồi chặn.')).toBeVisible();
  await expect(staff.getByRole('heading', { level: 3, name: title })).toBeVisible();
  await expectAccessible(staff);
  await staff.getByLabel('Hành động').selectOption('suspend');
  await staff.getByLabel('Thời gian tạm khoá').selectOption('forever');
  await staff.getByLabel('Lý do', { exact: true }).fill('Lừa đặt cọc qua Zalo, nhiều người mua báo cáo.');
  await staff.getByRole('button', { name: 'Thực hiện' }).click();
  await staff.getByRole('button', { name: /^Xác nhận và gửi/ }).click();
  await expect(staff.getByText('Đã ghi nhận hành động.')).toBeVisible();
  await expect(staff.getByText(/Khoá vĩnh viễn\. Lý do: Lừa đặt cọc qua Zalo/)).toBeVisible();
  await expectAccessible(staff);

  // The seller can no longer sign in, and is told why.
  const seller = await personPage(browser, baseURL!);
  await seller.goto('/login');
  await seller.getByLabel('Email').fill(sellerEmail);
  await seller.getByLabel('Mật khẩu').fill(demoPassword);
  await seller.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(seller.getByRole('alert')).toContainText('Tài khoản này đã bị khoá vĩnh viễn');
  await expect(seller).toHaveURL(/\/login/);
  await expectAccessible(seller);

  // Her storefront shows nothing.
  const visitor = await personPage(browser, baseURL!);
  const response = await visitor.goto(storefront);
  expect(response?.status()).toBe(404);
  await expect(visitor.getByText('Đồ len Mẹ Bống')).toHaveCount(0);

  for (const page of [buyer, staff, seller, visitor]) await page.context().close();
});
