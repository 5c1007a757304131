import { randomInt } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database, GameVerdict, Locale, QuestionKind } from '../../../db/schema';
import { db, type Executor } from '~/lib/db.server';
import { renderMarkdown } from './markdown.server';
import { defined } from '~/lib/defined';

// Learners' side of the courses: catalogue, lessons, progress, quizzes,
// completion and certificates. The rules, in one place:
// - A course's steps are its PUBLISHED lessons in PUBLISHED modules, plus the quiz
//   of every published module that has at least one question.
// - A lesson step is done once she marks it read; a quiz step once any attempt
//   passed (score >= the module's passing mark; the best score is what counts).
// - A course is complete when every current step is done. Completion is recorded
//   once, with a certificate; the certificate stays valid for that date even if
//   the course changes later. The Safe Seller badge, by contrast, is computed
//   live against the core course's current steps (see badge.server.ts).

export function localized<T extends Record<string, unknown>, K extends string>(
  row: T,
  field: K,
  locale: Locale,
): string {
  return String(row[`${field}_${locale}` as keyof T] ?? '');
}

export type StepCounts = { total: number; done: number };

/** Steps (lessons + quizzes) of each published course, and how many this learner has done. */
export async function listCourses(userId: string | null, locale: Locale) {
  const rows = await sql<{
    slug: string;
    title_vi: string;
    title_en: string;
    summary_vi: string;
    summary_en: string;
    is_core: boolean;
    lessons: number;
    minutes: number;
    quizzes: number;
    modules: number;
    lessons_done: number;
    quizzes_done: number;
    started: boolean;
    completed_at: Date | null;
  }>`
    select c.slug, c.title_vi, c.title_en, c.summary_vi, c.summary_en, c.is_core,
      (select count(*)::int from learning_lessons l join learning_modules m on m.id = l.module_id
        where l.course_slug = c.slug and l.published and m.published) as lessons,
      (select coalesce(sum(l.minutes), 0)::int from learning_lessons l join learning_modules m on m.id = l.module_id
        where l.course_slug = c.slug and l.published and m.published) as minutes,
      (select count(*)::int from learning_modules m where m.course_slug = c.slug and m.published
        and exists (select 1 from learning_questions q where q.module_id = m.id)) as quizzes,
      (select count(*)::int from learning_modules m where m.course_slug = c.slug and m.published) as modules,
      (select count(*)::int from learning_lesson_progress p join learning_lessons l on l.id = p.lesson_id
        join learning_modules m on m.id = l.module_id
        where p.user_id = ${userId} and l.course_slug = c.slug and l.published and m.published) as lessons_done,
      (select count(*)::int from learning_modules m where m.course_slug = c.slug and m.published
        and exists (select 1 from learning_questions q where q.module_id = m.id)
        and exists (select 1 from learning_quiz_attempts a where a.module_id = m.id and a.user_id = ${userId} and a.passed)) as quizzes_done,
      (e.user_id is not null) as started,
      e.completed_at
    from learning_courses c
    left join learning_enrolments e on e.course_slug = c.slug and e.user_id = ${userId}
    where c.published
    order by c.position, c.slug`.execute(db);
  return rows.rows.map((r) => ({
    slug: r.slug,
    title: localized(r, 'title', locale),
    summary: localized(r, 'summary', locale),
    isCore: r.is_core,
    modules: r.modules,
    lessons: r.lessons,
    minutes: r.minutes,
    steps: { total: r.lessons + r.quizzes, done: r.lessons_done + r.quizzes_done } satisfies StepCounts,
    started: r.started,
    completedAt: r.completed_at,
  }));
}

export type CourseOutline = NonNullable<Awaited<ReturnType<typeof findCourseOutline>>>;

/**
 * A course with its modules, lessons and quizzes, and this learner's progress.
 * Learners see only published parts; staff (`includeDrafts`) see everything.
 */
