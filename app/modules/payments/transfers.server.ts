import { z } from 'zod';
import { db } from '~/lib/db.server';
import { log } from '~/lib/log.server';
import type { MessageKey } from '~/lib/i18n';
import { applyTransition, lockOrder } from '~/modules/orders/transitions.server';
import { notifyAboutOrder } from '~/modules/orders/notices.server';
import type { TransferOutcome } from '../../../db/schema';
import { sellerByWebhookKey } from './payout.server';

// Incoming transfers reported by SePay (https://developer.sepay.vn/en/sepay-webhooks):
// a POST per bank transaction, "Authorization: Apikey <key>", JSON
// { id, gateway, transactionDate, accountNumber, code, content, transferType,
//   transferAmount, accumulated, subAccount, referenceCode, description },
// answered {"success": true}; SePay retries up to 7 times on an error.
// The key names the seller (each has her own); the transfer's id is recorded once,
// so a retry, or ten copies at once, changes the order once.

export const sepayTransfer = z.object({
  id: z.union([z.number().int(), z.string().min(1).max(80)]).transform(String),
  gateway: z.string().max(100).optional(),
  transactionDate: z.string().max(40).optional(),
  accountNumber: z.string().min(1).max(40),
  code: z.string().max(40).nullish(),
  content: z.string().max(1000).default(''),
  description: z.string().max(2000).nullish(),
  transferType: z.enum(['in', 'out']),
  transferAmount: z.number().int().nonnegative(),
  referenceCode: z.string().max(100).nullish(),
});
export type SepayTransfer = z.infer<typeof sepayTransfer>;

/** "SEN 7K3Q9XAB" in a note; banks drop spaces, change case, add their own words. */
export function codeInNote(text: string) {
  const match = /SEN\s*([0-9A-Z]{8})(?![0-9A-Z])/i.exec(text);
  return match ? match[1].toUpperCase() : null;
}

export type BankWebhookResult = { status: 200 | 400 | 401; outcome?: TransferOutcome | 'duplicate' | 'outgoing' };

export function apiKeyOf(header: string | null) {
  const match = /^Apikey\s+(\S+)$/i.exec(header ?? '');
  return match ? match[1] : null;
}

export async function handleSepayWebhook(authorization: string | null, body: unknown): Promise<BankWebhookResult> {
  const key = apiKeyOf(authorization);
  const sellerId = key ? await sellerByWebhookKey(key) : null;
  if (!sellerId) return { status: 401 };
  const parsed = sepayTransfer.safeParse(body);
  if (!parsed.success) return { status: 400 };
  const transfer = parsed.data;
  if (transfer.transferType !== 'in') return { status: 200, outcome: 'outgoing' };
  const outcome = await recordTransfer(sellerId, transfer);
  log.info('bank transfer', { sellerId, provider: 'sepay', outcome });
  return { status: 200, outcome };
}

async function recordTransfer(sellerId: string, transfer: SepayTransfer): Promise<TransferOutcome | 'duplicate'> {
  return db.transaction().execute(async (trx) => {
    // The unique (provider, provider_id) decides which copy of a retried post counts:
    // the others wait for it here, then insert nothing.
    const row = await trx
      .insertInto('bank_transfers')
      .values({
        provider: 'sepay',
        provider_id: transfer.id,
        seller_id: sellerId,
        amount: transfer.transferAmount,
        account_number: transfer.accountNumber,
        content: transfer.content.slice(0, 1000),
        outcome: 'unmatched',
      })
      .onConflict((oc) => oc.columns(['provider', 'provider_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return 'duplicate' as const;

    const code = transfer.code?.toUpperCase().match(/^[0-9A-Z]{8}$/)
      ? transfer.code.toUpperCase()
      : codeInNote(`${transfer.content} ${transfer.description ?? ''}`);
    // Only her own orders, paid into the account the order's QR named.
    const found = code
      ? await trx
          .selectFrom('orders')
          .select('id')
          .where('payment_code', '=', code)
          .where('seller_id', '=', sellerId)
          .where('payment_method', '=', 'vietqr')
          .executeTakeFirst()
      : undefined;
    const order = found ? await lockOrder(trx, found.id) : undefined;
    const payee = found
      ? await trx
          .selectFrom('orders')
          .select(['payee_account', 'pay_by', 'cancel_reason'])
          .where('id', '=', found.id)
          .executeTakeFirstOrThrow()
      : undefined;
    let outcome: TransferOutcome = 'unmatched';
    if (order && payee && payee.payee_account === transfer.accountNumber) {
      const amount = Number(transfer.transferAmount);
      if (order.state === 'awaiting_payment') {
        if (amount === Number(order.total)) {
          await applyTransition(trx, order, 'pay', { id: null, role: 'system' });
          outcome = 'paid';
        } else {
          // Short or excess: flagged to both, never accepted silently.
          await trx
            .updateTable('orders')
            .set({ payment_flag: 'amount_mismatch', updated_at: new Date() })
            .where('id', '=', order.id)
            .where('state', '=', 'awaiting_payment')
            .execute();
          await tell(trx, order, 'payments.notify.amountMismatch');
          outcome = 'amount_mismatch';
        }
      } else if (order.state === 'cancelled') {
        // Lapsed (or cancelled) before the money came: owed back. The stock is not taken
        // again: it may be sold to someone else by now.
        await trx
          .updateTable('orders')
          .set({ payment_flag: 'late_transfer', updated_at: new Date() })
          .where('id', '=', order.id)
          .where('state', '=', 'cancelled')
          .execute();
        await tell(trx, order, 'payments.notify.lateTransfer');
        outcome = 'late_transfer';
      } else {
        // A second, different transfer for an order already paid.
        await notifyAboutOrder(
          trx,
          order.seller_id,
          order.id,
          'payments.notify.alreadyPaid',
          `/dashboard/orders/${order.id}`,
        );
        outcome = 'already_paid';
      }
    }
    await trx
      .updateTable('bank_transfers')
      .set({ outcome, order_id: order?.id ?? null })
      .where('id', '=', row.id)
      .execute();
    return outcome;
  });
}

async function tell(
  trx: Parameters<typeof notifyAboutOrder>[0],
  order: { id: string; buyer_id: string; seller_id: string },
  key: MessageKey,
) {
  await notifyAboutOrder(trx, order.seller_id, order.id, key, `/dashboard/orders/${order.id}`);
  await notifyAboutOrder(trx, order.buyer_id, order.id, key, `/orders/${order.id}`);
}
