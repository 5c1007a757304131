import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { demoUuid } from './market-data';
import { insertDemoListing } from './market';

// Issue 20's demo data: a brocade shirt in sizes S/M/L and a ten-seat group
// session of the demo mentor. Stable ids: running it again adds nothing.

export async function seedMarketDepth(db: Kysely<Database>) {
  const mentor = await db.selectFrom('users').select('id').where('email', '=', 'mentor@sen.test').executeTakeFirst();
  if (mentor) {
    // A week from the seed, 9:00 Vietnam time.
    const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const starts = new Date(`${day}T09:00:00+07:00`);
    await db
      .insertInto('group_sessions')
      .values({
        id: demoUuid('group-session', 0),
        host_id: mentor.id,
        title: 'Chụp ảnh sản phẩm bằng điện thoại',
        description:
          'Buổi học nhóm cho chị em mới bán hàng: ánh sáng, nền, góc chụp, và cách không để lộ thông tin cá nhân trong ảnh.',
        starts_at: starts,
        ends_at: new Date(starts.getTime() + 90 * 60_000),
        seats: 10,
        meeting_mode: 'video',
        meeting_place: 'https://meet.jit.si/sen-hoc-nhom-chup-anh',
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  const seller = await db.selectFrom('users').select('id').where('email', '=', 'seller@sen.test').executeTakeFirst();
  if (!seller) return;
  const shirtId = demoUuid('variant-shirt', 0);
  await insertDemoListing(
    db,
    shirtId,
    seller.id,
    {
      title: 'Áo thổ cẩm Thái dệt tay',
      description:
        'Áo cổ tròn may từ vải thổ cẩm dệt trên khung cửi ở Mộc Châu.\nCỡ S, M, L; cỡ L may rộng hơn nên giá cao hơn.',
      price: 450_000,
      stock: 0,
      category: 'fashion',
      shippingFee: 30_000,
    },
    Date.now() - 3600_000,
  );
  const named = await db
    .selectFrom('listing_variants')
    .select('id')
    .where('listing_id', '=', shirtId)
    .where('name', '<>', '')
    .executeTakeFirst();
  if (named) return;
  await db.transaction().execute(async (trx) => {
    await trx.selectFrom('listings').select('id').where('id', '=', shirtId).forUpdate().execute();
    await trx
      .updateTable('listing_variants')
      .set({ retired_at: new Date() })
      .where('listing_id', '=', shirtId)
      .where('name', '=', '')
      .execute();
    await trx
      .insertInto('listing_variants')
      .values([
        { listing_id: shirtId, name: 'S', position: 0, stock: 6, sku: 'ATC-S' },
        { listing_id: shirtId, name: 'M', position: 1, stock: 8, sku: 'ATC-M' },
        { listing_id: shirtId, name: 'L', position: 2, stock: 4, price: 490_000, sku: 'ATC-L' },
      ])
      .execute();
  });
}
