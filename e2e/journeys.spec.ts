import type { Browser, Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, expectAccessible, signIn, test } from './support/fixtures';
import { signupLink } from './support/server-log';

// Issue 22, tried as a rural seller would, at 360 px with JavaScript on and off:
// from sign-up to a published listing and her first sales order by tapping only
// (no address typed), a staff decision that needs its reason chosen and confirmed,
// and a checkout whose empty fields answer in Vietnamese with the focus on the summary.

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

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

async function cccdPhoto() {
  return sharp({ create: { width: 320, height: 200, channels: 3, background: '#dfe6ee' } })
    .jpeg()
    .toBuffer();
}

async function staffApproves(page: Page, businessName: string) {
  await page.goto('/staff/verifications');
  await page.getByRole('link', { name: businessName }).click();
  await page.waitForURL(/\/staff\/verifications\/[0-9a-f-]{36}$/);
  const approve = page.getByRole('form', { name: 'Duyệt', exact: true });
  // No reason is chosen for her: pressing at once is refused and nothing is sent.
  await expect(approve.getByLabel('Lý do', { exact: true })).toHaveValue('');
  await approve.getByRole('button', { name: 'Duyệt' }).click();
  await expect(page.getByText('Chọn một lý do; với “Lý do khác”, hãy ghi chú.')).toBeVisible();
  await expect(page.getByTestId('business-status')).toHaveText('Đang chờ duyệt');
  await page
    .getByRole('form', { name: 'Duyệt', exact: true })
    .getByLabel('Lý do', { exact: true })
    .selectOption({ label: 'Giấy tờ và hồ sơ đã được kiểm tra.' });
  await page.getByRole('form', { name: 'Duyệt', exact: true }).getByRole('button', { name: 'Duyệt' }).click();
  // The second step shows what will be sent; still nothing decided.
  await expect(page.getByRole('heading', { name: 'Kiểm tra trước khi gửi: Duyệt' })).toBeVisible();
  await expect(page.getByTestId('business-status')).toHaveText('Đang chờ duyệt');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Xác nhận và gửi: Duyệt' }).click();
  await expect(page.getByText('Đã ghi nhận quyết định.')).toBeVisible();
  await expect(page.getByTestId('business-status')).toHaveText('Đã xác minh');
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'JavaScript on' : 'JavaScript off';

  test(`a new seller goes from sign-up to a published listing and her first sales order by tapping (${mode}, 360 px)`, async ({
    browser,
    baseURL,
  }) => {
    // Four people and some twenty pages, each checked with axe.
    test.setTimeout(240_000);
    const id = unique();
    const email = `e2e.journey.${id}@example.com`;
    const businessName = `Nón lá ${id}`;
    const title = `Nón lá bài thơ ${id}`;

    // Sign-up, then the header's link to her shop.
    const seller = await person(browser, baseURL!, javaScriptEnabled);
    await seller.goto('/');
    // A visitor finds sign-up under "more" in the bottom bar.
    await seller.getByRole('link', { name: 'Thêm', exact: true }).click();
    await seller.getByRole('link', { name: 'Đăng ký' }).first().click();
    // The form offers her phone number first; she has an email.
    await seller.getByRole('link', { name: 'Đăng ký bằng email' }).click();
    // The email form replaces the phone form once the page has changed (with JavaScript, without a reload).
    await seller.waitForURL(/\/signup\?by=email/);
    await expect(seller.locator('input[name="email"]')).toBeVisible();
    await seller.locator('input[name="displayName"]').fill('Chị Lan');
    await seller.locator('input[name="email"]').fill(email);
    await seller.locator('input[name="password"]').fill('hoa sen no giua dam lay');
    await seller.locator('input[name="agree"]').check();
    await seller.getByRole('button', { name: 'Tạo tài khoản', exact: true }).click();
    await seller.waitForURL((url) => !url.pathname.startsWith('/signup'));
    // The account is made by the emailed link (here, from the server's log).
    await seller.goto(await signupLink(email));
    await seller.getByRole('button', { name: 'Tạo tài khoản của tôi' }).click();
    await seller.waitForURL((url) => !url.pathname.startsWith('/signup'));
    await seller.goto('/');
    // Signed in, the home page never offers a second account.
    await expect(seller.getByRole('link', { name: 'Tạo tài khoản' })).toHaveCount(0);
    await seller.getByRole('link', { name: 'Gian hàng của tôi' }).first().click();
    await seller
      .getByRole('navigation', { name: 'Gian hàng của chị' })
      .getByRole('link', { name: 'Hồ sơ & xác minh' })
      .click();
    await expect(seller.getByRole('heading', { name: 'Chị muốn bán hàng trên Sen?' })).toBeVisible();
    await expectAccessible(seller);

    await seller.getByLabel('Tên gian hàng').fill(businessName);
    await seller.getByLabel('Tên chủ gian hàng (hiển thị công khai)').fill('Lan');
    await seller.getByLabel('Tỉnh/thành phố').selectOption({ label: 'Thanh Hóa' });
    await seller.getByLabel('Thủ công & dệt may').check();
    await seller.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await expect(seller.getByText('Đã lưu.')).toBeVisible();
    await seller.getByLabel('Loại giấy tờ').selectOption('citizen_id');
    await seller
      .getByLabel('Tệp', { exact: true })
      .setInputFiles({ name: 'cccd.jpg', mimeType: 'image/jpeg', buffer: await cccdPhoto() });
    await seller.getByRole('button', { name: 'Tải giấy tờ lên' }).click();
    await expect(seller.getByText('Đã tải lên.')).toBeVisible();
    await seller.getByLabel('Số căn cước công dân (12 chữ số)').fill('0011 2233 4455');
    await seller.getByLabel('Tôi cam đoan doanh nghiệp này do phụ nữ làm chủ hoặc điều hành.').check();
    await seller.getByRole('button', { name: 'Gửi cho Hội duyệt' }).click();
    await expect(seller.getByTestId('verification-status')).toHaveText('Đang chờ duyệt');

    const staff = await person(browser, baseURL!, javaScriptEnabled, 'staff@sen.test');
    await staffApproves(staff, businessName);
    await staff.context().close();

    // The verified notice leads to adding a product.
    await seller.reload();
    await expect(seller.getByTestId('verification-status')).toHaveText('Đã xác minh');
    await expectAccessible(seller);
    await seller.getByRole('link', { name: 'Thêm sản phẩm đầu tiên' }).click();
    await seller.getByLabel('Tên sản phẩm').fill(title);
    await seller.getByLabel('Mô tả', { exact: true }).fill('Nón lá Huế, chằm tay, có bài thơ khi soi lên nắng.');
    await seller.getByLabel('Giá (đồng)').fill('120000');
    await seller.getByLabel('Số lượng trong kho').fill('4');
    await seller.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await seller.getByRole('button', { name: 'Đăng bán' }).click();
    await expect(seller.getByText('Sản phẩm đã được đăng bán.')).toBeVisible();
    await expectAccessible(seller);
    const listingPath = new URL(seller.url()).pathname.replace('/dashboard/listings/', '/market/');

    // A buyer orders it, cash on delivery; an empty checkout answers in Vietnamese first.
    const buyer = await person(browser, baseURL!, javaScriptEnabled, 'buyer@sen.test');
    await buyer.goto(listingPath);
    // The cart is left only once the add has been answered (with JavaScript it is a background post).
    await Promise.all([
      buyer.waitForResponse((r) => r.request().method() === 'POST' && r.status() < 400),
      buyer.getByRole('button', { name: 'Thêm vào giỏ' }).click(),
    ]);
    await buyer.goto('/cart');
    await buyer.getByRole('link', { name: 'Đặt hàng' }).click();
    await buyer.locator('input[name="name"]').fill('');
    await buyer
      .locator('form')
      .filter({ has: buyer.locator('input[name="phone"]') })
      .getByRole('button', { name: 'Đặt hàng', exact: true })
      .click();
    const summary = buyer.locator('.error-summary');
    await expect(summary).toContainText('Chưa gửi được');
    await expect(summary.getByRole('link', { name: /^Họ tên người nhận/ })).toBeVisible();
    if (javaScriptEnabled) await expect(summary).toBeFocused();
    await expect(buyer.getByText('Please fill')).toHaveCount(0);
    await expectAccessible(buyer);
    await buyer.locator('input[name="name"]').fill('Nguyễn Thị Mai');
    await buyer.locator('input[name="phone"]').fill('0987111222');
    await buyer.locator('input[name="address"]').fill('12 Lê Lợi');
    await buyer.locator('select[name="province"]').selectOption('ho-chi-minh');
    await buyer
      .locator('form')
      .filter({ has: buyer.locator('input[name="phone"]') })
      .getByRole('button', { name: 'Đặt hàng', exact: true })
      .click();
    await buyer.waitForURL((url) => !url.pathname.startsWith('/checkout'));
    await buyer.context().close();

    // Her first sales order is one tap from her dashboard; she ships it and, paid in cash, closes it.
    await seller
      .getByRole('navigation', { name: 'Gian hàng của chị' })
      .getByRole('link', { name: 'Tổng quan' })
      .click();
    await seller.getByRole('navigation', { name: 'Gian hàng của chị' }).getByRole('link', { name: 'Đơn bán' }).click();
    await expectAccessible(seller);
    await seller.locator('a[href^="/dashboard/orders/"]').first().click();
    await seller.getByRole('button', { name: 'Nhận đơn' }).click();
    await seller.locator('input[name="carrier"]').fill('Bưu điện');
    await seller.locator('input[name="trackingCode"]').fill(`VN${id}`);
    await seller
      .locator('form')
      .filter({ has: seller.locator('input[name="carrier"]') })
      .locator('button[type="submit"]')
      .click();
    await seller.getByRole('button', { name: 'Đã giao và đã nhận tiền' }).click();
    await expect(seller.getByText('Đã cập nhật đơn hàng.')).toBeVisible();
    await expect(seller.getByRole('button', { name: 'Đã giao và đã nhận tiền' })).toHaveCount(0);
    await expectAccessible(seller);
    await seller.context().close();
  });
}

test('the booking page opens with no time chosen (360 px)', async ({ page }) => {
  await page.goto('/mentors');
  await page.locator('a[href^="/mentors/"]').first().click();
  await expect(page.locator('input[type="radio"][name="startsAt"]').first()).toBeVisible();
  await expect(page.locator('input[type="radio"][name="startsAt"]:checked')).toHaveCount(0);
});
