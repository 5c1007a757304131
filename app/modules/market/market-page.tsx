import { Form, Link } from '@remix-run/react';
import { Field, SelectField } from '~/components/form';
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
    /** Verified OCOP products only (issue 20). */
    ocopOnly?: boolean;
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
    if (filters.ocopOnly) nextParams.set('ocop', '1');
    nextParams.set('sort', filters.sort);
    nextParams.set('after', next);
  }
  const firstPage = new URLSearchParams(nextParams);
  firstPage.delete('after');
  return (
    <section>
      <h1>{t('market.title')}</h1>
      <Form noValidate method="get" className="market-search" role="search">
        <input type="hidden" name="f" value="1" />
        <div className="field">
          <label htmlFor="market-q">{t('market.search.label')}</label>
          <input
            id="market-q"
            type="search"
            name="q"
            defaultValue={filters.q}
            maxLength={100}
            placeholder={t('market.search.placeholder')}
          />
        </div>
        {/* Collapsed so the first products show on a phone's first screen; open when a filter is in use. */}
        <details
          className="market-more"
          open={
            Boolean(
              filters.category ||
              filters.province ||
              filters.ocopOnly ||
              filters.minPrice !== undefined ||
              filters.maxPrice !== undefined,
            ) || undefined
          }
        >
          <summary>{t('ux.market.filters')}</summary>
          <div className="market-filters">
            <SelectField
              idPrefix="market"
              name="category"
              label={t('market.filter.category')}
              defaultValue={filters.category ?? ''}
              options={[
                { value: '', label: t('market.filter.any') },
                ...categories.map((c) => ({ value: c.code, label: c[locale] })),
              ]}
            />
            <SelectField
              idPrefix="market"
              name="province"
              label={t('market.filter.province')}
              defaultValue={filters.province ?? ''}
              options={[
                { value: '', label: t('market.filter.any') },
                ...provinces.map((p) => ({ value: p.code, label: p[locale] })),
              ]}
            />
            <Field
              idPrefix="market"
              name="min"
              label={t('market.filter.minPrice')}
              inputMode="numeric"
              defaultValue={filters.minPrice?.toString() ?? ''}
              maxLength={16}
            />
            <Field
              idPrefix="market"
              name="max"
              label={t('market.filter.maxPrice')}
              inputMode="numeric"
              defaultValue={filters.maxPrice?.toString() ?? ''}
              maxLength={16}
            />
            <SelectField
              idPrefix="market"
              name="sort"
              label={t('market.sort.label')}
              defaultValue={filters.sort}
              options={[
                { value: 'relevance', label: t('market.sort.relevance') },
                { value: 'newest', label: t('market.sort.newest') },
                { value: 'price_asc', label: t('market.sort.priceAsc') },
                { value: 'price_desc', label: t('market.sort.priceDesc') },
              ]}
            />
            <label className="checkbox">
              <input type="checkbox" name="verified" value="1" defaultChecked={filters.verifiedOnly} />{' '}
              {t('market.filter.verifiedOnly')}
            </label>
            <label className="checkbox">
              <input type="checkbox" name="ocop" value="1" defaultChecked={filters.ocopOnly} /> {t('ocop.filter')}
            </label>
          </div>
        </details>
        <button type="submit">{t('market.search.submit')}</button>
      </Form>

      {fuzzy ? <p className="muted">{t('market.results.fuzzy', { q: filters.q })}</p> : null}
      {listings.length ? (
        <ListingGrid listings={listings} label={t('market.results.label')} lead />
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
