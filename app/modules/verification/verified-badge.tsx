import { useI18n } from '~/lib/i18n';

type Props = {
  /** The profile's verification status: only "approved" shows the badge (suspended or revoked: nothing, at once). */
  status: string;
  verifiedAt: Date | string | null | undefined;
  /** Small inline badge for cards and listings; the full one explains what was checked. */
  compact?: boolean;
};

/**
 * The Women's Union verified badge, for storefronts, listings and anywhere a
 * seller appears. Works without JavaScript: the explanation is a <details>
 * (full) or a title plus visually hidden text (compact).
 */
export function VerifiedBadge({ status, verifiedAt, compact = false }: Props) {
  const { t, date } = useI18n();
  if (status !== 'approved' || !verifiedAt) return null;
  const explain = t('verification.badge.explain', { date: date(verifiedAt) });
  if (compact) {
    return (
      <span className="verified-badge compact" title={explain}>
        <span aria-hidden="true">✓ </span>
        {t('verification.badge.label')}
        <span className="visually-hidden">: {explain}</span>
      </span>
    );
  }
  return (
    <details className="verified-badge">
      <summary>
        <span aria-hidden="true">✓ </span>
        {t('verification.badge.label')}
      </summary>
      <p>
        <strong>{explain}</strong>
      </p>
      <p>{t('verification.badge.what')}</p>
    </details>
  );
}
