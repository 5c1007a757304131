import { sql } from 'kysely';
import { recordAudit } from '~/lib/audit.server';
import { db } from '~/lib/db.server';
import { enqueue } from '~/lib/jobs.server';
import { log } from '~/lib/log.server';
import { getStorage } from '~/lib/storage.server';
import { splitReference, userDataMap } from './data-map';

// "Delete my account": one transaction ends her sessions, takes her storefront,
// listings and mentor offer off the market, erases her profile texts, contacts,
// documents and everything data-map.ts marks 'delete', anonymises what the
// other party or the accounts need (orders, reviews, sessions) and keeps her
// users row as "deleted account" (messages and orders point at it). Her files
// (local folder or S3) are removed after the commit by a retried job.

/** What every deleted account is called, in both languages (one stored name, read by every page). */
export const deletedAccountName = 'Tài khoản đã xoá · Deleted account';
export const deleteFilesQueue = 'delete-account-files';

const openOrderStates = ['awaiting_payment', 'placed', 'accepted', 'shipped'] as const;
const upcomingSessionStates = ['awaiting_payment', 'pending', 'confirmed'] as const;

export type DeletionBlockers = { openOrders: number; upcomingSessions: number };

/** An open order (either side) or an upcoming booking (either side) holds the deletion back. */
export async function deletionBlockers(userId: string, executor = db): Promise<DeletionBlockers> {
  const row = await executor
    .selectNoFrom((eb) => [
      eb
        .selectFrom('orders')
        .select((e) => e.fn.countAll<string>().as('n'))
        .where((e) => e.or([e('buyer_id', '=', userId), e('seller_id', '=', userId)]))
        .where('state', 'in', [...openOrderStates])
        .as('orders'),
      eb
        .selectFrom('mentoring_sessions')
        .select((e) => e.fn.countAll<string>().as('n'))
        .where((e) => e.or([e('mentee_id', '=', userId), e('mentor_id', '=', userId)]))
        .where('status', 'in', [...upcomingSessionStates])
        .where('ends_at', '>', sql<Date>`now()`)
        .as('sessions'),
    ])
    .executeTakeFirstOrThrow();
  return { openOrders: Number(row.orders ?? 0), upcomingSessions: Number(row.sessions ?? 0) };
}

export type DeletionResult =
  | { ok: true; files: number }
  | { ok: false; reason: 'privacy.delete.blocked' | 'privacy.delete.gone'; blockers?: DeletionBlockers };

