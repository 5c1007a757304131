import type { MetaFunction } from '@remix-run/node';
import { Link, useRouteLoaderData } from '@remix-run/react';
import { Icon, type IconName } from '~/components/icons';
import { useI18n, type MessageKey } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { lightPage } from '~/lib/page-scripts';
import { AccountActions, type loader as rootLoader } from '~/root';

// "More" on the bottom bar: every destination as a plain link list, so the whole
// site is reachable on a phone without scripts. It shows only what the root loader
// already knows (her roles), so it needs no loader of its own.
export const handle = lightPage;

type Item = { to: string; icon: IconName; label: MessageKey };

export default function Menu() {
  const data = useRouteLoaderData<typeof rootLoader>('root');
  const { t } = useI18n();
  const user = data?.user ?? null;
  const browse: Item[] = [
    { to: '/market', icon: 'market', label: 'nav.market' },
    { to: '/learn', icon: 'learn', label: 'nav.learn' },
    { to: '/mentors', icon: 'mentors', label: 'nav.mentors' },
    { to: '/safety', icon: 'safety', label: 'nav.safety' },
  ];
  const mine: Item[] = user
    ? [
        { to: '/messages', icon: 'messages', label: 'messaging.nav' },
        { to: '/notifications', icon: 'bell', label: 'notifications.nav' },
        { to: '/cart', icon: 'cart', label: 'orders.nav.cart' },
        { to: '/orders', icon: 'orders', label: 'orders.nav.orders' },
        { to: '/dashboard', icon: 'dashboard', label: 'verification.nav.dashboard' },
        { to: '/sessions', icon: 'calendar', label: 'mentoring.nav.sessions' },
        { to: '/account', icon: 'mentors', label: 'lastmile.menu.account' },
      ]
    : [
        { to: '/login', icon: 'mentors', label: 'nav.login' },
        { to: '/signup', icon: 'mentors', label: 'nav.signup' },
        { to: '/cart', icon: 'cart', label: 'orders.nav.cart' },
      ];
  const staff: Item[] = user?.isStaff
    ? [
        { to: '/staff/verifications', icon: 'staff', label: 'staff.nav.verifications' },
        { to: '/staff/reports', icon: 'staff', label: 'moderation.nav.reports' },
        { to: '/staff/ocop', icon: 'staff', label: 'ocop.queue.title' },
      ]
    : [];
  const section = (title: MessageKey, items: Item[]) =>
    items.length ? (
      <section>
        <h2>{t(title)}</h2>
        <ul className="menu-list">
          {items.map((item) => (
            <li key={item.to}>
              <Link to={item.to}>
                <Icon name={item.icon} />
                {t(item.label)}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    ) : null;
  return (
    <>
      <h1>{t('lastmile.menu.title')}</h1>
      <p>{t('lastmile.menu.lead')}</p>
      {section('lastmile.menu.browse', browse)}
      {section('lastmile.menu.mine', mine)}
      {section('lastmile.menu.staff', staff)}
      <h2>{t('lastmile.menu.language')}</h2>
      <AccountActions />
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'lastmile.menu.title');
