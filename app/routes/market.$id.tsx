import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import type { RootData } from '~/root';
import { ErrorPage } from '~/components/error-page';
import { getUser } from '~/lib/auth.server';
import { categoryName } from '~/lib/categories';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { provinceName } from '~/lib/provinces';
import { ListingGrid, PlainText, VerifiedMark } from '~/modules/market/components';
import { findPublishedListing, listSellerPublished } from '~/modules/market/listings.server';
import { imageUrl } from '~/modules/market/urls.server';
import { AddToCart, RatingSummary } from '~/modules/orders/components';
import { listingReviews, reviewsForPage } from '~/modules/orders';
import { ReviewList } from '~/modules/orders/review-list';
import { absoluteUrl } from '~/lib/origin.server';
import { lightPage } from '~/lib/page-scripts';
import { OriginLine } from '~/modules/ocop/ocop-badge';

// A listing as buyers see it: /market/<id>, under the market it was found in.
// Only published listings of sellers who are not suspended exist here.

// Reading and plain forms: served without the client scripts (app/lib/page-scripts.ts).
export const handle = lightPage;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const listing = await findPublishedListing(params.id);
  if (!listing) throw new Response('Not found', { status: 404 });
  const [related, user, reviews] = await Promise.all([
    listSellerPublished(listing.seller_id, { exclude: listing.id, limit: 6 }),
    getUser(request),
    listingReviews(listing.id),
  ]);
  const first = listing.images[0];
  const ogImage = first ? imageUrl(first.small_key) : null;
  return {
    listing: {
      id: listing.id,
      title: listing.title,
      description: listing.description,
      price: listing.price,
      stock: listing.stock,
      variants: listing.variants.map((v) => ({ ...v, price: Number(v.price) })),
      category: listing.category,
      shippingFee: listing.shipping_fee,
      shippingProvinces: listing.shipping_provinces,
      origin: listing.origin_province,
      ocopStars: listing.ocop_stars,
      maker: listing.maker_name,
      images: listing.images.map((i) => ({
        id: i.id,
        small: imageUrl(i.small_key),
        thumb: imageUrl(i.thumb_key),
        full: imageUrl(i.image_key),
        width: i.width,
        height: i.height,
      })),
    },
    seller: {
      name: listing.seller_name,
      slug: listing.seller_slug,
      province: listing.seller_province,
      verified: listing.seller_verified,
      verifiedAt: listing.seller_verified_at,
      lapsed: listing.seller_lapsed,
      since: listing.seller_since,
      rating: listing.seller_rating,
    },
    related: related.map((r) => ({ ...r, thumbUrl: imageUrl(r.thumb_key) })),
    isOwner: user?.id === listing.seller_id,
    reviews: reviewsForPage(reviews, user?.id),
    og: {
      url: absoluteUrl(`/market/${listing.id}`),
      image: ogImage ? absoluteUrl(ogImage) : null,
      description: listing.description.replace(/\s+/g, ' ').slice(0, 200),
    },
  };
}

