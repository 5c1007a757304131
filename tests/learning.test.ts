import { defined } from '../app/lib/defined';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { safeSellerIds } from '../app/modules/learning/badge.server';
import { courses, gameCards } from '../app/modules/learning/content';
import { coreCourseSlug, learningLessonIds } from '../app/modules/learning/lesson-ids';
import { completeLesson, loadQuestions, scoreAnswers, submitQuiz } from '../app/modules/learning/index.server';
import * as certificateRoute from '../app/routes/certificates.$code';
import * as courseRoute from '../app/routes/learn.$course._index';
import * as lessonRoute from '../app/routes/learn.$course.$lesson';
import * as quizRoute from '../app/routes/learn.$course.quiz.$module';
import * as catalogueRoute from '../app/routes/learn._index';
import * as gameRoute from '../app/routes/learn.game';
import * as progressRoute from '../app/routes/learn.progress';
import * as staffCourseRoute from '../app/routes/staff.learning.$course._index';
import * as staffLessonRoute from '../app/routes/staff.learning.$course.$lesson';
import * as staffIndexRoute from '../app/routes/staff.learning._index';
import * as staffQuizRoute from '../app/routes/staff.learning.$course.quiz.$module';
import * as staffCardRoute from '../app/routes/staff.learning.game.$card';
import * as storefrontRoute from '../app/routes/s.$slug';
import { seedLearning } from '../db/seeds/learning';
import {
  call,
  createTestUser,
  errorsOf,
  formRequest,
  getRequest,
  payload,
  statusOf,
  withKey,
} from './support/fixtures';

beforeAll(async () => {
  await seedLearning(db);
});

async function modulesOf(course: string) {
  return db
    .selectFrom('learning_modules')
    .selectAll()
    .where('course_slug', '=', course)
    .where('published', '=', true)
    .orderBy('position')
    .execute();
}

/** The form fields that answer a module's quiz: all right, or all wrong. */
async function quizAnswers(moduleId: number, right: boolean) {
  const questions = await loadQuestions([moduleId], 'vi');
  const fields: Record<string, string[]> = {};
  for (const q of questions) {
    const pick = right
      ? q.choices.filter((c) => c.correct)
      : [
          defined(
            q.choices.find((c) => !c.correct),
            'q.choices.find((c) => !c.correct)',
          ),
        ];
    fields[`q${q.id}`] = pick.map((c) => String(c.id));
  }
  return fields;
}

/** Completes every current step of a course through the module functions. */
async function completeCourse(userId: string, course: string) {
  const lessons = await db
    .selectFrom('learning_lessons as l')
    .innerJoin('learning_modules as m', 'm.id', 'l.module_id')
    .select(['l.slug'])
    .where('l.course_slug', '=', course)
    .where('l.published', '=', true)
    .where('m.published', '=', true)
    .execute();
  for (const l of lessons) await completeLesson(userId, course, l.slug, 'vi');
  let certificate: string | null = null;
  for (const m of await modulesOf(course)) {
    const questions = await loadQuestions([m.id], 'vi');
    if (!questions.length) continue;
    const answers = Object.fromEntries(
      questions.map((q) => [q.id, q.choices.filter((c) => c.correct).map((c) => c.id)]),
    );
    const result = await submitQuiz(userId, course, m.id, answers);
    certificate = result?.certificate ?? certificate;
  }
  return certificate;
}

