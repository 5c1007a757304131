import { describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { replayHeader } from '../app/modules/learning/replay.server';
import { action as quizAction, loader as quizLoader } from '../app/routes/learn.$course.quiz.$module';
import { loader as manifestLoader } from '../app/routes/manifest[.]webmanifest';
import { loader as workerLoader } from '../app/routes/sw[.]js';
import { seedLearning } from '../db/seeds/learning';
import { call, createTestUser, formRequest, getRequest, payload } from './support/fixtures';

// Issue 16: answers made offline are sent again by the service worker with a key;
// the server counts each key once and refuses answers made for an older quiz.

const course = 'bao-ve-thong-tin';

async function firstQuiz() {
  await seedLearning(db);
  const m = await db
    .selectFrom('learning_modules')
    .select('id')
    .where('course_slug', '=', course)
    .orderBy('position')
    .executeTakeFirstOrThrow();
  return String(m.id);
}

function replayed(path: string, fields: Record<string, string>, cookie: string, key: string) {
  const request = formRequest(path, fields, { cookie });
  request.headers.set(replayHeader, key);
  return request;
}

async function attempts(userId: string) {
  return db.selectFrom('learning_quiz_attempts').select('id').where('user_id', '=', userId).execute();
}

describe('answers sent again by the service worker', () => {
  it('are counted once per key, even when two deliveries race', async () => {
    const module = await firstQuiz();
    const person = await createTestUser();
    const path = `/learn/${course}/quiz/${module}`;
    const page = payload(await call(quizLoader, getRequest(path, { cookie: person.cookie }), { course, module }));
    const fields: Record<string, string> = { version: page.version };
    for (const q of page.quiz.questions) fields[`q${q.id}`] = String(q.choices[0].id);
    const key = crypto.randomUUID();
    const results = await Promise.all(
      [1, 2, 3].map(() => call(quizAction, replayed(path, fields, person.cookie, key), { course, module })),
    );
    expect(results.every((r) => r instanceof Response && r.status === 302)).toBe(true);
    expect(await attempts(person.id)).toHaveLength(1);
    const again = (await call(quizAction, replayed(path, fields, person.cookie, key), { course, module })) as Response;
    expect(again.headers.get('Location')).toBe(`${path}?notice=notice.lastmile.alreadyCounted`);
    expect(await attempts(person.id)).toHaveLength(1);
    // Another answer (a new key) and an ordinary post (no key) each count.
    await call(quizAction, replayed(path, fields, person.cookie, crypto.randomUUID()), { course, module });
    await call(quizAction, formRequest(path, fields, { cookie: person.cookie }), { course, module });
    expect(await attempts(person.id)).toHaveLength(3);
    // A key that is not a UUID is ignored (an ordinary post), not stored.
    await call(quizAction, replayed(path, fields, person.cookie, 'not-a-key'), { course, module });
    expect(await attempts(person.id)).toHaveLength(4);
  });

  it('an answer made for a quiz that changed meanwhile is not marked; she is told, once', async () => {
    const module = await firstQuiz();
    const person = await createTestUser();
    const path = `/learn/${course}/quiz/${module}`;
    const page = payload(await call(quizLoader, getRequest(path, { cookie: person.cookie }), { course, module }));
    const fields: Record<string, string> = { version: 'an-old-one00' };
    for (const q of page.quiz.questions) fields[`q${q.id}`] = String(q.choices[0].id);
    const key = crypto.randomUUID();
    for (let i = 0; i < 2; i++) {
      const result = (await call(quizAction, replayed(path, fields, person.cookie, key), {
        course,
        module,
      })) as Response;
      expect(result.headers.get('Location')).toBe(`${path}?notice=notice.lastmile.quizChanged`);
    }
    expect(await attempts(person.id)).toHaveLength(0);
    const notices = await db
      .selectFrom('notifications')
      .select(['message_key', 'link'])
      .where('user_id', '=', person.id)
      .execute();
    expect(notices).toEqual([{ message_key: 'lastmile.notice.quizChanged', link: path }]);
  });
});

describe('the service worker and the manifest', () => {
  it('serve from the site root, never kept by the HTTP cache, with a versioned cache and only public pages', async () => {
    const response = (await workerLoader()) as Response;
    expect(response.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('Cache-Control')).toBe('no-cache');
    const script = await response.text();
    expect(script).toMatch(/const VERSION = "[0-9a-f]{12}";/);
    expect(script).toContain('skipWaiting');
    expect(script).toContain('clients.claim');
    // Kept copies are fetched without her cookies; signed-in answers are never stored.
    expect(script).toContain("credentials: 'omit'");
    const publicList = script.match(/const PUBLIC = (\[.*\]);/)![1];
    for (const word of ['messages', 'orders', 'account', 'staff', 'dashboard', 'files', 'documents'])
      expect(publicList).not.toContain(word);
    const shell = JSON.parse(script.match(/const SHELL = (\[.*\]);/)![1]) as string[];
    expect(shell).toContain('/offline');
  });

  it("the manifest is in the reader's language", async () => {
    const manifest = await (
      (await manifestLoader({
        request: getRequest('/manifest.webmanifest'),
        params: {},
        context: {} as never,
      })) as Response
    ).json();
    expect(manifest).toMatchObject({ short_name: 'Sen', start_url: '/', scope: '/', display: 'standalone' });
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(['any', '192x192', '512x512']);
  });
});
