import { sql } from 'kysely';
import type { Locale } from '../../../db/schema';
import { db } from '~/lib/db.server';

// The catalogue and a course's outline: its steps (published lessons, and the quiz of
// every published module with questions) and which of them she has done.

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
export function nextStepAfter(modules: OutlineModule[], afterLessonId: string | null): Step | null {
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