describe('shipped content', () => {
  it('has every lesson id the safety warnings link to, published, at /learn/<id>', async () => {
    const rows = await db.selectFrom('learning_lessons').select(['id', 'published']).execute();
    const ids = new Set(rows.filter((r) => r.published).map((r) => r.id));
    for (const id of learningLessonIds) expect(ids, id).toContain(id);
    const exported = await import('../app/modules/learning');
    expect(exported.learningLessonIds).toBe(learningLessonIds);
    expect(exported.lessonPath('ban-hang-an-toan/keeping-proof')).toBe('/learn/ban-hang-an-toan/keeping-proof');
    const fromContent = courses.flatMap((c) => c.modules.flatMap((m) => m.lessons.map((l) => `${c.slug}/${l.slug}`)));
    expect(new Set(fromContent)).toEqual(new Set(learningLessonIds));
  });

  it('has three courses of at least three modules, each ending with a quiz, in both languages', () => {
    expect(courses.map((c) => c.slug)).toEqual(['ban-hang-an-toan', 'bao-ve-thong-tin', 'an-toan-truoc-quay-roi']);
    for (const c of courses) {
      expect(c.modules.length).toBeGreaterThanOrEqual(3);
      for (const m of c.modules) {
        expect(m.quiz.length).toBeGreaterThanOrEqual(2);
        for (const l of m.lessons) {
          expect(l.body.vi.length).toBeGreaterThan(300);
          expect(l.body.en.length).toBeGreaterThan(300);
          // Short enough for a phone: a few minutes at most.
          expect(l.body.en.split(/\s+/).length).toBeLessThan(400);
        }
        for (const q of m.quiz) {
          const right = q.choices.filter((ch) => ch.correct).length;
          expect(q.kind === 'multiple' ? right >= 1 : right === 1).toBe(true);
          for (const ch of q.choices) expect(ch.why.vi && ch.why.en).toBeTruthy();
        }
      }
    }
    expect(new Set(courses.flatMap((c) => c.modules.flatMap((m) => m.quiz.map((q) => q.kind))))).toEqual(
      new Set(['single', 'multiple', 'true_false']),
    );
  });

  it('has a spot-the-scam deck of 30+ cards, some safe, each linked to a real lesson', async () => {
    expect(gameCards.length).toBeGreaterThanOrEqual(30);
    expect(gameCards.filter((c) => c.verdict === 'safe').length).toBeGreaterThanOrEqual(5);
    for (const c of gameCards) {
      expect(c.tell.vi && c.tell.en && c.explanation.vi && c.explanation.en && c.lines.vi && c.lines.en).toBeTruthy();
      expect(learningLessonIds as readonly string[]).toContain(c.lessonId);
    }
    const seeded = await db.selectFrom('learning_game_cards').select('id').where('published', '=', true).execute();
    expect(seeded.length).toBe(gameCards.length);
  });

  it('seeds again without duplicating anything', async () => {
    const count = async () => (await db.selectFrom('learning_questions').select('id').execute()).length;
    const before = await count();
    await seedLearning(db);
    expect(await count()).toBe(before);
  });
});

describe('lessons and progress', () => {
  it('shows a lesson to anyone, rendered, and 404s for an unknown one', async () => {
    const result = payload(
      await call(lessonRoute.loader, getRequest('/learn/ban-hang-an-toan/pay-on-platform'), {
        course: 'ban-hang-an-toan',
        lesson: 'pay-on-platform',
      }),
    );
    expect(result.lesson.id).toBe('ban-hang-an-toan/pay-on-platform');
    expect(result.lesson.html).toContain('<h2>');
    expect(
      statusOf(
        await call(lessonRoute.loader, getRequest('/learn/ban-hang-an-toan/nope'), {
          course: 'ban-hang-an-toan',
          lesson: 'nope',
        }),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await call(lessonRoute.loader, getRequest('/learn/nope/pay-on-platform'), {
          course: 'nope',
          lesson: 'pay-on-platform',
        }),
      ),
    ).toBe(404);
  });

  it('saves progress per lesson, moves to the next step, and resumes where she left off', async () => {
    const learner = await createTestUser();
    const course = 'bao-ve-thong-tin';
    const res = await call(
      lessonRoute.action,
      formRequest(`/learn/${course}/strong-passwords`, { intent: 'complete' }, { cookie: learner.cookie }),
      { course, lesson: 'strong-passwords' },
    );
    expect(res).toBeInstanceOf(Response);
    expect((res as Response).headers.get('Location')).toBe(`/learn/${course}/two-step-verification`);
    const row = await db.selectFrom('learning_lesson_progress').selectAll().where('user_id', '=', learner.id).execute();
    expect(row.map((r) => r.lesson_id)).toEqual([`${course}/strong-passwords`]);

    // She opens the third lesson and leaves; "Học tiếp" takes her to the first step she has not done (issue 22).
    await call(lessonRoute.loader, getRequest(`/learn/${course}/never-share-otp`, { cookie: learner.cookie }), {
      course,
      lesson: 'never-share-otp',
    });
    const page = payload(
      await call(courseRoute.loader, getRequest(`/learn/${course}`, { cookie: learner.cookie }), { course }),
    );
    expect(page.startPath).toBe(`/learn/${course}/two-step-verification`);
    expect(page.course.steps.done).toBe(1);
    expect(page.course.steps.total).toBe(8 + 3);

    // After the module's last lesson, the next step is its quiz.
    const [first] = await modulesOf(course);
    await completeLesson(learner.id, course, 'two-step-verification', 'vi');
    const last = await call(
      lessonRoute.action,
      formRequest(`/learn/${course}/never-share-otp`, { intent: 'complete' }, { cookie: learner.cookie }),
      { course, lesson: 'never-share-otp' },
    );
    expect((last as Response).headers.get('Location')).toBe(`/learn/${course}/quiz/${first.id}`);

    const catalogue = payload(await call(catalogueRoute.loader, getRequest('/learn', { cookie: learner.cookie })));
    expect(
      defined(
        catalogue.courses.find((c) => c.slug === course),
        'catalogue.courses.find((c) => c.slug === course)',
      ).steps,
    ).toEqual({ total: 11, done: 3 });
  });

  it('asks an anonymous visitor to log in before saving progress', async () => {
    const res = await call(
      lessonRoute.action,
      formRequest('/learn/ban-hang-an-toan/keeping-proof', { intent: 'complete' }),
      { course: 'ban-hang-an-toan', lesson: 'keeping-proof' },
    );
    expect((res as Response).headers.get('Location')).toMatch(/^\/login\?redirectTo=/);
  });
});

