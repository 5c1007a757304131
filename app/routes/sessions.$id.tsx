import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { FormError, SelectField } from '~/components/form';
import { requireUser } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { TextAreaField } from '~/modules/verification/fields';
import {
  allowedActions,
  cancelSession,
  decide,
  findSessionFor,
  freeSlots,
  rateSession,
  rescheduleSession,
  saveSessionNotes,
} from '~/modules/mentoring/index.server';
import { sessionSchemas as schemas } from '~/modules/mentoring/forms.server';
import { SessionTime, SlotPicker } from '~/modules/mentoring/slot-picker';
import { notFound } from '~/lib/responses';
import { redirectWithNotice } from '~/lib/redirect.server';

const iso = (s: { start: Date; end: Date }) => ({ start: s.start.toISOString(), end: s.end.toISOString() });

// Only the two people of a session see it; anyone else gets 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const s = await findSessionFor(params.id ?? '', user.id);
  if (!s) throw notFound();
  const can = allowedActions(s);
  const slots = can.reschedule ? (await freeSlots(s.mentor_id, { limit: 12, except: s.id })).map(iso) : [];
  return {
    session: {
      id: s.id,
      side: s.side,
      mentorName: s.mentor_name,
      menteeName: s.mentee_name,
      start: s.starts_at.toISOString(),
      end: s.ends_at.toISOString(),
      status: s.status,
      note: s.note,
      price: s.price,
      meetingMode: s.meeting_mode,
      meetingPlace: s.meeting_place,
      cancelledBy: s.cancelled_by,
      cancelReason: s.cancel_reason,
      lateCancellation: s.late_cancellation,
      rescheduleCount: s.reschedule_count,
      rating: s.rating,
      ratingComment: s.rating_comment,
      followUp: s.follow_up,
      // Private notes are the mentor's alone.
      mentorNotes: s.side === 'mentor' ? s.mentor_notes : '',
      cancelCutoffHours: s.cancel_cutoff_hours,
      paid: s.paid_at != null,
      refundAmount: s.refund_amount,
    },
    can,
    slots,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const s = await findSessionFor(params.id ?? '', user.id);
  if (!s) throw notFound();
  const intent = String(form.get('intent') ?? '');
  // Own keys only: 'constructor' or 'toString' are on every object's prototype.
  if (!Object.hasOwn(schemas, intent)) return formError(form, { form: 'validation.invalid' });
  const parsed = parseForm(form, schemas[intent as keyof typeof schemas]);
  if (!parsed.ok) return invalid(parsed.reply);
  const input = parsed.data;
  const here = `/sessions/${s.id}`;
  const refused = () => formError(form, { form: 'mentoring.session.notAllowed' }, 409);
  switch (input.intent) {
    case 'confirm':
    case 'decline': {
      if (s.side !== 'mentor') return refused();
      const ok = await decide(s.id, user.id, input.intent === 'confirm' ? 'confirmed' : 'declined');
      return ok ? redirectWithNotice(here, 'notice.mentoringSaved') : refused();
    }
    case 'cancel': {
      const result = await cancelSession(s.id, user.id, input.reason, new Date(), s);
      if (!result.ok) return refused();
      return redirectWithNotice(here, result.late ? 'notice.mentoringCancelledLate' : 'notice.mentoringCancelled');
    }
    case 'reschedule': {
      if (s.side !== 'mentee') return refused();
      const result = await rescheduleSession(s.id, user.id, new Date(input.startsAt), new Date(), s);
      if (result.ok) return redirectWithNotice(here, 'notice.mentoringRescheduled');
      if (result.problem === 'notAllowed') return refused();
      const reply = formError(form, { form: `mentoring.book.problem.${result.problem}` }, 409);
      return data({ ...reply.data, nextSlots: result.nextSlots.map(iso) }, { status: 409 });
    }
    case 'rate': {
      if (s.side !== 'mentee') return refused();
      const ok = await rateSession(s.id, user.id, input.rating, input.comment);
      return ok ? redirectWithNotice(here, 'notice.mentoringRated') : refused();
    }
    case 'notes': {
      if (s.side !== 'mentor') return refused();
      const ok = await saveSessionNotes(s.id, user.id, input.mentorNotes, input.followUp);
      return ok ? redirectWithNotice(here, 'notice.mentoringSaved') : refused();
    }
  }
}

