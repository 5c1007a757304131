import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { getStorage } from '../../app/lib/storage.server';
import { hashPassword } from '../../app/modules/accounts/passwords.server';
import type { Database } from '../schema';
import { demoPassword } from './accounts';
import { demoPhoto } from './market';

// A realistic large market for the benchmark: 5,000 sellers and 100,000
// listings with Vietnamese titles and descriptions over every province and
// category, written by PostgreSQL itself (generate_series, one statement per
// table) so it takes seconds, not minutes. Deterministic and idempotent.
//   npm run db:seed:large            (SELLERS=5000 LISTINGS=100000 by default)

export const nouns: Record<string, string[]> = {
  handicrafts: [
    'Khăn thổ cẩm',
    'Giỏ mây',
    'Túi cói',
    'Nón lá',
    'Tranh thêu',
    'Chiếu cói',
    'Đèn lồng',
    'Quạt giấy',
    'Tượng gỗ',
    'Hộp sơn mài',
  ],
  food: [
    'Cà phê rang mộc',
    'Trà shan tuyết',
    'Mật ong rừng',
    'Bánh pía',
    'Mứt gừng',
    'Nước mắm nhĩ',
    'Gạo ST25',
    'Hạt điều rang',
    'Khô cá lóc',
    'Tiêu đen',
  ],
  fashion: [
    'Áo dài lụa',
    'Áo bà ba',
    'Váy linen',
    'Quần lụa',
    'Áo sơ mi thêu',
    'Đầm maxi',
    'Khăn lụa',
    'Áo len',
    'Chân váy',
    'Áo khoác thổ cẩm',
  ],
  beauty: [
    'Son dưỡng',
    'Xà phòng thảo mộc',
    'Tinh dầu sả',
    'Nước hoa hồng',
    'Mặt nạ nghệ',
    'Dầu gội bồ kết',
    'Sữa rửa mặt',
    'Kem dưỡng',
    'Muối tắm',
    'Dầu dừa',
  ],
  home: [
    'Bộ ấm chén',
    'Bình gốm',
    'Bát gốm',
    'Khăn trải bàn',
    'Gối tựa',
    'Thảm đay',
    'Nến thơm',
    'Giỏ đựng đồ',
    'Đĩa sứ',
    'Lọ hoa',
  ],
  accessories: [
    'Vòng bạc',
    'Khuyên tai',
    'Nhẫn bạc',
    'Kẹp tóc',
    'Túi xách',
    'Ví da',
    'Dây chuyền',
    'Trâm cài',
    'Móc khóa',
    'Vòng gỗ',
  ],
  kids: [
    'Mũ len',
    'Áo len cho bé',
    'Thú bông',
    'Yếm ăn',
    'Tất len',
    'Đồ chơi gỗ',
    'Chăn cho bé',
    'Giày vải',
    'Bộ đồ sơ sinh',
    'Balo mini',
  ],
  services: [
    'Lớp nấu ăn',
    'Dịch vụ may đo',
    'Lớp đan len',
    'Nấu tiệc tại gia',
    'Trang điểm cô dâu',
    'Lớp làm gốm',
    'Chụp ảnh sản phẩm',
    'Lớp tiếng Anh',
    'Cắm hoa',
    'Dọn nhà',
  ],
};
const categoryCodes = Object.keys(nouns);
const adjectives = [
  'thủ công',
  'truyền thống',
  'cao cấp',
  'làm tay',
  'mini',
  'dệt tay',
  'tự nhiên',
  'hữu cơ',
  'cổ điển',
  'hiện đại',
  'màu chàm',
  'hoa sen',
  'đặc biệt',
  'gia truyền',
  'xinh xắn',
];
const places = [
  'Huế',
  'Hà Nội',
  'Sa Pa',
  'Hội An',
  'Đà Lạt',
  'Bát Tràng',
  'Cần Thơ',
  'Mộc Châu',
  'Phú Quốc',
  'Bến Tre',
  'Đắk Lắk',
  'Ninh Bình',
  'Lạng Sơn',
  'Cà Mau',
  'Tây Ninh',
];
const sentences = [
  'Làm bằng tay từng chiếc, mỗi sản phẩm có nét riêng.',
  'Nguyên liệu chọn lọc từ vùng nguyên liệu của hợp tác xã phụ nữ.',
  'Đóng gói cẩn thận, giao hàng toàn quốc.',
  'Phù hợp làm quà tặng cho gia đình và bạn bè.',
  'Bảo quản nơi khô ráo, tránh ánh nắng trực tiếp.',
  'Nhận đặt số lượng lớn cho sự kiện và doanh nghiệp.',
  'Màu sắc có thể khác đôi chút so với ảnh do ánh sáng.',
  'Hỗ trợ đổi trả trong 7 ngày nếu sản phẩm lỗi.',
];
const families = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lò',
  'Giàng',
  'Lý',
];
const givens = [
  'Mai',
  'Lan',
  'Hoa',
  'Hương',
  'Thu',
  'Hà',
  'Linh',
  'Ngọc',
  'Trang',
  'Hạnh',
  'Yến',
  'Nhung',
  'Thảo',
  'Vân',
  'Dung',
  'Loan',
  'Phương',
  'Hằng',
  'Oanh',
  'Tuyết',
];
const shopKinds = ['Nhà', 'Xưởng', 'Tiệm', 'Hợp tác xã', 'Cửa hàng', 'Bếp', 'Vườn'];

