import { Form, Link } from '@remix-run/react';
import { categories } from '~/lib/categories';
import { useI18n } from '~/lib/i18n';
import { provinces } from '~/lib/provinces';
import { type CardListing, ListingGrid } from './components';

// The market page's markup, shared by /market and the benchmark's framework
// floor (which renders it from constants).

export type MarketData = {
  filters: {
    q: string;
    category?: string;
    province?: string;
    minPrice?: number;
    maxPrice?: number;
    verifiedOnly: boolean;
    sort: string;
  };
  deep: boolean;
  fuzzy: boolean;
  next: string | null;
  listings: CardListing[];
};

export function MarketPage({ data }: { data: MarketData }) {
  const { filters, listings, next, fuzzy, deep } = data;
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

