import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { getStorage } from '../../app/lib/storage.server';

// Issue 16: a demo lesson she can listen to in Hmong. lesson-audio-hmn.ogg is a real
// Ogg Opus file of 2.4 s (three soft notes standing in for a recording, 5 KB):
// Opus packets encoded by Chromium's WebCodecs AudioEncoder, wrapped in Ogg pages by
// hand. Staff replace it with a real recording at /staff/learning/<lesson>/audio.
export const seededAudio = {
  id: '5e2a0d10-0000-4000-8000-00000000a0d1',
  lessonId: 'ban-hang-an-toan/pay-on-platform',
  language: 'hmn',
  key: 'audio/lessons/seed-pay-on-platform-hmn.ogg',
} as const;

export async function seedLessonAudio(db: Kysely<Database>) {
  const lesson = await db
    .selectFrom('learning_lessons')
    .select('id')
    .where('id', '=', seededAudio.lessonId)
    .executeTakeFirst();
  if (!lesson) return;
  const bytes = await readFile(new URL('./lesson-audio-hmn.ogg', import.meta.url));
  await getStorage().put(seededAudio.key, bytes, 'audio/ogg');
  await db
    .insertInto('learning_lesson_audio')
    .values({
      id: seededAudio.id,
      lesson_id: seededAudio.lessonId,
      language: seededAudio.language,
      storage_key: seededAudio.key,
      content_type: 'audio/ogg',
      size_bytes: bytes.byteLength,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
