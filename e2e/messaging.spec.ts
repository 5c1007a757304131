import type { Browser } from '@playwright/test';
import { demoPassword, expect, expectAccessible, test } from './support/fixtures';

// A buyer opens a listing and messages the seller; the seller replies asking
// for a deposit by bank transfer, is warned before sending that it breaks Sen's
// rules, and sends anyway; the buyer sees the message with a warning banner and
// opens the lesson it links to. Once with JavaScript, once without.

const deposit = 'Chị chuyển khoản cọc trước 50% vào stk 0451000123456 Vietcombank giúp em nhé';

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

for (const javaScriptEnabled of [true, false]) {
  test(`a buyer messages a seller, is asked for a deposit and sees the warning with its lesson (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
    browser,
    baseURL,
  }) => {
    const tag = `${Date.now().toString(36)}${javaScriptEnabled ? 'j' : 'n'}`;
    const buyer = await signedIn(browser, baseURL!, 'buyer@sen.test', javaScriptEnabled);
    await buyer.goto('/s/det-tho-cam-hoa');
    const href = await buyer.locator('#listings a[href^="/market/"]').first().getAttribute('href');
    await buyer.goto(href!);
    await buyer.getByRole('link', { name: 'Nhắn tin cho người bán' }).click();
    await expect(buyer.getByRole('heading', { level: 1 })).toContainText('Nhắn tin cho');
    await expectAccessible(buyer);
    await buyer.getByLabel('Tin nhắn', { exact: true }).fill(`Chị ơi khăn này còn màu đỏ không ạ? (${tag})`);
    await buyer.getByRole('button', { name: 'Gửi', exact: true }).click();
    await expect(buyer.getByText('Đã gửi tin nhắn.')).toBeVisible();
    await expect(buyer).toHaveURL(/\/messages\/[0-9a-f-]{36}/);
    const conversation = new URL(buyer.url()).pathname;
    await expect(buyer.locator('.message').last()).toContainText(tag);

    const seller = await signedIn(browser, baseURL!, 'seller@sen.test', javaScriptEnabled);
    await seller.goto('/messages');
    await expect(seller.getByRole('link', { name: 'Tin nhắn (1 chưa đọc)' })).toBeVisible();
    await expectAccessible(seller);
    await seller.goto(conversation);
    await expect(seller.locator('.message').last()).toContainText(tag);
    await seller.getByLabel('Tin nhắn', { exact: true }).fill(deposit);
    await seller.getByRole('button', { name: 'Gửi', exact: true }).click();
    await expect(seller.getByText('Tin nhắn này vi phạm quy định của Sen')).toBeVisible();
    await expect(seller.getByLabel('Tin nhắn', { exact: true })).toHaveValue(deposit);
    await expectAccessible(seller);
    await seller.getByRole('button', { name: 'Vẫn gửi' }).click();
    await expect(seller.getByText('Đã gửi tin nhắn.')).toBeVisible();
    await expect(seller.locator('.message').last()).toContainText(deposit);
    await expect(seller.locator('.message').last()).toContainText('người nhận kèm cảnh báo');
    await seller.context().close();

    await buyer.goto(conversation);
    const last = buyer.locator('.message').last();
    await expect(last.locator('.scam-warning--danger')).toBeVisible();
    await expect(last).toContainText('Tin nhắn đòi đặt cọc');
    await expectAccessible(buyer);
    await last.locator('a[href="/learn/ban-hang-an-toan/deposits-and-transfers"]').click();
    await expect(buyer).toHaveURL(/\/learn\/ban-hang-an-toan\/deposits-and-transfers$/);
    await expect(buyer.getByRole('heading', { level: 1 })).toBeVisible();
    await buyer.context().close();
  });
}
