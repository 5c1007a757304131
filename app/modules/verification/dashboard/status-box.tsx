import { Link } from '@remix-run/react';
import { useI18n } from '~/lib/i18n';
import type { VerificationStatus } from '../states';
import { VerifiedBadge } from '../verified-badge';

/** Where her request stands, what comes next, and her storefront. */
export function StatusBox({
  status,
  verifiedAt,
  slug,
}: {
  status: VerificationStatus;
  verifiedAt: string | Date | null;
  slug: string | null;
}) {
  const { t } = useI18n();
  return (
    <div className="status-box" role="status" aria-live="polite">
      <p>
        <strong>{t('verification.dashboard.state')}:</strong>{' '}
        <span data-testid="verification-status">{t(`verification.status.${status}`)}</span>{' '}
        <VerifiedBadge status={status} verifiedAt={verifiedAt} compact />
      </p>
      <p>{t(`verification.next.${status}`)}</p>
      {status === 'approved' ? (
        <p>
          <Link to="/dashboard/listings/new" className="button">
            {t('dashboard.verified.addFirst')}
          </Link>
        </p>
      ) : null}
      {slug ? (
        <p>
          <Link to={`/s/${slug}`}>{t('verification.dashboard.viewStorefront')}</Link>
        </p>
      ) : null}
    </div>
  );
}
