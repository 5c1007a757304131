import { Form, Link } from '@remix-run/react';
import type { OrderState, PaymentMethod, ProblemStep } from '../../../db/schema';
import { useI18n } from '~/lib/i18n';
import { PayOnlyOnSen } from '~/modules/safety/components/pay-only-on-sen';
import { provinceName as provinceLabel } from '~/lib/provinces';

/** "Add to cart" on a listing page: a plain form, works without JavaScript. With options, the buyer picks one (posted as `variant`). */
export function AddToCart({
  listingId,
  stock,
  variants = [],
}: {
  listingId: string;
  stock: number;
  variants?: { id: string; name: string; price: number; stock: number }[];
}) {
  const { t, money } = useI18n();
  if (stock < 1) return null;
  const named = variants.filter((v) => v.name !== '');
  return (
    <Form noValidate method="post" action="/cart" className="add-to-cart stack">
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="listingId" value={listingId} />
      {named.length ? (
        <fieldset className="variant-picks">
          <legend>{t('depth.variants.pick')}</legend>
          {named.map((v) => (
            <label key={v.id} className="checkbox">
              <input type="radio" name="variant" value={v.id} disabled={v.stock < 1} required />{' '}
              {t('depth.variants.option', {
                name: v.name,
                price: money(v.price),
                stock: v.stock > 0 ? t('depth.variants.left', { n: v.stock }) : t('depth.variants.soldOut'),
              })}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="inline-form">
        <label>
          {t('orders.cart.quantity')}{' '}
          <input
            type="number"
            name="quantity"
            defaultValue="1"
            min={1}
            max={Math.min(stock, 99)}
            inputMode="numeric"
            style={{ width: '4.5em' }}
          />
        </label>{' '}
        <button type="submit">{t('orders.cart.add')}</button>
      </div>
    </Form>
  );
}

/** Average rating and count on a seller card or storefront. */
export function RatingSummary({ rating }: { rating: { average: number | null; count: number } }) {
  const { t } = useI18n();
  if (!rating.count || rating.average === null) return <p className="small muted">{t('orders.rating.none')}</p>;
  return (
    <p className="small rating">
      {t('orders.rating.summary', { average: rating.average.toFixed(1), count: rating.count })}
    </p>
  );
}

/** The safety reminder on checkout (open) and order pages (folded to one line): the safety capability's shared component. */
export function PayOnlyOnSenNote({ folded = false }: { folded?: boolean }) {
  return <PayOnlyOnSen folded={folded} />;
}

export function StateBadge({ state }: { state: OrderState }) {
  const { t } = useI18n();
  return <span className={`state state-${state}`}>{t(`orders.state.${state}`)}</span>;
}

export function OrderLink({ to, children }: { to: string; children: React.ReactNode }) {
  return <Link to={to}>{children}</Link>;
}

type OrderViewData = {
  id: string;
  state: OrderState;
  payment_method: PaymentMethod;
  delivery_name: string;
  delivery_phone: string;
  delivery_address: string;
  delivery_province: string;
  delivery_ward?: string | null;
  subtotal: number;
  shipping_fee: number;
  total: number;
  carrier: string | null;
  tracking_code: string | null;
  cancel_reason: string | null;
  created_at: string | Date;
  buyer_name: string;
  seller_name: string;
  seller_slug: string;
  seller_phone: string | null;
  items: { id: number; listing_id: string | null; title: string; unit_price: number; quantity: number }[];
  events: {
    id: number;
    actor_role: string;
    from_state: string | null;
    to_state: string;
    problem_step?: ProblemStep | null;
    note: string | null;
    created_at: string | Date;
  }[];
};

/** One order as both sides see it: items, totals, delivery, contacts, history. */
export function OrderView({ order, as }: { order: OrderViewData; as: 'buyer' | 'seller' }) {
  const { t, money, dateTime, locale } = useI18n();
  return (
    <>
      <dl className="facts">
        <dt>{t('orders.detail.state')}</dt>
        <dd>
          <StateBadge state={order.state} />
        </dd>
        <dt>{t('orders.detail.placedAt')}</dt>
        <dd>{dateTime(order.created_at)}</dd>
        <dt>{t('orders.detail.payment')}</dt>
        <dd>{t(`orders.payment.${order.payment_method}`)}</dd>
        {as === 'buyer' ? (
          <>
            <dt>{t('orders.detail.seller')}</dt>
            <dd>
              <Link to={`/s/${order.seller_slug}`}>{order.seller_name}</Link>
              {' · '}
              {order.seller_phone ? (
                <a href={`tel:${order.seller_phone}`}>{order.seller_phone}</a>
              ) : (
                <span className="muted">{t('orders.detail.noPhone')}</span>
              )}
            </dd>
          </>
        ) : (
          <>
            <dt>{t('orders.detail.buyer')}</dt>
            <dd>{order.buyer_name}</dd>
          </>
        )}
        <dt>{t('orders.detail.delivery')}</dt>
        <dd>
          {order.delivery_name} · <a href={`tel:${order.delivery_phone}`}>{order.delivery_phone}</a>
          <br />
          {order.delivery_address}, {order.delivery_ward ? `${order.delivery_ward}, ` : ''}
          {provinceLabel(order.delivery_province, locale)}
        </dd>
        {order.carrier ? (
          <>
            <dt>{t('orders.detail.carrier')}</dt>
            <dd>
              {order.carrier} · {t('orders.detail.tracking')}: {order.tracking_code}
            </dd>
          </>
        ) : null}
        {order.cancel_reason && order.cancel_reason !== 'expired' && order.cancel_reason !== 'payment' ? (
          <>
            <dt>{t('orders.detail.cancelReason')}</dt>
            <dd>{order.cancel_reason}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t('orders.detail.items')}</h2>
      <table className="table">
        <tbody>
          {order.items.map((i) => (
            <tr key={i.id}>
              <td>{i.listing_id ? <Link to={`/market/${i.listing_id}`}>{i.title}</Link> : i.title}</td>
              <td>× {i.quantity}</td>
              <td>{money(i.unit_price * i.quantity)}</td>
            </tr>
          ))}
          <tr>
            <td colSpan={2}>{t('orders.cart.shipping')}</td>
            <td>{money(order.shipping_fee)}</td>
          </tr>
          <tr>
            <th colSpan={2}>{t('orders.cart.total')}</th>
            <th>{money(order.total)}</th>
          </tr>
        </tbody>
      </table>
      <h2>{t('orders.detail.history')}</h2>
      <ol className="small">
        {order.events.map((e) => (
          <li key={e.id}>
            {dateTime(e.created_at)}:{' '}
            {e.problem_step ? t(`problems.step.${e.problem_step}`) : t(`orders.state.${e.to_state as OrderState}`)} (
            {t(`orders.event.${e.actor_role as 'buyer' | 'seller' | 'system'}`)})
            {e.note && e.note !== 'expired' && e.note !== 'payment' ? ` — ${e.note}` : null}
          </li>
        ))}
      </ol>
    </>
  );
}
