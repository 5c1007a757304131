import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import type { OrderState } from '../../db/schema';
import { ErrorPage } from '~/components/error-page';
import { requireSeller } from '~/lib/auth.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { provinceName } from '~/lib/provinces';
import { StateBadge } from '~/modules/orders/components';
import { listSellerOrders, salesSummary } from '~/modules/orders';
import { orderStates, shortNumber } from '~/modules/orders/states';

// The seller's orders, filtered by state (a GET form), and sales by month.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const raw = new URL(request.url).searchParams.get('state') ?? '';
  const state = (orderStates as string[]).includes(raw) && raw !== 'awaiting_payment' ? (raw as OrderState) : undefined;
  const [orders, summary] = await Promise.all([listSellerOrders(user.sellerId, state), salesSummary(user.sellerId)]);
  return { state: state ?? '', orders: orders.map((o) => ({ ...o, number: shortNumber(o.id) })), summary };
}

export default function SellerOrders() {
  const { state, orders, summary } = useLoaderData<typeof loader>();
  const { t, money, date, locale } = useI18n();
  return (
    <section>
      <h1>{t('orders.seller.title')}</h1>
      <p>
        <Link to="/dashboard/payout">{t('payments.payout.title')}</Link>
      </p>
      <Form noValidate method="get" className="inline-form">
        <label>
          {t('orders.seller.filter')}{' '}
          <select name="state" defaultValue={state}>
            <option value="">{t('orders.seller.all')}</option>
            {orderStates
              .filter((s) => s !== 'awaiting_payment')
              .map((s) => (
                <option key={s} value={s}>
                  {t(`orders.state.${s}`)}
                </option>
              ))}
          </select>
        </label>{' '}
        <button type="submit" className="secondary">
          {t('orders.seller.apply')}
        </button>
      </Form>
      {orders.length === 0 ? <p>{t('orders.seller.empty')}</p> : null}
      <ul className="plain-list">
        {orders.map((o) => (
          <li key={o.id} className="card">
            <Link to={`/dashboard/orders/${o.id}`}>{t('orders.detail.title', { number: o.number })}</Link> ·{' '}
            <StateBadge state={o.state} />
            <div className="small">
              {o.buyer_name} · {provinceName(o.delivery_province, locale)} ·{' '}
              {t('orders.list.items', { count: o.item_count })} · {money(o.total)} ·{' '}
              {t(`orders.payment.${o.payment_method}`)} · {date(o.created_at)}
            </div>
          </li>
        ))}
      </ul>
      <h2>{t('orders.seller.summary')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t('orders.seller.month')}</th>
            <th>{t('orders.seller.orders')}</th>
            <th>{t('orders.seller.revenue')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.map((m) => (
            <tr key={m.month}>
              <td>{m.month}</td>
              <td>{m.orders}</td>
              <td>{money(m.revenue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'orders.seller.title');

export function ErrorBoundary() {
  return <ErrorPage />;
}
