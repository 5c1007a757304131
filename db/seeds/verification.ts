import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { Database, DocumentKind } from '../schema';
import type { ExpertiseArea, MentorLanguage } from '../../app/modules/verification/options';
import { getStorage } from '../../app/lib/storage.server';
import { hashPassword } from '../../app/modules/accounts/passwords.server';
import { demoPassword } from './accounts';
import { defined } from '../../app/lib/defined';

// Demo data for verification: verified storefronts (the market adds listings to
// them), submissions waiting in the staff queue, and approved mentors (the
// mentoring feature builds on them). Images are tiny, generated on the fly.
// Runs again on seeded data without duplicating anything.

type SellerSeed = {
  email: string;
  displayName: string;
  slug: string;
  businessName: string;
  ownerName: string;
  province: string;
  categories: string[];
  story: string;
  color: string;
  status: 'approved' | 'submitted';
};

/** Verified sellers, by email. The market helper adds listings to these (ids: returned by seedVerification). */
export const verifiedSellerSeeds: SellerSeed[] = [
  {
    email: 'seller@sen.test',
    displayName: 'Lò Thị Hoa',
    slug: 'det-tho-cam-hoa',
    businessName: 'Dệt thổ cẩm Hoa',
    ownerName: 'Lò Thị Hoa',
    province: 'lai-chau',
    categories: ['handicrafts', 'fashion'],
    story:
      'Tôi cùng mười chị em trong bản dệt thổ cẩm bằng khung cửi truyền thống, nhuộm màu từ lá rừng. Mỗi tấm vải mất ba đến năm ngày.',
    color: '#a3174f',
    status: 'approved',
  },
  {
    email: 'gom@sen.test',
    displayName: 'Nguyễn Thị Lan',
    slug: 'gom-bat-trang-lan',
    businessName: 'Gốm Bát Tràng Lan',
    ownerName: 'Nguyễn Thị Lan',
    province: 'ha-noi',
    categories: ['home', 'handicrafts'],
    story: 'Xưởng gốm nhỏ của gia đình ba đời ở Bát Tràng: bát đĩa, lọ hoa men lam vẽ tay.',
    color: '#2b5d8a',
    status: 'approved',
  },
  {
    email: 'che@sen.test',
    displayName: 'Hoàng Thị Thu',
    slug: 'che-shan-tuyet-thu',
    businessName: 'Chè Shan tuyết Thu',
    ownerName: 'Hoàng Thị Thu',
    province: 'tuyen-quang',
    categories: ['food'],
    story: 'Chè Shan tuyết cổ thụ hái tay trên núi cao, sao trong chảo gang theo cách của người Dao.',
    color: '#2a7f62',
    status: 'approved',
  },
  {
    email: 'dua@sen.test',
    displayName: 'Trần Thị Bích',
    slug: 'keo-dua-ben-tre-bich',
    businessName: 'Kẹo dừa Bích',
    ownerName: 'Trần Thị Bích',
    province: 'vinh-long',
    categories: ['food'],
    story: 'Kẹo dừa nấu tay theo công thức của mẹ, không chất bảo quản.',
    color: '#b57a00',
    status: 'approved',
  },
];

/** Submissions waiting in the staff queue. */
export const waitingSellerSeeds: SellerSeed[] = [
  {
    email: 'cho-duyet-1@sen.test',
    displayName: 'Y Niê',
    slug: 'ca-phe-buon-ma-y-nie',
    businessName: 'Cà phê rẫy Y Niê',
    ownerName: 'Y Niê',
    province: 'dak-lak',
    categories: ['food'],
    story: 'Cà phê Robusta hái chín, phơi trên giàn tre.',
    color: '#5b3a29',
    status: 'submitted',
  },
  {
    email: 'cho-duyet-2@sen.test',
    displayName: 'Thạch Thị Sa Rết',
    slug: 'chieu-coi-sa-ret',
    businessName: 'Chiếu cói Sa Rết',
    ownerName: 'Thạch Thị Sa Rết',
    province: 'can-tho',
    categories: ['home', 'handicrafts'],
    story: 'Chiếu và túi cói dệt tay của nhóm phụ nữ Khmer.',
    color: '#8a7b2b',
    status: 'submitted',
  },
  {
    email: 'cho-duyet-3@sen.test',
    displayName: 'Phạm Thị Hằng',
    slug: 'nuoc-mam-hang',
    businessName: 'Nước mắm nhĩ Hằng',
    ownerName: 'Phạm Thị Hằng',
    province: 'khanh-hoa',
    categories: ['food'],
    story: 'Nước mắm cá cơm ủ chượp trong thùng gỗ mười hai tháng.',
    color: '#1f5f7a',
    status: 'submitted',
  },
];

