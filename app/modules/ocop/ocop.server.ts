import { sql } from 'kysely';
import { z } from 'zod';
import { type StaffScope, provinceInScope } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import type { MessageKey } from '~/lib/i18n';
import { isUuid } from '~/lib/ids';
import { isProvinceCode } from '~/lib/provinces';
import { deleteStored, storeUploads } from '~/lib/uploads.server';
import { notify } from '~/modules/notifications/notify.server';

// Origin and OCOP (issue 20). A listing declares its province of origin and, when
// it has one, its OCOP star rating (3–5) with the certificate's number, year and
// a scan; Union staff of the seller's province verify the claim from the scan.
// A certificate number belongs to one seller (ocop_certificates' primary key).

export const ocopSchema = z
  .object({
    origin: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || isProvinceCode(v), 'validation.invalid'),
    stars: z.enum(['', '3', '4', '5'], { error: 'validation.invalid' }).transform((v) => (v ? Number(v) : null)),
    number: z
      .string()
      .optional()
      .transform((v) => (v ?? '').trim().toUpperCase()),
    year: z
      .string()
      .optional()
      .transform((v) => (v ?? '').trim()),
  })
  .superRefine((v, ctx) => {
    if (v.stars === null) return;
    if (!/^[A-Z0-9./-]{3,40}$/.test(v.number))
      ctx.addIssue({ code: 'custom', path: ['number'], message: 'ocop.number.invalid' });
    const year = Number(v.year);
    if (!/^\d{4}$/.test(v.year) || year < 2018 || year > new Date().getUTCFullYear())
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'ocop.year.invalid' });
  });

export type OcopInput = z.output<typeof ocopSchema>;

type Result = { ok: true } | { ok: false; field: string; error: MessageKey };

/**
 * Saves a listing's origin and OCOP claim. A new claim (or a changed number) needs
 * the certificate's scan and goes to staff; removing the stars removes the claim.
 */
export async function declareOcop(
  sellerId: string,
  listingId: string,
  input: OcopInput,
  certificate: File | null,
): Promise<Result> {
  const current = await db
    .selectFrom('listings')
    .select(['ocop_number', 'ocop_stars', 'ocop_year', 'ocop_certificate_key', 'ocop_status'])
    .where('id', '=', listingId)
    .where('seller_id', '=', sellerId)
    .executeTakeFirst();
  if (!current) return { ok: false, field: 'form', error: 'validation.invalid' };
  if (input.stars === null) {
    await db
      .updateTable('listings')
      .set({
        origin_province: input.origin,
        ocop_stars: null,
        ocop_number: null,
        ocop_year: null,
        ocop_certificate_key: null,
        ocop_status: 'none',
        ocop_submitted_at: null,
        ocop_decided_at: null,
        ocop_decided_by: null,
      })
      .where('id', '=', listingId)
      .where('seller_id', '=', sellerId)
      .execute();
    return { ok: true };
  }
  const unchanged =
    current.ocop_number === input.number &&
    current.ocop_stars === input.stars &&
    current.ocop_year === Number(input.year) &&
    current.ocop_certificate_key !== null;
  if (unchanged && !certificate) {
    await db
      .updateTable('listings')
      .set({ origin_province: input.origin })
      .where('id', '=', listingId)
      .where('seller_id', '=', sellerId)
      .execute();
    return { ok: true };
  }
  let key = current.ocop_number === input.number ? current.ocop_certificate_key : null;
  let stored: string | null = null;
  if (certificate) {
    const upload = await storeUploads([{ field: 'certificate', file: certificate }], {
      prefix: `private/ocop/${sellerId}`,
      allow: ['jpeg', 'png', 'webp', 'pdf'],
    });
    if (!upload.ok)
      return { ok: false, field: 'certificate', error: upload.errors.certificate ?? 'validation.invalid' };
    stored = upload.stored[0].key;
    key = stored;
  }
  if (!key) return { ok: false, field: 'certificate', error: 'ocop.certificate.required' };
  const error = await db.transaction().execute(async (trx) => {
    // First writer of a number owns it; a number of another seller is refused, even in a race.
    await trx
      .insertInto('ocop_certificates')
      .values({ number: input.number, seller_id: sellerId })
      .onConflict((oc) => oc.column('number').doNothing())
      .execute();
    const owner = await trx
      .selectFrom('ocop_certificates')
      .select('seller_id')
      .where('number', '=', input.number)
      .executeTakeFirstOrThrow();
    if (owner.seller_id !== sellerId) return 'ocop.number.taken' as const;
    await trx
      .updateTable('listings')
      .set({
        origin_province: input.origin,
        ocop_stars: input.stars,
        ocop_number: input.number,
        ocop_year: Number(input.year),
        ocop_certificate_key: key,
        ocop_status: 'submitted',
        ocop_submitted_at: new Date(),
        ocop_decided_at: null,
        ocop_decided_by: null,
      })
      .where('id', '=', listingId)
      .where('seller_id', '=', sellerId)
      .execute();
    return null;
  });
  if (error) {
    await deleteStored([stored]);
    return { ok: false, field: 'number', error };
  }
  if (stored && current.ocop_certificate_key && current.ocop_certificate_key !== stored)
    await deleteStored([current.ocop_certificate_key]);
  return { ok: true };
}

