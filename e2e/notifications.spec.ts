import { expect, expectAccessible, signIn, test } from './support/fixtures';

// Issue 14: she chooses, per kind of notice, her phone (Zalo or SMS) and email on
// /account/notifications — a plain form, at 360 px, with JavaScript on and off.
// Each run changes a kind no other spec relies on, for a demo account with a
// confirmed phone and an email.

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? 'JavaScript on' : 'JavaScript off';
  test(`chooses how notices reach her (${mode}, 360 px)`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({
      javaScriptEnabled,
      baseURL,
      viewport: { width: 360, height: 780 },
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    await signIn(page.request, baseURL!, 'mentor@sen.test');
    await page.goto('/account');
    await page.getByRole('link', { name: 'Cách nhận thông báo' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Thông báo' })).toBeVisible();
    await expectAccessible(page);

    const kind = javaScriptEnabled ? 'report_outcome' : 'account';
    await page.locator(`select[name="phone_${kind}"]`).selectOption('sms');
    await page.locator(`input[name="email_${kind}"]`).uncheck();
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.getByText('Đã lưu cách nhận thông báo.')).toBeVisible();
    await page.reload();
    await expect(page.locator(`select[name="phone_${kind}"]`)).toHaveValue('sms');
    await expect(page.locator(`input[name="email_${kind}"]`)).not.toBeChecked();
    // Nothing scrolls sideways on a small phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });
}