describe('quizzes', () => {
  it('scores a question right only when exactly the correct choices are picked', () => {
    const q = {
      id: 1,
      choices: [
        { id: 10, correct: true },
        { id: 11, correct: true },
        { id: 12, correct: false },
      ] as never[],
    };
    expect(scoreAnswers([q], { 1: [10, 11] }).correct).toBe(1);
    expect(scoreAnswers([q], { 1: [10] }).correct).toBe(0);
    expect(scoreAnswers([q], { 1: [10, 11, 12] }).correct).toBe(0);
    expect(scoreAnswers([q], { 1: [10, 11, 999] }).correct).toBe(1); // unknown ids are ignored
    expect(scoreAnswers([q], {}).percent).toBe(0);
  });

  it('fails below the passing mark, passes on retry, and keeps the best score', async () => {
    const learner = await createTestUser();
    const course = 'an-toan-truoc-quay-roi';
    const [m] = await modulesOf(course);
    expect(m.pass_percent).toBe(80);
    const quizPath = `/learn/${course}/quiz/${m.id}`;
    const params = { course, module: String(m.id) };

    // Before answering, the page carries no right answers.
    const blank = payload(await call(quizRoute.loader, getRequest(quizPath, { cookie: learner.cookie }), params));
    expect(
      blank.quiz.questions.every((q: { choices: { correct: boolean; explanation: string }[] }) =>
        q.choices.every((c) => !c.correct && !c.explanation),
      ),
    ).toBe(true);

    const failed = (await call(
      quizRoute.action,
      formRequest(quizPath, await quizAnswers(m.id, false), { cookie: learner.cookie }),
      params,
    )) as Response;
    const failedId = defined(
      /attempt=(\d+)/.exec(defined(failed.headers.get('Location'), 'the redirect’s Location')),
      'the attempt id in the redirect',
    )[1];
    const failedPage = payload(
      await call(quizRoute.loader, getRequest(`${quizPath}?attempt=${failedId}`, { cookie: learner.cookie }), params),
    );
    expect(failedPage.attempt).toMatchObject({ passed: false, percent: 0, best: 0 });
    // After answering: every choice's explanation, and which was right.
    expect(failedPage.quiz.questions[0].choices.some((c) => c.correct)).toBe(true);
    expect(failedPage.quiz.questions[0].choices.every((c) => c.explanation.length > 0)).toBe(true);

    const passed = (await call(
      quizRoute.action,
      formRequest(quizPath, await quizAnswers(m.id, true), { cookie: learner.cookie }),
      params,
    )) as Response;
    const passedId = defined(
      /attempt=(\d+)/.exec(defined(passed.headers.get('Location'), 'the redirect’s Location')),
      'the attempt id in the redirect',
    )[1];
    const passedPage = payload(
      await call(quizRoute.loader, getRequest(`${quizPath}?attempt=${passedId}`, { cookie: learner.cookie }), params),
    );
    expect(passedPage.attempt).toMatchObject({ passed: true, percent: 100, best: 100 });
    // A passed quiz leads on to the first step not done, never back to itself (issue 22); a failed one does not.
    expect(passedPage.nextPath).toMatch(new RegExp(`^/learn/${course}/`));
    expect(passedPage.nextPath).not.toBe(quizPath);
    expect(failedPage.nextPath).toBeNull();

    // A worse attempt later does not lower the best score or undo the pass.
    await call(
      quizRoute.action,
      formRequest(quizPath, await quizAnswers(m.id, false), { cookie: learner.cookie }),
      params,
    );
    const outline = payload(
      await call(courseRoute.loader, getRequest(`/learn/${course}`, { cookie: learner.cookie }), { course }),
    );
    expect(outline.course.modules[0].quiz).toMatchObject({ best: 100, passed: true });

    // Another learner cannot open her attempt.
    const other = await createTestUser();
    expect(
      statusOf(
        await call(quizRoute.loader, getRequest(`${quizPath}?attempt=${passedId}`, { cookie: other.cookie }), params),
      ),
    ).toBe(404);
  });

  it('passes at exactly the passing mark and fails just below it', async () => {
    const learner = await createTestUser();
    const course = 'an-toan-truoc-quay-roi';
    const [, m] = await modulesOf(course);
    await db.updateTable('learning_modules').set({ pass_percent: 66 }).where('id', '=', m.id).execute();
    const questions = await loadQuestions([m.id], 'vi');
    expect(questions.length).toBe(3);
    const answers = (rightCount: number) =>
      Object.fromEntries(
        questions.map((q, i) => [
          q.id,
          (i < rightCount
            ? q.choices.filter((c) => c.correct)
            : [
                defined(
                  q.choices.find((c) => !c.correct),
                  'q.choices.find((c) => !c.correct)',
                ),
              ]
          ).map((c) => c.id),
        ]),
      );
    expect(await submitQuiz(learner.id, course, m.id, answers(1))).toMatchObject({ passed: false, percent: 33 });
    expect(await submitQuiz(learner.id, course, m.id, answers(2))).toMatchObject({ passed: true, percent: 66 });
    await db.updateTable('learning_modules').set({ pass_percent: 80 }).where('id', '=', m.id).execute();
  });

  it('needs a signed-in learner and 404s for a module of another course', async () => {
    const [m] = await modulesOf('ban-hang-an-toan');
    const anon = await call(quizRoute.loader, getRequest(`/learn/ban-hang-an-toan/quiz/${m.id}`), {
      course: 'ban-hang-an-toan',
      module: String(m.id),
    });
    expect((anon as Response).headers.get('Location')).toMatch(/^\/login/);
    const learner = await createTestUser();
    expect(
      statusOf(
        await call(quizRoute.loader, getRequest(`/learn/bao-ve-thong-tin/quiz/${m.id}`, { cookie: learner.cookie }), {
          course: 'bao-ve-thong-tin',
          module: String(m.id),
        }),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await call(quizRoute.loader, getRequest(`/learn/ban-hang-an-toan/quiz/abc`, { cookie: learner.cookie }), {
          course: 'ban-hang-an-toan',
          module: 'abc',
        }),
      ),
    ).toBe(404);
  });
});

