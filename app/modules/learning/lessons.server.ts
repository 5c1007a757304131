import { randomInt } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database, Locale } from '../../../db/schema';
import { db, type Executor } from '~/lib/db.server';
import { renderMarkdown } from './markdown.server';
import { defined } from '~/lib/defined';
import { findCourseOutline, localized, nextStepAfter } from './courses.server';

// A lesson: reading it, marking it read, and completing the course (once, with a
// certificate) when that was its last step.

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
export async function completeCourseIfDone(trx: Transaction<Database>, userId: string, courseSlug: string) {
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
