import { expect, expectAccessible, test } from './support/fixtures';
import { pageAs } from './support/pages';
import { waitForSmsCode } from './support/server-log';

// Issue 19, "Đăng ký giúp": the Lào Cai officer signs a woman up on the woman's
// own number; the woman confirms with the code sent to her phone (read from
// the fake eSMS's log, e2e/.tmp/sms.jsonl); staff see who assisted.
// Not yet here: the province officer approving her verification and the
// country officer's outcomes CSV (see the README).

const freshNumber = (salt: number) => `093${String((Date.now() + salt) % 1e7).padStart(7, '0')}`;

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'JavaScript on' : 'JavaScript off';

  test(`a Lào Cai officer signs a woman up, confirmed by the code to her phone (${mode}, 360 px)`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
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
    await page.context().close();
  });
}
