import { addListingToCart, pageAs } from './support/pages';
import { expect, expectAccessible, test } from './support/fixtures';

// Issue 18: a buyer checks out with VietQR, sees the QR, the amount and the
// verified holder name; the fake bank (SePay's documented POST, with the demo
// seller's key) reports the transfer; the order shows paid; the seller ships.
// JavaScript on and off, 360 px.

const demoSepayKey = 'sen_demo_sepay_key_for_local_use_only';

for (const javaScriptEnabled of [false, true]) {
  test(`VietQR: checkout, the QR with the verified name, the bank's notification, paid, shipped (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
    browser,
    baseURL,
  }) => {
    const buyer = await pageAs(browser, baseURL!, 'buyer@sen.test', javaScriptEnabled);
    await buyer.goto('/s/det-tho-cam-hoa');
    const href = await buyer.locator('#listings a[href^="/market/"]').first().getAttribute('href');
    await buyer.goto(href!);
    await addListingToCart(buyer);
    await buyer.goto('/checkout');
    await buyer.getByLabel('Họ tên người nhận').fill('Nguyễn Thị Mai');
    await buyer.getByLabel('Số điện thoại').fill('0987111222');
    await buyer.getByLabel(/Địa chỉ/).fill('25 Trần Phú, phường Ba Đình');
    await buyer.getByLabel('Tỉnh/thành phố').selectOption('ha-noi');
    await buyer.getByLabel(/VietQR/).check();
    await buyer.getByRole('button', { name: 'Đặt hàng' }).click();
    await expect(buyer).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
    const orderId = buyer.url().split('/').pop()!;
    await expect(buyer.getByText('Tài khoản đã được Hội LHPN xác minh: LO THI HOA · Vietcombank')).toBeVisible();
    await expect(buyer.getByRole('img', { name: /Mã VietQR chuyển/ })).toBeVisible();
    const note = (await buyer.locator('dd strong', { hasText: /^SEN [0-9A-Z]{8}$/ }).textContent())!;
    const amountText = (await buyer.getByRole('img', { name: /Mã VietQR chuyển/ }).getAttribute('alt'))!;
    await expectAccessible(buyer);

    // The fake bank: SePay posts the incoming transfer (twice: its retry changes nothing).
    const amount = Number(/chuyển ([\d.]+)/.exec(amountText)![1].replace(/\./g, ''));
    const body = {
      id: Date.now(),
      gateway: 'Vietcombank',
      transactionDate: '2026-12-05 14:02:37',
      accountNumber: '0011004567890',
      code: null,
      content: `NGUYEN THI MAI chuyen tien ${note}`,
      transferType: 'in',
      transferAmount: amount,
      accumulated: 0,
      subAccount: null,
      referenceCode: 'FT1',
      description: '',
    };
    for (let i = 0; i < 2; i += 1) {
      const res = await buyer.request.post('/webhooks/bank', {
        data: body,
        headers: { Authorization: `Apikey ${demoSepayKey}` },
      });
      expect(res.status()).toBe(200);
    }
    await buyer.goto(`/orders/${orderId}`);
    await expect(buyer.locator('.state').first()).toHaveText('Đã đặt');
    await expect(buyer.getByRole('img', { name: /Mã VietQR chuyển/ })).toHaveCount(0);

    const seller = await pageAs(browser, baseURL!, 'seller@sen.test', javaScriptEnabled);
    await seller.goto(`/dashboard/orders/${orderId}`);
    await seller.getByRole('button', { name: 'Nhận đơn' }).click();
    await expect(seller.getByText('Đã cập nhật đơn hàng.')).toBeVisible();
    await seller.getByLabel('Đơn vị vận chuyển').fill('Giao Hàng Nhanh');
    await seller.getByLabel('Mã gói hàng (in trên phiếu gửi)').fill(`GHN${orderId.slice(0, 6)}`);
    await seller.getByRole('button', { name: 'Đã gửi hàng' }).click();
    await expect(seller.getByText('Đang giao').first()).toBeVisible();
    await seller.context().close();
    await buyer.context().close();
  });
}
