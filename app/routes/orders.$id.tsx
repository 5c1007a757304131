import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { buyerActionSchema, reviewSchema } from '~/modules/orders/forms.server';
import { FieldShell, FormError, SelectField, TextAreaField } from '~/components/form';
import { requireUser } from '~/lib/auth.server';
import { formError, invalid, parseForm } from '~/lib/forms.server';
import { filesOf, readMultipartForm, uploadErrors } from '~/lib/uploads.server';
import { publicUrl } from '~/lib/storage.server';
import { useI18n, type MessageKey } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { OrderView, PayOnlyOnSenNote } from '~/modules/orders/components';
import { changeOrder, findOrder, leaveReview } from '~/modules/orders';
import { actionsFor, shortNumber } from '~/modules/orders/states';
import { PaymentFlagNote, VietQrPanel } from '~/modules/payments/components';
import { vietQrForOrder } from '~/modules/payments/qr.server';
import { findProblemOfOrder } from '~/modules/problems';
import { mayOpenProblem } from '~/modules/problems/states';
import { ShipmentPanel } from '~/modules/shipping/components';
import { shipmentOf } from '~/modules/shipping/shipping.server';

// One order as its buyer sees it: confirm delivery, cancel before the seller
// accepts, review once delivered. Another person's order is not found.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const order = await findOrder('buyer', user.id, params.id);
  if (!order) throw new Response('Not found', { status: 404 });
  return {
    order,
    number: shortNumber(order.id),
    actions: actionsFor('buyer', order),
    // The code to pay with, only while the transfer is awaited.
    qr: order.payment_method === 'vietqr' && order.state === 'awaiting_payment' ? await vietQrForOrder(order) : null,
    mayReview: (order.state === 'delivered' || order.state === 'completed') && !order.review,
    reviewPhotos: (order.review?.photos ?? []).map((p) => ({
      id: p.id,
      thumbUrl: publicUrl(p.thumb_key),
      smallUrl: publicUrl(p.small_key),
    })),
    // A link to the problem page: to see hers, or to report one while the window is open.
    problemLink: (await findProblemOfOrder('buyer', user.id, order.id))
      ? ('view' as const)
      : mayOpenProblem(order)
        ? ('open' as const)
        : null,
    shipment: await shipmentOf(order.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // The review form is multipart (its photos); a too-big photo is a field error with what she typed kept.
  const read = await readMultipartForm(request);
  if (!read.ok)
    // More files than any form takes: said as the review's own limit (3 photos).
    return formError(read.form, read.errors.photos ? { photos: reviewUploadError(read.errors.photos) } : read.errors);
  const form = read.form;
  if (form.get('intent') === 'review') {
    const parsed = parseForm(form, reviewSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    const result = await leaveReview(
      user.id,
      params.id,
      { rating: parsed.data.rating, comment: parsed.data.comment ?? '' },
      filesOf(form, 'photos'),
    );
    if (!result.ok) {
      if (result.status === 404) throw new Response('Not found', { status: 404 });
      return formError(form, { [result.field]: result.error });
    }
    throw redirect(`/orders/${params.id}?notice=notice.orders.reviewed`);
  }
  const parsed = parseForm(form, buyerActionSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const result = await changeOrder(user, 'buyer', params.id, parsed.data.intent);
  if (!result.ok) {
    if (result.status === 404) throw new Response('Not found', { status: 404 });
    if (result.status === 403) throw new Response('Forbidden', { status: 403 });
    return formError(form, { form: result.error });
  }
  throw redirect(`/orders/${params.id}?notice=notice.orders.changed`);
}

function reviewUploadError(error: MessageKey): MessageKey {
  return error === uploadErrors.tooMany ? 'reviews.photos.tooMany' : error;
}

export default function BuyerOrder() {
  const { order, number, actions, mayReview, reviewPhotos, qr, problemLink, shipment } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('orders.detail.title', { number })}</h1>
      <PayOnlyOnSenNote folded />
      <p>
        <Link to={`/messages/new?order=${order.id}`}>{t('messaging.link.seller')}</Link>
        {problemLink ? (
          <>
            {' · '}
            <Link to={`/orders/${order.id}/problem`}>
              {t(problemLink === 'view' ? 'problems.link.view' : 'problems.link.open')}
            </Link>
          </>
        ) : null}
      </p>
      <FormError reply={reply} />
      <PaymentFlagNote flag={order.payment_flag} />
      {qr ? <VietQrPanel qr={qr} payBy={order.pay_by} /> : null}
      {actions.length ? (
        <Form noValidate method="post" className="inline-form">
          {actions.includes('deliver') ? (
            <button type="submit" name="intent" value="deliver">
              {t('orders.action.deliver')}
            </button>
          ) : null}{' '}
          {actions.includes('cancel') ? (
            <button type="submit" name="intent" value="cancel" className="secondary">
              {t('orders.action.cancel')}
            </button>
          ) : null}
        </Form>
      ) : null}
      {shipment ? <ShipmentPanel shipment={shipment} as="buyer" /> : null}
      <OrderView order={order} as="buyer" />
      <h2>{t('orders.review.title')}</h2>
      {order.review ? (
        <div className="card">
          <p>{t('orders.review.stars', { rating: order.review.rating })}</p>
          {order.review.comment ? <p style={{ whiteSpace: 'pre-line' }}>{order.review.comment}</p> : null}
          {reviewPhotos.length ? (
            <p className="review-photos">
              {reviewPhotos.map((p, index) =>
                p.thumbUrl && p.smallUrl ? (
                  <a key={p.id} href={p.smallUrl}>
                    <img
                      src={p.thumbUrl}
                      alt={t('reviews.photo.alt', { n: index + 1, name: t('orders.review.title') })}
                      width={96}
                      height={96}
                      style={{ objectFit: 'cover' }}
                      loading="lazy"
                    />
                  </a>
                ) : null,
              )}
            </p>
          ) : null}
          {order.review.hidden_at ? <p className="small muted">{t('reviews.staff.hidden')}</p> : null}
          {order.review.reply ? (
            <p className="small">
              <strong>{t('orders.review.sellerReply')}:</strong> {order.review.reply}
            </p>
          ) : null}
        </div>
      ) : mayReview ? (
        <Form noValidate method="post" encType="multipart/form-data">
          <input type="hidden" name="intent" value="review" />
          <SelectField
            name="rating"
            label={t('orders.field.rating')}
            reply={reply}
            defaultValue="5"
            options={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t('orders.review.stars', { rating: n }) }))}
          />
          <TextAreaField name="comment" label={t('orders.field.comment')} reply={reply} rows={3} maxLength={2000} />
          {/* Last in the form: if a photo is refused, everything typed above it comes back. */}
          <FieldShell
            id="field-photos"
            label={t('reviews.photos.label')}
            hint={reply?.errors.photos ? t('reviews.photos.again') : t('reviews.photos.hint')}
            error={reply?.errors.photos}
          >
            {(control) => (
              <input
                id="field-photos"
                type="file"
                name="photos"
                multiple
                accept="image/jpeg,image/png,image/webp"
                {...control}
              />
            )}
          </FieldShell>
          <button type="submit">{t('orders.review.submit')}</button>
        </Form>
      ) : (
        <p className="small muted">{t('orders.review.notYet')}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, 'orders.detail.title', { params: { number: data?.number ?? '' } });

export function ErrorBoundary() {
  return <ErrorPage />;
}
