import { type Transaction } from 'kysely';
import type { Database } from '../../../db/schema';

// How long orders wait, for payment and for the buyer, before the system moves them.

export const unpaidMinutes = 30;
/** How long a VietQR order holds its stock waiting for the transfer (VIETQR_HOURS, default 24). */
export function vietQrHours(env = process.env) {
  const n = Number(env.VIETQR_HOURS);
  return Number.isFinite(n) && n > 0 ? n : 24;
}
export const autoDeliverDays = 14;
export const autoCompleteDays = 7;

export type Trx = Transaction<Database>;
