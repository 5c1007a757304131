import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { getUser } from '~/lib/auth.server';
import { parseForm, readForm } from '~/lib/forms.server';
import { localeFromRequest } from '~/lib/i18n.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { GameCard } from '~/modules/learning/components';
import { gameAnswerSchema } from '~/modules/learning/forms.server';
import {
  answerGameCard,
  anyGameCard,
  findGamePlay,
  findGameScore,
  judgeGameCard,
  nextGameCard,
} from '~/modules/learning/index.server';
import styles from '~/modules/learning/learning.css';
import { notFound } from '~/lib/responses';
import { claimReplay } from '~/modules/learning/replay.server';
import { lightPage } from '~/lib/page-scripts';

// Plain forms: served without the client scripts (app/lib/page-scripts.ts), so an
// answer made offline is a plain post the service worker can keep and send later.
export const handle = lightPage;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

// Spot the scam: one card, two buttons, one form post per answer; after the
// answer the page shows why (the exact tell) and a link to the next card.
// Open to visitors (issue 22): a visitor's answer is judged but not kept; the page
// asks her to sign in to keep a score. A signed-in player's plays are stored.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const locale = await localeFromRequest(request, user?.locale);
  const params = new URL(request.url).searchParams;
  if (!user) {
    const cardParam = params.get('card');
    const answer = params.get('answer');
    if (cardParam) {
      const parsed =
        /^\d{1,9}$/.test(cardParam) && (answer === 'safe' || answer === 'scam')
          ? await judgeGameCard(Number(cardParam), answer, locale)
          : null;
      if (!parsed) throw notFound();
      return { visitor: true, score: null, play: parsed, card: null };
    }
    return { visitor: true, score: null, play: null, card: await anyGameCard(locale) };
  }
  const playParam = params.get('play');
  const score = await findGameScore(user.id);
  if (playParam) {
    const play = /^\d{1,9}$/.test(playParam) ? await findGamePlay(user.id, Number(playParam), locale) : null;
    if (!play) throw notFound();
    return { visitor: false, score, play, card: null };
  }
  return { visitor: false, score, play: null, card: await nextGameCard(user.id, locale) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await getUser(request);
  const form = await readForm(request);
  const parsed = parseForm(form, gameAnswerSchema);
  if (!parsed.ok) throw new Response('Bad Request', { status: 400 });
  if (!user) {
    // The answer travels in the URL (POST, redirect, GET), so a reload never answers twice.
    if (!(await judgeGameCard(parsed.data.card, parsed.data.answer, 'vi'))) throw notFound();
    return redirect(`/learn/game?card=${parsed.data.card}&answer=${parsed.data.answer}`);
  }
  // A round delivered twice (queued offline, the service worker retrying) counts once.
  if (!(await claimReplay(request, user.id))) return redirect('/learn/game');
  const result = await answerGameCard(user.id, parsed.data.card, parsed.data.answer);
  if (!result) throw notFound();
  return redirect(`/learn/game?play=${result.playId}`);
}

export default function SpotTheScam() {
  const { visitor, score, play, card } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <section>
      <p>
        <Link to="/learn">← {t('learning.catalogue.title')}</Link>
      </p>
      <h1>{t('learning.game.title')}</h1>
      {score ? (
        <ul className="scoreboard" aria-label={t('learning.game.scoreboard')}>
          <li>{t('learning.game.points', { points: score.points })}</li>
          <li>{t('learning.game.streak', { streak: score.streak })}</li>
          <li>{t('learning.game.best', { best: score.bestStreak })}</li>
          <li>{t('learning.game.rounds', { rounds: score.rounds })}</li>
        </ul>
      ) : null}
      {visitor ? (
        <p className="muted">
          {t('learning.game.visitor')}{' '}
          <Link to="/login?redirectTo=%2Flearn%2Fgame">{t('learning.game.visitorLogin')}</Link>
        </p>
      ) : null}
      {play ? (
        <>
          <div className={`result ${play.correct ? 'pass' : 'fail'}`} role="status">
            <h2>{play.correct ? t('learning.game.right', { points: play.points }) : t('learning.game.wrong')}</h2>
            <p>
              <strong>{play.verdict === 'scam' ? t('learning.game.itWasScam') : t('learning.game.itWasSafe')}</strong>
            </p>
            <p>
              <strong>{t('learning.game.tell')}</strong> {play.tell}
            </p>
            <p>{play.explanation}</p>
            {play.lessonId ? (
              <p>
                <Link to={`/learn/${play.lessonId}`}>{t('learning.game.lesson')}</Link>
              </p>
            ) : null}
          </div>
          <GameCard card={play.card} />
          <p>
            <Link to="/learn/game" className="button">
              {t('learning.game.next')}
            </Link>
          </p>
        </>
      ) : card ? (
        <>
          <p>{t('learning.game.lead')}</p>
          <GameCard card={card} />
          <Form noValidate method="post" className="game-answers">
            <input type="hidden" name="card" value={card.id} />
            <button type="submit" name="answer" value="safe" className="secondary">
              {t('learning.game.answerSafe')}
            </button>
            <button type="submit" name="answer" value="scam">
              {t('learning.game.answerScam')}
            </button>
          </Form>
        </>
      ) : (
        <p>{t('learning.game.empty')}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, 'learning.game.title', { descriptionKey: 'ux.meta.game' });
