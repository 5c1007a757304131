import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { listAudit } from '~/lib/audit.server';
import { requireStaff } from '~/lib/auth.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const before = Number(new URL(request.url).searchParams.get('before'));
  return listAudit(staff.scope, { before: Number.isSafeInteger(before) && before > 0 ? before : undefined });
}

export default function AuditLog() {
  const { entries, next } = useLoaderData<typeof loader>();
  const { t, dateTime } = useI18n();
  return (
    <section>
      <h1>{t('security.audit.title')}</h1>
      <p className="lead">{t('security.audit.lead')}</p>
      {entries.length === 0 ? (
        <p>{t('security.audit.empty')}</p>
      ) : (
        <ul className="audit-list">
          {entries.map((e) => (
            <li key={e.id} className="card">
              <p>
                <strong>{t(`security.audit.action.${e.action}`)}</strong>
              </p>
              <dl className="facts">
                <dt>{t('security.audit.when')}</dt>
                <dd>{dateTime(e.created_at)}</dd>
                <dt>{t('security.audit.who')}</dt>
                <dd>{e.actorName ? `${e.actorName} (${e.actorEmail})` : '—'}</dd>
                <dt>{t('security.audit.about')}</dt>
                <dd>{e.subjectName ?? '—'}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      {next ? (
        <p>
          <Link to={`/staff/audit?before=${next}`}>{t('security.audit.older')} →</Link>
        </p>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'security.audit.title');
