import type { Kysely } from 'kysely';
import { detectScam } from '../../app/modules/safety/detector';
import type { Database } from '../schema';
import { demoUuid } from './market-data';

// Demo conversations of buyer@sen.test: a friendly one with seller@sen.test
// about one of her listings, and one with gom@sen.test whose reply asks for a
// deposit by bank transfer, so the scam warning (and the masked account
// number: they have no order together) shows in the demo. Stable ids: running
// it again adds nothing.

type DemoMessage = { from: 'buyer' | 'seller'; body: string; minutesAgo: number };

const demoConversations: { sellerEmail: string; messages: DemoMessage[] }[] = [
  {
    sellerEmail: 'seller@sen.test',
    messages: [
      { from: 'buyer', body: 'Chị ơi, khăn này còn màu đỏ không ạ? Em muốn mua làm quà cho mẹ.', minutesAgo: 180 },
      {
        from: 'seller',
        body: 'Dạ còn chị ạ. Chị đặt trên Sen nhé, em gói quà miễn phí và gửi trong hôm nay.',
        minutesAgo: 170,
      },
      { from: 'buyer', body: 'Cảm ơn chị, em đặt ngay đây.', minutesAgo: 165 },
    ],
  },
  {
    sellerEmail: 'gom@sen.test',
    messages: [
      { from: 'buyer', body: 'Chị ơi bộ bát này còn hàng không ạ?', minutesAgo: 60 },
      {
        from: 'seller',
        body: 'Còn em ơi. Em chuyển khoản cọc trước 50% vào stk 0451000123456 Vietcombank giúp chị nhé, chị giữ hàng cho.',
        minutesAgo: 45,
      },
    ],
  },
];

export async function seedMessaging(db: Kysely<Database>) {
  const buyer = await db.selectFrom('users').select('id').where('email', '=', 'buyer@sen.test').executeTakeFirst();
  if (!buyer) return;
  for (const [index, demo] of demoConversations.entries()) {
    const seller = await db.selectFrom('users').select('id').where('email', '=', demo.sellerEmail).executeTakeFirst();
    if (!seller) continue;
    const listing = await db
      .selectFrom('listings')
      .select('id')
      .where('seller_id', '=', seller.id)
      .where('state', '=', 'published')
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    const id = demoUuid('conversation', index);
    const [userA, userB] = [buyer.id, seller.id].sort();
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    const inserted = await db
      .insertInto('conversations')
      .values({
        id,
        user_a: userA,
        user_b: userB,
        started_by: buyer.id,
        listing_id: listing?.id ?? null,
        created_at: at(demo.messages[0].minutesAgo),
        last_message_at: at(demo.messages[demo.messages.length - 1].minutesAgo),
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) continue;
    await db
      .insertInto('conversation_members')
      .values([
        // The buyer has read the friendly one, not gom's reply.
        { conversation_id: id, user_id: buyer.id, last_read_at: index === 0 ? at(0) : at(demo.messages[0].minutesAgo) },
        { conversation_id: id, user_id: seller.id, last_read_at: at(0) },
      ])
      .execute();
    await db
      .insertInto('messages')
      .values(
        demo.messages.map((m, n) => {
          const verdict = detectScam(m.body, { locale: 'vi' });
          return {
            id: demoUuid(`message-${index}`, n),
            conversation_id: id,
            sender_id: m.from === 'buyer' ? buyer.id : seller.id,
            body: m.body,
            scam_level: verdict.level,
            scam_signals: [...new Set(verdict.signals.map((s) => s.code))],
            created_at: at(m.minutesAgo),
          };
        }),
      )
      .execute();
  }
}