type MentorSeed = {
  email: string;
  displayName: string;
  expertise: ExpertiseArea[];
  languages: MentorLanguage[];
  province: string;
  experience: string;
  bio: string;
};

/** Approved mentors (mentor@sen.test and two more). */
export const mentorSeeds: MentorSeed[] = [
  {
    email: 'mentor@sen.test',
    displayName: 'Trần Thu Hà',
    expertise: ['marketing', 'ecommerce'],
    languages: ['vi', 'en'],
    province: 'ha-noi',
    experience: '12 năm bán hàng trực tuyến, từng điều hành một gian hàng thời trang với 20 nhân viên.',
    bio: 'Tôi giúp chị em chụp ảnh sản phẩm, viết mô tả và định giá để bán được hàng trên mạng.',
  },
  {
    email: 'mentor2@sen.test',
    displayName: 'Giàng Thị Mỷ',
    expertise: ['digital_safety', 'product'],
    languages: ['vi', 'hmong'],
    province: 'lao-cai',
    experience: 'Điều phối hợp tác xã thêu may của phụ nữ H’Mông ở Sa Pa từ năm 2015.',
    bio: 'Tôi hướng dẫn giữ an toàn tài khoản, nhận diện lừa đảo và làm sản phẩm cho khách du lịch.',
  },
  {
    email: 'mentor3@sen.test',
    displayName: 'Lê Thị Ngọc',
    expertise: ['finance', 'law'],
    languages: ['vi', 'khmer'],
    province: 'an-giang',
    experience: 'Kế toán trưởng 15 năm, tư vấn đăng ký hộ kinh doanh cho hơn 200 hộ.',
    bio: 'Tôi giúp chị em ghi chép sổ sách, tính giá vốn và làm thủ tục hộ kinh doanh.',
  },
];

