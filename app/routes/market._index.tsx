import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { isCategoryCode } from '~/lib/categories';
import { pageMeta } from '~/lib/meta';
import { isProvinceCode } from '~/lib/provinces';
import { ErrorPage } from '~/components/error-page';
import { MarketPage } from '~/modules/market/market-page';
import { searchListings, similarListings } from '~/modules/market/listings.server';
import { decodeCursor, isSort, type Sort } from '~/modules/market/search.server';
import { imageUrl } from '~/modules/market/urls.server';
import { lightPage } from '~/lib/page-scripts';

// The market: a GET form (works without JavaScript), full-text search that
// ignores diacritics, filters, sorts and keyset pagination (?after=<cursor>).

function priceParam(value: string | null) {
  const digits = (value ?? '').replace(/[.,\s₫]/g, '');
  return /^\d{1,13}$/.test(digits) ? Number(digits) : undefined;
}

// Reading and plain forms: served without the client scripts (app/lib/page-scripts.ts).
export const handle = lightPage;

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const q = (params.get('q') ?? '').trim().slice(0, 100);
  const category = params.get('category');
  const province = params.get('province');
  const sortParam = params.get('sort');
  const filters = {
    q,
    category: isCategoryCode(category) ? category : undefined,
    province: isProvinceCode(province) ? province : undefined,
    minPrice: priceParam(params.get('min')),
    maxPrice: priceParam(params.get('max')),
    // On by default: off only when the form was sent with the box unticked.
    verifiedOnly: !params.has('f') || params.get('verified') === '1',
    ocopOnly: params.get('ocop') === '1',
    sort: (isSort(sortParam) ? sortParam : q ? 'relevance' : 'newest') as Sort,
    after: decodeCursor(params.get('after')),
  };
  const result = await searchListings(filters);
  let fuzzy = false;
  let rows = result.listings;
  if (!rows.length && q && !filters.after) {
    rows = await similarListings(q, filters);
    fuzzy = rows.length > 0;
  }
  return {
    filters: { ...filters, sort: result.sort, after: undefined },
    deep: Boolean(filters.after),
    fuzzy,
    next: fuzzy ? null : result.next,
    listings: rows.map((l) => ({
      id: l.id,
      title: l.title,
      price: l.price,
      stock: l.stock,
      category: l.category,
      thumbUrl: imageUrl(l.thumb_key),
      ocopStars: l.ocop_stars,
      seller: {
        name: l.seller_name,
        province: l.seller_province,
        verified: l.seller_verified,
        verifiedAt: l.seller_verified_at,
        lapsed: l.seller_lapsed,
      },
    })),
  };
}

export default function Market() {
  const data = useLoaderData<typeof loader>();
  return <MarketPage data={data} />;
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, 'market.title', { descriptionKey: 'ux.meta.market' });

export function ErrorBoundary() {
  return <ErrorPage />;
}