export async function findCourseOutline(
  slug: string,
  userId: string | null,
  locale: Locale,
  options: { includeDrafts?: boolean } = {},
) {
  const drafts = Boolean(options.includeDrafts);
  const course = await db
    .selectFrom('learning_courses')
    .selectAll()
    .where('slug', '=', slug)
    .$if(!drafts, (q) => q.where('published', '=', true))
    .executeTakeFirst();
  if (!course) return null;
  const modules = await db
    .selectFrom('learning_modules as m')
    .select((eb) => [
      'm.id',
      'm.title_vi',
      'm.title_en',
      'm.position',
      'm.published',
      'm.pass_percent',
      eb
        .selectFrom('learning_questions as q')
        .whereRef('q.module_id', '=', 'm.id')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('questions'),
      eb
        .selectFrom('learning_quiz_attempts as a')
        .whereRef('a.module_id', '=', 'm.id')
        .where('a.user_id', '=', userId)
        .select(sql<number | null>`max(a.score_percent)`.as('best'))
        .as('best'),
      eb
        .selectFrom('learning_quiz_attempts as a')
        .whereRef('a.module_id', '=', 'm.id')
        .where('a.user_id', '=', userId)
        .select(sql<boolean>`coalesce(bool_or(a.passed), false)`.as('passed'))
        .as('passed'),
    ])
    .where('m.course_slug', '=', slug)
    .$if(!drafts, (q) => q.where('m.published', '=', true))
    .orderBy('m.position')
    .orderBy('m.id')
    .execute();
  const lessons = await db
    .selectFrom('learning_lessons as l')
    .leftJoin('learning_lesson_progress as p', (j) => j.onRef('p.lesson_id', '=', 'l.id').on('p.user_id', '=', userId))
    .select(['l.id', 'l.slug', 'l.module_id', 'l.title_vi', 'l.title_en', 'l.minutes', 'l.published', 'p.completed_at'])
    .where('l.course_slug', '=', slug)
    .$if(!drafts, (q) => q.where('l.published', '=', true))
    .orderBy('l.position')
    .orderBy('l.slug')
    .execute();
  const enrolment = userId
    ? await db
        .selectFrom('learning_enrolments')
        .select(['last_lesson_id', 'completed_at', 'started_at'])
        .where('user_id', '=', userId)
        .where('course_slug', '=', slug)
        .executeTakeFirst()
    : undefined;
  const certificate = userId
    ? await db
        .selectFrom('learning_certificates')
        .select(['code', 'issued_at'])
        .where('user_id', '=', userId)
        .where('course_slug', '=', slug)
        .executeTakeFirst()
    : undefined;

  const outlineModules = modules.map((m) => ({
    id: m.id,
    title: localized(m, 'title', locale),
    titleVi: m.title_vi,
    titleEn: m.title_en,
    position: m.position,
    published: m.published,
    passPercent: m.pass_percent,
    lessons: lessons
      .filter((l) => l.module_id === m.id)
      .map((l) => ({
        id: l.id,
        slug: l.slug,
        title: localized(l, 'title', locale),
        minutes: l.minutes,
        published: l.published,
        done: l.completed_at !== null,
      })),
    quiz:
      (m.questions ?? 0) > 0 ? { questions: m.questions ?? 0, best: m.best ?? null, passed: Boolean(m.passed) } : null,
  }));
  const steps = { total: 0, done: 0 };
  for (const m of outlineModules) {
    if (!m.published) continue;
    for (const l of m.lessons) {
      if (!l.published) continue;
      steps.total += 1;
      if (l.done) steps.done += 1;
    }
    if (m.quiz) {
      steps.total += 1;
      if (m.quiz.passed) steps.done += 1;
    }
  }
  // Where she left off: the lesson she last opened, else the first step not done.
  const firstOpen = nextStepAfter(outlineModules, null);
  const resume =
    enrolment?.last_lesson_id && lessons.some((l) => l.id === enrolment.last_lesson_id)
      ? enrolment.last_lesson_id
      : null;
  return {
    slug: course.slug,
    title: localized(course, 'title', locale),
    summary: localized(course, 'summary', locale),
    isCore: course.is_core,
    published: course.published,
    raw: course,
    modules: outlineModules,
    steps,
    started: Boolean(enrolment),
    completedAt: enrolment?.completed_at ?? null,
    certificateCode: certificate?.code ?? null,
    resumeLessonId: resume,
    nextStep: firstOpen,
  };
}

type OutlineModule = CourseOutline['modules'][number];
export type Step = { kind: 'lesson'; lessonId: string; slug: string } | { kind: 'quiz'; moduleId: number };