describe('completion and certificates', () => {
  it('completes a course only when every lesson is read and every quiz passed, then issues a public certificate', async () => {
    const learner = await createTestUser({ displayName: 'Lò Thị Hoa' });
    const course = 'an-toan-truoc-quay-roi';
    const lessons = ['recognising-harassment', 'block-and-report', 'keeping-evidence', 'finding-help'];
    for (const l of lessons) await completeLesson(learner.id, course, l, 'vi');
    const modules = await modulesOf(course);
    for (const m of modules.slice(0, -1))
      await submitQuiz(
        learner.id,
        course,
        m.id,
        Object.fromEntries(
          (await loadQuestions([m.id], 'vi')).map((q) => [q.id, q.choices.filter((c) => c.correct).map((c) => c.id)]),
        ),
      );
    expect(
      await db.selectFrom('learning_certificates').select('code').where('user_id', '=', learner.id).executeTakeFirst(),
    ).toBeUndefined();

    const last = defined(modules.at(-1), 'modules.at(-1)');
    const res = (await call(
      quizRoute.action,
      formRequest(`/learn/${course}/quiz/${last.id}`, await quizAnswers(last.id, true), { cookie: learner.cookie }),
      { course, module: String(last.id) },
    )) as Response;
    const location = defined(res.headers.get('Location'), 'the redirect’s Location');
    expect(location).toMatch(
      /^\/certificates\/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}\?notice=notice\.learning\.courseComplete$/,
    );
    const code = location.split('/')[2].split('?')[0];

    const enrolment = await db
      .selectFrom('learning_enrolments')
      .selectAll()
      .where('user_id', '=', learner.id)
      .where('course_slug', '=', course)
      .executeTakeFirstOrThrow();
    expect(enrolment.completed_at).not.toBeNull();

    // Anyone can verify it, signed in or not; lower-case codes work too.
    const page = payload(
      await call(certificateRoute.loader, getRequest(`/certificates/${code.toLowerCase()}`), {
        code: code.toLowerCase(),
      }),
    );
    expect(page.certificate).toMatchObject({ code, holderName: 'Lò Thị Hoa', courseSlug: course });
    expect(page.url).toBe(`http://localhost:3000/certificates/${code}`);
    expect(
      statusOf(
        await call(certificateRoute.loader, getRequest('/certificates/AAAA-BBBB-CCCC'), { code: 'AAAA-BBBB-CCCC' }),
      ),
    ).toBe(404);
    expect(
      statusOf(await call(certificateRoute.loader, getRequest("/certificates/'; drop"), { code: "'; drop" })),
    ).toBe(404);

    // Doing a quiz again does not issue a second certificate.
    await submitQuiz(
      learner.id,
      course,
      last.id,
      Object.fromEntries(
        (await loadQuestions([last.id], 'vi')).map((q) => [q.id, q.choices.filter((c) => c.correct).map((c) => c.id)]),
      ),
    );
    const all = await db.selectFrom('learning_certificates').select('code').where('user_id', '=', learner.id).execute();
    expect(all).toEqual([{ code }]);

    const progress = payload(
      await call(progressRoute.loader, getRequest('/learn/progress', { cookie: learner.cookie })),
    );
    expect(progress.certificates.map((c) => c.code)).toEqual([code]);
    expect(progress.safeSeller).toBe(false);
  });
});

