import { db } from '../../app/lib/db.server';
import { getStorage } from '../../app/lib/storage.server';
import { tinyPdf } from './images';

type Person = { id: string };

let pending:
  Promise<{ userId: string; slug: string; documentId: string; documentKey: string; publicKey: string }> | undefined;

/** One storefront with a private document and a public logo, owned by the entrepreneur (made once per file). */
export function verificationFixture(people: { entrepreneur: Person }) {
  pending ??= (async () => {
    const userId = people.entrepreneur.id;
    const slug = `access-${userId.slice(0, 8)}`;
    const documentKey = `private/documents/${userId}/access.pdf`;
    const publicKey = `public/storefronts/${userId}.png`;
    await getStorage().put(documentKey, tinyPdf, 'application/pdf');
    await getStorage().put(publicKey, Buffer.from('not really a png'), 'image/png');
    await db
      .insertInto('business_profiles')
      .values({
        user_id: userId,
        slug,
        business_name: 'Access test',
        owner_name: 'Test',
        province: 'ha-noi',
        logo_key: publicKey,
        updated_at: new Date(),
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const doc = await db
      .insertInto('verification_documents')
      .values({
        user_id: userId,
        kind: 'citizen_id',
        storage_key: documentKey,
        content_type: 'application/pdf',
        size_bytes: tinyPdf.length,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { userId, slug, documentId: doc.id, documentKey, publicKey };
  })();
  return pending;
}
