import type { MetaFunction } from '@remix-run/node';
import { Link, useRouteLoaderData } from '@remix-run/react';
import type { loader as rootLoader } from '~/root';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { lightPage } from '~/lib/page-scripts';

// Reading and plain forms: served without the client scripts (app/lib/page-scripts.ts).
export const handle = lightPage;

export default function Home() {
  const { t } = useI18n();
  const signedIn = Boolean(useRouteLoaderData<typeof rootLoader>('root')?.user);
  const pillars = [
    {
      key: 'safety',
      title: t('home.pillar.safety.title'),
      text: t('home.pillar.safety.text'),
      to: '/learn',
      cta: t('home.cta.learn'),
    },
    {
      key: 'peace',
      title: t('home.pillar.peace.title'),
      text: t('home.pillar.peace.text'),
      to: '/mentors',
      cta: t('home.cta.mentors'),
    },
    {
      key: 'livelihoods',
      title: t('home.pillar.livelihoods.title'),
      text: t('home.pillar.livelihoods.text'),
      to: '/market',
      cta: t('home.cta.market'),
    },
  ];
  return (
    <>
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p>{t('home.lead')}</p>
        <p>
          <Link to="/market" className="button">
            {t('home.cta.market')}
          </Link>{' '}
          {/* Signed in, her next step is her own shop, never a second account. */}
          <Link to={signedIn ? '/dashboard' : '/signup'} className="button secondary">
            {signedIn ? t('verification.nav.dashboard') : t('home.cta.signup')}
          </Link>
        </p>
      </section>
      <ul className="cards" aria-label={t('home.pillars')}>
        {pillars.map((p) => (
          <li key={p.key} className="card">
            <h2>{p.title}</h2>
            <p>{p.text}</p>
            <Link to={p.to}>{p.cta}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, 'home.metaTitle', { descriptionKey: 'ux.meta.home' });