export async function deleteAccount(userId: string): Promise<DeletionResult> {
  return db.transaction().execute(async (trx) => {
    // The row lock makes two deletions (two tabs) one: the second finds it deleted.
    const user = await trx
      .selectFrom('users')
      .select(['id', 'email', 'phone'])
      .where('id', '=', userId)
      .where('deleted_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!user) return { ok: false, reason: 'privacy.delete.gone' } as const;
    const blockers = await deletionBlockers(userId, trx);
    if (blockers.openOrders || blockers.upcomingSessions)
      return { ok: false, reason: 'privacy.delete.blocked', blockers } as const;

    // Her files, gathered before the rows that name them go.
    const profile = await trx
      .selectFrom('business_profiles')
      .select(['logo_key', 'cover_key'])
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const documents = await trx
      .selectFrom('verification_documents')
      .select(['storage_key', 'thumbnail_key'])
      .where('user_id', '=', userId)
      .execute();
    const images = await trx
      .selectFrom('listing_images')
      .innerJoin('listings', 'listings.id', 'listing_images.listing_id')
      .select(['image_key', 'small_key', 'thumb_key'])
      .where('listings.seller_id', '=', userId)
      .execute();
    const reviewPhotos = await trx
      .selectFrom('review_photos')
      .select(['image_key', 'small_key', 'thumb_key'])
      .where('buyer_id', '=', userId)
      .execute();
    const exports = await trx.selectFrom('data_exports').select('storage_key').where('user_id', '=', userId).execute();
    const keys = [
      profile?.logo_key,
      profile?.cover_key,
      ...documents.flatMap((d) => [d.storage_key, d.thumbnail_key]),
      ...images.flatMap((i) => [i.image_key, i.small_key, i.thumb_key]),
      ...reviewPhotos.flatMap((i) => [i.image_key, i.small_key, i.thumb_key]),
      ...exports.map((e) => e.storage_key),
    ].filter((k): k is string => Boolean(k));

    // Everything data-map.ts marks 'delete' (sessions included: she is signed out everywhere).
    for (const [reference, rule] of Object.entries(userDataMap)) {
      if (rule.deletion !== 'delete') continue;
      const { table, column } = splitReference(reference);
      await sql`delete from ${sql.table(table)} where ${sql.ref(column)} = ${userId}`.execute(trx);
    }
    await trx.deleteFrom('verification_documents').where('user_id', '=', userId).execute();
    // The storefront keeps its row for the buyers' orders, under a name that is not hers.
    await trx
      .updateTable('business_profiles')
      .set({
        slug: `deleted-${userId}`,
        business_name: deletedAccountName,
        owner_name: deletedAccountName,
        story: '',
        categories: [],
        logo_key: null,
        cover_key: null,
        contact_phone: null,
        contact_email: null,
        id_number_hmac: null,
        id_number_last3: null,
        renewal_changes: null,
        renewal_review: null,
      })
      .where('user_id', '=', userId)
      .execute();
    await trx.deleteFrom('mentor_offers').where('mentor_id', '=', userId).execute();
    await trx.updateTable('mentor_profiles').set({ bio: '—', experience: '—' }).where('user_id', '=', userId).execute();
    await trx
      .updateTable('orders')
      .set({ delivery_name: deletedAccountName, delivery_phone: '00000000', delivery_address: '—' })
      .where('buyer_id', '=', userId)
      .execute();
    await trx.updateTable('order_reviews').set({ comment: '' }).where('buyer_id', '=', userId).execute();
    await trx
      .updateTable('order_reviews')
      .set({ reply: null, replied_at: null })
      .where('seller_id', '=', userId)
      .execute();
    await trx
      .updateTable('mentoring_sessions')
      .set({ note: '', rating_comment: null })
      .where('mentee_id', '=', userId)
      .execute();
    await trx.updateTable('mentoring_sessions').set({ mentor_notes: '' }).where('mentor_id', '=', userId).execute();
    // Rows kept by e-mail address or phone number, not by id.
    if (user.email) {
      await trx.deleteFrom('login_failures').where('email', '=', user.email).execute();
      await trx.deleteFrom('signup_requests').where('email', '=', user.email).execute();
      await trx.deleteFrom('password_reset_requests').where('email', '=', user.email).execute();
      await trx.deleteFrom('outbox_emails').where('to_address', '=', user.email).execute();
    }
    if (user.phone) await trx.deleteFrom('otp_challenges').where('phone', '=', user.phone).execute();
    // The account: no e-mail (it may sign up again as a new person), no password, out
    // of every public page through the suspension rule every page already applies.
    await trx
      .updateTable('users')
      .set({
        email: null,
        phone: null,
        phone_confirmed_at: null,
        home_province: null,
        age_group: null,
        ethnic_group: null,
        groups_consented_at: null,
        display_name: deletedAccountName,
        password_hash: '!deleted',
        deleted_at: sql<Date>`now()`,
        suspended_at: sql<Date>`now()`,
        suspended_until: null,
        suspension_reason: 'account deleted',
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', userId)
      .execute();
    // A file another row still uses (the large demo seed shares photos between sellers) stays.
    const stillUsed = new Set<string>();
    if (keys.length) {
      const { rows } = await sql<{ key: string }>`
        select k as key from unnest(${keys}::text[]) as k
        where exists (select 1 from listing_images i where k in (i.image_key, i.small_key, i.thumb_key))
           or exists (select 1 from business_profiles b where k in (b.logo_key, b.cover_key))`.execute(trx);
      for (const r of rows) stillUsed.add(r.key);
    }
    const files = [...new Set(keys)].filter((k) => !stillUsed.has(k));
    await recordAudit(
      { actorId: userId, action: 'account.delete', subjectUserId: userId, detail: { files: files.length } },
      trx,
    );
    if (files.length) await enqueue(deleteFilesQueue, { keys: files }, { trx });
    return { ok: true, files: files.length } as const;
  });
}

/** The job after the commit: removes each file; a failure throws, so pg-boss retries the rest. */
export async function deleteAccountFiles(keys: string[]) {
  const storage = getStorage();
  for (const key of keys) await storage.delete(key);
  log.info('deleted account files removed', { count: keys.length });
  return { files: keys.length };
}