/** The first step not yet done (after `afterLessonId` if given), in course order. */
function nextStepAfter(modules: OutlineModule[], afterLessonId: string | null): Step | null {
  let seen = afterLessonId === null;
  for (const m of modules) {
    for (const l of m.lessons) {
      if (!seen) {
        if (l.id === afterLessonId) seen = true;
        continue;
      }
      if (!l.done) return { kind: 'lesson', lessonId: l.id, slug: l.slug };
    }
    if (seen && m.quiz && !m.quiz.passed) return { kind: 'quiz', moduleId: m.id };
  }
  return null;
}

export function stepPath(courseSlug: string, step: Step | null) {
  if (!step) return `/learn/${courseSlug}`;
  return step.kind === 'lesson' ? `/learn/${step.lessonId}` : `/learn/${courseSlug}/quiz/${step.moduleId}`;
}

/** A published lesson, rendered, with where to go before and after it. */
export async function findLesson(courseSlug: string, lessonSlug: string, userId: string | null, locale: Locale) {
  const outline = await findCourseOutline(courseSlug, userId, locale);
  if (!outline) return null;
  const lesson = await db
    .selectFrom('learning_lessons as l')
    .innerJoin('learning_modules as m', 'm.id', 'l.module_id')
    .select([
      'l.id',
      'l.slug',
      'l.title_vi',
      'l.title_en',
      'l.body_vi',
      'l.body_en',
      'l.video_url',
      'l.minutes',
      'l.module_id',
      'l.updated_at',
    ])
    .where('l.course_slug', '=', courseSlug)
    .where('l.slug', '=', lessonSlug)
    .where('l.published', '=', true)
    .where('m.published', '=', true)
    .executeTakeFirst();
  if (!lesson) return null;
  const flat = outline.modules.flatMap((m) => [
    ...m.lessons.map((l) => ({ kind: 'lesson' as const, path: `/learn/${l.id}`, id: l.id, title: l.title })),
    ...(m.quiz
      ? [{ kind: 'quiz' as const, path: `/learn/${courseSlug}/quiz/${m.id}`, id: `quiz-${m.id}`, title: m.title }]
      : []),
  ]);
  const index = flat.findIndex((s) => s.id === lesson.id);
  const module = defined(
    outline.modules.find((m) => m.id === lesson.module_id),
    "the lesson's module",
  );
  return {
    id: lesson.id,
    slug: lesson.slug,
    title: localized(lesson, 'title', locale),
    html: renderMarkdown(localized(lesson, 'body', locale)),
    videoUrl: lesson.video_url,
    minutes: lesson.minutes,
    done: module.lessons.find((l) => l.id === lesson.id)?.done ?? false,
    module: { id: module.id, title: module.title },
    course: {
      slug: outline.slug,
      title: outline.title,
      steps: outline.steps,
      certificateCode: outline.certificateCode,
    },
    previous: index > 0 ? flat[index - 1] : null,
    next: index >= 0 && index < flat.length - 1 ? flat[index + 1] : null,
  };
}

/** Remembers the lesson she opened last, so the course page can take her back there. */
export async function recordLessonVisit(userId: string, courseSlug: string, lessonId: string) {
  await db
    .insertInto('learning_enrolments')
    .values({ user_id: userId, course_slug: courseSlug, last_lesson_id: lessonId, last_seen_at: new Date() })
    .onConflict((oc) =>
      oc.columns(['user_id', 'course_slug']).doUpdateSet({ last_lesson_id: lessonId, last_seen_at: new Date() }),
    )
    .execute();
}

