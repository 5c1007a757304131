import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { PhotoUploadForm } from '~/components/photo-upload';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { FormError } from '~/components/form';
import { requireSeller } from '~/lib/auth.server';
import { formError, invalid, parseForm } from '~/lib/forms.server';
import { filesOf, readMultipartForm } from '~/lib/uploads.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { listingSchema, stateSchema } from '~/modules/market/forms.server';
import {
  changeListingState,
  mayPublish,
  nextStates,
  requireEditableListing,
  updateListing,
} from '~/modules/market/listings.server';
import { ListingForm } from '~/modules/market/listing-form';
import { variantLines } from '~/modules/market/variants.server';
import { deleteListingImage, storeListingImages } from '~/modules/market/images.server';
import { isUuid } from '~/lib/ids';
import { imageUrl } from '~/modules/market/urls.server';
import { listingModerationNote } from '~/modules/moderation/moderation.server';
import { handleOriginIntent, originOfListing } from '~/modules/ocop/listing-origin.server';
import { MakerForm, OcopForm } from '~/modules/ocop/ocop-form';

// Editing one listing: its fields, its state, its images. Another seller's
// listing answers 403 (loader and action both ask the same rule).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const listing = await requireEditableListing({ id: user.sellerId }, params.id);
  const hidden = listing.moderation_state === 'hidden' ? await listingModerationNote(listing.id) : null;
  return {
    moderation: { state: listing.moderation_state, reason: hidden?.reason ?? '' },
    listing: {
      id: listing.id,
      title: listing.title,
      description: listing.description,
      price: listing.price,
      stock: listing.stock,
      category: listing.category,
      shippingFee: listing.shipping_fee,
      shippingProvinces: listing.shipping_provinces,
      maxPerOrder: listing.max_per_order,
      variants: variantLines(listing.variants),
      state: listing.state,
      images: listing.images.map((i) => ({ id: i.id, url: imageUrl(i.thumb_key) })),
    },
    mayPublish: mayPublish(listing.seller_status),
    next: nextStates(listing.state),
    origin: await originOfListing(user.sellerId, listing),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireSeller(request);
  const listing = await requireEditableListing({ id: user.sellerId }, params.id);
  const read = await readMultipartForm(request);
  if (!read.ok)
    return formError(
      read.form,
      read.errors.images ? { images: read.errors.images } : { images: read.errors.form ?? 'validation.invalid' },
    );
  const form = read.form;
  const intent = form.get('intent');
  // Origin, OCOP and the cooperative member who made it (issue 20).
  if (intent === 'ocop' || intent === 'maker') return handleOriginIntent(user.sellerId, listing.id, form);
  if (intent === 'images') {
    const files = filesOf(form, 'images');
    if (!files.length) return formError(form, { images: 'validation.required' });
    const stored = await storeListingImages(user.sellerId, listing.id, files);
    if (!stored.ok) return formError(form, { images: stored.error });
    return redirect(`/dashboard/listings/${listing.id}?notice=notice.market.imagesAdded`);
  }
  if (intent === 'removeImage') {
    const imageId = form.get('imageId');
    if (!isUuid(imageId)) return formError(form, { images: 'validation.invalid' });
    await deleteListingImage(user.sellerId, listing.id, imageId);
    return redirect(`/dashboard/listings/${listing.id}?notice=notice.market.imageRemoved`);
  }
  if (intent === 'state') {
    const parsed = parseForm(form, stateSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    const changed = await changeListingState(user.sellerId, listing.id, parsed.data.to);
    if (!changed.ok)
      return formError(form, { form: changed.error }, changed.error === 'market.state.notVerified' ? 403 : 400);
    return redirect(`/dashboard/listings/${listing.id}?notice=notice.market.${parsed.data.to}`);
  }
  const parsed = parseForm(form, listingSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  await updateListing(user.sellerId, listing.id, parsed.data);
  return redirect(`/dashboard/listings/${listing.id}?notice=notice.saved`);
}

export default function EditListing() {
  const { listing, mayPublish: verified, next, moderation, origin } = useLoaderData<typeof loader>();
  // Held by the screening or hidden by staff: publishing waits for staff (the server refuses it too).
  const mayPublish = verified && moderation.state !== 'held' && moderation.state !== 'hidden';
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  const intent = reply?.values?.intent;
  const stateReply = intent === 'state' ? reply : undefined;
  const imagesError = reply?.errors?.images;
  const ocopReply = intent === 'ocop' ? reply : undefined;
  const saveReply = intent === 'state' || intent === 'ocop' || intent === 'maker' || imagesError ? undefined : reply;
  return (
    <section className="narrow">
      <p className="small">
        <Link to="/dashboard/listings">{t('market.dashboard.title')}</Link>
      </p>
      <h1>{listing.title}</h1>
      <p>
        {t('market.edit.state')}{' '}
        <span className={`state state-${listing.state}`}>{t(`market.state.${listing.state}`)}</span>
        {listing.state === 'published' ? (
          <>
            {' · '}
            <Link to={`/market/${listing.id}`}>{t('market.edit.view')}</Link>
          </>
        ) : null}
      </p>
      {!verified ? <p className="notice-warn">{t('market.dashboard.notVerified')}</p> : null}
      {moderation.state === 'held' ? <p className="notice-warn">{t('moderation.listing.held')}</p> : null}
      {moderation.state === 'hidden' ? (
        <p className="notice-warn">{t('moderation.listing.hidden', { reason: moderation.reason })}</p>
      ) : null}
      <Form noValidate method="post" className="inline-form">
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
          {listing.images.map((image, index) => (
            <li key={image.id}>
              {image.url ? <img src={image.url} alt="" width={96} height={96} /> : null}
              <Form noValidate method="post">
                <input type="hidden" name="intent" value="removeImage" />
                <input type="hidden" name="imageId" value={image.id} />
                <button type="submit" className="link" aria-label={`${t('market.edit.removeImage')} ${index + 1}`}>
                  {t('market.edit.removeImage')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('market.edit.noImages')}</p>
      )}
      {listing.images.length < 8 ? (
        <PhotoUploadForm noValidate className="stack">
          <input type="hidden" name="intent" value="images" />
          <div className="field">
            <label htmlFor="field-images">{t('market.edit.addImages')}</label>
            <input
              id="field-images"
              type="file"
              name="images"
              multiple
              accept="image/jpeg,image/png,image/webp"
              aria-invalid={imagesError ? true : undefined}
              aria-describedby={imagesError ? 'field-images-error' : undefined}
            />
            {imagesError ? (
              <span id="field-images-error" className="field-error">
                {t(imagesError)}
              </span>
            ) : null}
          </div>
          <button type="submit" className="secondary">
            {t('market.edit.upload')}
          </button>
        </PhotoUploadForm>
      ) : null}

      <h2>{t('market.edit.details')}</h2>
      <ListingForm values={listing} reply={saveReply} submitLabel={t('common.save')} />

      <h2>{t('ocop.form.title')}</h2>
      <OcopForm values={origin.ocop} reply={ocopReply} />
      {origin.makers.length ? (
        <>
          <h2>{t('coop.maker.title')}</h2>
          <MakerForm choices={origin.makers} current={origin.maker} />
        </>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, 'market.dashboard.title', data ? { title: data.listing.title } : {});

export function ErrorBoundary() {
  return <ErrorPage />;
}