async function ensureUser(db: Kysely<Database>, email: string, displayName: string, passwordHash: string) {
  const user = await db
    .insertInto('users')
    .values({ email, password_hash: passwordHash, display_name: displayName, updated_at: new Date() })
    .onConflict((oc) => oc.column('email').doUpdateSet({ display_name: displayName }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return user.id;
}

/** A tiny generated image (a coloured square with a lighter band), stored under `key`. */
async function storeImage(key: string, color: string, size: number) {
  const band = Buffer.from(
    `<svg width="${size}" height="${size}"><rect y="${size * 0.6}" width="${size}" height="${size * 0.15}" fill="#ffffff" fill-opacity="0.5"/></svg>`,
  );
  const bytes = await sharp({
    create: {
      width: size,
      height: Math.round(size * (key.includes('cover') ? 0.35 : 1)),
      channels: 3,
      background: color,
    },
  })
    .composite([{ input: band, top: 0, left: 0, blend: 'over' }])
    .webp({ quality: 60 })
    .toBuffer()
    .catch(() =>
      sharp({ create: { width: size, height: size, channels: 3, background: color } })
        .webp({ quality: 60 })
        .toBuffer(),
    );
  await getStorage().put(key, bytes, 'image/webp');
}

async function storeDocument(key: string) {
  const bytes = await sharp({ create: { width: 96, height: 60, channels: 3, background: '#dfe6ee' } })
    .jpeg({ quality: 60 })
    .toBuffer();
  await getStorage().put(key, bytes, 'image/jpeg');
  return bytes.length;
}

export async function seedVerification(db: Kysely<Database>) {
  const passwordHash = await hashPassword(demoPassword);
  const staff = await db.selectFrom('users').select('id').where('email', '=', 'staff@sen.test').executeTakeFirst();
  const staffId = staff?.id ?? null;
  const ids: Record<string, string> = {};
  const day = 24 * 3600 * 1000;
  const now = Date.now();

  const sellers = [...verifiedSellerSeeds, ...waitingSellerSeeds];
  for (const [i, s] of sellers.entries()) {
    const userId = await ensureUser(db, s.email, s.displayName, passwordHash);
    ids[s.email] = userId;
    await db
      .insertInto('user_roles')
      .values({ user_id: userId, role: 'entrepreneur' })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const exists = await db
      .selectFrom('business_profiles')
      .select('user_id')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (exists) continue;

    const logoKey = `public/seed/${s.slug}-logo.webp`;
    const coverKey = `public/seed/${s.slug}-cover.webp`;
    await storeImage(logoKey, s.color, 96);
    await storeImage(coverKey, s.color, 480);
    const submittedAt = new Date(now - (20 - i) * day);
    const approved = s.status === 'approved';
    const decidedAt = approved ? new Date(submittedAt.getTime() + (6 + i * 5) * 3600 * 1000) : null;
    await db
      .insertInto('business_profiles')
      .values({
        user_id: userId,
        slug: s.slug,
        business_name: s.businessName,
        owner_name: s.ownerName,
        province: s.province,
        story: s.story,
        categories: s.categories,
        logo_key: logoKey,
        cover_key: coverKey,
        contact_phone: `09${String(10000000 + i * 1234567).slice(0, 8)}`,
        contact_email: s.email,
        verification_status: s.status,
        verified_at: decidedAt,
        women_led_declared_at: submittedAt,
        submitted_at: submittedAt,
        decided_at: decidedAt,
        updated_at: new Date(),
      })
      .execute();

    // Documents: kept for submissions under review; for the verified ones the
    // rows say they were deleted after the retention period.
    const kinds: DocumentKind[] = i % 2 ? ['citizen_id', 'business_registration'] : ['citizen_id'];
    for (const kind of kinds) {
      if (approved) {
        await db
          .insertInto('verification_documents')
          .values({
            user_id: userId,
            kind,
            storage_key: null,
            content_type: 'image/jpeg',
            size_bytes: 4096,
            original_name: `${kind}.jpg`,
            created_at: submittedAt,
            deleted_at: new Date(defined(decidedAt, 'decision time').getTime() + 30 * day),
          })
          .execute();
      } else {
        const key = `private/documents/${userId}/seed-${kind}.jpg`;
        const size = await storeDocument(key);
        await db
          .insertInto('verification_documents')
          .values({
            user_id: userId,
            kind,
            storage_key: key,
            content_type: 'image/jpeg',
            size_bytes: size,
            original_name: `${kind}.jpg`,
            created_at: submittedAt,
          })
          .execute();
      }
    }
    await db
      .insertInto('verification_events')
      .values({
        subject: 'business',
        user_id: userId,
        actor_id: userId,
        from_status: 'draft',
        to_status: 'submitted',
        created_at: submittedAt,
      })
      .execute();
    if (approved) {
      await db
        .insertInto('verification_events')
        .values({
          subject: 'business',
          user_id: userId,
          actor_id: staffId,
          from_status: 'submitted',
          to_status: 'approved',
          reason_code: 'checked',
          created_at: defined(decidedAt, 'decision time'),
        })
        .execute();
    }
  }

  for (const [i, m] of mentorSeeds.entries()) {
    const userId = await ensureUser(db, m.email, m.displayName, passwordHash);
    ids[m.email] = userId;
    await db
      .insertInto('user_roles')
      .values({ user_id: userId, role: 'mentor' })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const exists = await db
      .selectFrom('mentor_profiles')
      .select('user_id')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (exists) continue;
    const submittedAt = new Date(now - (15 - i) * day);
    const decidedAt = new Date(submittedAt.getTime() + (20 + i * 7) * 3600 * 1000);
    await db
      .insertInto('mentor_profiles')
      .values({
        user_id: userId,
        expertise: m.expertise,
        languages: m.languages,
        experience: m.experience,
        bio: m.bio,
        province: m.province,
        status: 'approved',
        submitted_at: submittedAt,
        decided_at: decidedAt,
        approved_at: decidedAt,
        updated_at: new Date(),
      })
      .execute();
    await db
      .insertInto('verification_events')
      .values([
        {
          subject: 'mentor',
          user_id: userId,
          actor_id: userId,
          from_status: 'draft',
          to_status: 'submitted',
          created_at: submittedAt,
        },
        {
          subject: 'mentor',
          user_id: userId,
          actor_id: staffId,
          from_status: 'submitted',
          to_status: 'approved',
          reason_code: 'checked',
          created_at: decidedAt,
        },
      ])
      .execute();
  }
  return ids;
}