export async function seedLargeMarket(
  db: Kysely<Database>,
  options: { sellers?: number; listings?: number; provinces: string[] },
) {
  const sellers = options.sellers ?? 5000;
  const listings = options.listings ?? 100_000;
  const timings: Record<string, number> = {};
  const step = async (name: string, fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    timings[name] = Math.round(performance.now() - t0);
  };

  const passwordHash = await hashPassword(demoPassword);
  await step('users', () =>
    sql`
      insert into users (email, password_hash, display_name, created_at, updated_at)
      select 'scale-seller-' || g || '@sen.test', ${passwordHash},
             (${families}::text[])[1 + g % ${families.length}] || ' Thị ' || (${givens}::text[])[1 + (g / 7) % ${givens.length}],
             now() - make_interval(days => 30 + g % 900), now()
      from generate_series(1, ${sellers}) g
      on conflict (email) do nothing`.execute(db),
  );
  await step('roles', () =>
    sql`
      insert into user_roles (user_id, role)
      select id, 'entrepreneur' from users where email like 'scale-seller-%@sen.test'
      on conflict do nothing`.execute(db),
  );
  // 90 % approved; the rest waiting, revoked or suspended, as in real life.
  await step('profiles', () =>
    sql`
      insert into business_profiles (user_id, slug, business_name, owner_name, province, story, categories, verification_status, verified_at, updated_at)
      select u.id, 'scale-shop-' || n,
             (${shopKinds}::text[])[1 + n % ${shopKinds.length}] || ' ' || split_part(u.display_name, ' ', 3) || ' ' || (${places}::text[])[1 + n % ${places.length}],
             u.display_name,
             (${options.provinces}::text[])[1 + n % ${options.provinces.length}],
             'Doanh nghiệp nhỏ do phụ nữ làm chủ, bán hàng trên Sen.',
             array[(${categoryCodes}::text[])[1 + n % 8]],
             case when n % 10 = 7 then 'submitted' when n % 50 = 3 then 'revoked' when n % 100 = 9 then 'suspended' else 'approved' end,
             case when n % 10 = 7 then null else now() - make_interval(days => n % 300) end,
             now()
      from (select id, display_name, substring(email from 'scale-seller-(\\d+)@')::int as n from users where email like 'scale-seller-%@sen.test') u
      on conflict do nothing`.execute(db),
  );

  const existing = await sql<{ count: number }>`
    select count(*)::int as count from listings l join business_profiles b on b.user_id = l.seller_id where b.slug like 'scale-shop-%'`.execute(
    db,
  );
  if (existing.rows[0].count >= listings) return { timings, skipped: true };

  // A GIN index is built much faster in one go than row by row: set the search
  // indexes aside (their definitions read from the catalog, so they stay exactly
  // what the migrations made) and build them again after the bulk insert.
  const { rows: ginIndexes } = await sql<{ indexname: string; indexdef: string }>`
    select indexname, indexdef from pg_indexes
    where tablename = 'listings' and indexdef like '%USING gin%'`.execute(db);
  await step('drop search indexes', async () => {
    for (const index of ginIndexes) await sql`drop index ${sql.id(index.indexname)}`.execute(db);
  });

  // Listings: seller, category, words and price all derived from g, so the
  // data is the same on every run and on both engines. 97 % published.
  await step('listings', () =>
    sql`
      with s as (
        select user_id, row_number() over (order by user_id) as rn
        from business_profiles where slug like 'scale-shop-%'
      ), n as (select count(*) as total from s)
      insert into listings (seller_id, title, description, price, stock, category, shipping_fee, shipping_provinces, state, published_at, created_at, updated_at)
      select s.user_id,
             w.noun || ' ' || (${adjectives}::text[])[1 + (g / 8) % ${adjectives.length}] || ' ' || (${places}::text[])[1 + (g / 120) % ${places.length}],
             w.noun || ' làm tại ' || (${places}::text[])[1 + (g / 120) % ${places.length}] || '. '
               || (${sentences}::text[])[1 + g % ${sentences.length}] || E'\n'
               || (${sentences}::text[])[1 + (g / 3) % ${sentences.length}],
             (1 + (g * 7919) % 400) * 5000,
             g % 60,
             w.cat,
             case when g % 4 = 0 then 0 else 15000 + (g % 5) * 5000 end,
             '{}',
             case when g % 100 = 1 then 'draft' when g % 100 = 2 then 'archived' else 'published' end,
             case when g % 100 = 1 then null else now() - make_interval(mins => g * 5) end,
             now() - make_interval(mins => g * 5),
             now()
      from generate_series(1, ${listings}) g
      cross join n
      join s on s.rn = 1 + (g * 31) % n.total
      cross join lateral (
        select (${categoryCodes}::text[])[1 + g % 8] as category
      ) c
      cross join lateral (
        select c.category as cat, (case c.category
          ${sql.join(
            categoryCodes.map((code) => sql`when ${code} then (${nouns[code]}::text[])[1 + (g / 8) % 10]`),
            sql` `,
          )} end) as noun
      ) w`.execute(db),
  );
  await step('build search indexes', async () => {
    for (const index of ginIndexes) await sql.raw(index.indexdef).execute(db);
  });

  // One shared photo per category (the benchmark measures pages, not image bytes).
  const storage = getStorage();
  for (const [index, code] of categoryCodes.entries()) {
    const base = `public/listings/scale/${code}`;
    const [small, thumb] = await Promise.all([demoPhoto(code, index, 480), demoPhoto(code, index, 240)]);
    await storage.put(`${base}.webp`, small, 'image/webp');
    await storage.put(`${base}.small.webp`, small, 'image/webp');
    await storage.put(`${base}.thumb.webp`, thumb, 'image/webp');
  }
  await step('images', () =>
    sql`
      insert into listing_images (listing_id, position, image_key, small_key, thumb_key, width, height)
      select l.id, 0, 'public/listings/scale/' || l.category || '.webp', 'public/listings/scale/' || l.category || '.small.webp',
             'public/listings/scale/' || l.category || '.thumb.webp', 480, 480
      from listings l join business_profiles b on b.user_id = l.seller_id
      where b.slug like 'scale-shop-%'
      on conflict do nothing`.execute(db),
  );
  // VACUUM (not only ANALYZE): fresh statistics, and the visibility map that index-only scans use.
  for (const table of ['listings', 'listing_images', 'business_profiles', 'users']) {
    await step(`vacuum ${table}`, () => sql`vacuum analyze ${sql.table(table)}`.execute(db));
  }
  return { timings, skipped: false };
}

const isMain = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (isMain) {
  const { openBatchDb, engineFromEnv } = await import('../../app/lib/db.server');
  const { db, close } = openBatchDb();
  const { migrateToLatest } = await import('../migrate');
  const { seedDemo } = await import('../seed');
  const { provinces } = await import('../../app/lib/provinces');
  try {
    const started = performance.now();
    await migrateToLatest(db);
    await seedDemo(db);
    const demoMs = Math.round(performance.now() - started);
    const result = await seedLargeMarket(db, {
      sellers: Number(process.env.SELLERS || 5000),
      listings: Number(process.env.LISTINGS || 100_000),
      provinces: provinces.map((p) => p.code),
    });
    const totalMs = Math.round(performance.now() - started);
    console.log(
      JSON.stringify({
        level: 'info',
        msg: 'seeded large market',
        engine: engineFromEnv(),
        demoMs,
        ...result,
        totalMs,
      }),
    );
  } finally {
    await close();
  }
}
