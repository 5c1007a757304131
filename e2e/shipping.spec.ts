import { ghnCallback, ghnTest } from '../tests/support/ghn-server';
import { addListingToCart, pageAs } from './support/pages';
import { expect, expectAccessible, test } from './support/fixtures';

// Issue 20, delivery by a carrier: the seller sets her pickup address (ward level),
// a buyer in another province gets GHN's fee for her ward at checkout, the seller
// creates the shipment from her order page, and GHN's callbacks (to the webhook,
// with its token) move the order to delivered, with the cash collected shown.
// JavaScript on and off, 360 px; each run has its own buyer.

for (const javaScriptEnabled of [false, true]) {
  test(`an order shipped through the carrier moves to delivered by its webhook (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
    browser,
    baseURL,
  }) => {
    const base = baseURL ?? '';
    const seller = await pageAs(browser, base, 'seller@sen.test', javaScriptEnabled);
    await seller.goto('/dashboard/shipping');
    await seller.getByLabel('Tên người gửi').fill('Lò Thị Hoa');
    await seller.getByLabel('Số điện thoại người gửi').fill('0912 000 111');
    await seller.getByLabel('Số nhà, đường, thôn/bản').fill('Thôn Lao Chải');
    await seller.getByLabel('Tỉnh/thành phố').selectOption('lao-cai');
    // A ward of another province is refused, then hers is found as typed (no diacritics).
    await seller.getByLabel('Xã/phường').fill('Xã Mai Sơn');
    await seller.getByRole('button', { name: 'Lưu địa chỉ lấy hàng' }).click();
    await expect(seller.getByText(/không có xã\/phường này/).first()).toBeVisible();
    await seller.getByLabel('Xã/phường').fill('sa pa');
    await seller.getByRole('button', { name: 'Lưu địa chỉ lấy hàng' }).click();
    await expect(seller.getByText('Đã lưu địa chỉ lấy hàng.')).toBeVisible();
    await expect(seller.locator('[data-pickup]')).toContainText('Phường Sa Pa');
    await expectAccessible(seller);

    const buyer = await pageAs(
      browser,
      base,
      javaScriptEnabled ? 'cho-duyet-3@sen.test' : 'cho-duyet-1@sen.test',
      javaScriptEnabled,
    );
    await buyer.goto('/s/det-tho-cam-hoa');
    const href = await buyer.locator('#listings a[href^="/market/"]').first().getAttribute('href');
    await buyer.goto(href ?? '/');
    await addListingToCart(buyer);
    await buyer.goto('/checkout');
    await buyer.getByLabel('Họ tên người nhận').fill('Nguyễn Thị Mai');
    await buyer.getByLabel('Số điện thoại').fill('0987111222');
    await buyer.getByLabel(/Địa chỉ/).fill('Bản Lác');
    await buyer.getByLabel('Tỉnh/thành phố').selectOption('son-la');
    await buyer.getByLabel('Xã/phường').fill('Xã Mai Sơn');
    await buyer.getByRole('button', { name: 'Xem phí giao hàng' }).click();
    // GHN's quote from Lào Cai to Sơn La for one 500 g parcel (the fake's price list): 32.000 ₫.
    await expect(buyer.getByText('Giao Hàng Nhanh báo cho Xã Mai Sơn').first()).toBeVisible();
    await expect(buyer.locator('[data-fee]').first()).toHaveText(/32\.000/);
    await expectAccessible(buyer);
    await buyer.getByRole('button', { name: 'Đặt hàng' }).click();
    await expect(buyer).toHaveURL(/\/orders/);
    await buyer.goto('/orders');
    const orderHref = await buyer.locator('a[href^="/orders/"]').first().getAttribute('href');
    const orderId = (orderHref ?? '').split('/').pop() ?? '';
    expect(orderId).toMatch(/^[0-9a-f-]{36}$/);

    await seller.goto(`/dashboard/orders/${orderId}`);
    await seller.getByRole('button', { name: 'Nhận đơn' }).click();
    await expect(seller.getByText('Đã cập nhật đơn hàng.')).toBeVisible();
    await seller.getByRole('button', { name: 'Tạo vận đơn Giao Hàng Nhanh' }).click();
    await expect(seller.getByText('Đã tạo vận đơn. Đơn vị vận chuyển sẽ đến lấy hàng.')).toBeVisible();
    await expect(seller.getByRole('link', { name: 'In phiếu gửi' })).toBeVisible();
    const code = (await seller.locator('section[aria-labelledby="shipment-title"] strong').first().textContent()) ?? '';
    expect(code).toMatch(/^GHN\d+$/);
    await expectAccessible(seller);

    // GHN's callbacks: a wrong token changes nothing; the same update twice counts once.
    const hook = (token: string) => `/webhooks/carrier/ghn?token=${token}`;
    expect((await buyer.request.post(hook('wrong'), { data: ghnCallback(code, 'picked') })).status()).toBe(401);
    const picked = ghnCallback(code, 'picked');
    for (let i = 0; i < 2; i += 1)
      expect((await buyer.request.post(hook(ghnTest.webhookToken), { data: picked })).status()).toBe(200);
    expect(
      (await buyer.request.post(hook(ghnTest.webhookToken), { data: ghnCallback(code, 'delivering') })).status(),
    ).toBe(200);
    await buyer.goto(`/orders/${orderId}`);
    await expect(buyer.locator('[data-shipment-status]')).toHaveText('Đang vận chuyển');
    const total = Number(((await buyer.locator('table th').last().textContent()) ?? '').replace(/\D/g, ''));
    const delivered = ghnCallback(code, 'delivered', { CODAmount: total });
    expect((await buyer.request.post(hook(ghnTest.webhookToken), { data: delivered })).status()).toBe(200);

    await buyer.goto(`/orders/${orderId}`);
    await expect(buyer.locator('.state').first()).toHaveText('Đã nhận hàng');
    await expect(buyer.locator('[data-shipment-status]')).toHaveText('Đã giao');
    await seller.goto(`/dashboard/orders/${orderId}`);
    await expect(seller.locator('[data-cod]')).toContainText('Đơn vị vận chuyển đã thu hộ');
    await seller.context().close();
    await buyer.context().close();
  });
}