/** Claims waiting for staff in her scope (the seller's province), oldest first. */
export async function ocopQueue(scope: StaffScope) {
  return db
    .selectFrom('listings as l')
    .innerJoin('business_profiles as b', 'b.user_id', 'l.seller_id')
    .select([
      'l.id',
      'l.title',
      'l.ocop_stars',
      'l.ocop_number',
      'l.ocop_year',
      'l.origin_province',
      'l.ocop_submitted_at',
      'b.business_name',
      'b.province',
    ])
    .where('l.ocop_status', '=', 'submitted')
    .where(provinceInScope(scope, 'b.province'))
    .orderBy('l.ocop_submitted_at')
    .limit(200)
    .execute();
}

/** The certificate scan of a claim in her scope, or null. */
export async function ocopCertificateKey(scope: StaffScope, listingId: string) {
  if (!isUuid(listingId)) return null;
  const row = await db
    .selectFrom('listings as l')
    .innerJoin('business_profiles as b', 'b.user_id', 'l.seller_id')
    .select(['l.ocop_certificate_key', 'l.seller_id'])
    .where('l.id', '=', listingId)
    .where('l.ocop_certificate_key', 'is not', null)
    .where(provinceInScope(scope, 'b.province'))
    .executeTakeFirst();
  return row?.ocop_certificate_key ? { key: row.ocop_certificate_key, sellerId: row.seller_id } : null;
}

/** Staff verify or reject a submitted claim in their scope; the seller is told. */
export async function decideOcop(
  staff: { id: string; scope: StaffScope },
  listingId: string,
  decision: 'verified' | 'rejected',
) {
  if (!isUuid(listingId)) return false;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('listings as l')
      .set({ ocop_status: decision, ocop_decided_at: new Date(), ocop_decided_by: staff.id })
      .where('l.id', '=', listingId)
      .where('l.ocop_status', '=', 'submitted')
      .where(
        provinceInScope(
          staff.scope,
          sql<string | null>`(select b.province from business_profiles b where b.user_id = l.seller_id)`,
        ),
      )
      .returning(['l.seller_id', 'l.title'])
      .executeTakeFirst();
    if (!row) return false;
    await notify(trx, row.seller_id, {
      kind: 'verification_decision',
      key: decision === 'verified' ? 'ocop.notice.verified' : 'ocop.notice.rejected',
      params: { title: row.title },
      link: `/dashboard/listings/${listingId}`,
    });
    return true;
  });
}
