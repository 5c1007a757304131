import { expect, expectAccessible, test } from './support/fixtures';
import { pageAs } from './support/pages';

// Issue 20: a cooperative's manager invites a member who then appears on the
// storefront (she agreed to be shown); a buyer filters the market to OCOP products.
// With JavaScript on and off, on a 360 px screen. Demo data: db/seeds/cooperatives.ts.

for (const javaScriptEnabled of [false, true]) {
  const mode = `JavaScript ${javaScriptEnabled ? 'on' : 'off'}`;

  test(`a cooperative manager invites a member who appears on the storefront (${mode})`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(300_000);
    const invitee = javaScriptEnabled
      ? { email: 'htx-moi-1@sen.test', name: 'Thào Thị Lan' }
      : { email: 'htx-moi-2@sen.test', name: 'Sùng Thị Mỷ' };
    const manager = await pageAs(browser, baseURL!, 'htx-quanly@sen.test', javaScriptEnabled);
    await manager.goto('/dashboard/cooperative');
    await expect(manager.getByRole('heading', { name: 'Hợp tác xã và thành viên' })).toBeVisible();
    // A contact that is neither a phone nor an e-mail is refused, and kept.
    await manager.getByLabel('Số điện thoại hoặc email').fill('chị Lan');
    await manager.getByRole('button', { name: 'Gửi lời mời' }).click();
    await expect(manager.getByText('Hãy nhập số di động (ví dụ 0912 345 678) hoặc email.')).toBeVisible();
    await expect(manager.getByLabel('Số điện thoại hoặc email')).toHaveValue('chị Lan');
    await manager.getByLabel('Số điện thoại hoặc email').fill(invitee.email);
    await manager.getByRole('button', { name: 'Gửi lời mời' }).click();
    await expect(manager.getByText('Đã gửi lời mời.')).toBeVisible();
    await expect(manager.getByText(invitee.email)).toBeVisible();
    await expectAccessible(manager);

    const member = await pageAs(browser, baseURL!, invitee.email, javaScriptEnabled);
    await member.goto('/account/memberships');
    const invitation = member.getByRole('form', { name: 'Trả lời lời mời của HTX Dệt thổ cẩm Nậm Cang' });
    await expect(invitation).toBeVisible();
    await expectAccessible(member);
    await invitation.getByLabel('Cho phép hiện tên tôi trên gian hàng').check();
    await invitation.getByRole('button', { name: 'Tham gia' }).click();
    await expect(member.getByText('Chị đã tham gia.')).toBeVisible();
    await expect(member.getByText('Tên chị đang hiện trên gian hàng.')).toBeVisible();

    const visitor = await pageAs(browser, baseURL!, null, javaScriptEnabled);
    await visitor.goto('/s/htx-det-nam-cang');
    const members = visitor.getByRole('region', { name: 'Hợp tác xã' });
    await expect(members.getByText(invitee.name)).toBeVisible();
    await expect(members.getByText(/^\d+ thành viên là phụ nữ$/)).toBeVisible();
    // Lù Thị Sở did not agree to be shown.
    await expect(members.getByText('Lù Thị Sở')).toHaveCount(0);
    await expectAccessible(visitor);
    for (const page of [manager, member, visitor]) await page.context().close();
  });

  test(`a buyer filters the market to OCOP products (${mode})`, async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    const buyer = await pageAs(browser, baseURL!, 'buyer@sen.test', javaScriptEnabled);
    await buyer.goto('/market');
    await buyer.locator('details.market-more > summary').click();
    await buyer.getByLabel('Chỉ sản phẩm OCOP').check();
    await buyer.getByRole('button', { name: 'Tìm', exact: true }).click();
    await expect(buyer).toHaveURL(/ocop=1/);
    await expect(buyer.getByRole('link', { name: /Khăn chàm thêu tay Nậm Cang/ }).first()).toBeVisible();
    await expect(buyer.getByRole('link', { name: /Áo thổ cẩm Thái dệt tay/ })).toHaveCount(0);
    await expect(buyer.getByLabel('Chỉ sản phẩm OCOP')).toBeChecked();
    await buyer
      .getByRole('link', { name: /Khăn chàm thêu tay Nậm Cang/ })
      .first()
      .click();
    await expect(buyer.getByText('OCOP 4 sao', { exact: true })).toBeVisible();
    await expect(buyer.getByText('Xuất xứ: Lào Cai')).toBeVisible();
    await expect(buyer.getByText('Người làm: Lò Thị Mai')).toBeVisible();
    await expectAccessible(buyer);
    await buyer.context().close();
  });
}
