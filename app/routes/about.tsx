import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { operator } from '~/modules/legal/index.server';
import { lightPage } from '~/lib/page-scripts';

// The operator's identity, as the e-commerce decrees require a marketplace to publish.
// Reading and plain forms: served without the client scripts (app/lib/page-scripts.ts).
export const handle = lightPage;

export function loader() {
  return { operator: operator() };
}

export default function About() {
  const { operator } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <article className="legal">
      <h1>{t('legal.about.title')}</h1>
      <p className="lead">{t('legal.about.lead')}</p>
      <h2>{t('legal.about.operator')}</h2>
      <dl className="facts">
        <dt>{t('legal.about.name')}</dt>
        <dd>{operator.name}</dd>
        <dt>{t('legal.about.address')}</dt>
        <dd>{operator.address}</dd>
        <dt>{t('legal.about.email')}</dt>
        <dd>
          <a href={`mailto:${operator.email}`}>{operator.email}</a>
        </dd>
        {operator.phone ? (
          <>
            <dt>{t('legal.about.phone')}</dt>
            <dd>
              <a href={`tel:${operator.phone}`}>{operator.phone}</a>
            </dd>
          </>
        ) : null}
        {operator.registration ? (
          <>
            <dt>{t('legal.about.registration')}</dt>
            <dd>{operator.registration}</dd>
          </>
        ) : null}
      </dl>
      <p>{t('legal.about.complaints')}</p>
      <ul>
        <li>
          <Link to="/terms">{t('legal.about.rules')}</Link>
        </li>
        <li>
          <Link to="/privacy">{t('legal.about.privacy')}</Link>
        </li>
      </ul>
    </article>
  );
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, 'legal.about.title', { descriptionKey: 'ux.meta.about' });
