import type { MetaFunction } from '@remix-run/node';
import { Link, useSearchParams } from '@remix-run/react';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { lightPage } from '~/lib/page-scripts';

// What works without a connection (issue 16). The service worker keeps this page and
// shows it for any page it has no copy of; it also leads here after keeping an answer
// made offline (?queued=1).
export const handle = lightPage;

export default function Offline() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  return (
    <section className="narrow">
      <h1>{t('lastmile.offline.title')}</h1>
      {params.get('queued') ? (
        <p className="notice" role="status">
          {t('lastmile.offline.queued')}
        </p>
      ) : null}
      <p>{t('lastmile.offline.lead')}</p>
      <ul>
        <li>{t('lastmile.offline.lessons')}</li>
        <li>
          <Link to="/safety">{t('nav.safety')}</Link>
        </li>
        <li>{t('lastmile.offline.answers')}</li>
      </ul>
      <p>{t('lastmile.offline.notKept')}</p>
      <p>
        <Link to="/learn">{t('nav.learn')}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'lastmile.offline.title');
