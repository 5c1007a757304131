import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import type { RootData } from '~/root';
import { categoryName } from '~/lib/categories';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { provinceName } from '~/lib/provinces';
import { isSafeSeller } from '~/modules/learning/badge.server';
import { SafeSellerBadge } from '~/modules/learning/safe-seller-badge';
import { findStorefront } from '~/modules/business';
import { getUser } from '~/lib/auth.server';
import { VerifiedBadge } from '~/modules/verification/verified-badge';
import { storefrontListings } from '~/modules/market/storefront.server';
import { ListingGrid } from '~/modules/market/components';
import { RatingSummary } from '~/modules/orders/components';
import { latestReviews, reviewsForPage } from '~/modules/orders';
import { ReviewList } from '~/modules/orders/review-list';
import { lightPage } from '~/lib/page-scripts';
import { StorefrontMembers } from '~/modules/cooperatives/components';

// The public storefront. Its query selects only public columns: contact
// details never reach this page (buyers see them once they have an order).
// Reading and plain forms: served without the client scripts (app/lib/page-scripts.ts).
export const handle = lightPage;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  const store = /^[a-z0-9-]{1,80}$/.test(slug) ? await findStorefront(slug) : null;
  if (!store) throw new Response('Not found', { status: 404 });
  const viewer = await getUser(request);
  return {
    sellerId: store.user_id,
    isOwner: viewer?.id === store.user_id,
    slug: store.slug,
    businessName: store.business_name,
    ownerName: store.owner_name,
    province: store.province,
    story: store.story,
    categories: store.categories,
    logoUrl: store.logoUrl,
    coverUrl: store.coverUrl,
    status: store.verification_lapsed ? 'lapsed' : store.verification_status,
    verifiedAt: store.verification_status === 'approved' && !store.verification_lapsed ? store.verified_at : null,
    safeSeller: await isSafeSeller(store.user_id),
    listings: await storefrontListings(store.user_id, store.verification_status),
    rating: store.rating,
    reviews: reviewsForPage(await latestReviews(store.user_id), viewer?.id),
    members: store.members && { type: store.business_type, ...store.members },
  };
}

export default function Storefront() {
  const store = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  // Save data (issue 16): the cover is decoration (alt=""), left out.
  const saveData = useRouteLoaderData<RootData>('root')?.saveData;
  return (
    <article>
      {store.coverUrl && !saveData ? (
        <img className="storefront-cover" src={store.coverUrl} alt="" width={1024} height={224} />
      ) : null}
      <header>
        {store.logoUrl ? (
          <img
            className="storefront-logo"
            src={store.logoUrl}
            alt={t('verification.storefront.logoAlt', { name: store.businessName })}
            width={80}
            height={80}
          />
        ) : null}
        <h1>{store.businessName}</h1>
        <p>
          {t('verification.storefront.by', { name: store.ownerName })} · {provinceName(store.province, locale)}
        </p>
        {store.status === 'approved' ? (
          <VerifiedBadge status={store.status} verifiedAt={store.verifiedAt} />
        ) : store.status === 'lapsed' ? (
          <p className="muted" data-testid="verification-expired">
            {t('renewal.expired')}
          </p>
        ) : (
          <p className="muted">{t('verification.storefront.notVerified')}</p>
        )}
        {store.safeSeller ? <SafeSellerBadge /> : null}
      </header>
      {store.categories.length ? (
        <p>
          <strong>{t('verification.storefront.categories')}:</strong>{' '}
          {store.categories.map((c) => categoryName(c, locale)).join(', ')}
        </p>
      ) : null}
      {store.story ? (
        <section>
          <h2>{t('verification.storefront.story')}</h2>
          <p style={{ whiteSpace: 'pre-line' }}>{store.story}</p>
        </section>
      ) : null}
      <StorefrontMembers members={store.members} />
      <p className="muted">{t('verification.storefront.contactPrivate')}</p>
      {/* Anyone but the owner may report the shop; anonymous readers log in first. */}
      {store.isOwner ? null : (
        <p className="small">
          <Link to={`/reports/new?user=${store.sellerId}`} rel="nofollow">
            {t('moderation.report.linkUser')}
          </Link>
        </p>
      )}
      <section aria-labelledby="reviews-title">
        <h2 id="reviews-title">{t('orders.rating.latest')}</h2>
        <RatingSummary rating={store.rating} />
        <ReviewList reviews={store.reviews} />
      </section>

      {/* ---- market: the seller's listings go here (market helper). Use loader data `sellerId`. ---- */}
      <section id="listings" aria-labelledby="listings-title">
        <h2 id="listings-title">{t('verification.storefront.listings')}</h2>
        {store.listings.length ? (
          <ListingGrid listings={store.listings} label={t('verification.storefront.listings')} lead={!store.coverUrl} />
        ) : (
          <p className="muted">{t('market.storefront.none')}</p>
        )}
      </section>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, 'verification.storefront.story', {
    title: data?.businessName,
    description: data?.story?.slice(0, 160) || undefined,
    descriptionKey: 'ux.meta.storefront',
    params: { name: data?.businessName ?? '' },
  });
