import { randomBytes } from 'node:crypto';
import type { Trx } from './settings.server';

// A VietQR order's payee: the seller's approved payout account, copied onto the order, and its transfer code.

export type Payee = { bank_bin: string; account_number: string; account_name: string };

/** The order's copy of the payout account it is paid to (kept even if the seller changes hers later). */
export function payeeColumns(payee: Payee) {
  return { payee_bin: payee.bank_bin, payee_account: payee.account_number, payee_name: payee.account_name };
}

export async function approvedPayees(trx: Trx, sellerIds: string[]) {
  const rows = await trx
    .selectFrom('payout_accounts')
    .select(['seller_id', 'bank_bin', 'account_number', 'account_name'])
    .where('seller_id', 'in', sellerIds)
    .where('status', '=', 'approved')
    .execute();
  return new Map<string, Payee>(rows.map((r) => [r.seller_id, r]));
}

// No 0/O or 1/I: read aloud or typed into a banking app, the code survives.
const codeAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The short code of a VietQR order ("SEN <code>" in the transfer note): 32^8 values, unique in the table. */
export function paymentCode() {
  const bytes = randomBytes(8);
  return [...bytes].map((b) => codeAlphabet[b % 32]).join('');
}
