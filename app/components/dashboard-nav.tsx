import { Link, NavLink, useRouteLoaderData } from '@remix-run/react';
import type { loader as rootLoader } from '~/root';
import { useI18n } from '~/lib/i18n';

/**
 * The seller's area in one row: every page of it is one tap from the others, and
 * "add a product" is always in reach (issue 22: no dead end after verification).
 */
export function DashboardNav() {
  const { t } = useI18n();
  const user = useRouteLoaderData<typeof rootLoader>('root')?.user;
  const isMentor = user?.isMentor ?? false;
  const isEntrepreneur = user?.isEntrepreneur ?? false;
  return (
    <nav className="dashboard-nav" aria-label={t('dashboard.nav.label')}>
      <ul>
        <li>
          <NavLink to="/dashboard" end>
            {t('dashboard.nav.home')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/dashboard/verification">{t('dashboard.nav.verification')}</NavLink>
        </li>
        {isEntrepreneur ? (
          <>
            <li>
              <NavLink to="/dashboard/listings" end>
                {t('dashboard.nav.listings')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/dashboard/orders">{t('dashboard.nav.orders')}</NavLink>
            </li>
            <li>
              <NavLink to="/dashboard/payout">{t('dashboard.nav.payout')}</NavLink>
            </li>
            <li>
              <NavLink to="/dashboard/shipping">{t('shipping.nav')}</NavLink>
            </li>
            <li>
              <NavLink to="/dashboard/cooperative">{t('coop.nav')}</NavLink>
            </li>
          </>
        ) : null}
        {isMentor ? (
          <li>
            <NavLink to="/dashboard/mentoring">{t('dashboard.nav.mentoring')}</NavLink>
          </li>
        ) : null}
        {isMentor ? (
          <li>
            <NavLink to="/dashboard/group-sessions">{t('dashboard.nav.groupSessions')}</NavLink>
          </li>
        ) : null}
        {isEntrepreneur ? (
          <li>
            <Link to="/dashboard/listings/new" className="button">
              {t('dashboard.nav.addProduct')}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
