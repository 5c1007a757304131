import { pageAs } from './support/pages';
import { expect, expectAccessible, test } from './support/fixtures';

// Issue 20, variants: a seller adds a shirt in sizes S/M/L; a buyer buys the M;
// the stock of M falls, S and L stay; the seller sets M's stock in her listings' quick
// edit. With JavaScript on and off, on a 360 px screen.
// (Twelve bookings of a ten-seat session race in e2e/group-seats.spec.ts.)

for (const javaScriptEnabled of [false, true]) {
  test(`a shirt in S/M/L: the buyer buys the M, only M's stock falls (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
    browser,
    baseURL,
  }) => {
    // Two people and axe on a shared 2-core machine: more than the suite's default two minutes.
    test.setTimeout(300_000);
    const title = `Áo thổ cẩm ba cỡ ${javaScriptEnabled ? 'A' : 'B'}${Date.now() % 100000}`;
    const seller = await pageAs(browser, baseURL!, 'seller@sen.test', javaScriptEnabled);
    await seller.goto('/dashboard/listings/new');
    await seller.getByLabel('Tên sản phẩm').fill(title);
    await seller.getByLabel('Giá (đồng)').fill('350.000');
    await seller.getByLabel('Số lượng trong kho').fill('1');
    await seller.getByLabel('Phân loại (cỡ, màu…)').fill('S | | 4 | AO-S\nM | | 5 | AO-M\nL | 420000 | 3 | AO-L');
    await seller.getByLabel('Danh mục').selectOption('fashion');
    await seller.getByLabel('Phí giao hàng (đồng)').fill('25000');
    await seller.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await expect(seller.getByText('Đã lưu bản nháp.')).toBeVisible();
    await expectAccessible(seller);
    const editUrl = seller.url();
    await seller.getByRole('button', { name: 'Đăng bán' }).click();
    await expect(seller.getByText('Sản phẩm đã được đăng bán.')).toBeVisible();
    const listingId = new URL(editUrl).pathname.split('/')[3];

    const buyer = await pageAs(
      browser,
      baseURL!,
      javaScriptEnabled ? 'mentor2@sen.test' : 'mentor3@sen.test',
      javaScriptEnabled,
    );
    await buyer.goto(`/market/${listingId}`);
    await expect(buyer.getByText(/^350\.000\s₫\s–\s420\.000\s₫$/)).toBeVisible();
    await expectAccessible(buyer);
    // Without a choice the server asks for one (the form is noValidate: the server's message, with JavaScript or without).
    await buyer.getByRole('button', { name: 'Thêm vào giỏ' }).click();
    await expect(buyer.getByText('Hãy chọn một phân loại')).toBeVisible();
    await buyer.goto(`/market/${listingId}`);
    await buyer.getByLabel(/M · 350\.000/).check();
    await buyer.getByRole('button', { name: 'Thêm vào giỏ' }).click();
    await expect(buyer.getByText('Đã thêm vào giỏ hàng.')).toBeVisible();
    await expect(buyer.getByRole('link', { name: `${title} (M)` })).toBeVisible();
    await buyer.goto('/checkout');
    await buyer.getByLabel('Họ tên người nhận').fill('Nguyễn Thị Mai');
    await buyer.getByLabel('Số điện thoại').fill('0987 111 222');
    await buyer.getByLabel(/Địa chỉ/).fill('25 Trần Phú, phường Ba Đình');
    await buyer.getByLabel('Tỉnh/thành phố').selectOption('ha-noi');
    await buyer.getByLabel('Trả tiền mặt khi nhận hàng').check();
    await buyer.getByRole('button', { name: 'Đặt hàng' }).click();
    await expect(buyer.getByText('Đã đặt hàng. Người bán sẽ sớm nhận đơn.')).toBeVisible();

    // The listing page now says 4 M left; S and L unchanged.
    await buyer.goto(`/market/${listingId}`);
    await expect(buyer.getByLabel(/S · 350\.000\s₫ · còn 4$/)).toBeVisible();
    await expect(buyer.getByLabel(/M · 350\.000\s₫ · còn 4$/)).toBeVisible();
    await expect(buyer.getByLabel(/L · 420\.000\s₫ · còn 3$/)).toBeVisible();
    // And the seller's form shows the same.
    await seller.goto(editUrl);
    await expect(seller.getByLabel('Phân loại (cỡ, màu…)')).toHaveValue(
      'S | | 4 | AO-S\nM | | 4 | AO-M\nL | 420000 | 3 | AO-L',
    );
    // The quick edit on her listings page: one stock field per size; she changes M only.
    await seller.goto('/dashboard/listings');
    const quick = seller.getByRole('form', { name: `Sửa nhanh: ${title}` });
    await expect(quick.getByLabel('M', { exact: true })).toHaveValue('4');
    await quick.getByLabel('M', { exact: true }).fill('9');
    await quick.getByRole('button', { name: 'Lưu' }).click();
    await expect(seller.getByText('Đã lưu thay đổi.')).toBeVisible();
    await expect(
      seller.getByRole('form', { name: `Sửa nhanh: ${title}` }).getByLabel('M', { exact: true }),
    ).toHaveValue('9');
    await expect(seller.getByText('Kho: 16').first()).toBeVisible();
    await expectAccessible(seller);
    await buyer.context().close();
    await seller.context().close();
  });
}
