import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { hasRole, requireUser } from '~/lib/auth.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { PayOnlyOnSenNote, StateBadge } from '~/modules/orders/components';
import { listBuyerOrders } from '~/modules/orders';
import { shortNumber } from '~/modules/orders/states';

// The buyer's order history.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const orders = await listBuyerOrders(user.id);
  return {
    orders: orders.map((o) => ({ ...o, number: shortNumber(o.id) })),
    paid: url.searchParams.has('paid'),
    unpaid: url.searchParams.has('unpaid'),
    isSeller: hasRole(user, 'entrepreneur'),
  };
}

export default function BuyerOrders() {
  const { orders, paid, unpaid, isSeller } = useLoaderData<typeof loader>();
  const { t, money, date } = useI18n();
  return (
    <section>
      <h1>{t('orders.list.title')}</h1>
      {paid ? (
        <p className="notice" role="status">
          {t('notice.orders.paid')}
        </p>
      ) : null}
      {unpaid ? <p className="notice-warn">{t('orders.list.unpaid')}</p> : null}
      {isSeller ? (
        <p>
          <Link to="/dashboard/orders">{t('orders.list.sellerLink')}</Link>
        </p>
      ) : null}
      <PayOnlyOnSenNote folded />
      {orders.length === 0 ? <p>{t('orders.list.empty')}</p> : null}
      <ul className="plain-list">
        {orders.map((o) => (
          <li key={o.id} className="card">
            <Link to={`/orders/${o.id}`}>{t('orders.detail.title', { number: o.number })}</Link> ·{' '}
            <StateBadge state={o.state} />
            <div className="small">
              {o.seller_name} · {t('orders.list.items', { count: o.item_count })} · {money(o.total)} ·{' '}
              {date(o.created_at)}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'orders.list.title');

export function ErrorBoundary() {
  return <ErrorPage />;
}
