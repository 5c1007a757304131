import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { courses, gameCards } from '../../app/modules/learning/content';

// Loads the shipped courses and the spot-the-scam deck. Safe to run again: it
// only adds what is missing (by course slug, module position, lesson id, card
// slug), so staff edits made later in the app are never overwritten.
export async function seedLearning(db: Kysely<Database>) {
  const now = new Date();
  for (const course of courses) {
    await db
      .insertInto('learning_courses')
      .values({
        slug: course.slug,
        title_vi: course.title.vi,
        title_en: course.title.en,
        summary_vi: course.summary.vi,
        summary_en: course.summary.en,
        is_core: Boolean(course.isCore),
        position: course.position,
        published: true,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute();
    for (const [m, module] of course.modules.entries()) {
      const position = m + 1;
      let row = await db
        .selectFrom('learning_modules')
        .select('id')
        .where('course_slug', '=', course.slug)
        .where('position', '=', position)
        .executeTakeFirst();
      const fresh = !row;
      row ??= await db
        .insertInto('learning_modules')
        .values({
          course_slug: course.slug,
          position,
          title_vi: module.title.vi,
          title_en: module.title.en,
          published: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [l, lesson] of module.lessons.entries()) {
        await db
          .insertInto('learning_lessons')
          .values({
            id: `${course.slug}/${lesson.slug}`,
            course_slug: course.slug,
            slug: lesson.slug,
            module_id: row.id,
            position: l + 1,
            title_vi: lesson.title.vi,
            title_en: lesson.title.en,
            body_vi: lesson.body.vi,
            body_en: lesson.body.en,
            video_url: lesson.videoUrl ?? null,
            minutes: lesson.minutes,
            published: true,
            updated_at: now,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      }
      if (!fresh) continue;
      for (const [q, question] of module.quiz.entries()) {
        const inserted = await db
          .insertInto('learning_questions')
          .values({
            module_id: row.id,
            position: q + 1,
            kind: question.kind,
            prompt_vi: question.prompt.vi,
            prompt_en: question.prompt.en,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('learning_choices')
          .values(
            question.choices.map((c, i) => ({
              question_id: inserted.id,
              position: i + 1,
              text_vi: c.text.vi,
              text_en: c.text.en,
              correct: Boolean(c.correct),
              explanation_vi: c.why.vi,
              explanation_en: c.why.en,
            })),
          )
          .execute();
      }
    }
  }
  for (const [i, card] of gameCards.entries()) {
    await db
      .insertInto('learning_game_cards')
      .values({
        slug: card.slug,
        kind: card.kind,
        verdict: card.verdict,
        header_vi: card.header.vi,
        header_en: card.header.en,
        lines_vi: card.lines.vi,
        lines_en: card.lines.en,
        tell_vi: card.tell.vi,
        tell_en: card.tell.en,
        explanation_vi: card.explanation.vi,
        explanation_en: card.explanation.en,
        lesson_id: card.lessonId ?? null,
        position: i + 1,
        published: true,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute();
  }
}
