import { sql } from 'kysely';
import type { GameVerdict, Locale } from '../../../db/schema';
import { db } from '~/lib/db.server';
import { localized } from './courses.server';

// Spot the scam: one card at a time, points for a streak, a visitor's answer judged
// but not stored.

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
