import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Field, FormError } from '~/components/form';
import { getUser, requireUser } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { groupActionSchema } from '~/modules/mentoring/group-forms.server';
import { bookSeat, cancelSeat, changeSeats, findGroupSession, markAttendance } from '~/modules/mentoring/group.server';
import { SessionTime } from '~/modules/mentoring/slot-picker';
import { notFound } from '~/lib/responses';
import { redirectWithNotice } from '~/lib/redirect.server';

// One group session: anyone reads it; a signed-in person books or gives back a
// seat; its host sees who booked, changes the seats and marks attendance.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const s = await findGroupSession(params.id, user?.id ?? null);
  if (!s) throw notFound();
  const isHost = user?.id === s.host_id;
  return {
    session: {
      id: s.id,
      title: s.title,
      description: s.description,
      host: s.host_name,
      start: s.starts_at.toISOString(),
      end: s.ends_at.toISOString(),
      seats: s.seats,
      left: s.seats - s.seats_taken,
      mode: s.meeting_mode,
      // The place (or link) is for the people holding a seat and the host.
      place: isHost || s.my_booking ? s.meeting_place : '',
      open: s.status === 'open' && s.starts_at.getTime() > Date.now(),
      started: s.starts_at.getTime() <= Date.now(),
      booked: Boolean(s.my_booking),
      // Her seat held while she pays (a paid session).
      held: Boolean(s.my_hold),
      price: s.price,
      attendees: isHost ? s.attendees.map((a) => ({ id: a.id, name: a.display_name, attended: a.attended })) : [],
    },
    isHost,
    signedIn: Boolean(user),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const parsed = parseForm(form, groupActionSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const id = params.id ?? '';
  const input = parsed.data;
  if (input.intent === 'book') {
    const booked = await bookSeat(id, user.id);
    if (!booked.ok) return formError(form, { form: booked.error }, booked.error === 'depth.group.full' ? 409 : 400);
    // A paid seat is held while she pays on the card rail's page.
    if (booked.checkoutUrl) return redirect(booked.checkoutUrl);
    return redirectWithNotice(`/group-sessions/${id}`, 'notice.depth.booked');
  }
  if (input.intent === 'cancel') {
    if (!(await cancelSeat(id, user.id))) return formError(form, { form: 'depth.group.closed' });
    return redirectWithNotice(`/group-sessions/${id}`, 'notice.depth.cancelled');
  }
  // The host's own actions: another person's session is not found.
  const s = await findGroupSession(id, user.id);
  if (!s || s.host_id !== user.id) throw notFound();
  if (input.intent === 'seats') {
    const changed = await changeSeats(user.id, id, input.seats);
    if (!changed.ok) return formError(form, { seats: changed.error });
  } else if (!(await markAttendance(user.id, id, input.present))) {
    return formError(form, { form: 'depth.group.closed' });
  }
  return redirectWithNotice(`/group-sessions/${id}`, 'notice.depth.saved');
}

export default function GroupSession() {
  const { session: s, isHost, signedIn } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, money } = useI18n();
  return (
    <article>
      <p className="small">
        <Link to="/group-sessions">{t('depth.group.title')}</Link>
      </p>
      <h1>{s.title}</h1>
      <p>
        <SessionTime start={s.start} end={s.end} />
      </p>
      <p className="small">
        {t('depth.group.host', { name: s.host })} · {t(`mentoring.mode.${s.mode}`)} ·{' '}
        {s.price > 0 ? t('paidseat.perSeat', { price: money(s.price) }) : t('depth.group.free')}
      </p>
      <p>{s.left > 0 ? t('depth.group.seatsLeft', { n: s.left, seats: s.seats }) : t('depth.group.full')}</p>
      {s.description ? <p style={{ whiteSpace: 'pre-line' }}>{s.description}</p> : null}
      {s.place ? <p className="small">{s.place}</p> : null}
      <FormError reply={reply} labels={{ seats: t('depth.group.field.seats') }} />
      {s.held ? (
        <>
          <p>{t('paidseat.held')}</p>
          <Form method="post">
            <button type="submit" name="intent" value="cancel" className="secondary">
              {t('paidseat.giveBack')}
            </button>
          </Form>
        </>
      ) : s.booked ? (
        <>
          <p>
            <strong>{t('depth.group.booked')}</strong>{' '}
            <a href={`/group-sessions/${s.id}/ics`}>{t('depth.group.ics')}</a>
          </p>
          {s.open ? (
            <Form method="post">
              <button type="submit" name="intent" value="cancel" className="secondary">
                {t('depth.group.cancel')}
              </button>
            </Form>
          ) : null}
        </>
      ) : !isHost && s.open && s.left > 0 ? (
        signedIn ? (
          <Form method="post">
            <button type="submit" name="intent" value="book">
              {t('depth.group.book')}
            </button>
          </Form>
        ) : (
          <Link to={`/login?redirectTo=${encodeURIComponent(`/group-sessions/${s.id}`)}`} className="button">
            {t('depth.group.book')}
          </Link>
        )
      ) : null}
      {isHost ? (
        <section className="card">
          <p>
            <a href={`/group-sessions/${s.id}/ics`}>{t('depth.group.ics')}</a>
          </p>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="seats" />
            <Field
              name="seats"
              label={t('depth.group.field.seats')}
              reply={reply}
              defaultValue={String(s.seats)}
              inputMode="numeric"
              maxLength={3}
            />
            <button type="submit" className="secondary">
              {t('depth.group.changeSeats')}
            </button>
          </Form>
          <h2>{t('depth.group.attendees', { n: s.attendees.length })}</h2>
          {s.attendees.length === 0 ? <p>{t('depth.group.noAttendees')}</p> : null}
          <Form method="post">
            <input type="hidden" name="intent" value="attendance" />
            <ul className="plain-list">
              {s.attendees.map((a) => (
                <li key={a.id}>
                  {s.started ? (
                    <label className="checkbox">
                      <input type="checkbox" name="present" value={a.id} defaultChecked={a.attended === true} />{' '}
                      {a.name} · {t('depth.group.attended')}
                    </label>
                  ) : (
                    a.name
                  )}
                </li>
              ))}
            </ul>
            {s.started && s.attendees.length ? <button type="submit">{t('depth.group.saveAttendance')}</button> : null}
          </Form>
        </section>
      ) : null}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageMeta(matches, 'depth.group.title', data ? { title: data.session.title } : undefined);