describe('the Safe Seller badge', () => {
  it('appears only after the core course, and goes away when a new required module is published until it is done', async () => {
    const seller = await createTestUser({ roles: ['entrepreneur'] });
    const other = await createTestUser({ roles: ['entrepreneur'] });
    const staff = await createTestUser({ roles: ['staff'] });
    expect(await safeSellerIds([seller.id, other.id])).toEqual(new Set());

    // Every core lesson read but one quiz not passed: no badge.
    const modules = await modulesOf(coreCourseSlug);
    for (const id of learningLessonIds.filter((id) => id.startsWith(`${coreCourseSlug}/`)))
      await completeLesson(seller.id, coreCourseSlug, id.split('/')[1], 'vi');
    for (const m of modules.slice(1))
      await submitQuiz(
        seller.id,
        coreCourseSlug,
        m.id,
        Object.fromEntries(
          (await loadQuestions([m.id], 'vi')).map((q) => [q.id, q.choices.filter((c) => c.correct).map((c) => c.id)]),
        ),
      );
    expect(await safeSellerIds([seller.id])).toEqual(new Set());

    const certificate = await completeCourse(seller.id, coreCourseSlug);
    expect(certificate).toMatch(/^[A-Z0-9-]{14}$/);
    expect(await safeSellerIds([seller.id, other.id])).toEqual(new Set([seller.id]));

    // Staff add a module with a lesson, still as drafts: nothing changes.
    const path = `/staff/learning/${coreCourseSlug}`;
    const params = { course: coreCourseSlug };
    await call(
      staffCourseRoute.action,
      formRequest(
        path,
        {
          intent: 'addModule',
          title_vi: 'Bán hàng livestream',
          title_en: 'Selling on livestream',
          position: '9',
          pass_percent: '80',
        },
        { cookie: staff.cookie },
      ),
      params,
    );
    const added = await db
      .selectFrom('learning_modules')
      .selectAll()
      .where('course_slug', '=', coreCourseSlug)
      .where('position', '=', 9)
      .executeTakeFirstOrThrow();
    const lessonRes = (await call(
      staffCourseRoute.action,
      formRequest(
        path,
        {
          intent: 'addLesson',
          slug: 'livestream-safety',
          module_id: String(added.id),
          title_vi: 'An toàn khi livestream',
          title_en: 'Livestream safety',
          position: '1',
          published: 'on',
        },
        { cookie: staff.cookie },
      ),
      params,
    )) as Response;
    expect(lessonRes.headers.get('Location')).toBe(
      `/staff/learning/${coreCourseSlug}/livestream-safety?notice=notice.saved`,
    );
    expect(await safeSellerIds([seller.id])).toEqual(new Set([seller.id]));

    // Publishing the module makes it required: the badge goes until she does it.
    await call(
      staffCourseRoute.action,
      formRequest(
        path,
        {
          intent: 'module',
          moduleId: String(added.id),
          title_vi: 'Bán hàng livestream',
          title_en: 'Selling on livestream',
          position: '9',
          pass_percent: '80',
          published: 'on',
        },
        { cookie: staff.cookie },
      ),
      params,
    );
    expect(await safeSellerIds([seller.id])).toEqual(new Set());
    // Her certificate for the date she completed stays valid.
    expect(
      payload(
        await call(certificateRoute.loader, getRequest(`/certificates/${certificate}`), {
          code: defined(certificate, 'certificate'),
        }),
      ).certificate.code,
    ).toBe(certificate);

    await completeLesson(seller.id, coreCourseSlug, 'livestream-safety', 'vi');
    expect(await safeSellerIds([seller.id])).toEqual(new Set([seller.id]));

    // A quiz added to the new module is a new required step too.
    await call(
      staffQuizRoute.action,
      formRequest(
        `${path}/quiz/${added.id}`,
        {
          intent: 'addQuestion',
          kind: 'true_false',
          prompt_vi: 'Câu hỏi?',
          prompt_en: 'Question?',
          position: '1',
          c1_vi: 'Đúng',
          c1_en: 'True',
          c1_correct: 'on',
          c2_vi: 'Sai',
          c2_en: 'False',
        },
        { cookie: staff.cookie },
      ),
      { course: coreCourseSlug, module: String(added.id) },
    );
    expect(await safeSellerIds([seller.id])).toEqual(new Set());
    await completeCourse(seller.id, coreCourseSlug);
    expect(await safeSellerIds([seller.id])).toEqual(new Set([seller.id]));

    // Tidy up so later tests see the shipped course.
    await db.deleteFrom('learning_modules').where('id', '=', added.id).execute();
  });

  it('shows on her storefront once she completes the core course', async () => {
    const seller = await createTestUser({ roles: ['entrepreneur'] });
    await db
      .insertInto('business_profiles')
      .values({
        user_id: seller.id,
        slug: 'hoa-tra-shan',
        business_name: 'Trà Shan Hoa',
        owner_name: 'Lò Thị Hoa',
        province: 'lao-cai',
        verification_status: 'approved',
        verified_at: new Date(),
        updated_at: new Date(),
      })
      .execute();
    const open = async () =>
      payload(await call(storefrontRoute.loader, getRequest('/s/hoa-tra-shan'), { slug: 'hoa-tra-shan' }));
    expect((await open()).safeSeller).toBe(false);
    await completeCourse(seller.id, coreCourseSlug);
    expect((await open()).safeSeller).toBe(true);
  });

  it('answers for many sellers in one call and for nobody when given nobody', async () => {
    expect(await safeSellerIds([])).toEqual(new Set());
    const a = await createTestUser();
    const b = await createTestUser();
    await completeCourse(a.id, coreCourseSlug);
    expect(await safeSellerIds([a.id, b.id])).toEqual(new Set([a.id]));
  });
});

