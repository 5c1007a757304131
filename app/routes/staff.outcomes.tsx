import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { defined } from '~/lib/defined';
import { Form, useLoaderData } from '@remix-run/react';
import { requireStaff } from '~/lib/auth.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { provinceName, provinces } from '~/lib/provinces';
import { monthsOf, outcomeFigures, outcomeRequest, parsePeriod } from '~/modules/verification/outcomes.server';
import { outcomeMetrics, type OutcomeRow } from '~/modules/verification/outcomes';
import { GroupReport } from '~/modules/verification/group-report';
import { groupBreakdowns } from '~/modules/verification/groups.server';

// Issue 19: the Union's outcomes per province and month (apart from /staff/reports,
// which is moderation), within her scope; the chart is SVG drawn on the server.

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const url = new URL(request.url);
  const period = outcomeRequest(url, staff.scope);
  const shown = period ?? defined(parsePeriod(new URLSearchParams()), 'the default period');
  const rows = period ? await outcomeFigures(staff.scope, period) : [];
  const choices = staff.scope.country ? provinces.map((p) => p.code) : staff.scope.provinces;
  // Self-declared groups: a snapshot of today's sellers, never a cell under 10 people.
  const groups = await groupBreakdowns(staff.scope, period?.province);
  return { period: shown, invalid: !period, rows, months: monthsOf(shown), choices, query: url.search, groups };
}

function MonthChart({ rows, months, label }: { rows: OutcomeRow[]; months: string[]; label: string }) {
  const { t } = useI18n();
  const totals = months.map((month) => ({
    month,
    created: rows.filter((r) => r.month === month).reduce((n, r) => n + (r.newEntrepreneurs ?? 0), 0),
    verified: rows.filter((r) => r.month === month).reduce((n, r) => n + (r.verified ?? 0), 0),
  }));
  const max = Math.max(1, ...totals.map((x) => Math.max(x.created, x.verified)));
  const step = 44;
  const height = 140;
  return (
    <svg
      viewBox={`0 0 ${months.length * step + 20} ${height + 50}`}
      width="100%"
      style={{ maxWidth: '40rem' }}
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      {totals.map((x, i) => {
        const h1 = (x.created / max) * height;
        const h2 = (x.verified / max) * height;
        return (
          <g key={x.month} transform={`translate(${10 + i * step} 0)`}>
            <rect x={4} y={height - h1} width={16} height={h1} fill="#a3174f" />
            <rect x={20} y={height - h2} width={16} height={h2} fill="#1a7f37" />
            <text x={4} y={height + 14} fontSize={10} fill="#1f2328">
              {x.month.slice(2)}
            </text>
          </g>
        );
      })}
      <g transform={`translate(10 ${height + 24})`}>
        <rect x={0} y={4} width={12} height={12} fill="#a3174f" />
        <text x={16} y={15} fontSize={12} fill="#1f2328">
          {t('union.outcomes.newEntrepreneurs')}
        </text>
        <rect x={160} y={4} width={12} height={12} fill="#1a7f37" />
        <text x={176} y={15} fontSize={12} fill="#1f2328">
          {t('union.outcomes.verified')}
        </text>
      </g>
    </svg>
  );
}

export default function Outcomes() {
  const { period, invalid, rows, months, choices, query, groups } = useLoaderData<typeof loader>();
  const { t, locale, number } = useI18n();
  return (
    <section>
      <h1>{t('union.outcomes.title')}</h1>
      <p className="lead">{t('union.outcomes.lead')}</p>
      <Form noValidate method="get" className="cards" aria-label={t('union.outcomes.show')}>
        <div className="field">
          <label htmlFor="o-from">{t('union.outcomes.from')}</label>
          <input id="o-from" type="month" name="from" defaultValue={period.from} />
        </div>
        <div className="field">
          <label htmlFor="o-to">{t('union.outcomes.to')}</label>
          <input id="o-to" type="month" name="to" defaultValue={period.to} />
        </div>
        <div className="field">
          <label htmlFor="o-province">{t('union.outcomes.province')}</label>
          <select id="o-province" name="province" defaultValue={period.province ?? ''}>
            <option value="">{t('union.outcomes.allProvinces')}</option>
            {choices.map((code) => (
              <option key={code} value={code}>
                {provinceName(code, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="submit">{t('union.outcomes.show')}</button>
        </div>
      </Form>
      {invalid ? (
        <p role="alert" className="field-error">
          {t('union.outcomes.badPeriod')}
        </p>
      ) : null}
      <p>
        <a href={`/staff/outcomes.csv${query}`} download>
          {t('union.outcomes.csv')}
        </a>
      </p>
      <MonthChart rows={rows} months={months} label={t('union.outcomes.chart')} />
      {rows.length ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('union.outcomes.province')}</th>
                <th scope="col">{t('union.outcomes.month')}</th>
                {outcomeMetrics.map((m) => (
                  <th key={m} scope="col">
                    {t(`union.outcomes.${m}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.province}-${r.month}`}>
                  <td>{r.province ? provinceName(r.province, locale) : '—'}</td>
                  <td>{r.month}</td>
                  {outcomeMetrics.map((m) => (
                    <td key={m}>{r[m] == null ? '—' : number(r[m] ?? 0)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('union.outcomes.empty')}</p>
      )}
      <GroupReport groups={groups} />
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'union.outcomes.title');
