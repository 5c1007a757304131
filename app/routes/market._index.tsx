import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { categories, isCategoryCode } from '~/lib/categories';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { isProvinceCode, provinces } from '~/lib/provinces';
import { ErrorPage } from '~/components/error-page';
import { ListingGrid } from '~/modules/market/components';
import { searchListings, similarListings } from '~/modules/market/listings.server';
import { decodeCursor, isSort, type Sort } from '~/modules/market/search.server';
import { imageUrl } from '~/modules/market/urls.server';

// The market: a GET form (works without JavaScript), full-text search that
// ignores diacritics, filters, sorts and keyset pagination (?after=<cursor>).

function priceParam(value: string | null) {
  const digits = (value ?? '').replace(/[.,\s₫]/g, '');
  return /^\d{1,13}$/.test(digits) ? Number(digits) : undefined;
}

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
    sort: (isSort(sortParam) ? sortParam : q ? 'relevance' : 'newest') as Sort,
    after: decodeCursor(params.get('after')),
  };
  const result = await searchListings(filters);
  let fuzzy = false;
  let rows = result.listings;
  if (!rows.length && q && !filters.after) {
    rows = await similarListings(q, filters.verifiedOnly);
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
      seller: { name: l.seller_name, province: l.seller_province, verified: l.seller_verified },
    })),
  };
}

export default function Market() {
  const { filters, listings, next, fuzzy, deep } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const nextParams = new URLSearchParams();
  if (next) {
    if (filters.q) nextParams.set('q', filters.q);
    if (filters.category) nextParams.set('category', filters.category);
    if (filters.province) nextParams.set('province', filters.province);
    if (filters.minPrice !== undefined) nextParams.set('min', String(filters.minPrice));
    if (filters.maxPrice !== undefined) nextParams.set('max', String(filters.maxPrice));
    nextParams.set('f', '1');
    if (filters.verifiedOnly) nextParams.set('verified', '1');
    nextParams.set('sort', filters.sort);
    nextParams.set('after', next);
  }
  const firstPage = new URLSearchParams(nextParams);
  firstPage.delete('after');
  return (
    <section>
      <h1>{t('market.title')}</h1>
      <Form method="get" className="market-search" role="search">
        <input type="hidden" name="f" value="1" />
        <div className="field">
          <label htmlFor="market-q">{t('market.search.label')}</label>
          <input id="market-q" type="search" name="q" defaultValue={filters.q} maxLength={100} placeholder={t('market.search.placeholder')} />
        </div>
        <div className="market-filters">
          <div className="field">
            <label htmlFor="market-category">{t('market.filter.category')}</label>
            <select id="market-category" name="category" defaultValue={filters.category ?? ''}>
              <option value="">{t('market.filter.any')}</option>
              {categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {c[locale]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="market-province">{t('market.filter.province')}</label>
            <select id="market-province" name="province" defaultValue={filters.province ?? ''}>
              <option value="">{t('market.filter.any')}</option>
              {provinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {p[locale]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="market-min">{t('market.filter.minPrice')}</label>
            <input id="market-min" type="text" inputMode="numeric" name="min" defaultValue={filters.minPrice ?? ''} maxLength={16} />
          </div>
          <div className="field">
            <label htmlFor="market-max">{t('market.filter.maxPrice')}</label>
            <input id="market-max" type="text" inputMode="numeric" name="max" defaultValue={filters.maxPrice ?? ''} maxLength={16} />
          </div>
          <div className="field">
            <label htmlFor="market-sort">{t('market.sort.label')}</label>
            <select id="market-sort" name="sort" defaultValue={filters.sort}>
              <option value="relevance">{t('market.sort.relevance')}</option>
              <option value="newest">{t('market.sort.newest')}</option>
              <option value="price_asc">{t('market.sort.priceAsc')}</option>
              <option value="price_desc">{t('market.sort.priceDesc')}</option>
            </select>
          </div>
          <label className="checkbox">
            <input type="checkbox" name="verified" value="1" defaultChecked={filters.verifiedOnly} /> {t('market.filter.verifiedOnly')}
          </label>
        </div>
        <button type="submit">{t('market.search.submit')}</button>
      </Form>

      {fuzzy ? <p className="muted">{t('market.results.fuzzy', { q: filters.q })}</p> : null}
      {listings.length ? (
        <ListingGrid listings={listings} label={t('market.results.label')} />
      ) : (
        <p>{t('market.results.none')}</p>
      )}
      <nav className="pager" aria-label={t('market.pager.label')}>
        {deep ? <Link to={`/market?${firstPage}`}>{t('market.pager.first')}</Link> : null}
        {next ? (
          <Link to={`/market?${nextParams}`} rel="next">
            {t('market.pager.next')}
          </Link>
        ) : null}
      </nav>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'market.title');

export function ErrorBoundary() {
  return <ErrorPage />;
}