describe('spot the scam', () => {
  it('takes one form post per answer, shows why, and keeps points, streak and personal best', async () => {
    const player = await createTestUser();
    const cards = await db.selectFrom('learning_game_cards').select(['id', 'verdict']).execute();
    const verdictOf = new Map(cards.map((c) => [c.id, c.verdict]));
    const playRound = async (right: boolean) => {
      const page = payload(await call(gameRoute.loader, getRequest('/learn/game', { cookie: player.cookie })));
      expect(defined(page.card, 'page.card').lines.length).toBeGreaterThan(0);
      expect(page.card).not.toHaveProperty('verdict');
      const verdict = defined(
        verdictOf.get(defined(page.card, 'page.card').id),
        'verdictOf.get(defined(page.card, ’page.card’).id)',
      );
      const answer = right ? verdict : verdict === 'safe' ? 'scam' : 'safe';
      const res = (await call(
        gameRoute.action,
        formRequest(
          '/learn/game',
          { card: String(defined(page.card, 'page.card').id), answer },
          { cookie: player.cookie },
        ),
      )) as Response;
      const location = defined(res.headers.get('Location'), 'the redirect’s Location');
      expect(location).toMatch(/^\/learn\/game\?play=\d+$/);
      return payload(await call(gameRoute.loader, getRequest(location, { cookie: player.cookie })));
    };
    const first = await playRound(true);
    expect(first.play).toMatchObject({ correct: true, points: 10, streak: 1 });
    expect(defined(first.play, 'first.play').tell.length).toBeGreaterThan(5);
    expect(defined(first.play, 'first.play').explanation.length).toBeGreaterThan(5);
    const second = await playRound(true);
    expect(second.play).toMatchObject({ correct: true, points: 12, streak: 2 });
    const third = await playRound(false);
    expect(third.play).toMatchObject({ correct: false, points: 0, streak: 0 });
    expect(third.score).toEqual({ points: 22, streak: 0, bestStreak: 2, rounds: 3 });
    const fourth = await playRound(true);
    expect(fourth.score).toEqual({ points: 32, streak: 1, bestStreak: 2, rounds: 4 });

    // Plays are private; bad answers are a 400, unknown cards a 404.
    const other = await createTestUser();
    expect(
      statusOf(
        await call(
          gameRoute.loader,
          getRequest(`/learn/game?play=${defined(fourth.play, 'fourth.play').id}`, { cookie: other.cookie }),
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await call(
          gameRoute.action,
          formRequest('/learn/game', { card: String(cards[0].id), answer: 'maybe' }, { cookie: player.cookie }),
        ),
      ),
    ).toBe(400);
    expect(
      statusOf(
        await call(
          gameRoute.action,
          formRequest('/learn/game', { card: '999999', answer: 'safe' }, { cookie: player.cookie }),
        ),
      ),
    ).toBe(404);
  });

  it('does not show the same card twice in a row', async () => {
    const player = await createTestUser();
    let last = 0;
    for (let i = 0; i < 4; i++) {
      const page = payload(await call(gameRoute.loader, getRequest('/learn/game', { cookie: player.cookie })));
      expect(defined(page.card, 'page.card').id).not.toBe(last);
      last = defined(page.card, 'page.card').id;
      await call(
        gameRoute.action,
        formRequest('/learn/game', { card: String(last), answer: 'scam' }, { cookie: player.cookie }),
      );
    }
  });
});

describe('staff pages', () => {
  it('are for staff only', async () => {
    const seller = await createTestUser({ roles: ['entrepreneur'] });
    expect(statusOf(await call(staffIndexRoute.loader, getRequest('/staff/learning', { cookie: seller.cookie })))).toBe(
      403,
    );
    expect(
      statusOf(
        await call(
          staffIndexRoute.action,
          formRequest('/staff/learning', { slug: 'x', title_vi: 'x', title_en: 'x' }, { cookie: seller.cookie }),
        ),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await call(
          staffLessonRoute.action,
          formRequest('/staff/learning/ban-hang-an-toan/keeping-proof', { intent: 'save' }, { cookie: seller.cookie }),
          { course: 'ban-hang-an-toan', lesson: 'keeping-proof' },
        ),
      ),
    ).toBe(403);
  });

  it('preview a lesson safely on the server without saving, then save it', async () => {
    const staff = await createTestUser({ roles: ['staff'] });
    const lesson = await db
      .selectFrom('learning_lessons')
      .selectAll()
      .where('id', '=', 'bao-ve-thong-tin/id-card-photos')
      .executeTakeFirstOrThrow();
    const params = { course: 'bao-ve-thong-tin', lesson: 'id-card-photos' };
    const fields = {
      module_id: String(lesson.module_id),
      title_vi: lesson.title_vi,
      title_en: lesson.title_en,
      body_vi: '## Mới\n\n<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>',
      body_en: '## New',
      video_url: '',
      minutes: '2',
      position: '2',
      published: 'on',
    };
    const preview = payload(
      await call(
        staffLessonRoute.action,
        formRequest(
          '/staff/learning/bao-ve-thong-tin/id-card-photos',
          { ...fields, intent: 'preview' },
          { cookie: staff.cookie },
        ),
        params,
      ),
    );
    expect(withKey(preview, 'preview').preview.vi).toContain('<h2>Mới</h2>');
    expect(withKey(preview, 'preview').preview.vi).not.toMatch(/<script|<img|href="javascript/i);
    const unchanged = await db
      .selectFrom('learning_lessons')
      .select('body_vi')
      .where('id', '=', lesson.id)
      .executeTakeFirstOrThrow();
    expect(unchanged.body_vi).toBe(lesson.body_vi);

    const bad = await call(
      staffLessonRoute.action,
      formRequest(
        '/staff/learning/bao-ve-thong-tin/id-card-photos',
        { ...fields, intent: 'save', video_url: 'javascript:alert(1)' },
        { cookie: staff.cookie },
      ),
      params,
    );
    expect(statusOf(bad)).toBe(400);
    expect(errorsOf(payload(bad)).video_url).toBe('learning.staff.videoInvalid');

    const saved = await call(
      staffLessonRoute.action,
      formRequest(
        '/staff/learning/bao-ve-thong-tin/id-card-photos',
        { ...fields, intent: 'save' },
        { cookie: staff.cookie },
      ),
      params,
    );
    expect(statusOf(saved)).toBe(302);
    const page = payload(await call(lessonRoute.loader, getRequest('/learn/bao-ve-thong-tin/id-card-photos'), params));
    expect(page.lesson.html).toContain('<h2>Mới</h2>');
    expect(page.lesson.html).not.toMatch(/<script|<img|href="javascript/i);
    expect(page.lesson.html).not.toMatch(/<[a-z][^>]*\son\w+=/i); // no tag carries an event handler
    await db
      .updateTable('learning_lessons')
      .set({ body_vi: lesson.body_vi, body_en: lesson.body_en })
      .where('id', '=', lesson.id)
      .execute();
  });

  it('unpublishing hides a lesson from learners', async () => {
    const staff = await createTestUser({ roles: ['staff'] });
    await db
      .updateTable('learning_lessons')
      .set({ published: false })
      .where('id', '=', 'bao-ve-thong-tin/what-to-publish')
      .execute();
    expect(
      statusOf(
        await call(lessonRoute.loader, getRequest('/learn/bao-ve-thong-tin/what-to-publish'), {
          course: 'bao-ve-thong-tin',
          lesson: 'what-to-publish',
        }),
      ),
    ).toBe(404);
    const outline = payload(
      await call(staffCourseRoute.loader, getRequest('/staff/learning/bao-ve-thong-tin', { cookie: staff.cookie }), {
        course: 'bao-ve-thong-tin',
      }),
    );
    expect(outline.course.modules.flatMap((m: { lessons: { id: string }[] }) => m.lessons.map((l) => l.id))).toContain(
      'bao-ve-thong-tin/what-to-publish',
    );
    await db
      .updateTable('learning_lessons')
      .set({ published: true })
      .where('id', '=', 'bao-ve-thong-tin/what-to-publish')
      .execute();
  });

  it('rejects a quiz question without a right answer, and a card linked to a missing lesson', async () => {
    const staff = await createTestUser({ roles: ['staff'] });
    const [m] = await modulesOf('bao-ve-thong-tin');
    const res = await call(
      staffQuizRoute.action,
      formRequest(
        `/staff/learning/bao-ve-thong-tin/quiz/${m.id}`,
        {
          intent: 'addQuestion',
          kind: 'single',
          prompt_vi: 'Hỏi?',
          prompt_en: 'Q?',
          position: '9',
          c1_vi: 'A',
          c1_en: 'A',
          c2_vi: 'B',
          c2_en: 'B',
        },
        { cookie: staff.cookie },
      ),
      { course: 'bao-ve-thong-tin', module: String(m.id) },
    );
    expect(statusOf(res)).toBe(400);
    expect(payload(res).errors.form).toBe('learning.staff.correctNeeded');

    const card = {
      slug: 'new-card',
      kind: 'chat',
      verdict: 'scam',
      header_vi: 'a',
      header_en: 'a',
      lines_vi: 'X: y',
      lines_en: 'X: y',
      tell_vi: 't',
      tell_en: 't',
      explanation_vi: 'e',
      explanation_en: 'e',
      lesson_id: 'nope/nope',
      published: 'on',
    };
    const bad = await call(
      staffCardRoute.action,
      formRequest('/staff/learning/game/new', card, { cookie: staff.cookie }),
      { card: 'new' },
    );
    expect(payload(bad).errors.lesson_id).toBe('learning.staff.lessonMissing');
    const ok = (await call(
      staffCardRoute.action,
      formRequest(
        '/staff/learning/game/new',
        { ...card, lesson_id: 'bao-ve-thong-tin/phishing-links' },
        { cookie: staff.cookie },
      ),
      { card: 'new' },
    )) as Response;
    expect(ok.headers.get('Location')).toMatch(/^\/staff\/learning\/game\/\d+\?notice=notice\.saved$/);
    const dup = await call(
      staffCardRoute.action,
      formRequest('/staff/learning/game/new', { ...card, lesson_id: '' }, { cookie: staff.cookie }),
      { card: 'new' },
    );
    expect(payload(dup).errors.slug).toBe('learning.staff.slugTaken');
    await db.deleteFrom('learning_game_cards').where('slug', '=', 'new-card').execute();
  });

  it("edit a quiz question in place, keeping its choices' ids for past attempts", async () => {
    const staff = await createTestUser({ roles: ['staff'] });
    const [, m] = await modulesOf('bao-ve-thong-tin');
    const [q] = await loadQuestions([m.id], 'vi');
    const before = q.raw.choices.map((c) => c.id);
    const fields: Record<string, string> = {
      intent: 'editQuestion',
      questionId: String(q.id),
      kind: 'single',
      prompt_vi: 'Câu hỏi mới?',
      prompt_en: 'New question?',
      position: '1',
    };
    ['A', 'B'].forEach((x, i) =>
      Object.assign(fields, {
        [`c${i + 1}_vi`]: x,
        [`c${i + 1}_en`]: x,
        [`c${i + 1}_why_vi`]: 'vì',
        [`c${i + 1}_why_en`]: 'because',
      }),
    );
    fields.c2_correct = 'on';
    const res = await call(
      staffQuizRoute.action,
      formRequest(`/staff/learning/bao-ve-thong-tin/quiz/${m.id}`, fields, { cookie: staff.cookie }),
      { course: 'bao-ve-thong-tin', module: String(m.id) },
    );
    expect(statusOf(res)).toBe(302);
    const [after] = (await loadQuestions([m.id], 'en')).filter((x) => x.id === q.id);
    expect(after.prompt).toBe('New question?');
    expect(after.choices.map((c) => c.id)).toEqual(before.slice(0, 2));
    expect(after.choices.map((c) => c.correct)).toEqual([false, true]);
    // A question of another module is not found.
    const [other] = await modulesOf('ban-hang-an-toan');
    const wrong = await call(
      staffQuizRoute.action,
      formRequest(`/staff/learning/ban-hang-an-toan/quiz/${other.id}`, fields, { cookie: staff.cookie }),
      { course: 'ban-hang-an-toan', module: String(other.id) },
    );
    expect(statusOf(wrong)).toBe(404);
  });

  it('shows per-course figures: started, completed, average quiz score, most-missed questions', async () => {
    const staff = await createTestUser({ roles: ['staff'] });
    const course = 'bao-ve-thong-tin';
    const a = await createTestUser();
    const b = await createTestUser();
    await completeCourse(a.id, course);
    const [m] = await modulesOf(course);
    const questions = await loadQuestions([m.id], 'vi');
    await submitQuiz(b.id, course, m.id, {
      [questions[0].id]: [
        defined(
          questions[0].choices.find((c) => !c.correct),
          'questions[0].choices.find((c) => !c.correct)',
        ).id,
      ],
    });
    const figures = payload(
      await call(staffIndexRoute.loader, getRequest('/staff/learning', { cookie: staff.cookie })),
    );
    const row = defined(
      figures.courses.find((c) => c.slug === course),
      'figures.courses.find((c) => c.slug === course)',
    );
    expect(row.started).toBeGreaterThanOrEqual(2);
    expect(row.completed).toBeGreaterThanOrEqual(1);
    expect(row.average_score).toBeGreaterThan(0);
    const detail = payload(
      await call(staffCourseRoute.loader, getRequest(`/staff/learning/${course}`, { cookie: staff.cookie }), {
        course,
      }),
    );
    expect(detail.missed[0].id).toBe(questions[0].id);
    expect(detail.missed[0].wrong).toBeGreaterThanOrEqual(1);
  });
});
