import { db } from '~/lib/db.server';
import { log } from '~/lib/log.server';
import { deleteObjects } from './documents.server';
import { finalStatuses } from './states';

export const documentRetentionDays = 30;

/**
 * Deletes identity documents from storage 30 days after a final decision
 * (approved, rejected, revoked). The document rows stay (marked deleted), as do
 * the decision and its audit rows.
 */
export async function deleteExpiredDocuments(now = new Date()) {
  const cutoff = new Date(now.getTime() - documentRetentionDays * 24 * 3600 * 1000);
  const due = await db
    .selectFrom('verification_documents')
    .innerJoin('business_profiles', 'business_profiles.user_id', 'verification_documents.user_id')
    .select(['verification_documents.id', 'verification_documents.storage_key', 'verification_documents.thumbnail_key'])
    .where('verification_documents.storage_key', 'is not', null)
    .where('business_profiles.verification_status', 'in', [...finalStatuses])
    .where('business_profiles.decided_at', '<=', cutoff)
    .whereRef('verification_documents.created_at', '<=', 'business_profiles.decided_at')
    .limit(500)
    .execute();
  let deleted = 0;
  for (const doc of due) {
    await deleteObjects([doc.storage_key, doc.thumbnail_key]);
    await db
      .updateTable('verification_documents')
      .set({ storage_key: null, thumbnail_key: null, deleted_at: now })
      .where('id', '=', doc.id)
      .execute();
    deleted += 1;
  }
  if (deleted) log.info('identity documents deleted after retention', { count: deleted });
  return deleted;
}
