import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { requireStaff } from '~/lib/auth.server';
import { useI18n, type MessageKey } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { listReportQueue } from '~/modules/moderation/moderation.server';
import { queueCategories, reportStatuses, type ReportStatus } from '~/modules/moderation/options';

// The moderation queue: reports grouped by the person reported, repeated ones first.

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const url = new URL(request.url);
  const status = url.searchParams.get('status');
  const category = url.searchParams.get('category');
  const filters = {
    status: (reportStatuses as readonly string[]).includes(status ?? '') ? (status as ReportStatus) : 'open',
    category: queueCategories.find((c) => c === category),
  };
  const groups = await listReportQueue(staff.scope, filters);
  return { groups, filters };
}

export default function ReportQueue() {
  const { groups, filters } = useLoaderData<typeof loader>();
  const { t, dateTime } = useI18n();
  return (
    <section>
      <h1>{t('moderation.queue.title')}</h1>
      <p className="muted">{t('moderation.queue.intro')}</p>
      <p>
        <Link to="/staff/scam-accounts">{t('scamAccounts.link')}</Link>
      </p>
      <Form noValidate method="get" className="cards" aria-label={t('moderation.queue.filter')}>
        <div className="field">
          <label htmlFor="f-status">{t('moderation.queue.status')}</label>
          <select id="f-status" name="status" defaultValue={filters.status}>
            {reportStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`moderation.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-category">{t('moderation.queue.category')}</label>
          <select id="f-category" name="category" defaultValue={filters.category ?? ''}>
            <option value="">{t('moderation.queue.allCategories')}</option>
            {queueCategories.map((c) => (
              <option key={c} value={c}>
                {t(`moderation.category.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="submit">{t('moderation.queue.apply')}</button>
        </div>
      </Form>
      {groups.length ? (
        groups.map((group) => (
          <section key={group.subjectUserId} className="card" aria-labelledby={`g-${group.subjectUserId}`}>
            <h2 id={`g-${group.subjectUserId}`}>
              {group.name} <span className="muted small">· {t('moderation.queue.count', { n: group.count })}</span>
            </h2>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('moderation.queue.category')}</th>
                    <th scope="col">{t('moderation.queue.item')}</th>
                    <th scope="col">{t('moderation.queue.reporter')}</th>
                    <th scope="col">{t('moderation.queue.when')}</th>
                    <th scope="col">{t('moderation.queue.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {group.reports.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <Link to={`/staff/reports/${r.id}`}>{t(`moderation.category.${r.category}`)}</Link>
                      </td>
                      <td>
                        {r.message_id
                          ? t('moderation.item.message')
                          : r.listing_id
                            ? t('moderation.item.listing', { title: r.listing_title ?? '' })
                            : t('moderation.item.profile')}
                      </td>
                      <td>{r.reporter_name ?? t('moderation.queue.system')}</td>
                      <td>{dateTime(r.created_at)}</td>
                      <td>
                        {r.resolution
                          ? t(`moderation.resolution.${r.resolution}` as MessageKey)
                          : t(`moderation.status.${r.status}`)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))
      ) : (
        <p className="muted">{t('moderation.queue.empty')}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'moderation.queue.title');

export function ErrorBoundary() {
  return <ErrorPage />;
}
