import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/lib/auth.server';
import { localeFromRequest } from '~/lib/i18n.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { isSafeSeller } from '~/modules/learning/badge.server';
import { ProgressBar } from '~/modules/learning/components';
import { findGameScore, listCertificates, listCourses } from '~/modules/learning/index.server';
import styles from '~/modules/learning/learning.css';
import { SafeSellerBadge } from '~/modules/learning/safe-seller-badge';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

// The learner's own "Learning" section: progress per course, certificates,
// the game score and the badge.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await localeFromRequest(request, user.locale);
  const [courses, certificates, score, safeSeller] = await Promise.all([
    listCourses(user.id, locale),
    listCertificates(user.id, locale),
    findGameScore(user.id),
    isSafeSeller(user.id),
  ]);
  return { courses, certificates, score, safeSeller };
}

export default function LearningProgress() {
  const { courses, certificates, score, safeSeller } = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  return (
    <section>
      <h1>{t('learning.progress.title')}</h1>
      {safeSeller ? (
        <p>
          <SafeSellerBadge /> {t('learning.progress.hasBadge')}
        </p>
      ) : (
        <p>
          <Link to="/learn/safe-seller">{t('learning.progress.noBadge')}</Link>
        </p>
      )}
      <h2>{t('learning.progress.courses')}</h2>
      <ul className="cards">
        {courses.map((c) => (
          <li key={c.slug} className="card">
            <h3>
              <Link to={`/learn/${c.slug}`}>{c.title}</Link>
            </h3>
            <ProgressBar
              done={c.steps.done}
              total={c.steps.total}
              label={t('learning.progress.label', { course: c.title })}
            />
            {c.completedAt ? (
              <p className="done-mark">{t('learning.course.completedOn', { date: date(c.completedAt) })}</p>
            ) : null}
          </li>
        ))}
      </ul>
      <h2>{t('learning.progress.certificates')}</h2>
      {certificates.length ? (
        <ul>
          {certificates.map((c) => (
            <li key={c.code}>
              <Link to={`/certificates/${c.code}`}>{c.courseTitle}</Link> · {date(c.issuedAt)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('learning.progress.noCertificates')}</p>
      )}
      <h2>{t('learning.game.title')}</h2>
      <p>
        {t('learning.game.points', { points: score.points })} · {t('learning.game.best', { best: score.bestStreak })} ·{' '}
        {t('learning.game.rounds', { rounds: score.rounds })}
      </p>
      <p>
        <Link to="/learn/game">{t('learning.game.play')}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'learning.progress.title');
