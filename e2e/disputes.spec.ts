import { expect, expectAccessible, test } from './support/fixtures';
import { pageAs, phonePhoto, addListingToCart } from './support/pages';

// Issue 18: a problem settled fairly. The buyer's order reaches her (cash on
// delivery, accepted, shipped, received); she reports "not as described" with a
// photo; the seller refuses with her own answer; the buyer asks staff; staff see
// both sides and decide a refund; both are notified. JavaScript on and off, 360 px.

for (const javaScriptEnabled of [false, true]) {
  test(`problem: reported with a photo, refused, decided by staff, both told (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
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
    await buyer.getByLabel('Trả tiền mặt khi nhận hàng').check();
    await buyer.getByRole('button', { name: 'Đặt hàng' }).click();
    await expect(buyer).toHaveURL(/\/orders/);
    // Her newest order is first on her orders page.
    await buyer.goto('/orders');
    const orderId = (await buyer.locator('a[href^="/orders/"]').first().getAttribute('href'))!.split('/').pop()!;

    const seller = await pageAs(browser, baseURL!, 'seller@sen.test', javaScriptEnabled);
    await seller.goto(`/dashboard/orders/${orderId}`);
    await seller.getByRole('button', { name: 'Nhận đơn' }).click();
    await expect(seller.getByText('Đã cập nhật đơn hàng.')).toBeVisible();
    await seller.getByLabel('Đơn vị vận chuyển').fill('Giao Hàng Nhanh');
    await seller.getByLabel('Mã gói hàng (in trên phiếu gửi)').fill(`GHN${orderId.slice(0, 6)}`);
    await seller.getByRole('button', { name: 'Đã gửi hàng' }).click();
    await expect(seller.getByText('Đang giao').first()).toBeVisible();

    await buyer.goto(`/orders/${orderId}`);
    await buyer.getByRole('button', { name: 'Tôi đã nhận được hàng' }).click();
    await expect(buyer.getByRole('link', { name: 'Báo vấn đề với đơn hàng' })).toBeVisible();
    await buyer.getByRole('link', { name: 'Báo vấn đề với đơn hàng' }).click();
    await expect(buyer).toHaveURL(new RegExp(`/orders/${orderId}/problem$`));
    await expectAccessible(buyer);
    await buyer.getByLabel('Vấn đề').selectOption('not_as_described');
    await buyer.getByLabel('Mô tả').fill('Màu khăn khác hẳn ảnh: ảnh đỏ, nhận được màu cam.');
    await buyer
      .getByLabel(/^Ảnh/)
      .setInputFiles({ name: 'khan.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto(400, 300) });
    await buyer.getByRole('button', { name: 'Gửi báo cáo vấn đề' }).click();
    await expect(buyer.getByText('Đã gửi báo cáo vấn đề. Người bán có 3 ngày để trả lời.')).toBeVisible();
    await expect(buyer.getByText('Chờ người bán trả lời').first()).toBeVisible();
    await expect(buyer.getByRole('img', { name: 'Ảnh 1' })).toBeVisible();

    // The seller refuses, with her own answer.
    await seller.goto(`/dashboard/orders/${orderId}`);
    await seller.getByRole('link', { name: /Xem vấn đề của đơn hàng/ }).click();
    await expect(seller.getByText('Màu khăn khác hẳn ảnh')).toBeVisible();
    await expectAccessible(seller);
    await seller.getByLabel('Cách giải quyết').selectOption('reply');
    await seller.getByLabel('Mô tả').fill('Khăn đúng màu trong ảnh, ánh đèn làm màu khác.');
    await seller.getByRole('button', { name: 'Gửi trả lời' }).click();
    await expect(seller.getByText('Đã cập nhật vấn đề.')).toBeVisible();

    // The buyer does not agree: staff decide.
    await buyer.goto(`/orders/${orderId}/problem`);
    await buyer.getByRole('button', { name: 'Nhờ cán bộ Hội LHPN quyết định' }).click();
    await expect(buyer.getByText('Chờ cán bộ Hội LHPN quyết định').first()).toBeVisible();

    const staff = await pageAs(browser, baseURL!, 'staff@sen.test', javaScriptEnabled);
    await staff.goto('/staff/disputes');
    await expectAccessible(staff);
    await staff.getByRole('link', { name: `Vấn đề với đơn ${orderId.slice(0, 8).toUpperCase()}` }).click();
    await expect(staff.getByText('Màu khăn khác hẳn ảnh').first()).toBeVisible();
    await expect(staff.getByText('Khăn đúng màu trong ảnh').first()).toBeVisible();
    await expect(staff.getByRole('img', { name: 'Ảnh 1' })).toBeVisible();
    await expectAccessible(staff);
    await staff.getByLabel('Quyết định').selectOption('refund_owed');
    await staff.getByLabel('Lý do (gửi cho cả hai bên)').fill('Ảnh của người mua cho thấy màu khác mô tả.');
    await staff.getByRole('button', { name: 'Gửi quyết định' }).click();
    await expect(staff.getByText('Đã gửi quyết định cho cả hai bên.')).toBeVisible();

    const decided = `Cán bộ Hội LHPN đã quyết định: đơn ${orderId.slice(0, 8).toUpperCase()} được hoàn tiền.`;
    await buyer.goto('/notifications');
    await expect(buyer.getByText(decided)).toBeVisible();
    await seller.goto('/notifications');
    await expect(seller.getByText(decided)).toBeVisible();
    await buyer.goto(`/orders/${orderId}/problem`);
    await expect(buyer.getByText('Người bán phải hoàn tiền')).toBeVisible();
    await buyer.goto(`/orders/${orderId}`);
    await expect(buyer.getByText('Cán bộ đã quyết định').first()).toBeVisible();
    for (const page of [buyer, seller, staff]) await page.context().close();
  });
}
