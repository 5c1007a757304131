import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { listUpcomingGroupSessions } from '~/modules/mentoring/group.server';
import { SessionTime } from '~/modules/mentoring/slot-picker';

// Group sessions still to come, for anyone; booking a seat needs an account.
export async function loader() {
  const rows = await listUpcomingGroupSessions();
  return {
    sessions: rows.map((s) => ({
      id: s.id,
      title: s.title,
      host: s.host_name,
      start: s.starts_at.toISOString(),
      end: s.ends_at.toISOString(),
      left: s.seats - s.seats_taken,
      seats: s.seats,
    })),
  };
}

export default function GroupSessions() {
  const { sessions } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('depth.group.title')}</h1>
      <p className="muted">{t('depth.group.intro')}</p>
      {sessions.length === 0 ? <p>{t('depth.group.none')}</p> : null}
      <ul className="plain-list">
        {sessions.map((s) => (
          <li key={s.id} className="card">
            <h2>
              <Link to={`/group-sessions/${s.id}`}>{s.title}</Link>
            </h2>
            <p className="small">
              <SessionTime start={s.start} end={s.end} />
            </p>
            <p className="small">
              {t('depth.group.host', { name: s.host })} ·{' '}
              {s.left > 0 ? t('depth.group.seatsLeft', { n: s.left, seats: s.seats }) : t('depth.group.full')}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'depth.group.title');