export default function ListingPage() {
  const { listing, seller, related, isOwner, reviews } = useLoaderData<typeof loader>();
  const { t, money, date, locale } = useI18n();
  const saveData = useRouteLoaderData<RootData>('root')?.saveData;
  return (
    <article className="listing-page">
      <p className="small">
        <Link to="/market">{t('market.title')}</Link> ›{' '}
        <Link to={`/market?category=${listing.category}`}>{categoryName(listing.category, locale)}</Link>
      </p>
      <h1>{listing.title}</h1>
      <OriginLine origin={listing.origin} ocopStars={listing.ocopStars} maker={listing.maker} />
      {listing.images.length ? (
        <ul className="listing-images" aria-label={t('market.listing.images')}>
          {listing.images.map((image, index) =>
            image.small ? (
              <li key={image.id}>
                <a href={image.full ?? image.small}>
                  {/* The sizes already made (320 px thumbnail, 640 px WebP): the phone picks by its screen;
                      Save data: the thumbnail only, fetched when scrolled to (issue 16). */}
                  <img
                    src={saveData ? (image.thumb ?? image.small) : image.small}
                    srcSet={!saveData && image.thumb ? `${image.thumb} 320w, ${image.small} 640w` : undefined}
                    sizes={!saveData && image.thumb ? '(min-width: 48rem) 20rem, calc(100vw - 2rem)' : undefined}
                    alt={t('market.listing.imageAlt', { title: listing.title, n: index + 1 })}
                    width={Math.min(image.width, saveData ? 320 : 640)}
                    height={Math.round((Math.min(image.width, saveData ? 320 : 640) * image.height) / image.width)}
                    loading={index === 0 && !saveData ? 'eager' : 'lazy'}
                    decoding="async"
                  />
                </a>
              </li>
            ) : null,
          )}
        </ul>
      ) : null}
      <p className="listing-price">{priceRange(listing.variants, listing.price, money)}</p>
      <AddToCart listingId={listing.id} stock={listing.stock} variants={listing.variants} />
      <dl className="facts">
        <dt>{t('market.listing.stock')}</dt>
        <dd>{listing.stock > 0 ? t('market.listing.inStock', { n: listing.stock }) : t('market.stock.none')}</dd>
        <dt>{t('market.listing.shippingFee')}</dt>
        <dd>{listing.shippingFee > 0 ? money(listing.shippingFee) : t('market.listing.freeShipping')}</dd>
        <dt>{t('market.listing.shipsTo')}</dt>
        <dd>
          {listing.shippingProvinces.length
            ? listing.shippingProvinces.map((p) => provinceName(p, locale)).join(', ')
            : t('market.listing.shipsEverywhere')}
        </dd>
      </dl>
      <h2>{t('market.listing.description')}</h2>
      <PlainText text={listing.description} />

      <aside className="card seller-card" aria-label={t('market.seller.label')}>
        <h2>
          <Link to={`/s/${seller.slug}`}>{seller.name}</Link>
        </h2>
        <VerifiedMark
          verified={seller.verified}
          verifiedAt={seller.verifiedAt}
          lapsed={seller.lapsed}
          compact={false}
        />
        <RatingSummary rating={seller.rating} />
        <p className="small">
          {provinceName(seller.province, locale)} · {t('market.seller.since', { date: date(seller.since) })}
        </p>
        <p>
          <Link to={`/s/${seller.slug}`}>{t('market.seller.storefront')}</Link>
        </p>
        {isOwner ? null : (
          <p>
            <Link to={`/messages/new?listing=${listing.id}`}>{t('messaging.link.seller')}</Link>
          </p>
        )}
      </aside>
      {/* Anyone but the seller may report it; anonymous readers are sent to log in first. */}
      {!isOwner ? (
        <p className="small">
          <Link to={`/reports/new?listing=${listing.id}`} rel="nofollow">
            {t('moderation.report.linkListing')}
          </Link>
        </p>
      ) : null}

      {reviews.length ? (
        <section aria-labelledby="listing-reviews-title">
          <h2 id="listing-reviews-title">{t('reviews.listing.title')}</h2>
          <ReviewList reviews={reviews} />
        </section>
      ) : null}

      {related.length ? (
        <>
          <h2>{t('market.listing.related')}</h2>
          <ListingGrid listings={related} label={t('market.listing.related')} />
        </>
      ) : null}
    </article>
  );
}

/** One price, or "from – to" when the options cost different amounts. */
function priceRange(variants: { price: number }[], price: number, money: (n: number) => string) {
  const prices = variants.length ? variants.map((v) => v.price) : [price];
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  return low === high ? money(low) : `${money(low)} – ${money(high)}`;
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return pageMeta(matches, 'market.title');
  const tags = pageMeta(matches, 'market.title', {
    title: data.listing.title,
    description: data.og.description || undefined,
    descriptionKey: 'ux.meta.market',
  });
  tags.push({ property: 'og:type', content: 'product' }, { property: 'og:url', content: data.og.url });
  if (data.og.image)
    tags.push(
      { property: 'og:image', content: data.og.image },
      { name: 'twitter:card', content: 'summary_large_image' },
    );
  return tags;
};

export function ErrorBoundary() {
  return <ErrorPage />;
}
