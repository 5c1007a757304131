import type { Browser } from '@playwright/test';
import {
  demoPassword,
  expect,
  expectAccessible,
  notAScriptError,
  notAScriptException,
  signIn,
  test,
} from './support/fixtures';

// Issue 8's end-to-end story as one flow through the UI, each person in her own
// browser: a buyer messages a seller about a listing; the seller replies asking
// for a deposit by bank transfer (warned before sending, she sends anyway); the
// buyer sees the warning banner, opens the lesson it links to, and reports the
// message as a scam; staff open the report with its conversation and suspend
// the seller for 30 days; the seller is signed out and cannot sign in again.
// The seller here (Trang sức bạc Bắc Hà) is used by no other spec: suspending
// her must not break them.

const sellerEmail = 'bac.bacha@sen.test';
const storefront = '/s/bac-bac-ha-my';
const title = 'Vòng tay bạc chạm hoa văn';
const deposit =
  'Dạ còn ạ. Chị chuyển khoản cọc trước 200k vào stk 1903 5566 7788 Techcombank để em giữ vòng cho chị nhé';
const lesson = '/learn/ban-hang-an-toan/deposits-and-transfers';

/** A person's own browser (JavaScript on), signed in through the login endpoint when an email is given; browser errors are collected. */
async function personPage(browser: Browser, baseURL: string, errors: string[], email?: string) {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 780 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    if (!notAScriptException(error)) errors.push(`${email ?? 'visitor'}: uncaught: ${error.message}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !notAScriptError(message.text()))
      errors.push(`${email ?? 'visitor'}: ${message.text()}`);
  });
  if (email) {
    await signIn(page.request, baseURL, email);
  }
  return page;
}

test('a buyer is asked for a deposit, sees the warning and its lesson, reports it; staff suspend the seller, who can no longer sign in', async ({
  browser,
  baseURL,
}) => {
  const errors: string[] = [];
  const tag = Date.now().toString(36);
  const question = `Chị ơi vòng tay này còn size nhỏ không ạ? (${tag})`;
  const note = `Shop đòi chuyển khoản cọc 200k trước, không qua Sen (${tag}).`;

  // 1. The buyer finds the listing and writes to the seller about it.
  const buyer = await personPage(browser, baseURL!, errors, 'buyer@sen.test');
  await buyer.goto(storefront);
  await buyer.getByRole('link', { name: title }).first().click();
  await expect(buyer.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await buyer.getByRole('link', { name: 'Nhắn tin cho người bán' }).click();
  await expect(buyer.getByRole('heading', { level: 1 })).toContainText('Nhắn tin cho');
  await buyer.getByLabel('Tin nhắn', { exact: true }).fill(question);
  await buyer.getByRole('button', { name: 'Gửi', exact: true }).click();
  await expect(buyer.getByText('Đã gửi tin nhắn.')).toBeVisible();
  await expect(buyer).toHaveURL(/\/messages\/[0-9a-f-]{36}/);
  const conversation = new URL(buyer.url()).pathname;
  await expect(buyer.locator('.message').last()).toContainText(tag);
  // Her own message offers no Report link.
  await expect(buyer.locator('.message').last().getByRole('link', { name: 'Báo cáo tin nhắn này' })).toHaveCount(0);

  // 2. The seller replies asking for a deposit by bank transfer: warned first, she sends anyway.
  const seller = await personPage(browser, baseURL!, errors, sellerEmail);
  await seller.goto(conversation);
  await expect(seller.locator('.message').last()).toContainText(tag);
  await seller.getByLabel('Tin nhắn', { exact: true }).fill(deposit);
  await seller.getByRole('button', { name: 'Gửi', exact: true }).click();
  await expect(seller.getByText('Tin nhắn này vi phạm quy định của Sen')).toBeVisible();
  await expect(seller.getByLabel('Tin nhắn', { exact: true })).toHaveValue(deposit);
  await seller.getByRole('button', { name: 'Vẫn gửi' }).click();
  // Sent, and told the account number is hidden from the buyer (they have no order together).
  await expect(seller.getByText(/^Đã gửi\. Số điện thoại, email hay số tài khoản/)).toBeVisible();
  await expect(seller.locator('.message').last()).toContainText('người nhận kèm cảnh báo');

  // 3. The buyer opens the conversation: the message comes with the warning banner and its lesson.
  await buyer.goto(conversation);
  const received = buyer.locator('.message').last();
  await expect(received).toContainText('Techcombank');
  await expect(received).toContainText('stk •••');
  await expect(received).not.toContainText('1903 5566 7788');
  await expect(received.locator('.scam-warning--danger')).toBeVisible();
  await expect(received).toContainText('Tin nhắn đòi đặt cọc');
  await received.locator(`a[href="${lesson}"]`).first().click();
  await expect(buyer).toHaveURL(new RegExp(`${lesson}$`));
  await expect(buyer.getByRole('heading', { level: 1, name: 'Tiền cọc và yêu cầu chuyển khoản' })).toBeVisible();

  // 4. Back in the conversation, she reports the message as a scam.
  await buyer.goto(conversation);
  await buyer.locator('.message').last().getByRole('link', { name: 'Báo cáo tin nhắn này' }).click();
  await expect(buyer).toHaveURL(/\/reports\/new\?message=[0-9a-f-]{36}$/);
  await expect(buyer.getByRole('heading', { level: 1, name: 'Báo cáo vi phạm' })).toBeVisible();
  // The form quotes the message as she saw it, still masked.
  await expect(buyer.locator('blockquote')).toContainText('Techcombank');
  await expect(buyer.locator('blockquote')).not.toContainText('1903 5566 7788');
  await expectAccessible(buyer);
  await buyer.getByLabel('Vấn đề là gì?').selectOption('scam');
  await buyer.getByLabel('Ghi chú (không bắt buộc)').fill(note);
  await buyer.getByRole('button', { name: 'Gửi báo cáo' }).click();
  // Back to the conversation, thanked.
  await expect(buyer.getByText('Cảm ơn chị đã báo cáo. Cán bộ Sen sẽ xem xét.')).toBeVisible();
  await expect(buyer).toHaveURL(new RegExp(`${conversation}\\?notice=`));

  // 5. Staff open the queue, then the report: the message with the conversation around it.
  const staff = await personPage(browser, baseURL!, errors, 'staff@sen.test');
  await staff.goto('/staff/reports');
  const group = staff.getByRole('region', { name: /Trang sức bạc Bắc Hà|Giàng Thị Mỷ/ });
  await group.getByRole('link', { name: 'Lừa đảo, gian lận' }).click();
  await expect(staff.getByText(note)).toBeVisible();
  const context = staff.getByRole('region', { name: 'Đoạn hội thoại quanh tin nhắn' });
  await expect(context).toContainText(question);
  await expect(context.locator('li', { hasText: 'tin nhắn bị báo cáo' })).toContainText(deposit);
  await expectAccessible(staff);

  // 6. They suspend the seller for 30 days, with a reason.
  await staff.getByLabel('Hành động').selectOption('suspend');
  await staff.getByLabel('Thời gian tạm khoá').selectOption('30');
  await staff.getByLabel('Lý do', { exact: true }).fill('Đòi người mua chuyển khoản đặt cọc ngoài Sen.');
  await staff.getByRole('button', { name: 'Thực hiện' }).click();
  await staff.getByRole('button', { name: /^Xác nhận và gửi/ }).click();
  await expect(staff.getByText('Đã ghi nhận hành động.')).toBeVisible();
  await expect(
    staff.getByText(/Tạm khoá đến .+\. Lý do: Đòi người mua chuyển khoản đặt cọc ngoài Sen\./),
  ).toBeVisible();
  await expectAccessible(staff);

  // 7. The seller is signed out where she was signed in, and cannot sign in again.
  await seller.goto(conversation);
  await expect(seller).toHaveURL(/\/login/);
  await seller.getByLabel('Email').fill(sellerEmail);
  await seller.getByLabel('Mật khẩu').fill(demoPassword);
  await seller.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(seller.getByRole('alert')).toContainText('Tài khoản này đang bị tạm khoá đến');
  await expect(seller).toHaveURL(/\/login/);

  // 8. The buyer is told the outcome (not the details) in her notifications.
  await buyer.goto('/');
  await buyer.getByRole('link', { name: /^Thông báo \(\d+\)$/ }).click();
  await expect(buyer.getByRole('heading', { level: 1, name: 'Thông báo' })).toBeVisible();
  // Newest first (another spec's report may have told her an earlier outcome).
  await expect(
    buyer
      .getByRole('link', { name: 'Chúng tôi đã xem báo cáo của chị và đã xử lý. Cảm ơn chị đã giúp Sen an toàn hơn.' })
      .first(),
  ).toBeVisible();
  await expect(buyer.getByText('Đòi người mua chuyển khoản')).toHaveCount(0);
  await expectAccessible(buyer);
  await buyer.getByRole('button', { name: 'Đánh dấu tất cả là đã đọc' }).click();
  await expect(buyer.getByRole('link', { name: 'Thông báo', exact: true })).toBeVisible();

  for (const page of [buyer, seller, staff]) await page.context().close();
  expect(errors, 'errors in the browser consoles').toEqual([]);
});
