import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { expect, expectAccessible, signIn, test } from './support/fixtures';
import { pageAs, phonePhoto } from './support/pages';
import { waitForSmsCode } from './support/server-log';

// Issue 19, "Đăng ký giúp": the Lào Cai officer signs a woman up on the woman's
// own number; the woman confirms with the code sent to her phone (read from
// the fake eSMS's log, e2e/.tmp/sms.jsonl); staff see who assisted.
// Then she asks for verification from her own phone, the Lào Cai officer takes
// and approves it, and the country officer finds her in the outcomes CSV.

/** The Lào Cai figure of "verified" this month in the outcomes CSV, as Excel would read it. */
async function verifiedInLaoCai(page: Page) {
  await page.goto('/staff/outcomes');
  await page.getByLabel('Tỉnh', { exact: true }).selectOption('lao-cai');
  await page.getByRole('button', { name: 'Xem', exact: true }).click();
  await expect(page.getByRole('cell', { name: 'Lào Cai' }).first()).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Tải CSV' }).click(),
  ]);
  const path = await download.path();
  const bytes = readFileSync(path);
  // A byte-order mark, so Excel in Vietnamese reads UTF-8.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const column = header.indexOf('Được xác minh');
  expect(column, header.join(',')).toBeGreaterThan(1);
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .slice(0, 7);
  const row = lines.find((line) => line.startsWith(`Lào Cai,${month},`));
  return row ? Number(row.split(',')[column]) : 0;
}

/** Her own phone: she logs in with her number and the password she chose, and asks for verification. */
async function sheAsksForVerification(browser: Browser, baseURL: string, phone: string, business: string, js: boolean) {
  const page = await pageAs(browser, baseURL, null, js);
  await signIn(page.request, baseURL, phone, 'mat khau cua chi may tu chon');
  await page.goto('/dashboard/verification');
  await page.getByLabel('Tên gian hàng').fill(business);
  await page.getByLabel('Tên chủ gian hàng (hiển thị công khai)').fill('Mẩy');
  await page.getByLabel('Tỉnh/thành phố').selectOption({ label: 'Lào Cai' });
  await page.getByLabel('Câu chuyện của gian hàng').fill('Khăn và váy lanh dệt tay của người Mông ở Sa Pa.');
  await page.getByLabel('Thủ công & dệt may').check();
  await page.getByLabel('Số điện thoại liên hệ (riêng tư)').fill(phone);
  await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
  await expect(page.getByText('Đã lưu.')).toBeVisible();
  await page.getByLabel('Loại giấy tờ').selectOption('citizen_id');
  await page
    .getByLabel('Tệp', { exact: true })
    .setInputFiles({ name: 'cccd.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto(320, 200) });
  await page.getByRole('button', { name: 'Tải giấy tờ lên' }).click();
  await expect(page.getByText('Đã tải lên.')).toBeVisible();
  await page.getByLabel('Số căn cước công dân (12 chữ số)').fill(`0010${phone.slice(-8)}`);
  await page.getByLabel('Tôi cam đoan doanh nghiệp này do phụ nữ làm chủ hoặc điều hành.').check();
  await page.getByRole('button', { name: 'Gửi cho Hội duyệt' }).click();
  await expect(page.getByTestId('verification-status')).toHaveText('Đang chờ duyệt');
  await page.context().close();
}

const freshNumber = (salt: number) => `093${String((Date.now() + salt) % 1e7).padStart(7, '0')}`;

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'JavaScript on' : 'JavaScript off';

  test(`a Lào Cai officer signs a woman up, confirmed by the code to her phone (${mode}, 360 px)`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    const phone = freshNumber(javaScriptEnabled ? 0 : 5000);
    const name = `Chị Mẩy ${phone.slice(-4)}`;
    const page = await pageAs(browser, baseURL!, 'staff-lao-cai@sen.test', javaScriptEnabled);
    await page.goto('/staff/verifications');
    await page.getByRole('link', { name: 'Đăng ký giúp' }).click();
    await expect(page.getByRole('heading', { name: 'Đăng ký giúp' })).toBeVisible();
    await expectAccessible(page);

    await page.locator('input[name="displayName"]').fill(name);
    await page.locator('input[name="phone"]').fill(phone);
    await page.locator('select[name="province"]').selectOption('lao-cai');
    await page.locator('input[name="password"]').fill('mat khau cua chi may tu chon');
    await page.locator('input[name="agree"]').check();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();

    await expect(page.getByRole('heading', { name: 'Nhập mã chị ấy nhận được' })).toBeVisible();
    const code = await waitForSmsCode(phone);
    await page.locator('input[name="code"]').fill(code);
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();

    await expect(page.getByText('Đã tạo tài khoản cho chị ấy.')).toBeVisible();
    await expectAccessible(page);

    const business = `Lanh Mông ${phone.slice(-4)}`;
    await sheAsksForVerification(browser, baseURL!, phone, business, javaScriptEnabled);

    // The country officer's figure before, to see hers arrive (other journeys may add to it too).
    const country = await pageAs(browser, baseURL!, 'staff@sen.test', javaScriptEnabled);
    const before = await verifiedInLaoCai(country);

    // The province officer takes her request, sees who assisted, and approves it.
    await page.goto('/staff/verifications');
    await page.getByRole('link', { name: business }).click();
    await expect(page.getByText(/Đăng ký giúp bởi .* chị xác nhận bằng mã gửi đến điện thoại của chị\./)).toBeVisible();
    await page.getByRole('button', { name: 'Nhận xử lý' }).click();
    await expect(page.getByText('Bạn đã nhận hồ sơ này.')).toBeVisible();
    const approve = page.getByRole('form', { name: 'Duyệt' });
    await approve.getByLabel('Lý do', { exact: true }).selectOption({ label: 'Giấy tờ và hồ sơ đã được kiểm tra.' });
    await approve.getByRole('button', { name: 'Duyệt' }).click();
    await page.getByRole('button', { name: 'Xác nhận và gửi: Duyệt' }).click();
    await expect(page.getByText('Đã ghi nhận quyết định.')).toBeVisible();
    await expect(page.getByTestId('business-status')).toHaveText('Đã xác minh');
    await page.context().close();

    expect(await verifiedInLaoCai(country)).toBeGreaterThanOrEqual(before + 1);
    await country.context().close();
  });
}