/** Marks a published lesson read; returns where to go next, and a certificate if this finished the course. */
export async function completeLesson(userId: string, courseSlug: string, lessonSlug: string, locale: Locale) {
  const lesson = await db
    .selectFrom('learning_lessons as l')
    .innerJoin('learning_modules as m', 'm.id', 'l.module_id')
    .innerJoin('learning_courses as c', 'c.slug', 'l.course_slug')
    .select(['l.id'])
    .where('l.course_slug', '=', courseSlug)
    .where('l.slug', '=', lessonSlug)
    .where('l.published', '=', true)
    .where('m.published', '=', true)
    .where('c.published', '=', true)
    .executeTakeFirst();
  if (!lesson) return null;
  const certificate = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('learning_enrolments')
      .values({ user_id: userId, course_slug: courseSlug, last_lesson_id: lesson.id, last_seen_at: new Date() })
      .onConflict((oc) =>
        oc.columns(['user_id', 'course_slug']).doUpdateSet({ last_lesson_id: lesson.id, last_seen_at: new Date() }),
      )
      .execute();
    await trx
      .insertInto('learning_lesson_progress')
      .values({ user_id: userId, lesson_id: lesson.id })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return completeCourseIfDone(trx, userId, courseSlug);
  });
  const outline = defined(await findCourseOutline(courseSlug, userId, locale), 'course outline');
  return { next: nextStepAfter(outline.modules, lesson.id) ?? nextStepAfter(outline.modules, null), certificate };
}

/** The users among `userIds` who have done every current step of the course. One query. */
export async function usersWhoCompleted(
  executor: Executor,
  courseFilter: { slug: string } | { core: true },
  userIds: readonly string[],
) {
  if (userIds.length === 0) return new Set<string>();
  const courseCondition = 'slug' in courseFilter ? sql`c.slug = ${courseFilter.slug}` : sql`c.is_core`;
  const { rows } = await sql<{ id: string }>`
    select u.id from users u, learning_courses c
    where u.id = any(${sql.val([...userIds])}::uuid[]) and ${courseCondition} and c.published
      and exists (select 1 from learning_modules m where m.course_slug = c.slug and m.published)
      and not exists (
        select 1 from learning_lessons l join learning_modules m on m.id = l.module_id
        where l.course_slug = c.slug and l.published and m.published
          and not exists (select 1 from learning_lesson_progress p where p.user_id = u.id and p.lesson_id = l.id))
      and not exists (
        select 1 from learning_modules m
        where m.course_slug = c.slug and m.published
          and exists (select 1 from learning_questions q where q.module_id = m.id)
          and not exists (select 1 from learning_quiz_attempts a where a.user_id = u.id and a.module_id = m.id and a.passed))`.execute(
    executor,
  );
  return new Set(rows.map((r) => r.id));
}

