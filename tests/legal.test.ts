import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer } from './support/app-server';
import { languageCookie } from '../app/lib/i18n.server';
import { operator } from '../app/modules/legal/content.server';

let server: Awaited<ReturnType<typeof startAppServer>>;

beforeAll(async () => {
  server = await startAppServer();
});
afterAll(() => server?.close());

describe('the marketplace disclosures', () => {
  it('publishes the privacy notice in Vietnamese by default and in English on request', async () => {
    const vi = await (await server.fetch('/privacy')).text();
    expect(vi).toContain('Chính sách bảo vệ dữ liệu cá nhân');
    expect(vi).toContain('xoá 30 ngày sau khi có quyết định xác minh');
    const cookie = (await languageCookie.serialize('en')).split(';')[0];
    const en = await (await server.fetch('/privacy', { cookie })).text();
    expect(en).toContain('Privacy notice');
    expect(en).toContain('deleted 30 days after the verification decision');
  });

  it('publishes the operating rules, with how complaints are handled', async () => {
    const html = await (await server.fetch('/terms')).text();
    expect(html).toContain('Quy chế hoạt động');
    expect(html).toContain('Khiếu nại và báo cáo');
    // The Markdown is rendered on the server: headings, not hash marks.
    expect(html).toMatch(/<h2>Ai được bán<\/h2>/);
  });

  it('links every page footer to the three pages', async () => {
    const html = await (await server.fetch('/market')).text();
    for (const href of ['/about', '/terms', '/privacy']) expect(html).toContain(`href="${href}"`);
  });

  it('names the operator from the environment, not from the code', async () => {
    expect(
      operator({
        NODE_ENV: 'test',
        OPERATOR_NAME: 'Hội LHPN tỉnh Lào Cai',
        OPERATOR_EMAIL: 'sen@laocai.example',
        OPERATOR_ADDRESS: '1 Hoàng Liên',
      }),
    ).toMatchObject({
      name: 'Hội LHPN tỉnh Lào Cai',
      email: 'sen@laocai.example',
      address: '1 Hoàng Liên',
      phone: null,
    });
    const html = await (await server.fetch('/about')).text();
    expect(html).toContain(operator().name);
    expect(html).toContain(`mailto:${operator().email}`);
  });
});
