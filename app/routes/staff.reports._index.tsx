import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { requireStaff } from '~/lib/auth.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { listReportQueue } from '~/modules/moderation/moderation.server';
import { queueCategories, reportStatuses, type ReportStatus } from '~/modules/moderation/options';
import { assigneesOf } from '~/modules/verification/assignments.server';
import { overdueFirst, paceOf, queueTargetDays } from '~/modules/union/pace.server';
import { PaceBadge } from '~/modules/union/desk-box';

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
  const listed = await listReportQueue(staff.scope, filters);
  const held = await assigneesOf(
    'report',
    listed.flatMap((g) => g.reports.map((r) => r.id)),
  );
  // Open reports wait against the target (issue 19): the group with the oldest over-target report first.
  const open = filters.status === 'open';
  const groups = (open ? overdueFirst(listed, (g) => g.reports[0]?.created_at ?? null) : listed).map((g) => ({
    ...g,
    reports: g.reports.map((r) => ({
      ...r,
      assignee: held.get(r.id)?.name ?? null,
      pace: open ? paceOf(r.created_at) : null,
    })),
  }));
  return { groups, filters, target: queueTargetDays() };
}

export default function ReportQueue() {
  const { groups, filters, target } = useLoaderData<typeof loader>();
  const { t, dateTime } = useI18n();
  return (
    <section>
      <h1>{t('moderation.queue.title')}</h1>
      <p className="muted">{t('moderation.queue.intro')}</p>
      <p className="muted">{t('udesk.pace.target', { n: target })}</p>
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
              {group.name} <span className="muted small">· {t('moderation.queue.count', { count: group.count })}</span>
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
                    <th scope="col">{t('udesk.pace.column')}</th>
                    <th scope="col">{t('union.assign.column')}</th>
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
                        {r.resolution ? t(`moderation.resolution.${r.resolution}`) : t(`moderation.status.${r.status}`)}
                      </td>
                      <td>
                        <PaceBadge pace={r.pace} />
                      </td>
                      <td>{r.assignee ?? '—'}</td>
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
