import sharp from 'sharp';
import { expect, expectAccessible, test } from './support/fixtures';
import { waitForEmail } from './support/server-log';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function cccdPhoto() {
  return sharp({ create: { width: 320, height: 200, channels: 3, background: '#dfe6ee' } })
    .jpeg()
    .withExif({
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 51/1 0/1' },
    })
    .toBuffer();
}

async function signUp(page: import('@playwright/test').Page, baseURL: string, email: string, displayName: string) {
  const response = await page.request.post('/signup', {
    form: { email, password: 'hoa sen no giua dam lay', displayName, locale: 'vi', agree: 'on' },
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  expect(response.status(), 'sign-up').toBe(302);
  // The account exists once the emailed link is used.
  const mail = await waitForEmail(email);
  await page.goto(/https?:\/\/\S+\/signup\/confirm\?token=[\w-]+/.exec(mail.body)![0]);
  await page.getByRole('button', { name: 'Tạo tài khoản của tôi' }).click();
  await expect(page).toHaveURL(/\/market/);
}

async function uploadCccd(page: import('@playwright/test').Page) {
  await page.getByLabel('Loại giấy tờ').selectOption('citizen_id');
  await page
    .getByLabel('Tệp', { exact: true })
    .setInputFiles({ name: 'cccd.jpg', mimeType: 'image/jpeg', buffer: await cccdPhoto() });
  await page.getByRole('button', { name: 'Tải giấy tờ lên' }).click();
  await expect(page.getByText('Đã tải lên.')).toBeVisible();
}

async function staffDecides(
  page: import('@playwright/test').Page,
  businessName: string,
  decision: string,
  reason: string,
  note?: string,
) {
  await page.goto('/staff/verifications');
  await expectAccessible(page);
  await page.getByRole('link', { name: businessName }).click();
  await page.waitForURL(/\/staff\/verifications\/[0-9a-f-]{36}$/);
  await expectAccessible(page);
  const form = page.getByRole('form', { name: decision });
  await form.getByLabel('Lý do', { exact: true }).selectOption({ label: reason });
  if (note) await form.getByLabel('Ghi chú thêm (gửi cho chị ấy)').fill(note);
  await form.getByRole('button', { name: decision }).click();
  // Nothing is sent until she confirms what she chose.
  await page.getByRole('button', { name: `Xác nhận và gửi: ${decision}` }).click();
  await expect(page.getByText('Đã ghi nhận quyết định.')).toBeVisible();
  await expectAccessible(page);
}

test('an entrepreneur submits, staff ask for more, she resubmits, staff approve, and the badge appears on her storefront', async ({
  page,
  baseURL,
  login,
  visit,
}) => {
  const id = unique();
  const email = `e2e.seller.${id}@example.com`;
  const businessName = `Mây tre đan ${id}`;
  const slug = `may-tre-dan-${id}`;
  await signUp(page, baseURL!, email, 'Chị Vân');

  await visit('/dashboard/verification');
  await page.getByLabel('Tên gian hàng').fill(businessName);
  await page.getByLabel('Tên chủ gian hàng (hiển thị công khai)').fill('Vân');
  await page.getByLabel('Tỉnh/thành phố').selectOption({ label: 'Thanh Hóa' });
  await page.getByLabel('Câu chuyện của gian hàng').fill('Giỏ, làn mây tre đan tay của tổ hợp tác.');
  await page.getByLabel('Thủ công & dệt may').check();
  await page.getByLabel('Số điện thoại liên hệ (riêng tư)').fill('0912 000 111');
  await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
  await expect(page.getByText('Đã lưu.')).toBeVisible();
  await expect(page.getByTestId('verification-status')).toHaveText('Bản nháp');

  await uploadCccd(page);
  await page.getByLabel('Số căn cước công dân (12 chữ số)').fill('0011 2233 4455');
  await page.getByLabel('Tôi cam đoan doanh nghiệp này do phụ nữ làm chủ hoặc điều hành.').check();
  await page.getByRole('button', { name: 'Gửi cho Hội duyệt' }).click();
  await expect(page.getByTestId('verification-status')).toHaveText('Đang chờ duyệt');
  await expectAccessible(page);

  await page.context().clearCookies();
  await login('staff@sen.test');
  await staffDecides(
    page,
    businessName,
    'Yêu cầu bổ sung',
    'Ảnh CCCD bị mờ hoặc không đọc được.',
    'Xin chụp lại mặt sau.',
  );

  await page.context().clearCookies();
  await login(email, 'hoa sen no giua dam lay');
  await visit('/dashboard/verification');
  await expect(page.getByTestId('verification-status')).toHaveText('Cần bổ sung thông tin');
  await expect(page.getByTestId('decision')).toContainText('Ảnh CCCD bị mờ hoặc không đọc được.');
  await expect(page.getByTestId('decision')).toContainText('Xin chụp lại mặt sau.');
  await uploadCccd(page);
  await page.getByRole('button', { name: 'Gửi lại' }).click();
  await expect(page.getByTestId('verification-status')).toHaveText('Đang chờ duyệt');

  await page.context().clearCookies();
  await login('staff@sen.test');
  await staffDecides(page, businessName, 'Duyệt', 'Giấy tờ và hồ sơ đã được kiểm tra.');
  await expect(page.getByTestId('business-status')).toHaveText('Đã xác minh');

  await page.context().clearCookies();
  await visit(`/s/${slug}`);
  await expect(page.getByRole('heading', { name: businessName })).toBeVisible();
  await page.getByText('Đã xác minh').click();
  await expect(page.getByText(/Được Hội Liên hiệp Phụ nữ Việt Nam xác minh ngày/)).toBeVisible();
  await expect(page.getByText('0912 000 111')).toHaveCount(0);
  await expect(page.getByText(email)).toHaveCount(0);
  await expectAccessible(page);
});

test('a rejected submission shows its reason on her dashboard', async ({ page, login, visit }) => {
  await page.context().clearCookies();
  await login('staff@sen.test');
  await staffDecides(
    page,
    'Chiếu cói Sa Rết',
    'Từ chối',
    'Hồ sơ trùng với một gian hàng đã có.',
    'Trùng với gian hàng của hợp tác xã.',
  );

  await page.context().clearCookies();
  await login('cho-duyet-2@sen.test');
  await visit('/dashboard/verification');
  await expect(page.getByTestId('verification-status')).toHaveText('Bị từ chối');
  await expect(page.getByTestId('decision')).toContainText('Hồ sơ trùng với một gian hàng đã có.');
  await expect(page.getByTestId('decision')).toContainText('Trùng với gian hàng của hợp tác xã.');

  // The storefront carries no badge.
  await page.context().clearCookies();
  await visit('/s/chieu-coi-sa-ret');
  await expect(page.getByText('Gian hàng này chưa được Hội xác minh.')).toBeVisible();
});

test('the seeded storefront shows the badge and the staff impact page draws its chart', async ({
  page,
  login,
  visit,
}) => {
  await visit('/s/det-tho-cam-hoa');
  await expect(page.getByText('Đã xác minh')).toBeVisible();
  await page.context().clearCookies();
  await login('staff@sen.test');
  await visit('/staff/impact');
  await expect(
    page.getByRole('img', { name: 'Biểu đồ: gian hàng và cố vấn đã xác minh theo tỉnh/thành' }),
  ).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Lai Châu' })).toBeVisible();
});
