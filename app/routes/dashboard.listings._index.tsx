import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { Field, FormError } from '~/components/form';
import { requireSeller } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { listStateSchema, parseVariantStocks, quickEditSchema, quickPriceSchema } from '~/modules/market/forms.server';
import { variantStockField } from '~/modules/market/quick-stock';
import {
  changeListingState,
  listSellerListings,
  mayPublish,
  quickEditListing,
  requireEditableListing,
  sellerStatus,
} from '~/modules/market/listings.server';
import { imageUrl } from '~/modules/market/urls.server';

// The seller's listings: state, stock, quick edit of price and stock, and
// publish/archive in one click. Everything here is hers: the queries say so.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const [status, listings] = await Promise.all([sellerStatus(user.sellerId), listSellerListings(user.sellerId)]);
  return {
    mayPublish: mayPublish(status),
    listings: listings.map((l) => ({ ...l, thumbUrl: imageUrl(l.thumb_key) })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireSeller(request);
  const form = await readForm(request);
  const id = String(form.get('id') ?? '');
  // 404 for no such listing, 403 for another seller's.
  await requireEditableListing({ id: user.sellerId }, id);
  if (form.get('intent') === 'state') {
    const parsed = parseForm(form, listStateSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    const changed = await changeListingState(user.sellerId, parsed.data.id, parsed.data.to);
    if (!changed.ok) return formError(form, { form: changed.error });
    return redirect(`/dashboard/listings?notice=notice.market.${parsed.data.to}`);
  }
  // A listing with named variants sends a stock field per variant instead of one stock.
  const stocks = parseVariantStocks(form);
  let saved;
  if (stocks) {
    const parsed = parseForm(form, quickPriceSchema);
    const errors = { ...(parsed.ok ? {} : parsed.reply.errors), ...stocks.errors };
    if (!parsed.ok || Object.keys(stocks.errors).length) return formError(form, errors);
    saved = await quickEditListing(user.sellerId, parsed.data.id, {
      price: parsed.data.price,
      variants: stocks.variants,
    });
  } else {
    const parsed = parseForm(form, quickEditSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    saved = await quickEditListing(user.sellerId, parsed.data.id, parsed.data);
  }
  if (!saved.ok) return formError(form, { form: saved.error });
  return redirect('/dashboard/listings?notice=notice.saved');
}

export default function SellerListings() {
  const { listings, mayPublish } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, money } = useI18n();
  const failedId = reply?.values?.id;
  return (
    <section>
      <h1>{t('market.dashboard.title')}</h1>
      {!mayPublish ? <p className="notice-warn">{t('market.dashboard.notVerified')}</p> : null}
      <p>
        <Link to="/dashboard/listings/new" className="button">
          {t('market.dashboard.new')}
        </Link>
      </p>
      {listings.length === 0 ? <p>{t('market.dashboard.empty')}</p> : null}
      <ul className="seller-listings">
        {listings.map((l) => {
          const rowReply = failedId === l.id ? reply : undefined;
          return (
            <li key={l.id} className="card">
              <div className="seller-listing-head">
                {l.thumbUrl ? <img src={l.thumbUrl} alt="" width={64} height={64} loading="lazy" /> : null}
                <div>
                  <Link to={`/dashboard/listings/${l.id}`}>{l.title}</Link>
                  <div className="small">
                    <span className={`state state-${l.state}`}>{t(`market.state.${l.state}`)}</span>
                    {l.moderation_state === 'held' || l.moderation_state === 'hidden' ? (
                      <> · {t(`moderation.state.${l.moderation_state}`)}</>
                    ) : null}{' '}
                    · {money(l.price)} · {t('market.dashboard.stock', { n: l.stock })}
                  </div>
                </div>
              </div>
              <FormError
                reply={rowReply}
                idPrefix={`quick-${l.id}`}
                labels={Object.fromEntries([
                  ['price', t('market.field.price')],
                  ['stock', t('market.field.stock')],
                  ...l.variants.map((v) => [variantStockField(v.id), v.name]),
                ])}
              />
              <Form
                noValidate
                method="post"
                className="quick-edit"
                aria-label={t('market.dashboard.quickEdit', { title: l.title })}
              >
                <input type="hidden" name="intent" value="quick" />
                <input type="hidden" name="id" value={l.id} />
                <label>
                  {t('market.field.price')}
                  <input
                    id={`quick-${l.id}-price`}
                    type="text"
                    inputMode="numeric"
                    name="price"
                    defaultValue={rowReply?.values?.price ?? String(l.price)}
                    maxLength={20}
                    aria-invalid={rowReply?.errors?.price ? true : undefined}
                  />
                </label>
                {l.variants.length ? (
                  <fieldset className="quick-variants">
                    <legend>{t('quickstock.legend')}</legend>
                    {l.variants.map((v) => (
                      <Field
                        key={v.id}
                        idPrefix={`quick-${l.id}`}
                        name={variantStockField(v.id)}
                        label={v.name}
                        inputMode="numeric"
                        maxLength={7}
                        reply={rowReply}
                        defaultValue={String(v.stock)}
                      />
                    ))}
                  </fieldset>
                ) : (
                  <label>
                    {t('market.field.stock')}
                    <input
                      id={`quick-${l.id}-stock`}
                      type="text"
                      inputMode="numeric"
                      name="stock"
                      defaultValue={rowReply?.values?.stock ?? String(l.stock)}
                      maxLength={7}
                      aria-invalid={rowReply?.errors?.stock ? true : undefined}
                    />
                  </label>
                )}
                <button type="submit" className="secondary">
                  {t('common.save')}
                </button>
              </Form>
              <Form noValidate method="post" className="inline-form">
                <input type="hidden" name="intent" value="state" />
                <input type="hidden" name="id" value={l.id} />
                {l.state !== 'published' &&
                mayPublish &&
                l.moderation_state !== 'held' &&
                l.moderation_state !== 'hidden' ? (
                  <button type="submit" name="to" value="published">
                    {t('market.action.publish')}
                  </button>
                ) : null}{' '}
                {l.state !== 'archived' ? (
                  <button type="submit" name="to" value="archived" className="secondary">
                    {t('market.action.archive')}
                  </button>
                ) : null}
              </Form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'market.dashboard.title');

export function ErrorBoundary() {
  return <ErrorPage />;
}
