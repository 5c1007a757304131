import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { getStorage, readAll } from '../app/lib/storage.server';
import { checkAudio } from '../app/modules/learning/audio-check.server';
import { parseRange } from '../app/modules/learning/audio.server';
import { deleteOldReplays } from '../app/modules/learning/replay-retention.server';
import { jobs } from '../jobs';
import { loader as audioLoader } from '../app/routes/lesson-audio.$id';
import { loader as lessonLoader } from '../app/routes/learn.$course.$lesson';
import { action as staffAction, loader as staffLoader } from '../app/routes/staff.learning.$course.$lesson_.audio';
import { seedLearning } from '../db/seeds/learning';
import { seedLessonAudio, seededAudio } from '../db/seeds/lesson-audio';
import { call, createTestUser, formRequest, getRequest, payload, statusOf, testOrigin } from './support/fixtures';
import { multipartRequest, pngImage, windowsExecutable } from './support/images';

// Issue 16: lessons she can listen to. Staff attach a recording per content
// language, checked by its bytes; it is served with range requests.

const ogg = readFileSync(new URL('../db/seeds/lesson-audio-hmn.ogg', import.meta.url));

/** MPEG-1 layer III frames, 128 kbit/s, 44.1 kHz (417 bytes each), after an ID3v2 tag. */
function mp3(frames = 20) {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x00]);
  const id3 = Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 10, ...Buffer.alloc(10)]);
  return Buffer.concat([id3, ...Array.from({ length: frames }, () => frame)]);
}

function box(type: string, body: Buffer) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

function m4a() {
  const hdlr = box('hdlr', Buffer.concat([Buffer.alloc(8), Buffer.from('soun'), Buffer.alloc(12)]));
  return Buffer.concat([
    box('ftyp', Buffer.from('M4A \0\0\0\0M4A isom')),
    box('moov', box('trak', box('mdia', hdlr))),
    box('mdat', Buffer.alloc(600, 0x21)),
  ]);
}

function webm(bodyBytes = 300) {
  const docType = Buffer.from([0x42, 0x82, 0x84, ...Buffer.from('webm')]);
  const header = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x80 | docType.length]), docType]);
  const size = Buffer.from([0x40 | (bodyBytes >> 8), bodyBytes & 0xff]); // a two-byte size
  return Buffer.concat([header, Buffer.from([0x18, 0x53, 0x80, 0x67]), size, Buffer.alloc(bodyBytes, 0xec)]);
}

const html = Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>');

describe('what an upload really is, by its bytes', () => {
  it('accepts whole MP3, M4A, OGG and WebM files', () => {
    expect(checkAudio(ogg)).toEqual({ ok: true, kind: 'ogg' });
    expect(checkAudio(mp3())).toEqual({ ok: true, kind: 'mp3' });
    expect(checkAudio(m4a())).toEqual({ ok: true, kind: 'm4a' });
    expect(checkAudio(webm())).toEqual({ ok: true, kind: 'webm' });
  });

  it('refuses an executable, an HTML page and an image wearing an audio name', async () => {
    for (const bytes of [windowsExecutable, html, await pngImage(), Buffer.alloc(0)])
      expect(checkAudio(bytes)).toEqual({ ok: false, error: 'type' });
    // An HTML page after a real MP3 frame is not an MP3 either.
    expect(checkAudio(Buffer.concat([mp3(2), html]))).toEqual({ ok: false, error: 'type' });
  });

  it('tells a file cut short (an upload that stopped half-way)', () => {
    expect(checkAudio(ogg.subarray(0, ogg.length - 700))).toEqual({ ok: false, error: 'truncated' });
    expect(checkAudio(mp3().subarray(0, 3000))).toEqual({ ok: false, error: 'truncated' });
    expect(checkAudio(m4a().subarray(0, 500))).toEqual({ ok: false, error: 'truncated' });
    expect(checkAudio(webm().subarray(0, 200))).toEqual({ ok: false, error: 'truncated' });
  });
});

describe('byte ranges', () => {
  it('reads one range, a suffix and an open end; refuses a start past the end; ignores the rest', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-9', 1000)).toBeNull();
    expect(parseRange('items=0-1', 1000)).toBeNull();
    expect(parseRange(null, 1000)).toBeNull();
  });
});

const lessonPath = '/staff/learning/ban-hang-an-toan/pay-on-platform/audio';
const params = { course: 'ban-hang-an-toan', lesson: 'pay-on-platform' };

async function staff() {
  await seedLearning(db);
  return createTestUser({ roles: ['staff'] });
}

