import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { ProgressBar } from '~/modules/learning/components';
import { findCourseOutline, stepPath } from '~/modules/learning/index.server';
import styles from '~/modules/learning/learning.css';
import { reader } from '~/modules/learning/reader.server';
import { notFound } from '~/lib/responses';
import { lightPage } from '~/lib/page-scripts';
import { SaveForOffline } from '~/modules/learning/save-offline';

// Reading and plain forms: served without the client scripts (app/lib/page-scripts.ts).
export const handle = lightPage;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, locale } = await reader(request);
  const outline = await findCourseOutline(params.course ?? '', user?.id ?? null, locale);
  if (!outline) throw notFound();
  const { raw: _raw, ...course } = outline;
  const resumePath = course.resumeLessonId ? `/learn/${course.resumeLessonId}` : null;
  const nextPath = course.nextStep ? stepPath(course.slug, course.nextStep) : null;
  // "Học tiếp" is the first step not done (never back to a passed quiz); the last lesson opened only once all are done.
  const offline = {
    paths: course.modules.flatMap((m) => m.lessons.map((l) => `/learn/${l.id}`)),
    explain: new URL(request.url).searchParams.get('offline') === '1',
  };
  return { course, signedIn: Boolean(user), startPath: nextPath ?? resumePath, offline };
}

export default function CoursePage() {
  const { course, signedIn, startPath: start, offline } = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  return (
    <>
      <p>
        <Link to="/learn">← {t('learning.catalogue.title')}</Link>
      </p>
      <h1>{course.title}</h1>
      <p>{course.summary}</p>
      {course.isCore ? (
        <p>
          <Link to="/learn/safe-seller">{t('learning.catalogue.coreNote')}</Link>
        </p>
      ) : null}
      {signedIn ? (
        <ProgressBar
          done={course.steps.done}
          total={course.steps.total}
          label={t('learning.progress.label', { course: course.title })}
        />
      ) : null}
      {course.completedAt ? (
        <p className="done-mark">
          {t('learning.course.completedOn', { date: date(course.completedAt) })}{' '}
          {course.certificateCode ? (
            <Link to={`/certificates/${course.certificateCode}`}>{t('learning.certificate.view')}</Link>
          ) : null}
        </p>
      ) : null}
      {start ? (
        <p>
          <Link to={start} className="button">
            {course.started ? t('learning.course.resume') : t('learning.course.start')}
          </Link>
        </p>
      ) : null}
      {offline.paths.length ? <SaveForOffline paths={offline.paths} explain={offline.explain} /> : null}
      <ol className="outline">
        {course.modules.map((m) => (
          <li key={m.id}>
            <h2>{m.title}</h2>
            <ol>
              {m.lessons.map((l) => (
                <li key={l.id}>
                  <Link to={`/learn/${l.id}`}>{l.title}</Link>{' '}
                  <span className="muted">· {t('learning.lesson.minutes', { minutes: l.minutes })}</span>
                  {l.done ? <span className="done-mark"> ✓ {t('learning.lesson.doneShort')}</span> : null}
                </li>
              ))}
              {m.quiz ? (
                <li>
                  <Link to={`/learn/${course.slug}/quiz/${m.id}`}>{t('learning.quiz.title', { module: m.title })}</Link>
                  {m.quiz.best !== null ? (
                    <span className="muted"> · {t('learning.quiz.best', { percent: m.quiz.best })}</span>
                  ) : null}
                  {m.quiz.passed ? <span className="done-mark"> ✓ {t('learning.quiz.passedShort')}</span> : null}
                </li>
              ) : null}
            </ol>
          </li>
        ))}
      </ol>
      {signedIn ? null : <p className="muted">{t('learning.catalogue.signInToSave')}</p>}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, 'learning.catalogue.title', { title: data?.course.title, description: data?.course.summary });
