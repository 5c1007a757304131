import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { hasRole, requireUser } from '~/lib/auth.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { listSessionsFor } from '~/modules/mentoring/index.server';
import { SessionTime } from '~/modules/mentoring/slot-picker';

// Her sessions, as mentee and as mentor: upcoming first, then past.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const rows = await listSessionsFor(user.id);
  const now = Date.now();
  const sessions = rows.map((s) => ({
    id: s.id,
    side: s.mentor_id === user.id ? ('mentor' as const) : ('mentee' as const),
    with: s.mentor_id === user.id ? s.mentee_name : s.mentor_name,
    start: s.starts_at.toISOString(),
    end: s.ends_at.toISOString(),
    status: s.status,
    lateCancellation: s.late_cancellation,
    cancelledBy: s.cancelled_by,
    rated: s.rating != null,
    upcoming: s.ends_at.getTime() > now,
  }));
  return {
    isMentor: hasRole(user, 'mentor'),
    upcoming: sessions.filter((s) => s.upcoming).reverse(),
    past: sessions.filter((s) => !s.upcoming),
  };
}

type Row = Awaited<ReturnType<typeof loader>>['upcoming'][number];

function SessionItem({ s }: { s: Row }) {
  const { t } = useI18n();
  return (
    <li className="card">
      <p>
        <Link to={`/sessions/${s.id}`}>
          <SessionTime start={s.start} end={s.end} />
        </Link>
      </p>
      <p>
        {t(s.side === 'mentor' ? 'mentoring.sessions.withMentee' : 'mentoring.sessions.withMentor', { name: s.with })} ·{' '}
        <strong>{t(`mentoring.status.${s.status}`)}</strong>
        {s.lateCancellation ? ` · ${t('mentoring.session.lateCancellation')}` : ''}
      </p>
      {s.side === 'mentor' && s.status === 'pending' && s.upcoming ? (
        <div className="actions">
          <Form noValidate method="post" action={`/sessions/${s.id}`} className="inline-form">
            <input type="hidden" name="intent" value="confirm" />
            <button type="submit">{t('mentoring.session.confirm')}</button>
          </Form>{' '}
          <Form noValidate method="post" action={`/sessions/${s.id}`} className="inline-form">
            <input type="hidden" name="intent" value="decline" />
            <button type="submit" className="secondary">
              {t('mentoring.session.decline')}
            </button>
          </Form>
        </div>
      ) : null}
    </li>
  );
}

export default function Sessions() {
  const { upcoming, past, isMentor } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('mentoring.sessions.title')}</h1>
      <p>
        <Link to="/mentors">{t('mentoring.sessions.findMentor')}</Link>
        {isMentor ? (
          <>
            {' · '}
            <Link to="/dashboard/mentoring">{t('mentoring.sessions.editOffer')}</Link>
          </>
        ) : null}
      </p>
      <h2>{t('mentoring.sessions.upcoming')}</h2>
      {upcoming.length ? (
        <ul className="cards">
          {upcoming.map((s) => (
            <SessionItem key={s.id} s={s} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t('mentoring.sessions.none')}</p>
      )}
      <h2>{t('mentoring.sessions.past')}</h2>
      {past.length ? (
        <ul className="cards">
          {past.map((s) => (
            <SessionItem key={s.id} s={s} />
          ))}
        </ul>
      ) : (
        <p className="muted">{t('mentoring.sessions.none')}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'mentoring.sessions.title');
