import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { timeZoneLabel } from '~/components/time-zone';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Field, FormError, SelectField } from '~/components/form';
import { requireRole } from '~/lib/auth.server';
import { type FieldErrors, formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { commonTimeZones, isCommonTimeZone } from '~/lib/time-zones';
import { CheckboxGroup } from '~/modules/verification/fields';
import { mentorLanguages } from '~/modules/verification/options';
import { isApprovedMentor } from '~/modules/verification';
import {
  addDateException,
  findDateExceptions,
  findOffer,
  findWeeklyHours,
  removeDateException,
  saveOffer,
} from '~/modules/mentoring/index.server';
import { extraSchema, offSchema, offerSchema, type OfferForm, removeSchema } from '~/modules/mentoring/forms.server';
import { meetingModes, mentoringTopics, sessionLengths, weekdays } from '~/modules/mentoring/options';
import { formatRanges, parseRanges, type Range } from '~/modules/mentoring/slots';
import { redirectWithNotice } from '~/lib/redirect.server';

// Her offer and availability. Mentors only; only an approved mentor can save.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'mentor');
  const approved = await isApprovedMentor(user.id);
  const [offer, weekly, exceptions] = await Promise.all([
    findOffer(user.id),
    findWeeklyHours(user.id),
    findDateExceptions(user.id),
  ]);
  const byDay: Record<number, string> = {};
  for (const d of weekdays) byDay[d] = formatRanges(weekly.filter((w) => w.weekday === d));
  return {
    approved,
    userTimeZone: user.timeZone,
    offer: offer
      ? {
          topics: offer.topics,
          languages: offer.languages,
          sessionMinutes: String(offer.session_minutes),
          bufferMinutes: String(offer.buffer_minutes),
          minNoticeHours: String(offer.min_notice_hours),
          maxDaysAhead: String(offer.max_days_ahead),
          price: String(offer.price),
          meetingMode: offer.meeting_mode,
          meetingPlace: offer.meeting_place,
          requiresConfirmation: offer.requires_confirmation,
          cancelCutoffHours: String(offer.cancel_cutoff_hours),
          timeZone: offer.time_zone,
          active: offer.active,
        }
      : null,
    weekly: byDay,
    exceptions: exceptions.map((e) => ({
      id: e.id,
      day: e.day,
      kind: e.kind,
      range:
        e.kind === 'extra' && e.start_minute !== null && e.end_minute !== null
          ? formatRanges([{ start: e.start_minute, end: e.end_minute }])
          : '',
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'mentor');
  const form = await readForm(request);
  if (!(await isApprovedMentor(user.id))) return formError(form, { form: 'mentoring.editor.notApproved' }, 403);
  const intent = form.get('intent');
  if (intent === 'addOff' || intent === 'addExtra') {
    const parsed = parseForm(form, intent === 'addOff' ? offSchema : extraSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    let range: Range | null = null;
    if (parsed.data.intent === 'addExtra') {
      const ranges = parseRanges(parsed.data.range);
      if (!ranges || ranges.length !== 1) return formError(form, { range: 'mentoring.field.rangesInvalid' });
      range = ranges[0];
    }
    const dayValue = parsed.data.intent === 'addOff' ? parsed.data.offDay : parsed.data.extraDay;
    const ok = await addDateException(user.id, dayValue, range);
    if (!ok) return formError(form, { form: 'mentoring.editor.offerFirst' });
    return redirectWithNotice('/dashboard/mentoring', 'notice.mentoringSaved');
  }
  if (intent === 'remove') {
    const parsed = parseForm(form, removeSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    await removeDateException(user.id, parsed.data.id);
    return redirectWithNotice('/dashboard/mentoring', 'notice.mentoringSaved');
  }
  const parsed = parseForm(form, offerSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const o = parsed.data as OfferForm;
  const weekly: Record<number, Range[]> = {};
  const errors: FieldErrors = {};
  for (const d of weekdays) {
    const ranges = parseRanges(o[`day${d}`] ?? '');
    if (!ranges) errors[`day${d}`] = 'mentoring.field.rangesInvalid';
    else weekly[d] = ranges;
  }
  if (Object.keys(errors).length) return formError(form, errors);
  await saveOffer(user.id, {
    topics: o.topics,
    languages: o.languages,
    sessionMinutes: o.sessionMinutes,
    bufferMinutes: o.bufferMinutes,
    minNoticeHours: o.minNoticeHours,
    maxDaysAhead: o.maxDaysAhead,
    price: o.price,
    meetingMode: o.meetingMode,
    meetingPlace: o.meetingMode === 'phone' ? '' : o.meetingPlace,
    requiresConfirmation: o.requiresConfirmation === 'on',
    cancelCutoffHours: o.cancelCutoffHours,
    timeZone: o.timeZone,
    active: o.active === 'on',
    weekly,
  });
  return redirectWithNotice('/dashboard/mentoring', 'notice.mentoringSaved');
}

export default function MentoringEditor() {
  const { approved, offer, weekly, exceptions, userTimeZone } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  const intent = reply?.values?.intent;
  const offerReply = !intent || intent === 'offer' ? reply : undefined;
  const zone = offer?.timeZone ?? userTimeZone;
  const zones: readonly string[] = isCommonTimeZone(zone) ? commonTimeZones : [zone, ...commonTimeZones];
  if (!approved) {
    return (
      <section className="narrow">
        <h1>{t('mentoring.editor.title')}</h1>
        <p className="status-box">{t('mentoring.editor.notApproved')}</p>
        <Link to="/dashboard/verification">{t('mentoring.editor.toDashboard')}</Link>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t('mentoring.editor.title')}</h1>
      <p>
        <Link to="/sessions">{t('mentoring.sessions.title')}</Link>
      </p>
      <h2>{t('mentoring.editor.offer')}</h2>
      <Form method="post" className="stack" noValidate>
        <FormError reply={offerReply} />
        <input type="hidden" name="intent" value="offer" />
        <CheckboxGroup
          name="topics"
          legend={t('mentoring.field.topics')}
          reply={offerReply}
          checked={offer?.topics ?? []}
          options={mentoringTopics.map((x) => ({ value: x, label: t(`mentoring.topic.${x}`) }))}
        />
        <CheckboxGroup
          name="languages"
          legend={t('mentoring.field.languages')}
          reply={offerReply}
          checked={offer?.languages ?? ['vi']}
          options={mentorLanguages.map((x) => ({ value: x, label: t(`verification.language.${x}`) }))}
        />
        <SelectField
          name="sessionMinutes"
          label={t('mentoring.field.sessionMinutes')}
          reply={offerReply}
          defaultValue={offer?.sessionMinutes ?? '45'}
          options={sessionLengths.map((n) => ({ value: String(n), label: t('mentoring.minutes', { n }) }))}
        />
        <Field
          name="bufferMinutes"
          type="number"
          label={t('mentoring.field.bufferMinutes')}
          reply={offerReply}
          defaultValue={offer?.bufferMinutes ?? '15'}
        />
        <Field
          name="minNoticeHours"
          type="number"
          label={t('mentoring.field.minNoticeHours')}
          reply={offerReply}
          defaultValue={offer?.minNoticeHours ?? '12'}
        />
        <Field
          name="maxDaysAhead"
          type="number"
          label={t('mentoring.field.maxDaysAhead')}
          reply={offerReply}
          defaultValue={offer?.maxDaysAhead ?? '30'}
        />
        <Field
          name="price"
          type="number"
          label={t('mentoring.field.priceDong')}
          hint={t('mentoring.field.priceHint')}
          reply={offerReply}
          defaultValue={offer?.price ?? '0'}
        />
        <SelectField
          name="meetingMode"
          label={t('mentoring.field.meetingMode')}
          reply={offerReply}
          defaultValue={offer?.meetingMode ?? 'video'}
          options={meetingModes.map((m) => ({ value: m, label: t(`mentoring.mode.${m}`) }))}
        />
        <Field
          name="meetingPlace"
          label={t('mentoring.field.meetingPlace')}
          hint={t('mentoring.field.meetingPlaceHint')}
          reply={offerReply}
          defaultValue={offer?.meetingPlace ?? ''}
          maxLength={300}
        />
        <label>
          <input type="checkbox" name="requiresConfirmation" defaultChecked={offer?.requiresConfirmation ?? false} />{' '}
          {t('mentoring.field.requiresConfirmation')}
        </label>
        <Field
          name="cancelCutoffHours"
          type="number"
          label={t('mentoring.field.cancelCutoffHours')}
          reply={offerReply}
          defaultValue={offer?.cancelCutoffHours ?? '12'}
        />
        <SelectField
          name="timeZone"
          label={t('mentoring.field.timeZone')}
          reply={offerReply}
          defaultValue={zone}
          options={zones.map((z) => ({ value: z, label: timeZoneLabel(t, z) }))}
        />
        <fieldset className="stack">
          <legend>{t('mentoring.field.weekly')}</legend>
          <p className="hint">{t('mentoring.field.weeklyHint')}</p>
          {weekdays.map((d) => (
            <Field
              key={d}
              name={`day${d}`}
              label={t(`mentoring.weekday.${d}`)}
              reply={offerReply}
              defaultValue={weekly[d]}
              maxLength={200}
            />
          ))}
        </fieldset>
        <label>
          <input type="checkbox" name="active" defaultChecked={offer?.active ?? true} /> {t('mentoring.field.active')}
        </label>
        <button type="submit">{t('common.save')}</button>
      </Form>

      {offer ? (
        <>
          <h2>{t('mentoring.editor.dates')}</h2>
          <ul>
            {exceptions.map((e) => (
              <li key={e.id}>
                {e.day} —{' '}
                {e.kind === 'off' ? t('mentoring.editor.dayOff') : t('mentoring.editor.extra', { range: e.range })}{' '}
                <Form noValidate method="post" className="inline-form">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="id" value={e.id} />
                  <button type="submit" className="secondary">
                    {t('mentoring.editor.remove')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
          <Form method="post" className="stack" noValidate>
            <FormError reply={intent === 'addOff' ? reply : undefined} />
            <input type="hidden" name="intent" value="addOff" />
            <Field
              name="offDay"
              type="date"
              label={t('mentoring.editor.addOff')}
              reply={intent === 'addOff' ? reply : undefined}
            />
            <button type="submit">{t('mentoring.editor.addOffSubmit')}</button>
          </Form>
          <Form method="post" className="stack" noValidate>
            <FormError reply={intent === 'addExtra' ? reply : undefined} />
            <input type="hidden" name="intent" value="addExtra" />
            <Field
              name="extraDay"
              type="date"
              label={t('mentoring.editor.addExtra')}
              reply={intent === 'addExtra' ? reply : undefined}
            />
            <Field
              name="range"
              label={t('mentoring.editor.extraRange')}
              hint="14:00-17:00"
              reply={intent === 'addExtra' ? reply : undefined}
            />
            <button type="submit">{t('mentoring.editor.addExtraSubmit')}</button>
          </Form>
        </>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'mentoring.editor.title');
