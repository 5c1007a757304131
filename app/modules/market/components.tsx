import { Link, useRouteLoaderData } from '@remix-run/react';
import type { RootData } from '~/root';
import { categoryName } from '~/lib/categories';
import { useI18n } from '~/lib/i18n';
import { provinceName } from '~/lib/provinces';
import { OcopBadge } from '~/modules/ocop/ocop-badge';
import { VerifiedBadge } from '~/modules/verification/verified-badge';

// The market's own UI pieces: a listing card for result grids and a listing's
// description shown as text with its line breaks.

export type CardListing = {
  id: string;
  title: string;
  price: number;
  stock: number;
  category: string;
  thumbUrl: string | null;
  /** Verified OCOP stars (issue 20), shown as on the listing page. */
  ocopStars?: number | null;
  seller?: {
    name: string;
    province: string;
    verified: boolean;
    verifiedAt: Date | string | null;
    lapsed?: boolean;
  } | null;
};

/** The verification helper's badge, for a seller who is verified now (revoked or suspended: nothing). */
export function VerifiedMark({
  verified,
  verifiedAt,
  lapsed = false,
  compact = true,
}: {
  verified: boolean;
  verifiedAt: Date | string | null;
  /** Her approval lapsed and is not renewed yet (issue 19): no badge, a plain "verification expired". */
  lapsed?: boolean;
  compact?: boolean;
}) {
  if (lapsed) return <ExpiredMark />;
  return <VerifiedBadge status={verified ? 'approved' : 'none'} verifiedAt={verifiedAt} compact={compact} />;
}

function ExpiredMark() {
  const { t } = useI18n();
  return (
    <span className="muted small" data-testid="verification-expired">
      {t('renewal.expired')}
    </span>
  );
}

/** The first card of a page is what shows first (the largest paint): fetched at once, before the others. */
const firstImage = { loading: 'eager', fetchpriority: 'high' } as const;
const laterImage = { loading: 'lazy' } as const;

export function ListingCard({ listing, first = false }: { listing: CardListing; first?: boolean }) {
  const { t, money, locale } = useI18n();
  // Save data: no image is fetched before she scrolls to it.
  const saveData = useRouteLoaderData<RootData>('root')?.saveData;
  return (
    <li className="listing-card">
      <Link to={`/market/${listing.id}`} className="listing-card-link">
        {listing.thumbUrl ? (
          <img
            src={listing.thumbUrl}
            alt=""
            width={160}
            height={160}
            decoding="async"
            {...(first && !saveData ? firstImage : laterImage)}
          />
        ) : (
          <span className="listing-card-noimg" aria-hidden="true" />
        )}
        <span className="listing-card-title">{listing.title}</span>
      </Link>
      <span className="listing-card-price">{money(listing.price)}</span>
      {listing.ocopStars ? (
        <span className="small">
          <OcopBadge stars={listing.ocopStars} />
        </span>
      ) : null}
      <span className="muted small">
        {categoryName(listing.category, locale)}
        {listing.stock === 0 ? ` · ${t('market.stock.none')}` : ''}
      </span>
      {listing.seller ? (
        <span className="small">
          {listing.seller.name} · {provinceName(listing.seller.province, locale)}{' '}
          <VerifiedMark
            verified={listing.seller.verified}
            verifiedAt={listing.seller.verifiedAt}
            lapsed={listing.seller.lapsed}
          />
        </span>
      ) : null}
    </li>
  );
}

/** `lead`: the grid is the page's main content, so its first image is not lazy (issue 22). */
export function ListingGrid({
  listings,
  label,
  lead = false,
}: {
  listings: CardListing[];
  label: string;
  lead?: boolean;
}) {
  return (
    <ul className="listing-grid" aria-label={label}>
      {listings.map((l, index) => (
        <ListingCard key={l.id} listing={l} first={lead && index === 0} />
      ))}
    </ul>
  );
}

/** Plain text with its line breaks; any markup the seller typed shows as text (React escapes it). */
export function PlainText({ text }: { text: string }) {
  return <div className="plain-text">{text}</div>;
}
