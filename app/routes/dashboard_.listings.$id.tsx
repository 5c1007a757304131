import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { FormError } from '~/components/form';
import { requireRole } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { listingSchema, stateSchema } from '~/modules/market/forms.server';
import { changeListingState, mayPublish, nextStates, requireEditableListing, updateListing } from '~/modules/market/listings.server';
import { ListingForm } from '~/modules/market/listing-form';
import { imageUrl } from '~/modules/market/urls.server';

// Editing one listing: its fields, its state, its images. Another seller's
// listing answers 403 (loader and action both ask the same rule).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'entrepreneur');
  const listing = await requireEditableListing(user, params.id);
  return {
    listing: {
      id: listing.id,
      title: listing.title,
      description: listing.description,
      price: listing.price,
      stock: listing.stock,
      category: listing.category,
      shippingFee: listing.shipping_fee,
      shippingProvinces: listing.shipping_provinces,
      state: listing.state,
      images: listing.images.map((i) => ({ id: i.id, url: imageUrl(i.thumb_key) })),
    },
    mayPublish: mayPublish(listing.seller_status),
    next: nextStates(listing.state),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, 'entrepreneur');
  const listing = await requireEditableListing(user, params.id);
  const form = await readForm(request);
  const intent = form.get('intent');
  if (intent === 'state') {
    const parsed = parseForm(form, stateSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    const changed = await changeListingState(user.id, listing.id, parsed.data.to);
    if (!changed.ok) return formError(form, { form: changed.error }, changed.error === 'market.state.notVerified' ? 403 : 400);
    return redirect(`/dashboard/listings/${listing.id}?notice=notice.market.${parsed.data.to}`);
  }
  const parsed = parseForm(form, listingSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  await updateListing(user.id, listing.id, parsed.data);
  return redirect(`/dashboard/listings/${listing.id}?notice=notice.saved`);
}

export default function EditListing() {
  const { listing, mayPublish, next } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  const stateReply = reply?.values?.intent === 'state' ? reply : undefined;
  const saveReply = reply?.values?.intent === 'state' ? undefined : reply;
  return (
    <section className="narrow">
      <p className="small">
        <Link to="/dashboard/listings">{t('market.dashboard.title')}</Link>
      </p>
      <h1>{listing.title}</h1>
      <p>
        {t('market.edit.state')} <span className={`state state-${listing.state}`}>{t(`market.state.${listing.state}`)}</span>
        {listing.state === 'published' ? (
          <>
            {' · '}
            <Link to={`/market/${listing.id}`}>{t('market.edit.view')}</Link>
          </>
        ) : null}
      </p>
      {!mayPublish ? <p className="notice-warn">{t('market.dashboard.notVerified')}</p> : null}
      <Form method="post" className="inline-form">
        <FormError reply={stateReply} />
        <input type="hidden" name="intent" value="state" />
        {next.includes('published') && mayPublish ? (
          <button type="submit" name="to" value="published">
            {t('market.action.publish')}
          </button>
        ) : null}{' '}
        {next.includes('draft') ? (
          <button type="submit" name="to" value="draft" className="secondary">
            {t('market.action.draft')}
          </button>
        ) : null}{' '}
        {next.includes('archived') ? (
          <button type="submit" name="to" value="archived" className="secondary">
            {t('market.action.archive')}
          </button>
        ) : null}
      </Form>

      <h2>{t('market.edit.images')}</h2>
      {listing.images.length ? (
        <ul className="edit-images">
          {listing.images.map((image) => (image.url ? <li key={image.id}><img src={image.url} alt="" width={96} height={96} /></li> : null))}
        </ul>
      ) : (
        <p className="muted">{t('market.edit.noImages')}</p>
      )}

      <h2>{t('market.edit.details')}</h2>
      <ListingForm values={listing} reply={saveReply} submitLabel={t('common.save')} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, 'market.dashboard.title', data ? { title: data.listing.title } : {});

export function ErrorBoundary() {
  return <ErrorPage />;
}
