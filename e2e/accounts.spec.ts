import { gzipSync } from 'node:zlib';
import { countEmails, signupLink, waitForEmail } from './support/server-log';
import { expect, expectAccessible, test } from './support/fixtures';

const unique = () => `e2e.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@example.com`;

test('the home page is in Vietnamese and explains the three pillars', async ({ page, visit }) => {
  await visit('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  for (const pillar of ['An toàn', 'An tâm', 'Sinh kế']) {
    await expect(page.getByRole('heading', { name: pillar, exact: true })).toBeVisible();
  }
});

// The home page is a light page (issue 16): its first visit downloads no script file.
test('a first visit to the home page downloads no JavaScript file', async ({ page }) => {
  const scripts: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.body().then((b) => gzipSync(b).length));
  });
  await page.goto('/', { waitUntil: 'networkidle' });
  const sizes = await Promise.all(scripts);
  const total = sizes.reduce((a, b) => a + b, 0);
  console.log(`home page JavaScript: ${sizes.length} files, ${(total / 1024).toFixed(1)} KB gzipped`);
  expect(sizes).toEqual([]);
});

test('sign up, log out, log in, and a wrong password', async ({ page, visit }) => {
  const email = unique();
  await visit('/signup?by=email');
  await page.getByLabel('Tên hiển thị').fill('Chị Lan');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill('password123');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  // A common password is refused, the unticked consent is asked for, and what was typed is kept.
  await expect(page.getByText('Mật khẩu này quá phổ biến')).toBeVisible();
  await expect(page.getByText('Chị cần đánh dấu ô này để dùng Sen.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await expectAccessible(page);
  await page.getByLabel('Mật khẩu').fill('hoa sen no giua dam');
  await page.getByLabel(/Tôi đã đọc và đồng ý/).check();
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  // The account exists once the emailed link is opened.
  await expect(page.getByText('Sắp xong: chúng tôi đã gửi một đường dẫn')).toBeVisible();
  await page.goto(await signupLink(email));
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Tạo tài khoản của tôi' }).click();
  await expect(page).toHaveURL(/\/market/);
  await expect(page.getByText('Chào mừng chị đến với Sen!')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Đăng xuất' }).first().click();
  await expect(page.getByText('Chị đã đăng xuất.')).toBeVisible();

  await visit('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill('not my password');
  await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
  await expect(page.getByRole('alert')).toHaveText('Email hoặc mật khẩu không đúng.');
  await expectAccessible(page);
  await page.getByLabel('Mật khẩu').fill('hoa sen no giua dam');
  await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
  await expect(page.getByRole('link', { name: 'Chị Lan' })).toBeVisible();
});

test('forgot password: the emailed link sets a new password', async ({ page, visit, login }) => {
  const email = unique();
  await visit('/signup?by=email');
  await page.getByLabel('Tên hiển thị').fill('Chị Mai');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill('mot cau mat khau dai');
  await page.getByLabel(/Tôi đã đọc và đồng ý/).check();
  await page.getByLabel('Bạn muốn bán hàng?').selectOption('yes');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await page.goto(await signupLink(email));
  await page.getByRole('button', { name: 'Tạo tài khoản của tôi' }).click();
  // She said she wants to sell: her seller dashboard, to start the shop.
  await expect(page).toHaveURL(/\/dashboard/);
  await page.getByRole('button', { name: 'Đăng xuất' }).first().click();
  await expect(page.getByText('Chị đã đăng xuất.')).toBeVisible();

  const before = countEmails(email);
  await visit('/forgot-password');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Gửi mã hoặc đường dẫn' }).click();
  await expect(page.getByText('chúng tôi đã gửi một đường dẫn')).toBeVisible();
  const mail = await waitForEmail(email, before);
  const link = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(mail.body)![0];

  await page.goto(link);
  await expectAccessible(page);
  await page.getByLabel('Mật khẩu mới').fill('mat khau moi cua mai');
  await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
  await expect(page.getByText('Đã đặt mật khẩu mới.')).toBeVisible();
  await login(email, 'mat khau moi cua mai');

  // The link works once.
  await page.goto(link);
  await expect(page.getByText('Đường dẫn này đã hết hạn hoặc đã được dùng.')).toBeVisible();
});

test('switch to English and back', async ({ page, visit }) => {
  await visit('/login');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Peace of mind' })).toBeVisible();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.getByRole('heading', { name: 'An tâm' })).toBeVisible();
});

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('a demo account logs in and out, and errors still show', async ({ page, visit }) => {
    await visit('/login');
    await page.getByLabel('Email').fill('buyer@sen.test');
    await page.getByLabel('Mật khẩu').fill('wrong password!');
    await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
    await expect(page.getByRole('alert')).toHaveText('Email hoặc mật khẩu không đúng.');
    // The page comes back from the server with the email kept, never the password.
    await expect(page.getByLabel('Email')).toHaveValue('buyer@sen.test');
    await expect(page.getByLabel('Mật khẩu')).toHaveValue('');
    await page.getByLabel('Mật khẩu').fill('sen-demo-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
    await expect(page.getByRole('link', { name: 'Nguyễn Thị Mai' })).toBeVisible();
    await visit('/account');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Account' })).toBeVisible();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).first().click();
    await expect(page.getByText('Chị đã đăng xuất.')).toBeVisible();
  });

  test('an unknown page answers 404 in Vietnamese', async ({ page }) => {
    const response = await page.goto('/khong-co-trang-nay');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible();
    await expectAccessible(page);
  });
});