const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newCertificateCode() {
  const part = () => Array.from({ length: 4 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
  return `${part()}-${part()}-${part()}`;
}

/** Records completion and issues the certificate the first time every step is done. */
async function completeCourseIfDone(trx: Transaction<Database>, userId: string, courseSlug: string) {
  const done = await usersWhoCompleted(trx, { slug: courseSlug }, [userId]);
  if (!done.has(userId)) return null;
  const existing = await trx
    .selectFrom('learning_certificates')
    .select('code')
    .where('user_id', '=', userId)
    .where('course_slug', '=', courseSlug)
    .executeTakeFirst();
  if (existing) return existing.code;
  const user = await trx.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirstOrThrow();
  const code = newCertificateCode();
  await trx
    .insertInto('learning_certificates')
    .values({ code, user_id: userId, course_slug: courseSlug, holder_name: user.display_name.slice(0, 80) })
    .execute();
  await trx
    .updateTable('learning_enrolments')
    .set({ completed_at: new Date() })
    .where('user_id', '=', userId)
    .where('course_slug', '=', courseSlug)
    .where('completed_at', 'is', null)
    .execute();
  return code;
}

// ---- quizzes ----

export type QuizQuestion = {
  id: number;
  kind: QuestionKind;
  prompt: string;
  choices: { id: number; text: string; correct: boolean; explanation: string }[];
};

/** A published module's quiz (questions and choices in order), or null. */
export async function findQuiz(courseSlug: string, moduleId: number, locale: Locale) {
  const module = await db
    .selectFrom('learning_modules as m')
    .innerJoin('learning_courses as c', 'c.slug', 'm.course_slug')
    .select([
      'm.id',
      'm.title_vi',
      'm.title_en',
      'm.pass_percent',
      'c.slug as course_slug',
      'c.title_vi as course_title_vi',
      'c.title_en as course_title_en',
    ])
    .where('m.id', '=', moduleId)
    .where('m.course_slug', '=', courseSlug)
    .where('m.published', '=', true)
    .where('c.published', '=', true)
    .executeTakeFirst();
  if (!module) return null;
  const questions = await loadQuestions([module.id], locale);
  if (questions.length === 0) return null;
  return {
    moduleId: module.id,
    title: localized(module, 'title', locale),
    passPercent: module.pass_percent,
    course: { slug: module.course_slug, title: locale === 'vi' ? module.course_title_vi : module.course_title_en },
    questions,
  };
}

export type RawChoice = {
  id: number;
  text_vi: string;
  text_en: string;
  correct: boolean;
  explanation_vi: string;
  explanation_en: string;
};

export async function loadQuestions(
  moduleIds: number[],
  locale: Locale,
): Promise<
  (QuizQuestion & {
    moduleId: number;
    position: number;
    raw: { prompt_vi: string; prompt_en: string; choices: RawChoice[] };
  })[]
> {
  if (moduleIds.length === 0) return [];
  const questions = await db
    .selectFrom('learning_questions')
    .selectAll()
    .where('module_id', 'in', moduleIds)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const choices = questions.length
    ? await db
        .selectFrom('learning_choices')
        .selectAll()
        .where(
          'question_id',
          'in',
          questions.map((q) => q.id),
        )
        .orderBy('position')
        .orderBy('id')
        .execute()
    : [];
  return questions.map((q) => ({
    id: q.id,
    moduleId: q.module_id,
    kind: q.kind,
    prompt: localized(q, 'prompt', locale),
    position: q.position,
    raw: {
      prompt_vi: q.prompt_vi,
      prompt_en: q.prompt_en,
      choices: choices
        .filter((c) => c.question_id === q.id)
        .map((c) => ({
          id: c.id,
          text_vi: c.text_vi,
          text_en: c.text_en,
          correct: c.correct,
          explanation_vi: c.explanation_vi,
          explanation_en: c.explanation_en,
        })),
    },
    choices: choices
      .filter((c) => c.question_id === q.id)
      .map((c) => ({
        id: c.id,
        text: localized(c, 'text', locale),
        correct: c.correct,
        explanation: localized(c, 'explanation', locale),
      })),
  }));
}

/** A question is right when exactly its correct choices were picked. */
export function scoreAnswers(questions: Pick<QuizQuestion, 'id' | 'choices'>[], answers: Record<number, number[]>) {
  const perQuestion = questions.map((q) => {
    const chosen = [...new Set((answers[q.id] ?? []).filter((id) => q.choices.some((c) => c.id === id)))].sort(
      (a, b) => a - b,
    );
    const right = q.choices
      .filter((c) => c.correct)
      .map((c) => c.id)
      .sort((a, b) => a - b);
    return {
      questionId: q.id,
      chosen,
      correct: chosen.length === right.length && chosen.every((id, i) => id === right[i]),
    };
  });
  const correct = perQuestion.filter((a) => a.correct).length;
  const total = questions.length;
  return { perQuestion, correct, total, percent: total ? Math.floor((100 * correct) / total) : 0 };
}

/** Scores and records one attempt. Returns the attempt id, and a certificate if it finished the course. */
export async function submitQuiz(
  userId: string,
  courseSlug: string,
  moduleId: number,
  answers: Record<number, number[]>,
) {
  const quiz = await findQuiz(courseSlug, moduleId, 'vi');
  if (!quiz) return null;
  const score = scoreAnswers(quiz.questions, answers);
  const passed = score.percent >= quiz.passPercent;
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('learning_enrolments')
      .values({ user_id: userId, course_slug: courseSlug, last_seen_at: new Date(), last_lesson_id: null })
      .onConflict((oc) => oc.columns(['user_id', 'course_slug']).doUpdateSet({ last_seen_at: new Date() }))
      .execute();
    const attempt = await trx
      .insertInto('learning_quiz_attempts')
      .values({
        module_id: moduleId,
        user_id: userId,
        correct: score.correct,
        total: score.total,
        score_percent: score.percent,
        passed,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('learning_attempt_answers')
      .values(
        score.perQuestion.map((a) => ({
          attempt_id: attempt.id,
          question_id: a.questionId,
          chosen: a.chosen,
          correct: a.correct,
        })),
      )
      .execute();
    const certificate = passed ? await completeCourseIfDone(trx, userId, courseSlug) : null;
    return { attemptId: attempt.id, passed, percent: score.percent, certificate };
  });
}

/** One of her own attempts with what she chose; another person's attempt is not found. */
export async function findAttempt(userId: string, moduleId: number, attemptId: number) {
  const attempt = await db
    .selectFrom('learning_quiz_attempts')
    .selectAll()
    .where('id', '=', attemptId)
    .where('user_id', '=', userId)
    .where('module_id', '=', moduleId)
    .executeTakeFirst();
  if (!attempt) return null;
  const answers = await db
    .selectFrom('learning_attempt_answers')
    .selectAll()
    .where('attempt_id', '=', attempt.id)
    .execute();
  const best = await db
    .selectFrom('learning_quiz_attempts')
    .select(sql<number>`max(score_percent)`.as('best'))
    .where('user_id', '=', userId)
    .where('module_id', '=', moduleId)
    .executeTakeFirstOrThrow();
  return {
    id: attempt.id,
    percent: attempt.score_percent,
    correct: attempt.correct,
    total: attempt.total,
    passed: attempt.passed,
    best: best.best,
    answers: Object.fromEntries(
      answers.map((a) => [a.question_id, { chosen: a.chosen, correct: a.correct }]),
    ) as Record<number, { chosen: number[]; correct: boolean }>,
  };
}

// ---- certificates and the learner's page ----

export async function findCertificate(code: string, locale: Locale) {
  const row = await db
    .selectFrom('learning_certificates as k')
    .innerJoin('learning_courses as c', 'c.slug', 'k.course_slug')
    .select(['k.code', 'k.holder_name', 'k.issued_at', 'c.slug', 'c.title_vi', 'c.title_en', 'c.is_core'])
    .where('k.code', '=', code.toUpperCase())
    .executeTakeFirst();
  if (!row) return null;
  return {
    code: row.code,
    holderName: row.holder_name,
    issuedAt: row.issued_at,
    courseSlug: row.slug,
    courseTitle: localized(row, 'title', locale),
    isCore: row.is_core,
  };
}

export async function listCertificates(userId: string, locale: Locale) {
  const rows = await db
    .selectFrom('learning_certificates as k')
    .innerJoin('learning_courses as c', 'c.slug', 'k.course_slug')
    .select(['k.code', 'k.issued_at', 'c.title_vi', 'c.title_en'])
    .where('k.user_id', '=', userId)
    .orderBy('k.issued_at')
    .execute();
  return rows.map((r) => ({ code: r.code, issuedAt: r.issued_at, courseTitle: localized(r, 'title', locale) }));
}

// ---- spot the scam ----

function pointsFor(streak: number) {
  // 10 points for a right answer, 2 more for each answer in the streak, up to 20.
  return Math.min(10 + 2 * (streak - 1), 20);
}

export async function findGameScore(userId: string) {
  const row = await db.selectFrom('learning_game_scores').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return {
    points: row?.points ?? 0,
    streak: row?.streak ?? 0,
    bestStreak: row?.best_streak ?? 0,
    rounds: row?.rounds ?? 0,
  };
}

/** The next card: one she has seen least, never the one she just played. */
export async function nextGameCard(userId: string, locale: Locale) {
  const last = await db
    .selectFrom('learning_game_plays')
    .select('card_id')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const card = await db
    .selectFrom('learning_game_cards as c')
    .select((eb) => [
      'c.id',
      'c.kind',
      'c.header_vi',
      'c.header_en',
      'c.lines_vi',
      'c.lines_en',
      eb
        .selectFrom('learning_game_plays as p')
        .whereRef('p.card_id', '=', 'c.id')
        .where('p.user_id', '=', userId)
        .select(sql<number>`count(*)::int`.as('n'))
        .as('plays'),
    ])
    .where('c.published', '=', true)
    .$if(last !== undefined, (q) => q.where('c.id', '<>', last?.card_id ?? 0))
    .orderBy('plays')
    .orderBy(sql`random()`)
    .limit(1)
    .executeTakeFirst();
  return card ? presentCard(card, locale) : null;
}

type CardRow = { id: number; kind: string; header_vi: string; header_en: string; lines_vi: string; lines_en: string };

/** A card as shown: a header and lines, each split into an optional speaker and the text. */
export function presentCard(card: CardRow, locale: Locale) {
  return {
    id: card.id,
    kind: card.kind,
    header: localized(card, 'header', locale),
    lines: localized(card, 'lines', locale)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const m = /^([^:]{1,40}):\s+(.*)$/.exec(line);
        return m && !/^https?$/i.test(m[1]) ? { speaker: m[1], text: m[2] } : { speaker: null, text: line };
      }),
  };
}

