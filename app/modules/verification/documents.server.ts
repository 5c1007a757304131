// Her identity and business documents: private objects, added before a
// submission or when asked for more, read by staff in scope only.
import type { DocumentKind } from '../../../db/schema';
import type { StaffScope } from '~/lib/auth.server';
import { inStaffScope } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { isUuid } from '~/lib/ids';
import { getStorage } from '~/lib/storage.server';
import type { StoredUpload } from '~/lib/uploads.server';
import { canEditDocuments } from './states';

export async function addDocuments(userId: string, kind: DocumentKind, stored: StoredUpload[]) {
  return db.transaction().execute(async (trx) => {
    const profile = await trx
      .selectFrom('business_profiles')
      .select('verification_status')
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!profile || !canEditDocuments(profile.verification_status)) return false;
    await trx
      .insertInto('verification_documents')
      .values(
        stored.map((s) => ({
          user_id: userId,
          kind,
          storage_key: s.key,
          thumbnail_key: s.thumbnailKey,
          content_type: s.contentType,
          size_bytes: s.size,
          original_name: s.originalName,
        })),
      )
      .execute();
    return true;
  });
}

/** She removes one of her documents before submitting. */
export async function removeOwnDocument(userId: string, documentId: string) {
  const removed = await db.transaction().execute(async (trx) => {
    const profile = await trx
      .selectFrom('business_profiles')
      .select('verification_status')
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!profile || !canEditDocuments(profile.verification_status)) return null;
    return trx
      .deleteFrom('verification_documents')
      .where('id', '=', documentId)
      .where('user_id', '=', userId)
      .returning(['storage_key', 'thumbnail_key'])
      .executeTakeFirst();
  });
  if (removed) await deleteObjects([removed.storage_key, removed.thumbnail_key]);
  return Boolean(removed);
}

export function listOwnDocuments(userId: string) {
  return db
    .selectFrom('verification_documents')
    .select(['id', 'kind', 'content_type', 'size_bytes', 'original_name', 'created_at', 'deleted_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}
/** A document's storage key, for the staff-only document route (null when gone). */
export async function findDocumentKey(documentId: string, which: 'file' | 'thumbnail', scope: StaffScope) {
  if (!isUuid(documentId)) return null;
  const row = await db
    .selectFrom('verification_documents')
    .select(['storage_key', 'thumbnail_key', 'original_name', 'user_id'])
    .where('id', '=', documentId)
    .where(inStaffScope(scope, 'verification_documents.user_id'))
    .executeTakeFirst();
  const key = which === 'thumbnail' ? row?.thumbnail_key : row?.storage_key;
  return row && key ? { key, name: row.original_name, ownerId: row.user_id } : null;
}

export async function deleteObjects(keys: (string | null)[]) {
  const storage = getStorage();
  for (const key of keys) if (key) await storage.delete(key);
}
