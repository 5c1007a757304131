import { useI18n } from '~/lib/i18n';
import { provinceName } from '~/lib/provinces';

/** A verified OCOP rating as a badge ("OCOP 4 sao"). Unverified claims are never shown to buyers. */
export function OcopBadge({ stars }: { stars: number | null | undefined }) {
  const { t } = useI18n();
  if (!stars) return null;
  return (
    <span className="badge ocop-badge" title={t('ocop.badgeTitle')}>
      {t('ocop.badge', { stars })}
    </span>
  );
}

/** Under a listing's title: its OCOP badge, province of origin and the cooperative member who made it. */
export function OriginLine({
  origin,
  ocopStars,
  maker,
}: {
  origin: string | null;
  ocopStars: number | null;
  maker: string | null;
}) {
  const { t, locale } = useI18n();
  if (!origin && !ocopStars && !maker) return null;
  return (
    <p className="origin-line">
      <OcopBadge stars={ocopStars} />
      {origin ? <span> {t('ocop.origin', { province: provinceName(origin, locale) })}</span> : null}
      {maker ? <span> · {t('coop.maker', { name: maker })}</span> : null}
    </p>
  );
}