/** Records one answer and updates points, streak and personal best. Returns the play id. */
export async function answerGameCard(userId: string, cardId: number, answer: GameVerdict) {
  const card = await db
    .selectFrom('learning_game_cards')
    .select(['id', 'verdict'])
    .where('id', '=', cardId)
    .where('published', '=', true)
    .executeTakeFirst();
  if (!card) return null;
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('learning_game_scores')
      .values({ user_id: userId, updated_at: new Date() })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const score = await trx
      .selectFrom('learning_game_scores')
      .selectAll()
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const correct = card.verdict === answer;
    const streak = correct ? score.streak + 1 : 0;
    const points = correct ? pointsFor(streak) : 0;
    await trx
      .updateTable('learning_game_scores')
      .set({
        points: score.points + points,
        streak,
        best_streak: Math.max(score.best_streak, streak),
        rounds: score.rounds + 1,
        updated_at: new Date(),
      })
      .where('user_id', '=', userId)
      .execute();
    const play = await trx
      .insertInto('learning_game_plays')
      .values({ user_id: userId, card_id: card.id, answer, correct, points, streak })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { playId: play.id, correct, points, streak };
  });
}

/**
 * A visitor's answer (issue 22: the game is open to visitors). Nothing is stored:
 * the card's verdict, tell and explanation, shaped like a play.
 */
