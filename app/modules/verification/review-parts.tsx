// Parts of the staff review page (issue 19): the same-identity warning and the
// in-person meetings with the form to record one.
import { Form, Link } from '@remix-run/react';
import { Field, FormError, TextAreaField, type FormReplyData } from '~/components/form';
import { useI18n } from '~/lib/i18n';

type SameIdentity = {
  named: { user_id: string; business_name: string; display_name: string; verification_status: string }[];
  elsewhere: number;
};

/** Shown when another account's business profile carries the same citizen-ID number. */
export function IdentityWarning({ sameIdentity }: { sameIdentity: SameIdentity }) {
  const { t } = useI18n();
  const total = sameIdentity.named.length + sameIdentity.elsewhere;
  if (!total) return null;
  return (
    <div className="card warning" role="alert" data-testid="same-identity">
      <p>
        <strong>{t('identity.warning.title', { count: total })}</strong>
      </p>
      {sameIdentity.named.length ? (
        <ul>
          {sameIdentity.named.map((o) => (
            <li key={o.user_id}>
              <Link to={`/staff/verifications/${o.user_id}`}>{o.business_name}</Link> · {o.display_name}
            </li>
          ))}
        </ul>
      ) : null}
      {sameIdentity.elsewhere ? <p>{t('identity.warning.elsewhere', { count: sameIdentity.elsewhere })}</p> : null}
    </div>
  );
}

type Meeting = {
  id: string;
  met_on: string;
  place: string;
  note: string;
  staff_name: string | null;
};

export function Meetings({ meetings, reply }: { meetings: Meeting[]; reply: FormReplyData }) {
  const { t } = useI18n();
  const mine = reply?.values?.intent === 'meeting' ? reply : undefined;
  return (
    <>
      <h2>{t('meeting.title')}</h2>
      {meetings.length ? (
        <ul data-testid="meetings">
          {meetings.map((m) => (
            <li key={m.id}>
              {m.met_on} · {m.place}
              {m.staff_name ? ` · ${t('staff.review.by', { name: m.staff_name })}` : null}
              {m.note ? ` · “${m.note}”` : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('meeting.none')}</p>
      )}
      <Form method="post" noValidate className="stack narrow">
        <FormError
          reply={mine}
          idPrefix="meeting"
          labels={{ metOn: t('meeting.field.date'), place: t('meeting.field.place'), note: t('meeting.field.note') }}
        />
        <input type="hidden" name="intent" value="meeting" />
        <Field idPrefix="meeting" name="metOn" type="date" label={t('meeting.field.date')} reply={mine} required />
        <Field idPrefix="meeting" name="place" label={t('meeting.field.place')} reply={mine} required maxLength={200} />
        <TextAreaField idPrefix="meeting" name="note" label={t('meeting.field.note')} reply={mine} maxLength={2000} />
        <button type="submit" className="secondary">
          {t('meeting.save')}
        </button>
      </Form>
    </>
  );
}
