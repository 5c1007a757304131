import { randomUUID } from 'node:crypto';
import { MaxPartSizeExceededError, unstable_parseMultipartFormData, type UploadHandler } from '@remix-run/node';
import { db } from '~/lib/db.server';
import { getStorage, type ByteRange } from '~/lib/storage.server';
import { audioContentType, checkAudio } from './audio-check.server';

// Lessons she can listen to (issue 16): one recording per lesson per content
// language, uploaded by country-level staff, stored through the storage module
// and served with HTTP range requests, so a slow phone can seek without
// fetching the whole file.

import { contentLanguages, type ContentLanguage } from './content-languages';

export { contentLanguages, isContentLanguage, type ContentLanguage } from './content-languages';

export const audioLimits = { maxBytes: 20 * 1024 * 1024, maxTextBytes: 4 * 1024 };

export type AudioError = 'tooBig' | 'type' | 'truncated' | 'required' | 'language';

export type AudioUpload =
  | { ok: true; fields: Record<string, string>; file: Buffer | null }
  | { ok: false; error: AudioError; fields: Record<string, string> };

/**
 * Reads the upload form while it arrives: a body announced over the limit is refused
 * before a byte is read, and one that grows past it (no or a false Content-Length) is
 * cut off at 20 MB, so 200 MB are never held. A body that stops half-way (a dropped
 * connection) is "truncated".
 */
export async function readAudioUpload(request: Request): Promise<AudioUpload> {
  const type = request.headers.get('Content-Type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    if (!type.startsWith('application/x-www-form-urlencoded'))
      throw new Response('Unsupported Media Type', { status: 415 });
    const form = await request.formData().catch(() => {
      throw new Response('Bad Request', { status: 400 });
    });
    const fields = Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : '']));
    return { ok: true, fields, file: null };
  }
  const announced = Number(request.headers.get('Content-Length') || 0);
  if (announced > audioLimits.maxBytes + 64 * 1024) return { ok: false, error: 'tooBig', fields: {} };

  const fields: Record<string, string> = {};
  let file: Buffer | null = null;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    const isFile = typeof filename === 'string';
    const limit = isFile ? audioLimits.maxBytes : audioLimits.maxTextBytes;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > limit) throw new MaxPartSizeExceededError(name, limit);
      chunks.push(chunk);
    }
    if (!isFile) fields[name] = new TextDecoder().decode(Buffer.concat(chunks));
    else if (size > 0 && name === 'audio' && !file) file = Buffer.concat(chunks);
    return undefined;
  };
  try {
    await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, error: 'tooBig', fields };
    // The body ended before its closing boundary: the upload was cut.
    return { ok: false, error: 'truncated', fields };
  }
  return { ok: true, fields, file };
}

export type LessonAudio = {
  id: string;
  language: ContentLanguage;
  contentType: string;
  sizeBytes: number;
};

/** Stores a checked recording for a lesson and language, replacing the one before. */
export async function attachLessonAudio(
  lessonId: string,
  language: ContentLanguage,
  bytes: Buffer,
): Promise<{ ok: true; id: string } | { ok: false; error: AudioError | 'missing' }> {
  if (bytes.byteLength > audioLimits.maxBytes) return { ok: false, error: 'tooBig' };
  const check = checkAudio(bytes);
  if (!check.ok) return check;
  const lesson = await db.selectFrom('learning_lessons').select('id').where('id', '=', lessonId).executeTakeFirst();
  if (!lesson) return { ok: false, error: 'missing' };
  const id = randomUUID();
  const key = `audio/lessons/${id}.${check.kind}`;
  const storage = getStorage();
  await storage.put(key, bytes, audioContentType[check.kind]);
  let replaced: string | null = null;
  try {
    await db.transaction().execute(async (trx) => {
      const before = await trx
        .deleteFrom('learning_lesson_audio')
        .where('lesson_id', '=', lessonId)
        .where('language', '=', language)
        .returning('storage_key')
        .executeTakeFirst();
      replaced = before?.storage_key ?? null;
      await trx
        .insertInto('learning_lesson_audio')
        .values({
          id,
          lesson_id: lessonId,
          language,
          storage_key: key,
          content_type: audioContentType[check.kind],
          size_bytes: bytes.byteLength,
        })
        .execute();
    });
  } catch (error) {
    await storage.delete(key).catch(() => {});
    throw error;
  }
  if (replaced) await storage.delete(replaced).catch(() => {});
  return { ok: true, id };
}

