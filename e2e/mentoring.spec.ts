import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './support/fixtures';

// A mentor sets her availability, an entrepreneur books, both see the session, the
// mentee downloads the .ics and reschedules. "After the session" uses the demo
// seed's session held last week between seller@sen.test and mentor@sen.test (the
// browser cannot move time; the rating rules themselves are integration-tested).

test('mentor availability → booking → .ics → reschedule → both see it → rating a held session', async ({
  page,
  visit,
  login,
}) => {
  // The mentor adds Sunday hours to her weekly availability.
  await login('mentor@sen.test');
  await visit('/dashboard/mentoring');
  await page.getByLabel('Chủ Nhật').fill('07:00-11:00');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByText('Đã lưu.')).toBeVisible();
  await expect(page.getByLabel('Chủ Nhật')).toHaveValue('07:00-11:00');
  await expectAccessible(page);

  // The entrepreneur finds her and books the first free time with a note.
  await page.context().clearCookies();
  await login('seller@sen.test');
  await visit('/mentors?topic=product_photos');
  await page.getByRole('link', { name: 'Trần Thu Hà' }).click();
  await expect(page.getByRole('heading', { name: 'Trần Thu Hà', level: 1 })).toBeVisible();
  await expect(page.getByText('Giờ hiển thị theo múi giờ của chị: Giờ Việt Nam.')).toBeVisible();
  await expectAccessible(page);
  const slots = page.getByRole('radio');
  await expect.poll(() => slots.count()).toBeGreaterThan(2);
  const firstLabel = (await page.locator('label.slot').first().innerText()).trim();
  await page.getByLabel('Chị muốn được giúp về điều gì?').fill('Cách chụp ảnh khăn thổ cẩm cho đẹp');
  // No time is chosen for her: booking at once is refused in her language, and her note is kept.
  await expect(page.locator('input[type="radio"]:checked')).toHaveCount(0);
  await page.getByRole('button', { name: 'Đặt lịch' }).click();
  await expect(page.locator('#field-startsAt-error')).toHaveText('Hãy chọn một giờ.');
  await expect(page.getByLabel('Chị muốn được giúp về điều gì?')).toHaveValue('Cách chụp ảnh khăn thổ cẩm cho đẹp');
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Đặt lịch' }).click();
  await expect(page.getByText('Đã đặt lịch.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tư vấn với Trần Thu Hà' })).toBeVisible();
  await expect(page.getByText('Đã xác nhận')).toBeVisible();
  await expect(page.getByText(firstLabel.split('–')[0]).first()).toBeVisible();
  await expectAccessible(page);
  const sessionUrl = page.url();

  // The .ics file: UTC times.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Thêm vào lịch (.ics)' }).click();
  const download = await downloading;
  const ics = readFileSync((await download.path())!, 'utf8');
  expect(ics).toContain('BEGIN:VEVENT');
  expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z/);
  expect(ics).toContain('SUMMARY:Tư vấn với Trần Thu Hà');

  // She moves it to another free time.
  const before = ics.match(/DTSTART:(\S+)/)![1];
  await page.locator('form:has(input[value="reschedule"]) input[type="radio"]').nth(1).check();
  await page.getByRole('button', { name: 'Đổi sang giờ này' }).click();
  await expect(page.getByText('Đã đổi lịch.')).toBeVisible();
  await expectAccessible(page);
  const moved = await page.request.get(`${new URL(sessionUrl).pathname}/ics`);
  const after = (await moved.text()).match(/DTSTART:(\S+)/)![1];
  expect(after).not.toBe(before);

  await visit('/sessions');
  await expect(page.locator('h2:has-text("Sắp tới") + ul').getByText('Tư vấn với Trần Thu Hà')).toBeVisible();

  // After the seeded session held last week, she rates it, once.
  await page.locator('h2:has-text("Đã qua") + ul a').first().click();
  await page.getByLabel('Số sao').selectOption('4');
  await page.getByLabel('Nhận xét (không bắt buộc)').fill('Chị chỉ rất kỹ, cảm ơn chị.');
  await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await expect(page.getByText('Cảm ơn chị đã đánh giá.')).toBeVisible();
  await expect(page.getByText('Đánh giá: 4/5')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Gửi đánh giá' })).toHaveCount(0);
  await expectAccessible(page);

  // The mentor sees the new session and the rating on her profile.
  await page.context().clearCookies();
  await login('mentor@sen.test');
  await visit('/sessions');
  await expect(page.locator('h2:has-text("Sắp tới") + ul').getByText('Tư vấn cho Lò Thị Hoa')).toBeVisible();
  await page.locator('h2:has-text("Sắp tới") + ul a').first().click();
  await expect(page.getByText('Cách chụp ảnh khăn thổ cẩm cho đẹp')).toBeVisible();
  await expectAccessible(page);
  await visit('/mentors');
  await expect(page.getByText('★ 4/5 (1 đánh giá)')).toBeVisible();
});

test('a paid mentor shows her price and says card payment is not available on this server (no Stripe key), without JavaScript too', async ({
  browser,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 360, height: 780 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  await page.goto('/mentors?price=paid');
  await page.getByRole('link', { name: 'Lê Thị Ngọc' }).click();
  await expect(page.getByText('200.000 ₫').first()).toBeVisible();
  await expect(page.getByText(/hiện Sen chưa nhận thanh toán thẻ/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Đặt lịch' })).toHaveCount(0);
  await expectAccessible(page);
  await context.close();
});
