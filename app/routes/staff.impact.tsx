import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireStaff } from '~/lib/auth.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { provinceName } from '~/lib/provinces';
import { impactFigures } from '~/modules/verification';

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  return impactFigures(staff.scope);
}

type Row = { province: string; sellers: number; mentors: number };

/** A horizontal bar chart drawn on the server: plain SVG, no script in the browser. */
function ProvinceChart({ rows, label }: { rows: Row[]; label: string }) {
  const { t, locale } = useI18n();
  const max = Math.max(1, ...rows.map((r) => Math.max(r.sellers, r.mentors)));
  const rowHeight = 34;
  const labelWidth = 130;
  const barWidth = 200;
  const height = rows.length * rowHeight + 30;
  return (
    <svg
      viewBox={`0 0 ${labelWidth + barWidth + 40} ${height}`}
      width="100%"
      style={{ maxWidth: '32rem' }}
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      {rows.map((r, i) => {
        const y = i * rowHeight;
        return (
          <g key={r.province} transform={`translate(0 ${y})`}>
            <text x={0} y={18} fontSize={12} fill="#1f2328">
              {provinceName(r.province, locale)}
            </text>
            <rect x={labelWidth} y={4} height={12} width={(r.sellers / max) * barWidth} fill="#a3174f" />
            <text x={labelWidth + (r.sellers / max) * barWidth + 4} y={15} fontSize={11} fill="#1f2328">
              {r.sellers}
            </text>
            <rect x={labelWidth} y={18} height={12} width={(r.mentors / max) * barWidth} fill="#1a7f37" />
            <text x={labelWidth + (r.mentors / max) * barWidth + 4} y={29} fontSize={11} fill="#1f2328">
              {r.mentors}
            </text>
          </g>
        );
      })}
      <g transform={`translate(0 ${rows.length * rowHeight + 8})`}>
        <rect x={0} y={4} width={12} height={12} fill="#a3174f" />
        <text x={16} y={15} fontSize={12} fill="#1f2328">
          {t('staff.impact.sellers')}
        </text>
        <rect x={110} y={4} width={12} height={12} fill="#1a7f37" />
        <text x={126} y={15} fontSize={12} fill="#1f2328">
          {t('staff.impact.mentors')}
        </text>
      </g>
    </svg>
  );
}

export default function Impact() {
  const { provinces, waiting, medianHours, decisions } = useLoaderData<typeof loader>();
  const { t, locale, number } = useI18n();
  return (
    <section>
      <p>
        <Link to="/staff/verifications">{t('staff.queue.title')}</Link>
      </p>
      <h1>{t('staff.impact.title')}</h1>
      <p data-testid="waiting">{t('staff.impact.waiting', { business: waiting.business, mentor: waiting.mentor })}</p>
      <p data-testid="median">
        {medianHours === null
          ? t('staff.impact.noMedian')
          : t('staff.impact.median', {
              hours: new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 1 }).format(
                medianHours,
              ),
              count: number(decisions),
            })}
      </p>
      <h2>{t('staff.impact.byProvince')}</h2>
      {provinces.length ? (
        <>
          <ProvinceChart rows={provinces} label={t('staff.impact.chart')} />
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('staff.impact.province')}</th>
                  <th scope="col">{t('staff.impact.sellers')}</th>
                  <th scope="col">{t('staff.impact.mentors')}</th>
                </tr>
              </thead>
              <tbody>
                {provinces.map((r) => (
                  <tr key={r.province}>
                    <td>{provinceName(r.province, locale)}</td>
                    <td>{number(r.sellers)}</td>
                    <td>{number(r.mentors)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="muted">{t('staff.impact.none')}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'staff.impact.title');