export async function removeLessonAudio(lessonId: string, language: ContentLanguage) {
  const row = await db
    .deleteFrom('learning_lesson_audio')
    .where('lesson_id', '=', lessonId)
    .where('language', '=', language)
    .returning('storage_key')
    .executeTakeFirst();
  if (row) await getStorage().delete(row.storage_key);
  return Boolean(row);
}

/** The recordings of a lesson, in the order of contentLanguages. */
export async function listLessonAudio(lessonId: string): Promise<LessonAudio[]> {
  const rows = await db
    .selectFrom('learning_lesson_audio')
    .select(['id', 'language', 'content_type', 'size_bytes'])
    .where('lesson_id', '=', lessonId)
    .execute();
  return rows
    .map((r) => ({ id: r.id, language: r.language, contentType: r.content_type, sizeBytes: r.size_bytes }))
    .sort((a, b) => contentLanguages.indexOf(a.language) - contentLanguages.indexOf(b.language));
}

/** The recording to play first: the one she picked, else the page's language, else the first. */
export function pickAudio(audio: LessonAudio[], wanted: string | null, locale: string) {
  return audio.find((a) => a.language === wanted) ?? audio.find((a) => a.language === locale) ?? audio[0] ?? null;
}

/**
 * HTTP byte ranges (RFC 9110 §14): one range is answered with 206; a range that
 * starts past the end is 416; anything we do not handle (several ranges, other
 * units, bad syntax) is ignored and the whole file sent, as the RFC allows.
 */
export function parseRange(header: string | null, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (!match[1] && !match[2])) return null;
  if (!match[1]) {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] ? Number(match[2]) : size - 1;
  if (start >= size) return 'unsatisfiable';
  if (end < start) return null;
  return { start, end: Math.min(end, size - 1) };
}

const audioHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'Accept-Ranges': 'bytes',
};

/**
 * One recording, whole or in part. Published lessons' audio is public (its address
 * changes with every upload, so it may be cached for a year); staff can hear a
 * lesson's recordings before it is published (the route checks who asks).
 */
export async function findAudio(id: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return null;
  return db
    .selectFrom('learning_lesson_audio as a')
    .innerJoin('learning_lessons as l', 'l.id', 'a.lesson_id')
    .innerJoin('learning_modules as m', 'm.id', 'l.module_id')
    .innerJoin('learning_courses as c', 'c.slug', 'l.course_slug')
    .select(['a.storage_key', 'a.content_type', 'a.size_bytes', 'a.language'])
    .select((eb) =>
      eb
        .and([eb('l.published', '=', true), eb('m.published', '=', true), eb('c.published', '=', true)])
        .as('published'),
    )
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export async function audioResponse(
  request: Request,
  audio: { storage_key: string; content_type: string; size_bytes: number },
  options: { public: boolean },
): Promise<Response> {
  const size = audio.size_bytes;
  const headers = new Headers({
    ...audioHeaders,
    'Content-Type': audio.content_type,
    'Cache-Control': options.public ? 'public, max-age=31536000, immutable' : 'private, no-store',
  });
  const range = parseRange(request.headers.get('Range'), size);
  if (range === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  const object = await getStorage().get(audio.storage_key, range ? { range } : {});
  if (!object) throw new Response('Not found', { status: 404 });
  if (request.method === 'HEAD') await object.body.cancel();
  if (range) {
    headers.set('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
    headers.set('Content-Length', String(range.end - range.start + 1));
  } else headers.set('Content-Length', String(size));
  return new Response(request.method === 'HEAD' ? null : object.body, { status: range ? 206 : 200, headers });
}