export async function judgeGameCard(cardId: number, answer: GameVerdict, locale: Locale) {
  const row = await db
    .selectFrom('learning_game_cards as c')
    .select([
      'c.id',
      'c.kind',
      'c.verdict',
      'c.header_vi',
      'c.header_en',
      'c.lines_vi',
      'c.lines_en',
      'c.tell_vi',
      'c.tell_en',
      'c.explanation_vi',
      'c.explanation_en',
      'c.lesson_id',
    ])
    .where('c.id', '=', cardId)
    .where('c.published', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  const correct = row.verdict === answer;
  return {
    id: 0,
    answer,
    correct,
    points: correct ? pointsFor(1) : 0,
    streak: correct ? 1 : 0,
    verdict: row.verdict,
    tell: localized(row, 'tell', locale),
    explanation: localized(row, 'explanation', locale),
    lessonId: row.lesson_id,
    card: presentCard(row, locale),
  };
}

/** A visitor's next card: any published card but the one she just answered. */
export async function anyGameCard(locale: Locale, except?: number) {
  const card = await db
    .selectFrom('learning_game_cards as c')
    .select(['c.id', 'c.kind', 'c.header_vi', 'c.header_en', 'c.lines_vi', 'c.lines_en'])
    .where('c.published', '=', true)
    .$if(except !== undefined, (q) => q.where('c.id', '<>', except ?? 0))
    .orderBy(sql`random()`)
    .limit(1)
    .executeTakeFirst();
  return card ? presentCard(card, locale) : null;
}

/** One of her own plays, with the card's verdict, tell and explanation. */
export async function findGamePlay(userId: string, playId: number, locale: Locale) {
  const row = await db
    .selectFrom('learning_game_plays as p')
    .innerJoin('learning_game_cards as c', 'c.id', 'p.card_id')
    .select([
      'p.id',
      'p.answer',
      'p.correct',
      'p.points',
      'p.streak',
      'c.id as card_id',
      'c.kind',
      'c.verdict',
      'c.header_vi',
      'c.header_en',
      'c.lines_vi',
      'c.lines_en',
      'c.tell_vi',
      'c.tell_en',
      'c.explanation_vi',
      'c.explanation_en',
      'c.lesson_id',
    ])
    .where('p.id', '=', playId)
    .where('p.user_id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    answer: row.answer,
    correct: row.correct,
    points: row.points,
    streak: row.streak,
    verdict: row.verdict,
    tell: localized(row, 'tell', locale),
    explanation: localized(row, 'explanation', locale),
    lessonId: row.lesson_id,
    card: presentCard({ ...row, id: row.card_id }, locale),
  };
}
