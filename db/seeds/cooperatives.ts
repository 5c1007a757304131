import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { Database } from '../schema';
import { getStorage } from '../../app/lib/storage.server';
import { hashPassword } from '../../app/modules/accounts/passwords.server';
import { demoPassword } from './accounts';
import { demoUuid } from './market-data';
import { insertDemoListing } from './market';

// Issue 20's demo data: a weaving cooperative's storefront (/s/htx-det-nam-cang)
// with its members (htx@sen.test owns it, htx-quanly@sen.test manages it, two
// weavers shown with their consent, one who did not consent), and its OCOP
// 4-star scarf with the certificate, verified by staff. Stable ids and e-mails:
// running it again adds nothing.

const people = [
  { email: 'htx@sen.test', name: 'Lò Thị Dung', roles: ['entrepreneur'] as const },
  { email: 'htx-quanly@sen.test', name: 'Tao Thị Xuân', roles: [] as const },
  { email: 'htx-mai@sen.test', name: 'Lò Thị Mai', roles: [] as const },
  { email: 'htx-pheng@sen.test', name: 'Vàng Thị Pheng', roles: [] as const },
  { email: 'htx-so@sen.test', name: 'Lù Thị Sở', roles: [] as const },
  // Not members yet: the e2e journey invites them (and so can a demo).
  { email: 'htx-moi-1@sen.test', name: 'Thào Thị Lan', roles: [] as const },
  { email: 'htx-moi-2@sen.test', name: 'Sùng Thị Mỷ', roles: [] as const },
];

export const ocopDemoNumber = 'OCOP-LC-2024-0417';

export async function seedCooperatives(db: Kysely<Database>) {
  const passwordHash = await hashPassword(demoPassword);
  const ids: Record<string, string> = {};
  for (const person of people) {
    const user = await db
      .insertInto('users')
      .values({ email: person.email, password_hash: passwordHash, display_name: person.name, updated_at: new Date() })
      .onConflict((oc) => oc.column('email').doUpdateSet({ display_name: person.name }))
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[person.email] = user.id;
    for (const role of person.roles)
      await db
        .insertInto('user_roles')
        .values({ user_id: user.id, role })
        .onConflict((oc) => oc.doNothing())
        .execute();
  }
  const owner = ids['htx@sen.test'];
  const existing = await db
    .selectFrom('business_profiles')
    .select('user_id')
    .where('user_id', '=', owner)
    .executeTakeFirst();
  if (existing) return;
  const now = new Date();
  await db
    .insertInto('business_profiles')
    .values({
      user_id: owner,
      slug: 'htx-det-nam-cang',
      business_name: 'HTX Dệt thổ cẩm Nậm Cang',
      owner_name: 'Lò Thị Dung',
      province: 'lao-cai',
      story:
        'Hợp tác xã của 18 chị em người Giáy và người Dao ở Nậm Cang: dệt, thêu và nhuộm chàm theo cách của bà, của mẹ. Mỗi sản phẩm ghi tên người làm.',
      categories: ['handicrafts', 'fashion'],
      business_type: 'cooperative',
      verification_status: 'approved',
      verified_at: now,
      submitted_at: now,
      decided_at: now,
      women_led_declared_at: now,
      updated_at: now,
    })
    .execute();
  // The registration is one of the verification documents (a generated scan).
  const storage = getStorage();
  const scan = await sharp({ create: { width: 600, height: 840, channels: 3, background: '#f4efe2' } })
    .png()
    .toBuffer();
  const registrationKey = `private/documents/${owner}/dang-ky-htx.png`;
  await storage.put(registrationKey, scan, 'image/png');
  await db
    .insertInto('verification_documents')
    .values({
      user_id: owner,
      kind: 'business_registration',
      storage_key: registrationKey,
      content_type: 'image/png',
      size_bytes: scan.byteLength,
      original_name: 'giay-dang-ky-htx.png',
    })
    .execute();

  const members = await db
    .insertInto('business_members')
    .values(
      [
        ['htx-quanly@sen.test', 'manager', true],
        ['htx-mai@sen.test', 'member', true],
        ['htx-pheng@sen.test', 'member', true],
        ['htx-so@sen.test', 'member', false],
      ].map(([email, role, show]) => ({
        business_id: owner,
        invited_by: owner,
        invited_email: email as string,
        user_id: ids[email as string],
        role: role as 'manager' | 'member',
        state: 'active' as const,
        display_name: people.find((p) => p.email === email)?.name ?? null,
        is_woman: true,
        show_on_storefront: show as boolean,
        accepted_at: now,
      })),
    )
    .returning(['id', 'invited_email'])
    .execute();
  const maiId = members.find((m) => m.invited_email === 'htx-mai@sen.test')?.id ?? null;
  // An invitation still waiting, by phone.
  await db
    .insertInto('business_members')
    .values({ business_id: owner, invited_by: owner, invited_phone: '+84900000099', role: 'member' })
    .execute();

  const scarfId = demoUuid('ocop-scarf', 0);
  await insertDemoListing(
    db,
    scarfId,
    owner,
    {
      title: 'Khăn chàm thêu tay Nậm Cang',
      description: 'Khăn vải lanh nhuộm chàm, thêu hoa văn người Giáy. Sản phẩm OCOP 4 sao của tỉnh Lào Cai.',
      price: 320_000,
      stock: 15,
      category: 'fashion',
      shippingFee: 25_000,
    },
    Date.now() - 7200_000,
  );
  const certificateKey = `private/ocop/${owner}/chung-nhan-ocop.png`;
  await storage.put(certificateKey, scan, 'image/png');
  await db.insertInto('ocop_certificates').values({ number: ocopDemoNumber, seller_id: owner }).execute();
  const staff = await db.selectFrom('users').select('id').where('email', '=', 'staff@sen.test').executeTakeFirst();
  await db
    .updateTable('listings')
    .set({
      origin_province: 'lao-cai',
      maker_member_id: maiId,
      ocop_stars: 4,
      ocop_number: ocopDemoNumber,
      ocop_year: 2024,
      ocop_certificate_key: certificateKey,
      ocop_status: 'verified',
      ocop_submitted_at: now,
      ocop_decided_at: now,
      ocop_decided_by: staff?.id ?? null,
    })
    .where('id', '=', scarfId)
    .execute();
  await insertDemoListing(
    db,
    demoUuid('ocop-scarf', 1),
    owner,
    {
      title: 'Túi thổ cẩm đeo chéo',
      description: 'Túi đeo chéo may từ vải thổ cẩm dệt tay, lót vải bông.',
      price: 260_000,
      stock: 10,
      category: 'accessories',
      shippingFee: 25_000,
    },
    Date.now() - 7000_000,
  );
}
