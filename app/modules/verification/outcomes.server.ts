import { sql, type RawBuilder } from 'kysely';
import { personProvince, provinceInScope, type StaffScope } from '~/lib/auth.server';
import { db } from '~/lib/db.server';
import { isProvinceCode } from '~/lib/provinces';

// /staff/outcomes (issue 19): what the Union reports upward, per province and
// month, counted in Vietnam's time. Aggregates only: no row names a person.

export { outcomeMetrics, type OutcomeMetric, type OutcomeRow } from './outcomes';
import { outcomeMetrics, type OutcomeMetric, type OutcomeRow } from './outcomes';

export type OutcomePeriod = { from: string; to: string; province?: string };

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;
const maxMonths = 36;

/** The period from ?from=YYYY-MM&to=YYYY-MM (both included), the last 6 months by default; null when not valid. */
export function parsePeriod(params: URLSearchParams, now = new Date()): OutcomePeriod | null {
  const current = vnMonth(now);
  const from = params.get('from') || shiftMonth(current, -5);
  const to = params.get('to') || current;
  if (!monthPattern.test(from) || !monthPattern.test(to) || from > to) return null;
  if (monthIndex(to) - monthIndex(from) >= maxMonths) return null;
  return { from, to };
}

function vnMonth(date: Date) {
  return new Date(date.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 7);
}
function monthIndex(month: string) {
  const [y, m] = month.split('-').map(Number);
  return y * 12 + m - 1;
}
function shiftMonth(month: string, by: number) {
  const i = monthIndex(month) + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** Every month of the period, oldest first. */
export function monthsOf(period: OutcomePeriod) {
  const months: string[] = [];
  for (let i = monthIndex(period.from); i <= monthIndex(period.to); i += 1)
    months.push(shiftMonth(period.from, i - monthIndex(period.from)));
  return months;
}

const vnMonthOf = (column: string) =>
  sql<string>`to_char(${sql.ref(column)} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM')`;

export async function outcomeFigures(scope: StaffScope, period: OutcomePeriod): Promise<OutcomeRow[]> {
  const start = sql`(${period.from + '-01'}::date::timestamp at time zone 'Asia/Ho_Chi_Minh')`;
  const end = sql`((${period.to + '-01'}::date + interval '1 month')::timestamp at time zone 'Asia/Ho_Chi_Minh')`;
  // One counted fact: its province, its time, its value; filtered by the period, the scope and the chosen province.
  const fact = (
    metric: OutcomeMetric,
    from: RawBuilder<unknown>,
    province: RawBuilder<string | null>,
    at: string,
    value: RawBuilder<unknown>,
    where: RawBuilder<unknown> = sql`true`,
  ) => sql<{ metric: string; province: string | null; month: string; value: number }>`
    select ${metric}::text as metric, p.province, ${vnMonthOf(at)} as month, (${value})::float8 as value
    from ${from}
    cross join lateral (select ${province} as province) p
    where ${sql.ref(at)} >= ${start} and ${sql.ref(at)} < ${end} and ${where}
      and ${provinceInScope(scope, sql`p.province`)}
      ${period.province ? sql`and p.province = ${period.province}` : sql``}
    group by p.province, month`;
  const count = sql`count(*)`;
  const decided = sql`verification_events d join lateral (
      select created_at as submitted_at from verification_events s
      where s.user_id = d.user_id and s.subject = d.subject and s.to_status = 'submitted' and s.id < d.id
      order by s.id desc limit 1) s on true`;
  const parts = [
    fact('newEntrepreneurs', sql`business_profiles bp`, sql`bp.province`, 'bp.created_at', count),
    fact(
      'verified',
      sql`verification_events v`,
      personProvince('v.user_id'),
      'v.created_at',
      count,
      sql`v.subject = 'business' and v.to_status = 'approved'`,
    ),
    fact(
      'medianDays',
      decided,
      personProvince('d.user_id'),
      'd.created_at',
      sql`percentile_cont(0.5) within group (order by extract(epoch from d.created_at - s.submitted_at) / 86400)`,
      sql`d.from_status = 'submitted' and d.to_status in ('approved', 'rejected')`,
    ),
    fact(
      'activeSellers',
      sql`orders o`,
      personProvince('o.seller_id'),
      'o.placed_at',
      sql`count(distinct o.seller_id)`,
      sql`o.state not in ('awaiting_payment', 'cancelled', 'refunded')`,
    ),
    fact(
      'orders',
      sql`orders o`,
      personProvince('o.seller_id'),
      'o.placed_at',
      count,
      sql`o.state not in ('awaiting_payment', 'cancelled', 'refunded')`,
    ),
    fact(
      'sales',
      sql`orders o`,
      personProvince('o.seller_id'),
      'o.placed_at',
      sql`sum(o.total)`,
      sql`o.state not in ('awaiting_payment', 'cancelled', 'refunded')`,
    ),
    fact(
      'sessions',
      sql`mentoring_sessions ms`,
      personProvince('ms.mentee_id'),
      'ms.ends_at',
      count,
      sql`ms.status = 'confirmed' and ms.ends_at <= now()`,
    ),
    fact('lessons', sql`learning_lesson_progress lp`, personProvince('lp.user_id'), 'lp.completed_at', count),
    fact('certificates', sql`learning_certificates lc`, personProvince('lc.user_id'), 'lc.issued_at', count),
    // A warning is shown to the one who receives the message.
    fact(
      'warnings',
      sql`messages m join conversations c on c.id = m.conversation_id cross join lateral (select case when c.user_a = m.sender_id then c.user_b else c.user_a end as id) rcp`,
      personProvince('rcp.id'),
      'm.created_at',
      count,
      sql`m.scam_level <> 'none'`,
    ),
    fact(
      'reportsHandled',
      sql`reports r`,
      personProvince('r.subject_user_id'),
      'r.resolved_at',
      count,
      sql`r.status = 'resolved'`,
    ),
  ];
  const { rows } = await sql<{
    metric: OutcomeMetric;
    province: string | null;
    month: string;
    value: number;
  }>`${sql.join(parts, sql` union all `)}`.execute(db);
  const byKey = new Map<string, OutcomeRow>();
  for (const r of rows) {
    const province = r.province ?? '';
    const key = `${province}|${r.month}`;
    let row = byKey.get(key);
    if (!row) {
      row = {
        province,
        month: r.month,
        ...(Object.fromEntries(outcomeMetrics.map((m) => [m, m === 'medianDays' ? null : 0])) as Record<
          OutcomeMetric,
          number | null
        >),
      };
      byKey.set(key, row);
    }
    row[r.metric] = r.metric === 'medianDays' ? Math.round(Number(r.value) * 10) / 10 : Number(r.value);
  }
  return [...byKey.values()].sort((a, b) => a.month.localeCompare(b.month) || a.province.localeCompare(b.province));
}

/** The period and province of the request, the province only when it is in her scope. */
export function outcomeRequest(url: URL, scope: StaffScope) {
  const period = parsePeriod(url.searchParams);
  const province = url.searchParams.get('province') ?? '';
  if (period && province && isProvinceCode(province) && (scope.country || scope.provinces.includes(province)))
    period.province = province;
  return period;
}

function csvCell(value: string | number | null) {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The figures as CSV: UTF-8 with a byte-order mark, so Excel set to Vietnamese
 * opens "Lào Cai" as written; headers in her language, one row per province and month.
 */
export function outcomesCsv(
  rows: OutcomeRow[],
  headers: { province: string; month: string; metrics: Record<OutcomeMetric, string> },
  provinceLabel: (code: string) => string,
) {
  const lines = [
    [headers.province, headers.month, ...outcomeMetrics.map((m) => headers.metrics[m])].map(csvCell).join(','),
  ];
  for (const row of rows)
    lines.push([provinceLabel(row.province), row.month, ...outcomeMetrics.map((m) => row[m])].map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
