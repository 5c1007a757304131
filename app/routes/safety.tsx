import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { PayOnlyOnSen } from '~/modules/safety/components/pay-only-on-sen';
import { ScamWarning } from '~/modules/safety/components/scam-warning';
import { lessonUrl } from '~/modules/safety/detector/signals';
import { CENTRE_SCAMS, courses, exampleWarnings } from '~/modules/safety/safety-centre.server';
import { lightPage } from '~/lib/page-scripts';

// The safety centre: public, static content plus the detector's verdict on each example.
// Reading and plain forms: served without the client scripts (app/lib/page-scripts.ts).
export const handle = lightPage;

export function loader() {
  return {
    scams: CENTRE_SCAMS,
    warnings: exampleWarnings(),
    courses: courses(),
  };
}

const neverKeys = ['password', 'transfer', 'fee', 'chat', 'links', 'remote', 'idcard', 'rush'] as const;
const reportKeys = ['stop', 'proof', 'bank', 'union', 'police'] as const;

export default function SafetyCentre() {
  const { scams, warnings, courses } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <article className="safety-centre">
      <h1>{t('safety.title')}</h1>
      <p className="lead">{t('safety.lead')}</p>
      <PayOnlyOnSen />
      <nav aria-label={t('safety.toc.label')}>
        <ul className="toc">
          <li>
            <a href="#never">{t('safety.never.title')}</a>
          </li>
          <li>
            <a href="#report">{t('safety.report.title')}</a>
          </li>
          <li>
            <a href="#scams">{t('safety.scams.title')}</a>
          </li>
          <li>
            <a href="#courses">{t('safety.courses.title')}</a>
          </li>
        </ul>
      </nav>

      <section id="never" aria-labelledby="never-title">
        <h2 id="never-title">{t('safety.never.title')}</h2>
        <p>{t('safety.never.intro')}</p>
        <ul className="never-list">
          {neverKeys.map((key) => (
            <li key={key}>{t(`safety.never.${key}`)}</li>
          ))}
        </ul>
      </section>

      <section id="report" aria-labelledby="report-title">
        <h2 id="report-title">{t('safety.report.title')}</h2>
        <p>{t('safety.report.intro')}</p>
        <ol>
          {reportKeys.map((key) => (
            <li key={key}>{t(`safety.report.${key}`)}</li>
          ))}
        </ol>
      </section>

      <section id="scams" aria-labelledby="scams-title">
        <h2 id="scams-title">{t('safety.scams.title')}</h2>
        <p>{t('safety.scams.intro')}</p>
        <ul className="scam-list">
          {scams.map((scam) => {
            const warning = warnings[locale][scam.id];
            return (
              <li key={scam.id} id={`scam-${scam.id}`} className="card">
                {/* One line per scam until she opens it: the page fits a few screens (issue 22). */}
                <details>
                  <summary>
                    <h3>{t(`safety.scam.${scam.id}.title`)}</h3>
                  </summary>
                  <figure className="example-message">
                    <figcaption>{t('safety.scams.example')}</figcaption>
                    <blockquote>{t(`safety.scam.${scam.id}.example`)}</blockquote>
                  </figure>
                  {warning.level !== 'none' ? (
                    <>
                      <p className="muted">{t('safety.scams.senShows')}</p>
                      <ScamWarning level={warning.level} signals={warning.signals} />
                    </>
                  ) : null}
                  <dl>
                    <dt>{t('safety.scams.signs')}</dt>
                    <dd>{t(`safety.scam.${scam.id}.signs`)}</dd>
                    <dt>{t('safety.scams.do')}</dt>
                    <dd>{t(`safety.scam.${scam.id}.do`)}</dd>
                  </dl>
                </details>
                <p className="small">
                  {t('safety.scams.lesson')}:{' '}
                  <Link to={lessonUrl(scam.lessonId)}>{t(`safety.lesson.${scam.lessonId}`)}</Link>
                </p>
              </li>
            );
          })}
        </ul>
      </section>

      <section id="courses" aria-labelledby="courses-title">
        <h2 id="courses-title">{t('safety.courses.title')}</h2>
        <p>{t('safety.courses.intro')}</p>
        <div className="cards">
          {courses.map(({ course, lessons }) => (
            <section key={course} className="card" aria-labelledby={`course-${course}`}>
              <h3 id={`course-${course}`}>{t(`safety.course.${course}`)}</h3>
              <ul>
                {lessons.map((lesson) => (
                  <li key={lesson}>
                    <Link to={lessonUrl(lesson)}>{t(`safety.lesson.${lesson}`)}</Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </section>
    </article>
  );
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, 'safety.metaTitle', { descriptionKey: 'ux.meta.safety' });
