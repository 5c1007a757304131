import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { requireStaff } from '~/lib/auth.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { shortNumber } from '~/modules/orders/states';
import { listProblemsForStaff } from '~/modules/problems';
import { lostDisputesFlag } from '~/modules/problems/states';

// Problems the buyer or the seller asked staff to decide, oldest request first,
// each with how often the seller already lost one.

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const problems = await listProblemsForStaff(staff.scope);
  return {
    problems: problems.map((p) => ({ ...p, number: shortNumber(p.order_id), seller_lost: Number(p.seller_lost ?? 0) })),
  };
}

export default function StaffDisputes() {
  const { problems } = useLoaderData<typeof loader>();
  const { t, dateTime } = useI18n();
  return (
    <section>
      <h1>{t('problems.staff.title')}</h1>
      {problems.length === 0 ? <p className="muted">{t('problems.staff.none')}</p> : null}
      <ul className="plain">
        {problems.map((p) => (
          <li key={p.id} className="card">
            <Link to={`/staff/disputes/${p.id}`}>{t('problems.staff.detail', { number: p.number })}</Link>
            <p className="small">
              {t(`problems.kind.${p.kind}`)} · {p.buyer_name} → {p.seller_name} ·{' '}
              {p.escalated_at ? dateTime(p.escalated_at) : null} · {t('problems.staff.askedBy')}:{' '}
              {p.escalated_by ? t(`problems.actor.${p.escalated_by}`) : '—'}
              {p.seller_lost ? ` · ${t('problems.staff.lost', { n: p.seller_lost })}` : null}
              {p.seller_lost >= lostDisputesFlag ? ' ⚑' : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageMeta(matches, 'problems.staff.title');

export function ErrorBoundary() {
  return <ErrorPage />;
}
