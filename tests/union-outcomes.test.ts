import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countryScope } from '../app/lib/auth.server';
import { db } from '../app/lib/db.server';
import { outcomeFigures, parsePeriod } from '../app/modules/verification/outcomes.server';
import { startAppServer } from './support/app-server';
import { createTestUser } from './support/fixtures';

// Issue 19: the outcomes report, per province and month, within the officer's
// scope, as a page and as CSV that Excel in Vietnamese opens with its letters.

let server: Awaited<ReturnType<typeof startAppServer>>;
const month = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 7);

/** A woman of `province` who signed up this month and was approved, with one order of 120,000 đồng. */
async function approvedSeller(province: string) {
  const seller = await createTestUser({ roles: ['entrepreneur'] });
  const staff = await createTestUser({ roles: ['staff'] });
  await db
    .insertInto('business_profiles')
    .values({
      user_id: seller.id,
      slug: `o-${seller.id.slice(0, 8)}`,
      business_name: 'Thổ cẩm',
      owner_name: 'Chị Mẩy',
      province,
      verification_status: 'approved',
      verified_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
  await db
    .insertInto('verification_events')
    .values([
      {
        subject: 'business',
        user_id: seller.id,
        actor_id: seller.id,
        from_status: 'draft',
        to_status: 'submitted',
        created_at: new Date(Date.now() - 2 * 86400_000),
      },
      {
        subject: 'business',
        user_id: seller.id,
        actor_id: staff.id,
        from_status: 'submitted',
        to_status: 'approved',
        reason_code: 'checked',
      },
    ])
    .execute();
  const buyer = await createTestUser();
  await db
    .insertInto('orders')
    .values({
      checkout_id: crypto.randomUUID(),
      buyer_id: buyer.id,
      seller_id: seller.id,
      state: 'placed',
      payment_method: 'cod',
      delivery_name: 'Mai',
      delivery_phone: '0987654321',
      delivery_address: '1 Lê Lợi',
      delivery_province: province,
      subtotal: 120000,
      shipping_fee: 0,
      total: 120000,
      placed_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
  return seller;
}

beforeAll(async () => {
  server = await startAppServer();
  await approvedSeller('lao-cai');
  await approvedSeller('lao-cai');
  await approvedSeller('ha-noi');
});
afterAll(() => server?.close());

describe('outcomes (issue 19)', () => {
  it('counts per province and month: new, verified, median days, active sellers, orders and sales', async () => {
    const rows = await outcomeFigures(countryScope, { from: month, to: month });
    const laoCai = rows.find((r) => r.province === 'lao-cai' && r.month === month);
    expect(laoCai).toMatchObject({ newEntrepreneurs: 2, verified: 2, activeSellers: 2, orders: 2, sales: 240000 });
    expect(laoCai?.medianDays).toBeCloseTo(2, 0);
    expect(rows.find((r) => r.province === 'ha-noi')).toMatchObject({ newEntrepreneurs: 1, sales: 120000 });
  });

  it('shows a province officer her provinces only, whatever province she asks for', async () => {
    const officer = await createTestUser({ roles: ['staff'], provinces: ['ha-noi'] });
    const page = await (
      await server.fetch(`/staff/outcomes?from=${month}&to=${month}&province=lao-cai`, { cookie: officer.cookie })
    ).text();
    expect(page).not.toContain('Lào Cai</td>');
    expect(page).toContain('Hà Nội</td>');
    const csv = await (
      await server.fetch(`/staff/outcomes.csv?from=${month}&to=${month}`, { cookie: officer.cookie })
    ).text();
    expect(csv).not.toContain('Lào Cai');
  });

  it('downloads UTF-8 CSV with a byte-order mark and the Vietnamese letters intact', async () => {
    const staff = await createTestUser({ roles: ['staff'] });
    const response = await server.fetch(`/staff/outcomes.csv?from=${month}&to=${month}&province=lao-cai`, {
      cookie: staff.cookie,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Doanh nhân mới');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^Lào Cai,${month},2,2,`));
    expect(lines[1]).toContain(',240000,');
  });

  it('answers a period with no data with the header alone, and a wrong period with 400 in her language', async () => {
    const staff = await createTestUser({ roles: ['staff'] });
    const empty = await server.fetch('/staff/outcomes.csv?from=2001-01&to=2001-03', { cookie: staff.cookie });
    expect(empty.status).toBe(200);
    expect((await empty.text()).trim().split('\r\n')).toHaveLength(1);
    const page = await (await server.fetch('/staff/outcomes?from=2001-01&to=2001-03', { cookie: staff.cookie })).text();
    expect(page).toContain('Không có số liệu');
    const bad = await server.fetch('/staff/outcomes.csv?from=2026-05&to=2026-01', { cookie: staff.cookie });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Khoảng thời gian không hợp lệ');
    expect(parsePeriod(new URLSearchParams('from=2026-13&to=2026-14'))).toBeNull();
  });
});
