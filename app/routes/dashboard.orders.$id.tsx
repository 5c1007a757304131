import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { sellerActionSchema } from '~/modules/orders/forms.server';
import { Field, FormError } from '~/components/form';
import { requireSeller } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { provinceName } from '~/lib/provinces';
import { OrderView, PayOnlyOnSenNote } from '~/modules/orders/components';
import { changeOrder, findOrder, replyToReview } from '~/modules/orders';
import { actionsFor, shortNumber } from '~/modules/orders/states';
import { PaymentFlagNote } from '~/modules/payments/components';
import { findProblemOfOrder } from '~/modules/problems';
import { CarrierShipForm, ShipmentPanel } from '~/modules/shipping/components';
import { carrierShipSchema } from '~/modules/shipping/forms.server';
import {
  activeCarrierName,
  createShipment,
  defaultGramsPerUnit,
  pickupAddress,
  shipmentOf,
} from '~/modules/shipping/shipping.server';

// One order as its seller sees it: a packing slip, the actions its state
// allows, and her reply to the buyer's review. Another seller's order is not found.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const order = await findOrder('seller', user.sellerId, params.id);
  // A card order awaiting payment is the buyer's business; a VietQR one she may confirm when the money shows.
  if (!order || (order.state === 'awaiting_payment' && order.payment_method !== 'vietqr'))
    throw new Response('Not found', { status: 404 });
  const problem = await findProblemOfOrder('seller', user.sellerId, order.id);
  return {
    order,
    number: shortNumber(order.id),
    actions: actionsFor('seller', order),
    problemState: problem?.state ?? null,
    // Delivery by a carrier (app/modules/shipping): shown only when one is configured.
    carrier: activeCarrierName(),
    hasPickup: (await pickupAddress(user.id)) !== null,
    shipment: await shipmentOf(order.id),
    defaultWeight: defaultGramsPerUnit * order.items.reduce((n, i) => n + i.quantity, 0),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireSeller(request);
  const form = await readForm(request);
  if (form.get('intent') === 'carrierShip') {
    const ship = parseForm(form, carrierShipSchema);
    if (!ship.ok) return invalid(ship.reply);
    const created = await createShipment(user.id, params.id, ship.data.weight);
    if (!created.ok) {
      if (created.status === 404) throw new Response('Not found', { status: 404 });
      return formError(form, { form: created.error }, created.status);
    }
    throw redirect(`/dashboard/orders/${params.id}?notice=notice.shipping.created`);
  }
  const parsed = parseForm(form, sellerActionSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const input = parsed.data;
  if (input.intent === 'reply') {
    const result = await replyToReview(user.sellerId, params.id, input.reply);
    if (!result.ok) {
      if (result.status === 404) throw new Response('Not found', { status: 404 });
      return formError(form, { form: result.error });
    }
    throw redirect(`/dashboard/orders/${params.id}?notice=notice.orders.changed`);
  }
  const result = await changeOrder({ id: user.sellerId }, 'seller', params.id, input.intent, {
    carrier: input.intent === 'ship' ? input.carrier : undefined,
    trackingCode: input.intent === 'ship' ? input.trackingCode : undefined,
    reason: input.intent === 'cancel' ? input.reason : undefined,
  });
  if (!result.ok) {
    if (result.status === 404) throw new Response('Not found', { status: 404 });
    if (result.status === 403) throw new Response('Forbidden', { status: 403 });
    return formError(form, { form: result.error });
  }
  throw redirect(`/dashboard/orders/${params.id}?notice=notice.orders.changed`);
}

export default function SellerOrder() {
  const { order, number, actions, problemState, carrier, hasPickup, shipment, defaultWeight } =
    useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, money, locale } = useI18n();
  return (
    <section>
      <h1>{t('orders.detail.title', { number })}</h1>
      <PayOnlyOnSenNote folded />
      <p>
        <Link to={`/messages/new?order=${order.id}`}>{t('messaging.link.buyer')}</Link>
        {problemState ? (
          <>
            {' · '}
            <Link to={`/dashboard/orders/${order.id}/problem`}>
              {t('problems.link.view')} ({t(`problems.state.${problemState}`)})
            </Link>
          </>
        ) : null}
      </p>
      <FormError reply={reply} />
      <h2>{t('orders.seller.actions')}</h2>
      {actions.length === 0 ? <p className="small muted">{t('orders.seller.noActions')}</p> : null}
      <PaymentFlagNote flag={order.payment_flag} />
      {actions.includes('pay') ? (
        <Form noValidate method="post" className="card">
          <p>{t('payments.seller.awaiting', { amount: money(order.total), note: `SEN ${order.payment_code}` })}</p>
          <button type="submit" name="intent" value="pay">
            {t('payments.seller.confirm')}
          </button>
        </Form>
      ) : null}
      {actions.includes('accept') ? (
        <Form noValidate method="post">
          <button type="submit" name="intent" value="accept">
            {t('orders.action.accept')}
          </button>
        </Form>
      ) : null}
      {shipment ? <ShipmentPanel shipment={shipment} as="seller" /> : null}
      {carrier && actions.includes('ship') && (!shipment || shipment.status === 'cancelled') ? (
        <CarrierShipForm
          carrier={carrier}
          hasPickup={hasPickup}
          hasWard={Boolean(order.delivery_ward)}
          defaultWeight={defaultWeight}
          reply={reply}
        />
      ) : null}
      {actions.includes('ship') && (!shipment || shipment.status === 'cancelled') ? (
        <Form noValidate method="post" className="card">
          <input type="hidden" name="intent" value="ship" />
          <Field name="carrier" label={t('orders.field.carrier')} reply={reply} required maxLength={80} />
          <Field name="trackingCode" label={t('orders.field.tracking')} reply={reply} required maxLength={80} />
          <button type="submit">{t('orders.action.ship')}</button>
        </Form>
      ) : null}
      {actions.includes('collect') ? (
        <Form noValidate method="post" className="card">
          <p>{t('orders.seller.collectHint', { amount: money(order.total) })}</p>
          <button type="submit" name="intent" value="collect">
            {t('orders.action.collect')}
          </button>
        </Form>
      ) : null}
      {actions.includes('refund') ? (
        <Form noValidate method="post">
          <button type="submit" name="intent" value="refund" className="secondary">
            {t('orders.action.refund')}
          </button>
        </Form>
      ) : null}
      {actions.includes('cancel') ? (
        <Form noValidate method="post" className="card">
          <input type="hidden" name="intent" value="cancel" />
          <Field name="reason" label={t('orders.field.reason')} reply={reply} required maxLength={500} />
          <button type="submit" className="secondary">
            {t('orders.action.cancel')}
          </button>
        </Form>
      ) : null}

      <section className="card packing" aria-labelledby="packing-title">
        <h2 id="packing-title">{t('orders.seller.packing')}</h2>
        <p>
          <strong>{order.delivery_name}</strong> · {order.delivery_phone}
          <br />
          {order.delivery_address}, {order.delivery_ward ? `${order.delivery_ward}, ` : ''}
          {provinceName(order.delivery_province, locale)}
        </p>
        <ul>
          {order.items.map((i) => (
            <li key={i.id}>
              ☐ {i.quantity} × {i.title}
            </li>
          ))}
        </ul>
        {order.payment_method === 'cod' ? (
          <p>
            <strong>{t('orders.seller.collect', { amount: money(order.total) })}</strong>
          </p>
        ) : null}
      </section>

      <OrderView order={order} as="seller" />

      <h2>{t('orders.review.title')}</h2>
      {order.review ? (
        <div className="card">
          <p>{t('orders.review.stars', { rating: order.review.rating })}</p>
          {order.review.comment ? <p style={{ whiteSpace: 'pre-line' }}>{order.review.comment}</p> : null}
          {order.review.reply ? (
            <p className="small">
              <strong>{t('orders.review.sellerReply')}:</strong> {order.review.reply}
            </p>
          ) : (
            <Form noValidate method="post">
              <input type="hidden" name="intent" value="reply" />
              <Field name="reply" label={t('orders.field.reply')} reply={reply} required maxLength={2000} />
              <button type="submit">{t('orders.review.replySubmit')}</button>
            </Form>
          )}
        </div>
      ) : (
        <p className="small muted">{t('orders.rating.none')}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, 'orders.detail.title', { params: { number: data?.number ?? '' } });

export function ErrorBoundary() {
  return <ErrorPage />;
}
