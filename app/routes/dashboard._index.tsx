import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { hasRole, requireUser } from '~/lib/auth.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { findOwnBusinessProfile } from '~/modules/business';
import { VerifiedBadge } from '~/modules/verification/verified-badge';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const profile = await findOwnBusinessProfile(user.id);
  return {
    displayName: user.displayName,
    status: profile?.verification_status ?? null,
    verifiedAt: profile?.verified_at ?? null,
    isEntrepreneur: hasRole(user, 'entrepreneur'),
    isMentor: hasRole(user, 'mentor'),
  };
}

export default function DashboardHome() {
  const { displayName, status, verifiedAt, isEntrepreneur, isMentor } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('dashboard.home.title', { name: displayName })}</h1>
      <div className="status-box">
        <p>
          <strong>{t('verification.dashboard.state')}:</strong>{' '}
          {status ? (
            <>
              {t(`verification.status.${status}`)} <VerifiedBadge status={status} verifiedAt={verifiedAt} compact />
            </>
          ) : (
            t('dashboard.home.noProfile')
          )}
        </p>
        <p>
          <Link to="/dashboard/verification">{t('dashboard.home.toVerification')}</Link>
        </p>
      </div>
      <ul className="stack">
        {isEntrepreneur ? (
          <>
            <li>
              <Link to="/dashboard/listings">{t('dashboard.nav.listings')}</Link> — {t('dashboard.home.listings')}
            </li>
            <li>
              <Link to="/dashboard/orders">{t('dashboard.nav.orders')}</Link> — {t('dashboard.home.orders')}
            </li>
            <li>
              <Link to="/dashboard/payout">{t('dashboard.nav.payout')}</Link> — {t('dashboard.home.payout')}
            </li>
          </>
        ) : null}
        {isMentor ? (
          <li>
            <Link to="/dashboard/mentoring">{t('dashboard.nav.mentoring')}</Link> — {t('dashboard.home.mentoring')}
          </li>
        ) : null}
      </ul>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'dashboard.home.heading');