export default function SessionPage() {
  const { session: s, can, slots } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, money } = useI18n();
  const intent = reply?.values?.intent;
  const replyFor = (name: string) => (intent === name ? reply : undefined);
  const offered = (reply as { nextSlots?: { start: string; end: string }[] } | undefined)?.nextSlots;
  const nextSlots = offered?.length ? offered : slots;
  const other = s.side === 'mentor' ? s.menteeName : s.mentorName;
  return (
    <section className="narrow">
      <p>
        <Link to="/sessions">{t('mentoring.sessions.back')}</Link>
      </p>
      <h1>
        {t(s.side === 'mentor' ? 'mentoring.sessions.withMentee' : 'mentoring.sessions.withMentor', { name: other })}
      </h1>
      <FormError reply={intent && !['reschedule', 'rate', 'notes', 'cancel'].includes(intent) ? reply : undefined} />
      <p>
        <SessionTime start={s.start} end={s.end} />
      </p>
      <p>
        <Link to={`/messages/new?session=${s.id}`}>
          {t(s.side === 'mentor' ? 'messaging.link.mentee' : 'messaging.link.mentor')}
        </Link>
      </p>
      <p>
        <strong>{t(`mentoring.status.${s.status}`)}</strong>
        {s.cancelledBy ? ` · ${t(`mentoring.session.cancelledBy.${s.cancelledBy}`)}` : ''}
        {s.lateCancellation ? ` · ${t('mentoring.session.lateCancellation')}` : ''}
      </p>
      {s.cancelReason ? <p className="muted">{s.cancelReason}</p> : null}
      <dl className="facts">
        <dt>{t('mentoring.field.meetingMode')}</dt>
        <dd>
          {t(`mentoring.mode.${s.meetingMode}`)}
          {s.meetingPlace ? ` — ${s.meetingPlace}` : ''}
        </dd>
        <dt>{t('mentoring.field.price')}</dt>
        <dd>
          {s.price > 0 ? money(s.price) : t('mentoring.price.free')}
          {s.paid ? ` · ${t('mentoring.session.paid')}` : ''}
          {s.refundAmount ? ` · ${t('mentoring.session.refunded', { amount: money(s.refundAmount) })}` : ''}
        </dd>
        {s.note ? (
          <>
            <dt>{t('mentoring.field.note')}</dt>
            <dd>{s.note}</dd>
          </>
        ) : null}
        {s.rescheduleCount > 0 ? (
          <>
            <dt>{t('mentoring.session.rescheduled')}</dt>
            <dd>{s.rescheduleCount}</dd>
          </>
        ) : null}
      </dl>
      {s.status !== 'cancelled' && s.status !== 'declined' ? (
        <p>
          <a href={`/sessions/${s.id}/ics`} download>
            {t('mentoring.session.ics')}
          </a>
        </p>
      ) : null}

      {can.confirm ? (
        <div className="actions">
          <Form noValidate method="post" className="inline-form">
            <input type="hidden" name="intent" value="confirm" />
            <button type="submit">{t('mentoring.session.confirm')}</button>
          </Form>{' '}
          <Form noValidate method="post" className="inline-form">
            <input type="hidden" name="intent" value="decline" />
            <button type="submit" className="secondary">
              {t('mentoring.session.decline')}
            </button>
          </Form>
        </div>
      ) : null}

      {can.reschedule && nextSlots.length ? (
        <>
          <h2>{t('mentoring.session.rescheduleTitle')}</h2>
          <Form method="post" className="stack" noValidate>
            <FormError reply={replyFor('reschedule')} />
            <input type="hidden" name="intent" value="reschedule" />
            <SlotPicker
              slots={nextSlots}
              legend={t('mentoring.book.slots')}
              error={replyFor('reschedule')?.errors?.startsAt}
            />
            <button type="submit">{t('mentoring.session.reschedule')}</button>
          </Form>
        </>
      ) : null}

      {can.cancel ? (
        <>
          <h2>{t('mentoring.session.cancelTitle')}</h2>
          <p className="muted">
            {can.lateCancel
              ? t('mentoring.session.lateWarning', { n: s.cancelCutoffHours })
              : t('mentoring.cutoff', { n: s.cancelCutoffHours })}
          </p>
          <Form method="post" className="stack" noValidate>
            <FormError reply={replyFor('cancel')} />
            <input type="hidden" name="intent" value="cancel" />
            <TextAreaField
              name="reason"
              label={t('mentoring.field.cancelReason')}
              reply={replyFor('cancel')}
              maxLength={500}
            />
            <button type="submit" className="secondary">
              {t('mentoring.session.cancel')}
            </button>
          </Form>
        </>
      ) : null}

      {s.rating != null ? (
        <>
          <h2>{t('mentoring.rate.title')}</h2>
          <p>{t('mentoring.rate.given', { rating: s.rating })}</p>
          {s.ratingComment ? <p>{s.ratingComment}</p> : null}
        </>
      ) : can.rate ? (
        <>
          <h2>{t('mentoring.rate.title')}</h2>
          <Form method="post" className="stack" noValidate>
            <FormError reply={replyFor('rate')} />
            <input type="hidden" name="intent" value="rate" />
            <SelectField
              name="rating"
              label={t('mentoring.rate.rating')}
              reply={replyFor('rate')}
              defaultValue="5"
              options={[5, 4, 3, 2, 1].map((n) => ({
                value: String(n),
                label: t('mentoring.rate.stars', { count: n }),
              }))}
            />
            <TextAreaField
              name="comment"
              label={t('mentoring.rate.comment')}
              reply={replyFor('rate')}
              maxLength={1000}
            />
            <button type="submit">{t('mentoring.rate.submit')}</button>
          </Form>
        </>
      ) : null}

      {s.side === 'mentee' && s.followUp ? (
        <>
          <h2>{t('mentoring.notes.followUp')}</h2>
          <p className="pre-line">{s.followUp}</p>
        </>
      ) : null}
      {can.notes ? (
        <>
          <h2>{t('mentoring.notes.title')}</h2>
          <Form method="post" className="stack" noValidate>
            <FormError reply={replyFor('notes')} />
            <input type="hidden" name="intent" value="notes" />
            <TextAreaField
              name="mentorNotes"
              label={t('mentoring.notes.private')}
              hint={t('mentoring.notes.privateHint')}
              reply={replyFor('notes')}
              defaultValue={s.mentorNotes}
              maxLength={4000}
            />
            <TextAreaField
              name="followUp"
              label={t('mentoring.notes.followUp')}
              hint={t('mentoring.notes.followUpHint')}
              reply={replyFor('notes')}
              defaultValue={s.followUp}
              maxLength={4000}
            />
            <button type="submit">{t('mentoring.notes.save')}</button>
          </Form>
        </>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'mentoring.session.title');
