import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/lib/auth.server';
import { readForm } from '~/lib/forms.server';
import { localeFromRequest } from '~/lib/i18n.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { findAttempt, findCourseOutline, findQuiz, stepPath, submitQuiz } from '~/modules/learning/index.server';
import styles from '~/modules/learning/learning.css';
import { idParam } from '~/modules/learning/reader.server';
import { notFound } from '~/lib/responses';
import { claimReplay, quizVersion, replayKeyOf } from '~/modules/learning/replay.server';
import { notify } from '~/modules/notifications/notify.server';
import { db } from '~/lib/db.server';
import { lightPage } from '~/lib/page-scripts';
import { redirectWithNotice } from '~/lib/redirect.server';

// Plain forms: served without the client scripts (app/lib/page-scripts.ts), so an
// answer made offline is a plain post the service worker can keep and send later.
export const handle = lightPage;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await localeFromRequest(request, user.locale);
  const moduleId = idParam(params.module);
  const quiz = await findQuiz(params.course ?? '', moduleId, locale);
  if (!quiz) throw notFound();
  const attemptParam = new URL(request.url).searchParams.get('attempt');
  const attempt = attemptParam
    ? /^\d{1,9}$/.test(attemptParam)
      ? await findAttempt(user.id, moduleId, Number(attemptParam))
      : null
    : null;
  // Someone else's attempt (or a made-up id) is simply not found.
  if (attemptParam && !attempt) throw notFound();
  // The right answers travel to the page only with a finished attempt.
  const questions = quiz.questions.map((q) => ({
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    choices: q.choices.map((c) => (attempt ? c : { id: c.id, text: c.text, correct: false, explanation: '' })),
  }));
  // A passed quiz leads on: the first step of the course she has not done yet.
  const outline = attempt?.passed ? await findCourseOutline(quiz.course.slug, user.id, locale) : null;
  const nextPath = outline?.nextStep ? stepPath(quiz.course.slug, outline.nextStep) : null;
  return { quiz: { ...quiz, questions }, attempt, nextPath, version: quizVersion(quiz) };
}

/** Answers arrive as q<questionId>=<choiceId>, once per ticked choice. */
function answersFrom(form: FormData) {
  const answers: Record<number, number[]> = {};
  for (const [name, value] of form.entries()) {
    const m = /^q(\d{1,9})$/.exec(name);
    if (!m || typeof value !== 'string' || !/^\d{1,9}$/.test(value)) continue;
    (answers[Number(m[1])] ??= []).push(Number(value));
  }
  return answers;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const moduleId = idParam(params.module);
  const form = await readForm(request);
  const course = params.course ?? '';
  const here = `/learn/${course}/quiz/${moduleId}`;
  // Answers written for an older version of the quiz (queued offline while staff
  // changed it) are not marked against new questions: she is told, and asked again.
  const version = form.get('version');
  if (typeof version === 'string' && version) {
    const quiz = await findQuiz(course, moduleId, user.locale);
    if (!quiz) throw notFound();
    if (quizVersion(quiz) !== version) {
      // A queued answer arrives with no one looking at the page: the notice waits in her notifications.
      if (replayKeyOf(request) && (await claimReplay(request, user.id)))
        await db.transaction().execute((trx) =>
          notify(trx, user.id, {
            kind: 'account',
            key: 'lastmile.notice.quizChanged',
            params: { quiz: quiz.title },
            link: here,
          }),
        );
      return redirectWithNotice(here, 'notice.lastmile.quizChanged');
    }
  }
  // The same answer delivered twice (the service worker retrying) is counted once.
  if (!(await claimReplay(request, user.id))) return redirectWithNotice(here, 'notice.lastmile.alreadyCounted');
  const result = await submitQuiz(user.id, course, moduleId, answersFrom(form));
  if (!result) throw notFound();
  if (result.certificate)
    return redirectWithNotice(`/certificates/${result.certificate}`, 'notice.learning.courseComplete');
  return redirect(`/learn/${course}/quiz/${moduleId}?attempt=${result.attemptId}#result`);
}

export default function QuizPage() {
  const { quiz, attempt, nextPath, version } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <section className="quiz">
      <p>
        <Link to={`/learn/${quiz.course.slug}`}>← {quiz.course.title}</Link>
      </p>
      <h1>{t('learning.quiz.title', { module: quiz.title })}</h1>
      <p className="muted">{t('learning.quiz.passMark', { percent: quiz.passPercent })}</p>
      {attempt ? (
        <div id="result" className={`result ${attempt.passed ? 'pass' : 'fail'}`} role="status">
          <h2>{attempt.passed ? t('learning.quiz.passed') : t('learning.quiz.failed')}</h2>
          <p>
            {t('learning.quiz.score', { correct: attempt.correct, total: attempt.total, percent: attempt.percent })}
          </p>
          <p>{t('learning.quiz.best', { percent: attempt.best })}</p>
          <p>
            {attempt.passed && nextPath ? (
              <>
                <Link to={nextPath} className="button">
                  {t('learning.quiz.nextStep')}
                </Link>{' '}
                <Link to={`/learn/${quiz.course.slug}`}>{t('learning.quiz.backToCourse')}</Link>
              </>
            ) : attempt.passed ? (
              <Link to={`/learn/${quiz.course.slug}`} className="button">
                {t('learning.quiz.backToCourse')}
              </Link>
            ) : (
              <Link to={`/learn/${quiz.course.slug}/quiz/${quiz.moduleId}`} className="button">
                {t('learning.quiz.retry')}
              </Link>
            )}
          </p>
        </div>
      ) : null}
      {attempt ? (
        <ol>
          {quiz.questions.map((q) => {
            const answer = attempt.answers[q.id];
            return (
              <li key={q.id}>
                <p>
                  <strong>{q.prompt}</strong>{' '}
                  <span className={answer?.correct ? 'answer-right' : 'answer-wrong'}>
                    {answer?.correct ? `✓ ${t('learning.quiz.right')}` : `✗ ${t('learning.quiz.wrong')}`}
                  </span>
                </p>
                <ul>
                  {q.choices.map((c) => {
                    const chosen = answer?.chosen.includes(c.id);
                    return (
                      <li key={c.id}>
                        {chosen ? <strong>{t('learning.quiz.yourChoice')} </strong> : null}
                        {c.text}
                        {c.correct ? <span className="answer-right"> ({t('learning.quiz.correctChoice')})</span> : null}
                        {c.explanation ? <p className="explanation">{c.explanation}</p> : null}
                      </li>
                    );
                  })}
                </ul>
              </li>
            );
          })}
        </ol>
      ) : (
        <Form noValidate method="post">
          <input type="hidden" name="version" value={version} />
          {quiz.questions.map((q, i) => (
            <fieldset key={q.id}>
              <legend>
                {i + 1}. {q.prompt}
              </legend>
              {q.kind === 'multiple' ? <p className="muted">{t('learning.quiz.chooseAll')}</p> : null}
              {q.choices.map((c) => (
                <label key={c.id}>
                  <input type={q.kind === 'multiple' ? 'checkbox' : 'radio'} name={`q${q.id}`} value={c.id} />
                  <span>{c.text}</span>
                </label>
              ))}
            </fieldset>
          ))}
          <button type="submit">{t('learning.quiz.submit')}</button>
        </Form>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, 'learning.quiz.title', { params: { module: data?.quiz.title ?? '' } });
