import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { timeZoneLabel } from '~/components/time-zone';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { FormError } from '~/components/form';
import { getUser, requireUser } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { cardPaymentsEnabled } from '~/lib/payments.server';
import { provinces } from '~/lib/provinces';
import { TextAreaField } from '~/modules/verification/fields';
import { bookSession, findMentor, freeSlots } from '~/modules/mentoring/index.server';
import { bookSchema } from '~/modules/mentoring/forms.server';
import { SlotPicker } from '~/modules/mentoring/slot-picker';
import { idParam } from '~/lib/ids';
import { lightPage } from '~/lib/page-scripts';
import { notFound } from '~/lib/responses';
import { redirectWithNotice } from '~/lib/redirect.server';

const iso = (s: { start: Date; end: Date }) => ({ start: s.start.toISOString(), end: s.end.toISOString() });

// Public: the profile and free slots; booking needs a signed-in person.
// Reading and plain forms: served without the client scripts (app/lib/page-scripts.ts).
export const handle = lightPage;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const mentor = await findMentor(params.id ?? '');
  if (!mentor) throw notFound();
  const [user, slots] = await Promise.all([getUser(request), freeSlots(mentor.mentor_id, { limit: 24 })]);
  return {
    mentor: {
      id: mentor.mentor_id,
      name: mentor.display_name,
      bio: mentor.bio,
      experience: mentor.experience,
      province: mentor.province,
      topics: mentor.topics,
      languages: mentor.languages,
      price: mentor.price,
      sessionMinutes: mentor.session_minutes,
      meetingMode: mentor.meeting_mode,
      meetingPlace: mentor.meeting_mode === 'in_person' ? mentor.meeting_place : '',
      requiresConfirmation: mentor.requires_confirmation,
      cancelCutoffHours: mentor.cancel_cutoff_hours,
      averageRating: mentor.average_rating,
      ratings: mentor.ratings,
      held: mentor.held,
    },
    slots: slots.map(iso),
    signedIn: Boolean(user),
    cardPayments: cardPaymentsEnabled(),
    isSelf: user?.id === mentor.mentor_id,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const parsed = parseForm(form, bookSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const mentorId = idParam(params.id);
  const result = await bookSession({
    mentorId,
    menteeId: user.id,
    startsAt: new Date(parsed.data.startsAt),
    note: parsed.data.note,
  });
  // A paid booking is held while she pays on Stripe's page.
  if (result.ok && result.checkoutUrl) return redirect(result.checkoutUrl);
  if (result.ok) return redirectWithNotice(`/sessions/${result.id}`, 'notice.mentoringBooked');
  if (result.problem === 'notOffered') throw notFound();
  const status =
    result.problem === 'taken' || result.problem === 'menteeBusy'
      ? 409
      : result.problem === 'paymentFailed'
        ? 502
        : 400;
  const reply = formError(form, { form: `mentoring.book.problem.${result.problem}` }, status);
  return data({ ...reply.data, nextSlots: result.nextSlots.map(iso) }, { status });
}

export default function MentorPage() {
  const { mentor, slots, signedIn, isSelf, cardPayments } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, money, locale, timeZone } = useI18n();
  const offered = (reply as { nextSlots?: { start: string; end: string }[] } | undefined)?.nextSlots;
  const shown = offered?.length ? offered : slots;
  return (
    <section>
      <p>
        <Link to="/mentors">{t('mentoring.browse.back')}</Link>
      </p>
      <h1>{mentor.name}</h1>
      <p className="muted">
        {mentor.averageRating != null
          ? t('mentoring.rating.average', { rating: mentor.averageRating, count: mentor.ratings ?? 0 })
          : t('mentoring.rating.none')}{' '}
        · {t('mentoring.held', { count: mentor.held ?? 0 })}
      </p>
      <p>{mentor.bio}</p>
      <p className="muted">{mentor.experience}</p>
      <dl className="facts">
        <dt>{t('mentoring.field.topics')}</dt>
        <dd>{mentor.topics.map((x) => t(`mentoring.topic.${x}`)).join(' · ')}</dd>
        <dt>{t('mentoring.field.languages')}</dt>
        <dd>{mentor.languages.map((x) => t(`verification.language.${x}`)).join(', ')}</dd>
        <dt>{t('mentoring.field.meetingMode')}</dt>
        <dd>
          {t(`mentoring.mode.${mentor.meetingMode}`)}
          {mentor.meetingMode === 'in_person'
            ? ` — ${mentor.meetingPlace}, ${provinces.find((p) => p.code === mentor.province)?.[locale] ?? ''}`
            : ''}
        </dd>
        <dt>{t('mentoring.field.sessionMinutes')}</dt>
        <dd>{t('mentoring.minutes', { n: mentor.sessionMinutes })}</dd>
        <dt>{t('mentoring.field.price')}</dt>
        <dd>{mentor.price > 0 ? money(mentor.price) : t('mentoring.price.free')}</dd>
        <dt>{t('mentoring.field.cancelCutoffHours')}</dt>
        <dd>{t('mentoring.cutoff', { n: mentor.cancelCutoffHours })}</dd>
      </dl>

      <h2>{t('mentoring.book.title')}</h2>
      {mentor.price > 0 && !cardPayments ? (
        <p className="status-box">{t('mentoring.book.paidUnavailable')}</p>
      ) : isSelf ? (
        <p className="muted">{t('mentoring.book.self')}</p>
      ) : shown.length === 0 ? (
        <p>{t('mentoring.book.noSlots')}</p>
      ) : (
        <Form method="post" className="stack" noValidate>
          <FormError reply={reply} labels={{ startsAt: t('mentoring.book.slots'), note: t('mentoring.field.note') }} />
          <p className="muted">{t('mentoring.book.zone', { zone: timeZoneLabel(t, timeZone) })}</p>
          <SlotPicker slots={shown} legend={t('mentoring.book.slots')} error={reply?.errors?.startsAt} />
          <TextAreaField
            name="note"
            label={t('mentoring.field.note')}
            hint={t('mentoring.field.noteHint')}
            reply={reply}
            maxLength={1000}
          />
          {mentor.requiresConfirmation ? <p className="muted">{t('mentoring.book.needsConfirmation')}</p> : null}
          {mentor.price > 0 ? (
            <p className="muted">{t('mentoring.book.payByCard', { price: money(mentor.price), minutes: 30 })}</p>
          ) : null}
          {signedIn ? (
            <button type="submit">{t('mentoring.book.submit')}</button>
          ) : (
            <Link to={`/login?redirectTo=/mentors/${mentor.id}`}>{t('mentoring.book.login')}</Link>
          )}
        </Form>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, 'mentoring.browse.title', { title: data?.mentor.name });
