import { sql } from 'kysely';
import type { GameCardKind, GameVerdict, Locale, QuestionKind } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { localized } from './courses.server';
import { loadQuestions } from './quizzes.server';

// Staff editing of courses, modules, lessons, quizzes and game cards, and the
// per-course figures. Callers check requireRole(request, 'staff') first.

function isUniqueViolation(error: unknown) {
  return (error as { code?: string }).code === '23505';
}

/** Learners started and completed, average best quiz score, per course. */
export async function listCourseFigures(locale: Locale) {
  const { rows } = await sql<{
    slug: string;
    title_vi: string;
    title_en: string;
    published: boolean;
    is_core: boolean;
    started: number;
    completed: number;
    average_score: number | null;
    lessons: number;
    modules: number;
  }>`
    select c.slug, c.title_vi, c.title_en, c.published, c.is_core,
      (select count(*)::int from learning_enrolments e where e.course_slug = c.slug) as started,
      (select count(*)::int from learning_enrolments e where e.course_slug = c.slug and e.completed_at is not null) as completed,
      (select round(avg(best))::int from (
        select max(a.score_percent) as best from learning_quiz_attempts a join learning_modules m on m.id = a.module_id
        where m.course_slug = c.slug group by a.user_id, a.module_id) b) as average_score,
      (select count(*)::int from learning_lessons l where l.course_slug = c.slug) as lessons,
      (select count(*)::int from learning_modules m where m.course_slug = c.slug) as modules
    from learning_courses c order by c.position, c.slug`.execute(db);
  return rows.map((r) => ({ ...r, title: localized(r, 'title', locale) }));
}

/** The questions of a course most often answered wrong, with how often. */
export async function mostMissedQuestions(courseSlug: string, locale: Locale, limit = 5) {
  const { rows } = await sql<{
    id: number;
    prompt_vi: string;
    prompt_en: string;
    module_id: number;
    answered: number;
    wrong: number;
  }>`
    select q.id, q.prompt_vi, q.prompt_en, q.module_id,
      count(*)::int as answered, count(*) filter (where not x.correct)::int as wrong
    from learning_attempt_answers x
    join learning_questions q on q.id = x.question_id
    join learning_modules m on m.id = q.module_id
    where m.course_slug = ${courseSlug}
    group by q.id
    having count(*) filter (where not x.correct) > 0
    order by wrong desc, answered desc, q.id
    limit ${limit}`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    moduleId: r.module_id,
    prompt: localized(r, 'prompt', locale),
    answered: r.answered,
    wrong: r.wrong,
  }));
}

export type CourseInput = {
  title_vi: string;
  title_en: string;
  summary_vi: string;
  summary_en: string;
  position: number;
  published: boolean;
};

export async function createCourse(input: CourseInput & { slug: string }) {
  try {
    await db
      .insertInto('learning_courses')
      .values({ ...input, updated_at: new Date() })
      .execute();
    return { ok: true as const };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false as const };
    throw error;
  }
}

