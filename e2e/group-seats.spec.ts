import { expect, expectAccessible, test } from './support/fixtures';
import { pageAs } from './support/pages';

// Issue 20, group mentoring: a mentor (Giàng Thị Mỷ, whose 1:1 hours no other spec
// books) opens a 10-seat session; twelve women, each on her own phone, press "Đặt một
// chỗ" at the same moment; ten get a seat, two are told it is full, and the host's
// list shows the ten. The database decides the race (tests/group-sessions.test.ts
// tries it without a browser, paid seats too).

// Demo accounts no other spec suspends, deletes or gives two-step login.
const people = [
  'buyer@sen.test',
  'seller@sen.test',
  'aodai.hue@sen.test',
  'banhtet.cantho@sen.test',
  'gom.chudau@sen.test',
  'gom@sen.test',
  'mypham.saigon@sen.test',
  'nonla.quangtri@sen.test',
  'cho-duyet-1@sen.test',
  'cho-duyet-2@sen.test',
  'htx-mai@sen.test',
  'htx-so@sen.test',
];

/** A time three days ahead as a datetime-local field takes it, in Vietnam's time. */
function inThreeDays() {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(Date.now() + 3 * 86_400_000));
  return parts.replace(' ', 'T');
}

for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? 'JavaScript on' : 'JavaScript off';

  test(`twelve people book a 10-seat group session at once: 10 seats, 2 told it is full (${mode}, 360 px)`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const host = await pageAs(browser, baseURL!, 'mentor2@sen.test', javaScriptEnabled);
    await host.goto('/dashboard/group-sessions');
    await host.getByLabel('Tên buổi học', { exact: true }).fill(`Bán hàng qua Zalo an toàn ${Date.now()}`);
    await host.getByLabel('Bắt đầu (giờ Việt Nam)', { exact: true }).fill(inThreeDays());
    await host.getByLabel('Số chỗ', { exact: true }).fill('10');
    await host.getByRole('button', { name: 'Mở buổi học' }).click();
    await expect(host.getByText('Đã mở buổi học nhóm.')).toBeVisible();
    await expect(host.getByText('Còn 10 / 10 chỗ')).toBeVisible();
    const sessionPath = new URL(host.url()).pathname;

    const phones = await Promise.all(people.map((email) => pageAs(browser, baseURL!, email, javaScriptEnabled)));
    await Promise.all(phones.map((phone) => phone.goto(sessionPath)));
    const book = (phone: (typeof phones)[number]) => phone.getByRole('button', { name: 'Đặt một chỗ' });
    for (const phone of phones) await expect(book(phone)).toBeVisible();
    // All twelve press at once.
    await Promise.all(phones.map((phone) => book(phone).click()));

    const outcomes = await Promise.all(
      phones.map(async (phone) => {
        const seat = phone.getByText('Chị đã có chỗ trong buổi này.');
        const full = phone.getByRole('alert').filter({ hasText: 'Buổi này đã hết chỗ.' });
        await expect(seat.or(full)).toBeVisible();
        return (await seat.count()) ? 'seat' : 'full';
      }),
    );
    expect(outcomes.filter((o) => o === 'seat')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'full')).toHaveLength(2);
    await expectAccessible(phones[outcomes.indexOf('full')]);

    // The host sees ten names to mark attendance, and no seat left.
    await host.reload();
    await expect(host.getByRole('heading', { name: 'Người đã đặt chỗ (10)' })).toBeVisible();
    await expect(host.getByText('Buổi này đã hết chỗ.')).toBeVisible();
    await Promise.all([host, ...phones].map((page) => page.context().close()));
  });
}
