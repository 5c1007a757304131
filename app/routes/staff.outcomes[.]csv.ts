import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireStaff } from '~/lib/auth.server';
import { localeFromRequest, translatorFor } from '~/lib/i18n.server';
import { provinceName } from '~/lib/provinces';
import {
  outcomeFigures,
  outcomeMetrics,
  outcomeRequest,
  outcomesCsv,
  type OutcomeMetric,
} from '~/modules/verification/outcomes.server';

// /staff/outcomes.csv: the same figures as /staff/outcomes, for Excel. An empty
// period gives the header row alone; a period that is not valid, 400 in her language.
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const locale = await localeFromRequest(request, staff.locale);
  const t = translatorFor(locale);
  const period = outcomeRequest(new URL(request.url), staff.scope);
  if (!period)
    return new Response(t('union.outcomes.badPeriod'), {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const rows = await outcomeFigures(staff.scope, period);
  const metrics = Object.fromEntries(outcomeMetrics.map((m) => [m, t(`union.outcomes.${m}`)])) as Record<
    OutcomeMetric,
    string
  >;
  const body = outcomesCsv(
    rows,
    { province: t('union.outcomes.province'), month: t('union.outcomes.month'), metrics },
    (code) => (code ? provinceName(code, locale) : '—'),
  );
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="sen-outcomes-${period.from}-${period.to}.csv"`,
    },
  });
}
