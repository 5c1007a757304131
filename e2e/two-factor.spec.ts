import { demoPassword, expect, expectAccessible, staffCode, test } from './support/fixtures';

// Staff open identity documents: their login asks for the code from an
// authenticator app after the password (the demo staff hold the README's key).

for (const javaScriptEnabled of [true, false]) {
  test.describe(`staff two-step login, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('the password, then the code, then the staff pages and the access log', async ({ page }) => {
      await page.goto('/login?redirectTo=%2Fstaff%2Faudit');
      await page.getByLabel('Email').fill('staff@sen.test');
      await page.getByLabel('Mật khẩu').fill(demoPassword);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Nhập mã xác thực' })).toBeVisible();
      await expectAccessible(page);

      // A wrong code is refused in her language, and the page stays.
      await page.getByLabel('Mã xác thực').fill('000000');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await expect(page.getByText('Mã không đúng hoặc đã dùng')).toBeVisible();

      await page.getByLabel('Mã xác thực').fill(await staffCode('staff@sen.test'));
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Nhật ký truy cập dữ liệu cá nhân' })).toBeVisible();
      await expectAccessible(page);
    });
  });
}

test('a person turns on two-step login from her account with the QR code and key', async ({ page, login }) => {
  // An account no other spec signs in with: from here on her logins need her own code.
  await login('che@sen.test');
  await page.goto('/account');
  await page.getByRole('link', { name: 'Đăng nhập hai bước' }).click();
  await page.getByRole('button', { name: 'Bật đăng nhập hai bước' }).click();
  await expect(page.getByRole('img', { name: 'Mã QR để thêm Sen vào ứng dụng xác thực' })).toBeVisible();
  await expectAccessible(page);
  // The key as she would type it into her app.
  const key = (await page.locator('.secret-key').textContent())!.replace(/\s/g, '');
  const { Secret, TOTP } = await import('otpauth');
  await page.getByLabel('Mã xác thực').fill(new TOTP({ secret: Secret.fromBase32(key) }).generate());
  await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
  await expect(page.getByRole('heading', { name: 'Mã dự phòng của chị' })).toBeVisible();
  await expect(page.locator('.recovery-codes li')).toHaveCount(10);
  await expectAccessible(page);
});
