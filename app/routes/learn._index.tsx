import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { ProgressBar } from '~/modules/learning/components';
import { listCourses } from '~/modules/learning/index.server';
import styles from '~/modules/learning/learning.css';
import { reader } from '~/modules/learning/reader.server';
import { lightPage } from '~/lib/page-scripts';

// Reading and plain forms: served without the client scripts (app/lib/page-scripts.ts).
export const handle = lightPage;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, locale } = await reader(request);
  return { courses: await listCourses(user?.id ?? null, locale), signedIn: Boolean(user) };
}

export default function LearnCatalogue() {
  const { courses, signedIn } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <h1>{t('learning.catalogue.title')}</h1>
      <p>{t('learning.catalogue.lead')}</p>
      <p>
        <Link to="/learn/game" className="button">
          {t('learning.game.title')}
        </Link>{' '}
        {signedIn ? (
          <Link to="/learn/progress" className="button secondary">
            {t('learning.progress.title')}
          </Link>
        ) : null}
      </p>
      <ul className="cards">
        {courses.map((c) => (
          <li key={c.slug} className="card">
            <h2>
              <Link to={`/learn/${c.slug}`}>{c.title}</Link>
            </h2>
            {c.isCore ? (
              <p>
                <Link to="/learn/safe-seller">{t('learning.catalogue.coreNote')}</Link>
              </p>
            ) : null}
            <p>{c.summary}</p>
            <p className="muted">
              {t('learning.catalogue.size', { modules: c.modules, lessons: c.lessons, minutes: c.minutes })}
            </p>
            {signedIn && c.started ? (
              <ProgressBar
                done={c.steps.done}
                total={c.steps.total}
                label={t('learning.progress.label', { course: c.title })}
              />
            ) : null}
            {c.completedAt ? <p className="done-mark">{t('learning.course.completed')}</p> : null}
          </li>
        ))}
      </ul>
      {signedIn ? null : <p className="muted">{t('learning.catalogue.signInToSave')}</p>}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, 'learning.catalogue.title', { descriptionKey: 'ux.meta.learn' });
