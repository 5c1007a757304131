import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { demoUuid } from './market-data';

// Issue 18: seller@sen.test's payout account, approved by the name check (her
// verified name is Lò Thị Hoa), with a known SePay key for demos and the e2e
// spec, and an order of buyer@sen.test awaiting its VietQR transfer (its page
// shows the QR). Stable ids: running it again adds nothing. The demo order takes no stock.

export const demoSepayKey = 'sen_demo_sepay_key_for_local_use_only';
export const demoPaymentCode = 'DEMQR2A8';
export const demoPayoutAccount = { bank_bin: '970436', account_number: '0011004567890', account_name: 'LO THI HOA' };

export async function seedPayments(db: Kysely<Database>) {
  const seller = await db.selectFrom('users').select('id').where('email', '=', 'seller@sen.test').executeTakeFirst();
  const buyer = await db.selectFrom('users').select('id').where('email', '=', 'buyer@sen.test').executeTakeFirst();
  if (!seller || !buyer) return;
  await db
    .insertInto('payout_accounts')
    .values({
      seller_id: seller.id,
      ...demoPayoutAccount,
      status: 'approved',
      approved_by: 'name_match',
      decided_at: new Date(),
      webhook_key_hash: createHash('sha256').update(demoSepayKey).digest('hex'),
    })
    .onConflict((oc) => oc.column('seller_id').doNothing())
    .execute();
  const listing = await db
    .selectFrom('listings')
    .select(['id', 'title', 'price', 'shipping_fee'])
    .where('seller_id', '=', seller.id)
    .where('state', '=', 'published')
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!listing) return;
  const id = demoUuid('vietqr-order', 0);
  const now = new Date();
  const inserted = await db
    .insertInto('orders')
    .values({
      id,
      checkout_id: demoUuid('vietqr-checkout', 0),
      buyer_id: buyer.id,
      seller_id: seller.id,
      state: 'awaiting_payment',
      payment_method: 'vietqr',
      delivery_name: 'Nguyễn Thị Mai',
      delivery_phone: '0987654321',
      delivery_address: '25 Trần Phú, phường Ba Đình',
      delivery_province: 'ha-noi',
      subtotal: listing.price,
      shipping_fee: listing.shipping_fee,
      total: listing.price + listing.shipping_fee,
      // A demo that lapses a day after seeding, like a real one.
      pay_by: new Date(now.getTime() + 24 * 3_600_000),
      payment_code: demoPaymentCode,
      payee_bin: demoPayoutAccount.bank_bin,
      payee_account: demoPayoutAccount.account_number,
      payee_name: demoPayoutAccount.account_name,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return;
  await db
    .insertInto('order_items')
    .values({ order_id: id, listing_id: listing.id, title: listing.title, unit_price: listing.price, quantity: 1 })
    .execute();
  await db
    .insertInto('order_events')
    .values({ order_id: id, actor_id: buyer.id, actor_role: 'buyer', from_state: null, to_state: 'awaiting_payment' })
    .execute();
}
