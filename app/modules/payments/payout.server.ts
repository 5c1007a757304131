import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { db } from '~/lib/db.server';
import { inStaffScope, provinceInScope, type StaffScope } from '~/lib/auth.server';
import { bankByBin } from './banks';

// The seller's payout account: where VietQR transfers for her orders go. Her
// first account is approved at once when its holder name is her approved
// identity's name (as banks print it: upper case, no diacritics); any other
// account, and every change, waits for staff. While one waits, buyers cannot
// choose VietQR for her (a changed payout account is a classic takeover sign);
// orders already awaiting a transfer keep the account their QR named.

/** "Nguyễn Thị Lan" → "NGUYEN THI LAN", as on a bank card. */
export function bankName(name: string) {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Vietnamese honorifics people write before their name, which a bank account never carries. */
const honorifics = /^(CHI|ANH|BA|CO|ONG|EM|MS|MRS|MR) /;

export function sameHolder(accountName: string, identityName: string) {
  return bankName(accountName) === bankName(identityName).replace(honorifics, '');
}

export type PayoutInput = { bankBin: string; accountNumber: string; accountName: string };

export type PayoutResult =
  | { ok: true; status: 'approved' | 'pending' }
  | { ok: false; error: 'payments.payout.notVerified' | 'payments.payout.bankUnknown' };

export async function savePayoutAccount(sellerId: string, input: PayoutInput): Promise<PayoutResult> {
  if (!bankByBin(input.bankBin)) return { ok: false, error: 'payments.payout.bankUnknown' };
  const accountName = bankName(input.accountName);
  return db.transaction().execute(async (trx) => {
    const profile = await trx
      .selectFrom('business_profiles')
      .select(['owner_name', 'verification_status'])
      .where('user_id', '=', sellerId)
      .executeTakeFirst();
    if (!profile || profile.verification_status !== 'approved')
      return { ok: false as const, error: 'payments.payout.notVerified' as const };
    const current = await trx
      .selectFrom('payout_accounts')
      .selectAll()
      .where('seller_id', '=', sellerId)
      .forUpdate()
      .executeTakeFirst();
    const unchanged =
      current &&
      current.bank_bin === input.bankBin &&
      current.account_number === input.accountNumber &&
      current.account_name === accountName;
    if (unchanged)
      return {
        ok: true as const,
        status: current.status === 'approved' ? ('approved' as const) : ('pending' as const),
      };
    // Only her first account is approved by the name check; a change always waits for staff.
    const auto = !current && sameHolder(accountName, profile.owner_name);
    const row = {
      bank_bin: input.bankBin,
      account_number: input.accountNumber,
      account_name: accountName,
      status: auto ? ('approved' as const) : ('pending' as const),
      approved_by: auto ? ('name_match' as const) : null,
      reviewer_id: null,
      decided_at: auto ? new Date() : null,
      submitted_at: new Date(),
    };
    await trx
      .insertInto('payout_accounts')
      .values({ seller_id: sellerId, ...row })
      .onConflict((oc) => oc.column('seller_id').doUpdateSet(row))
      .execute();
    return { ok: true as const, status: row.status };
  });
}

export async function findPayoutAccount(sellerId: string) {
  const row = await db
    .selectFrom('payout_accounts')
    .select([
      'bank_bin',
      'account_number',
      'account_name',
      'status',
      'approved_by',
      'submitted_at',
      'decided_at',
      sql<boolean>`webhook_key_hash is not null`.as('has_webhook_key'),
    ])
    .where('seller_id', '=', sellerId)
    .executeTakeFirst();
  return row ?? null;
}

/** Staff decide a pending account; only a pending one (the WHERE names it), so two decisions never both apply. */
export async function decidePayoutAccount(
  staffId: string,
  sellerId: string,
  decision: 'approved' | 'rejected',
  scope: StaffScope,
) {
  const r = await db
    .updateTable('payout_accounts')
    .set({
      status: decision,
      approved_by: decision === 'approved' ? 'staff' : null,
      reviewer_id: staffId,
      decided_at: new Date(),
    })
    .where('seller_id', '=', sellerId)
    .where('status', '=', 'pending')
    .where(inStaffScope(scope, 'payout_accounts.seller_id'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listPendingPayoutAccounts(scope: StaffScope) {
  return db
    .selectFrom('payout_accounts as p')
    .innerJoin('business_profiles as b', 'b.user_id', 'p.seller_id')
    .select([
      'p.seller_id',
      'p.bank_bin',
      'p.account_number',
      'p.account_name',
      'p.submitted_at',
      'b.owner_name',
      'b.business_name',
      'b.verification_status',
    ])
    .where('p.status', '=', 'pending')
    .where(provinceInScope(scope, 'b.province'))
    .orderBy('p.submitted_at')
    .limit(100)
    .execute();
}

export function hashWebhookKey(key: string) {
  return createHash('sha256').update(key).digest('hex');
}

/** A new key for her bank-notification service; only its hash is kept, so it is shown once. */
export async function createWebhookKey(sellerId: string) {
  const key = `sen_${randomBytes(24).toString('base64url')}`;
  const r = await db
    .updateTable('payout_accounts')
    .set({ webhook_key_hash: hashWebhookKey(key) })
    .where('seller_id', '=', sellerId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1 ? key : null;
}

export async function sellerByWebhookKey(key: string) {
  const row = await db
    .selectFrom('payout_accounts')
    .select('seller_id')
    .where('webhook_key_hash', '=', hashWebhookKey(key))
    .executeTakeFirst();
  return row?.seller_id ?? null;
}

/** Of these sellers, those without an approved payout account (VietQR is not offered for them). */
export async function sellersWithoutPayout(sellerIds: string[]) {
  if (!sellerIds.length) return [];
  const ok = await db
    .selectFrom('payout_accounts')
    .select('seller_id')
    .where('seller_id', 'in', sellerIds)
    .where('status', '=', 'approved')
    .execute();
  const approved = new Set(ok.map((r) => r.seller_id));
  return sellerIds.filter((id) => !approved.has(id));
}
