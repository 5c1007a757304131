import { Link } from '@remix-run/react';
import { useI18n } from '~/lib/i18n';

/** The Safe Seller badge, linking to what it means. Show it next to the verified badge. */
export function SafeSellerBadge() {
  const { t } = useI18n();
  return (
    <Link to="/learn/safe-seller" className="badge-safe-seller" title={t('learning.badge.title')}>
      <span aria-hidden="true">🛡️ </span>
      {t('learning.badge.name')}
    </Link>
  );
}
