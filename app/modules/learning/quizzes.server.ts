import { sql } from 'kysely';
import type { Locale, QuestionKind } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { localized } from './courses.server';
import { completeCourseIfDone } from './lessons.server';

// Quizzes: questions without their answers, scoring, attempts (the best score counts).

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