export async function updateCourse(slug: string, input: CourseInput) {
  const r = await db
    .updateTable('learning_courses')
    .set({ ...input, updated_at: new Date() })
    .where('slug', '=', slug)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export type ModuleInput = {
  title_vi: string;
  title_en: string;
  position: number;
  published: boolean;
  pass_percent: number;
};

export async function createModule(courseSlug: string, input: ModuleInput) {
  return db
    .insertInto('learning_modules')
    .values({ course_slug: courseSlug, ...input })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateModule(courseSlug: string, moduleId: number, input: Partial<ModuleInput>) {
  const r = await db
    .updateTable('learning_modules')
    .set(input)
    .where('id', '=', moduleId)
    .where('course_slug', '=', courseSlug)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export type LessonInput = {
  module_id: number;
  title_vi: string;
  title_en: string;
  body_vi: string;
  body_en: string;
  video_url: string | null;
  minutes: number;
  position: number;
  published: boolean;
};

async function moduleInCourse(courseSlug: string, moduleId: number) {
  return Boolean(
    await db
      .selectFrom('learning_modules')
      .select('id')
      .where('id', '=', moduleId)
      .where('course_slug', '=', courseSlug)
      .executeTakeFirst(),
  );
}

export async function createLesson(courseSlug: string, input: LessonInput & { slug: string }) {
  if (!(await moduleInCourse(courseSlug, input.module_id))) return { ok: false as const, reason: 'module' as const };
  try {
    await db
      .insertInto('learning_lessons')
      .values({ ...input, id: `${courseSlug}/${input.slug}`, course_slug: courseSlug, updated_at: new Date() })
      .execute();
    return { ok: true as const };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false as const, reason: 'slug' as const };
    throw error;
  }
}

export async function updateLesson(courseSlug: string, lessonSlug: string, input: LessonInput) {
  if (!(await moduleInCourse(courseSlug, input.module_id))) return false;
  const r = await db
    .updateTable('learning_lessons')
    .set({ ...input, updated_at: new Date() })
    .where('course_slug', '=', courseSlug)
    .where('slug', '=', lessonSlug)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function findLessonForStaff(courseSlug: string, lessonSlug: string) {
  return db
    .selectFrom('learning_lessons')
    .selectAll()
    .where('course_slug', '=', courseSlug)
    .where('slug', '=', lessonSlug)
    .executeTakeFirst();
}

export async function listModules(courseSlug: string) {
  return db
    .selectFrom('learning_modules')
    .selectAll()
    .where('course_slug', '=', courseSlug)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function findModuleForStaff(courseSlug: string, moduleId: number, locale: Locale) {
  const module = await db
    .selectFrom('learning_modules')
    .selectAll()
    .where('id', '=', moduleId)
    .where('course_slug', '=', courseSlug)
    .executeTakeFirst();
  if (!module) return null;
  return { module, questions: await loadQuestions([module.id], locale) };
}

export type ChoiceInput = {
  text_vi: string;
  text_en: string;
  correct: boolean;
  explanation_vi: string;
  explanation_en: string;
};

export async function addQuestion(
  moduleId: number,
  input: { kind: QuestionKind; prompt_vi: string; prompt_en: string; position: number; choices: ChoiceInput[] },
) {
  await db.transaction().execute(async (trx) => {
    const q = await trx
      .insertInto('learning_questions')
      .values({
        module_id: moduleId,
        kind: input.kind,
        prompt_vi: input.prompt_vi,
        prompt_en: input.prompt_en,
        position: input.position,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('learning_choices')
      .values(input.choices.map((c, i) => ({ ...c, question_id: q.id, position: i + 1 })))
      .execute();
  });
}

/**
 * Rewrites a question and its choices. Choices keep their ids slot by slot (so
 * past attempts still point at the same answers); extra slots are added or removed.
 */
export async function updateQuestion(
  moduleId: number,
  questionId: number,
  input: { kind: QuestionKind; prompt_vi: string; prompt_en: string; position: number; choices: ChoiceInput[] },
) {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('learning_questions')
      .set({ kind: input.kind, prompt_vi: input.prompt_vi, prompt_en: input.prompt_en, position: input.position })
      .where('id', '=', questionId)
      .where('module_id', '=', moduleId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    const existing = await trx
      .selectFrom('learning_choices')
      .select('id')
      .where('question_id', '=', questionId)
      .orderBy('position')
      .orderBy('id')
      .execute();
    for (const [i, choice] of input.choices.entries()) {
      if (existing[i]) {
        await trx
          .updateTable('learning_choices')
          .set({ ...choice, position: i + 1 })
          .where('id', '=', existing[i].id)
          .execute();
      } else {
        await trx
          .insertInto('learning_choices')
          .values({ ...choice, question_id: questionId, position: i + 1 })
          .execute();
      }
    }
    const extra = existing.slice(input.choices.length).map((c) => c.id);
    if (extra.length) await trx.deleteFrom('learning_choices').where('id', 'in', extra).execute();
    return true;
  });
}

export async function deleteQuestion(moduleId: number, questionId: number) {
  await db.deleteFrom('learning_questions').where('id', '=', questionId).where('module_id', '=', moduleId).execute();
}

export type CardInput = {
  slug: string;
  kind: GameCardKind;
  verdict: GameVerdict;
  header_vi: string;
  header_en: string;
  lines_vi: string;
  lines_en: string;
  tell_vi: string;
  tell_en: string;
  explanation_vi: string;
  explanation_en: string;
  lesson_id: string | null;
  published: boolean;
};

export async function listCardsForStaff() {
  return db
    .selectFrom('learning_game_cards')
    .select(['id', 'slug', 'kind', 'verdict', 'header_vi', 'header_en', 'published'])
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function findCardForStaff(id: number) {
  return db.selectFrom('learning_game_cards').selectAll().where('id', '=', id).executeTakeFirst();
}

async function lessonExists(id: string | null) {
  if (!id) return true;
  return Boolean(await db.selectFrom('learning_lessons').select('id').where('id', '=', id).executeTakeFirst());
}

export async function saveCard(id: number | null, input: CardInput) {
  if (!(await lessonExists(input.lesson_id))) return { ok: false as const, field: 'lesson_id' as const };
  try {
    if (id === null) {
      const row = await db
        .insertInto('learning_game_cards')
        .values({ ...input, updated_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { ok: true as const, id: row.id };
    }
    const r = await db
      .updateTable('learning_game_cards')
      .set({ ...input, updated_at: new Date() })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) return { ok: false as const, field: 'missing' as const };
    return { ok: true as const, id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false as const, field: 'slug' as const };
    throw error;
  }
}