function upload(cookie: string, bytes: Uint8Array, language = 'tyz', name = 'bai-hoc.mp3') {
  return multipartRequest(
    lessonPath,
    { intent: 'upload', language, audio: { name, type: 'audio/mpeg', bytes } },
    { cookie },
  );
}

async function audioRow(language: string) {
  return db
    .selectFrom('learning_lesson_audio')
    .selectAll()
    .where('lesson_id', '=', 'ban-hang-an-toan/pay-on-platform')
    .where('language', '=', language as 'tyz')
    .executeTakeFirst();
}

describe('staff attach a recording to a lesson', () => {
  it('stores a real recording, replaces it, and the lesson page plays it first', async () => {
    const { cookie } = await staff();
    const first = await call(staffAction, upload(cookie, ogg, 'tyz', 'bai.ogg'), params);
    expect(statusOf(first)).toBe(302);
    const row = await audioRow('tyz');
    expect(row).toMatchObject({ content_type: 'audio/ogg', size_bytes: ogg.length });
    const stored = await getStorage().get(row?.storage_key ?? '');
    expect(await readAll(stored?.body ?? new ReadableStream())).toEqual(ogg);

    // The staff page lists it; the lesson page offers it.
    const listed = payload(await call(staffLoader, getRequest(lessonPath, { cookie }), params));
    expect(listed.audio.map((a) => a.language)).toContain('tyz');
    const page = payload(
      await call(lessonLoader, getRequest('/learn/ban-hang-an-toan/pay-on-platform?audio=tyz'), params),
    );
    expect(page.playing).toMatchObject({ id: row?.id, language: 'tyz' });

    // A new upload for the same language replaces it; the old bytes are gone.
    expect(statusOf(await call(staffAction, upload(cookie, mp3(), 'tyz'), params))).toBe(302);
    const replaced = await audioRow('tyz');
    expect(replaced).toMatchObject({ content_type: 'audio/mpeg' });
    expect(await getStorage().get(row?.storage_key ?? '')).toBeNull();

    // Removed.
    const removed = await call(
      staffAction,
      formRequest(lessonPath, { intent: 'remove', language: 'tyz' }, { cookie }),
      params,
    );
    expect(statusOf(removed)).toBe(302);
    expect(await audioRow('tyz')).toBeUndefined();
    expect(await getStorage().get(replaced?.storage_key ?? '')).toBeNull();
  });

  it('refuses an executable, an HTML page, a cut file, no file and an unknown language, in her language', async () => {
    const { cookie } = await staff();
    const cases: [Uint8Array, string, string][] = [
      [windowsExecutable, 'audio.error.type', 'tdd'],
      [html, 'audio.error.type', 'tdd'],
      [ogg.subarray(0, 3000), 'audio.error.truncated', 'tdd'],
    ];
    for (const [bytes, error, language] of cases) {
      const reply = await call(staffAction, upload(cookie, bytes, language), params);
      expect(statusOf(reply)).toBe(400);
      expect(payload(reply)).toEqual({ errors: { audio: error }, values: { language } });
    }
    const none = await call(
      staffAction,
      multipartRequest(lessonPath, { intent: 'upload', language: 'km' }, { cookie }),
      params,
    );
    expect(payload(none).errors).toEqual({ audio: 'audio.error.required' });
    const klingon = await call(staffAction, upload(cookie, ogg, 'tlh'), params);
    expect(payload(klingon).errors).toEqual({ language: 'audio.error.language' });
    expect(await audioRow('tdd')).toBeUndefined();
  });

  it('refuses 200 MB without reading it: announced, or streamed without a length', async () => {
    const { cookie } = await staff();
    const boundary = 'sen-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="language"\r\n\r\nhmn\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="big.mp3"\r\nContent-Type: audio/mpeg\r\n\r\n`,
    );
    const total = 200 * 1024 * 1024;
    let pulled = 0;
    const chunk = Buffer.alloc(256 * 1024, 0x55);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head);
      },
      pull(controller) {
        if (pulled >= total) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const headers = new Headers({ 'Content-Type': `multipart/form-data; boundary=${boundary}`, Cookie: cookie });
    const streamed = new Request(new URL(lessonPath, testOrigin), {
      method: 'POST',
      headers,
      body,
      duplex: 'half',
    } as RequestInit);
    const reply = await call(staffAction, streamed, params);
    expect(statusOf(reply)).toBe(413);
    expect(payload(reply).errors).toEqual({ audio: 'audio.error.tooBig' });
    // Cut off at the limit: a little over 20 MB read, not 200 MB.
    expect(pulled).toBeLessThan(22 * 1024 * 1024);

    const announced = new Request(new URL(lessonPath, testOrigin), {
      method: 'POST',
      headers: new Headers({
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': String(total),
        Cookie: cookie,
      }),
      body: new ReadableStream({
        pull() {
          throw new Error('read a body announced at 200 MB');
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(statusOf(await call(staffAction, announced, params))).toBe(413);
  });

  it('calls a multipart body that stops before its end truncated', async () => {
    const { cookie } = await staff();
    const boundary = 'cut';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="language"\r\n\r\nhmn\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="audio"; filename="a.ogg"\r\nContent-Type: audio/ogg\r\n\r\n`,
      ),
      ogg.subarray(0, 2000),
    ]);
    const request = new Request(new URL(lessonPath, testOrigin), {
      method: 'POST',
      headers: new Headers({ 'Content-Type': `multipart/form-data; boundary=${boundary}`, Cookie: cookie }),
      body,
    });
    const reply = await call(staffAction, request, params);
    expect(statusOf(reply)).toBe(400);
    expect(payload(reply).errors).toEqual({ audio: 'audio.error.truncated' });
  });
});

describe('the recording, served with range requests', () => {
  it('answers 200 whole, 206 a range, 416 a range past the end', async () => {
    await seedLearning(db);
    await seedLessonAudio(db);
    const get = (range?: string) => {
      const request = getRequest(`/lesson-audio/${seededAudio.id}`);
      if (range) request.headers.set('Range', range);
      return call(audioLoader, request, { id: seededAudio.id }) as Promise<Response>;
    };
    const whole = await get();
    expect(whole.status).toBe(200);
    expect(whole.headers.get('Accept-Ranges')).toBe('bytes');
    expect(whole.headers.get('Content-Type')).toBe('audio/ogg');
    expect(whole.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(ogg);

    const part = await get('bytes=100-199');
    expect(part.status).toBe(206);
    expect(part.headers.get('Content-Range')).toBe(`bytes 100-199/${ogg.length}`);
    expect(part.headers.get('Content-Length')).toBe('100');
    expect(Buffer.from(await part.arrayBuffer())).toEqual(ogg.subarray(100, 200));

    const tail = await get('bytes=-53');
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(ogg.subarray(ogg.length - 53));

    const past = await get(`bytes=${ogg.length}-`);
    expect(past.status).toBe(416);
    expect(past.headers.get('Content-Range')).toBe(`bytes */${ogg.length}`);

    const missing = await call(audioLoader, getRequest('/lesson-audio/x'), { id: 'nope' });
    expect(statusOf(missing)).toBe(404);
  });

  it('keeps an unpublished lesson’s recording for staff', async () => {
    await seedLearning(db);
    await seedLessonAudio(db);
    await db.updateTable('learning_lessons').set({ published: false }).where('id', '=', seededAudio.lessonId).execute();
    try {
      const visitor = await call(audioLoader, getRequest(`/lesson-audio/${seededAudio.id}`), { id: seededAudio.id });
      expect(statusOf(visitor)).toBe(302);
      const { cookie } = await createTestUser({ roles: ['staff'] });
      const heard = (await call(audioLoader, getRequest(`/lesson-audio/${seededAudio.id}`, { cookie }), {
        id: seededAudio.id,
      })) as Response;
      expect(heard.status).toBe(200);
      expect(heard.headers.get('Cache-Control')).toBe('private, no-store');
    } finally {
      await db
        .updateTable('learning_lessons')
        .set({ published: true })
        .where('id', '=', seededAudio.lessonId)
        .execute();
    }
  });
});

describe('offline_replays retention', () => {
  it('deletes receipts older than 30 days, keeps the recent ones', async () => {
    const person = await createTestUser();
    const old = crypto.randomUUID();
    const recent = crypto.randomUUID();
    const day = 24 * 3600 * 1000;
    await db
      .insertInto('offline_replays')
      .values([
        { key: old, user_id: person.id, path: '/learn/game', created_at: new Date(Date.now() - 31 * day) },
        { key: recent, user_id: person.id, path: '/learn/game', created_at: new Date(Date.now() - 29 * day) },
      ])
      .execute();
    await deleteOldReplays();
    const left = await db.selectFrom('offline_replays').select('key').where('user_id', '=', person.id).execute();
    expect(left.map((r) => r.key)).toEqual([recent]);
    // The housekeeping job runs it daily.
    const job = jobs.find((j) => j.queue === 'delete-old-replays');
    expect(job?.cron).toBe('40 3 * * *');
    expect(job?.prepare(null).ok).toBe(true);
  });
});
