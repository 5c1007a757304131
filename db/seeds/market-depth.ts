import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { demoUuid } from './market-data';
import { insertDemoListing } from './market';

// Issue 20's demo data: a brocade shirt in sizes S/M/L. Stable ids: running it
// again adds nothing.

export async function seedMarketDepth(db: Kysely<Database>) {
  const seller = await db.selectFrom('users').select('id').where('email', '=', 'seller@sen.test').executeTakeFirst();
  if (!seller) return;
  const shirtId = demoUuid('variant-shirt', 0);
  await insertDemoListing(
    db,
    shirtId,
    seller.id,
    {
      title: 'Áo thổ cẩm Thái dệt tay',
      description: 'Áo cổ tròn may từ vải thổ cẩm dệt trên khung cửi ở Mộc Châu.\nCỡ S, M, L; cỡ L may rộng hơn nên giá cao hơn.',
      price: 450_000,
      stock: 0,
      category: 'fashion',
      shippingFee: 30_000,
    },
    Date.now() - 3600_000,
  );
  const named = await db.selectFrom('listing_variants').select('id').where('listing_id', '=', shirtId).where('name', '<>', '').executeTakeFirst();
  if (named) return;
  await db.transaction().execute(async (trx) => {
    await trx.selectFrom('listings').select('id').where('id', '=', shirtId).forUpdate().execute();
    await trx.updateTable('listing_variants').set({ retired_at: new Date() }).where('listing_id', '=', shirtId).where('name', '=', '').execute();
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
