import { Form } from '@remix-run/react';
import { PhotoUploadForm } from '~/components/photo-upload';
import { FormError, SelectField, TextAreaField, type FormReplyData } from '~/components/form';
import { useI18n } from '~/lib/i18n';
import { FileField } from '../fields';

/**
 * Renewal: from 30 days before her approval lapses (and after), a short
 * re-declaration. Nothing changed: one tap renews. Something changed: she says
 * what (and adds new documents if she has them); the Union reviews it as a first
 * request while her badge stays valid until its current end (issue 19).
 */
export function RenewalSection({
  state,
  until,
  review,
  reply,
  changedReply,
}: {
  state: 'none' | 'valid' | 'due' | 'lapsed';
  until: string | Date | null;
  review: 'submitted' | 'needs_info' | null;
  reply: FormReplyData;
  changedReply: FormReplyData;
}) {
  const { t, date } = useI18n();
  if (state === 'none' || !until) return null;
  const open = (state === 'due' || state === 'lapsed') && review !== 'submitted';
  return (
    <div className="card" id="renewal" data-testid="renewal">
      <h2>{t('renewal.title')}</h2>
      <p>
        {state === 'lapsed'
          ? t('renewal.lapsed', { date: date(until) })
          : state === 'due'
            ? t('renewal.due', { date: date(until) })
            : t('renewal.valid', { date: date(until) })}
      </p>
      {review === 'submitted' ? <p role="status">{t('renewal.changes.waiting', { date: date(until) })}</p> : null}
      {review === 'needs_info' ? <p role="status">{t('renewal.changes.asked')}</p> : null}
      {open ? (
        <>
          <Form method="post" noValidate className="stack">
            <FormError reply={reply} labels={{ unchanged: t('renewal.unchanged') }} />
            <input type="hidden" name="intent" value="renew" />
            <label>
              <input type="checkbox" name="unchanged" value="yes" /> {t('renewal.unchanged')}
            </label>
            <button type="submit">{t('renewal.submit')}</button>
          </Form>
          <h3>{t('renewal.changes.title')}</h3>
          <p className="muted">{t('renewal.changes.hint')}</p>
          <PhotoUploadForm
            noValidate
            action="/dashboard/verification?intent=renewChanged"
            className="stack"
            maxSide={2560}
          >
            <FormError
              reply={changedReply}
              idPrefix="renewal"
              labels={{ changed: t('renewal.changes.tick'), changes: t('renewal.changes.field') }}
            />
            <input type="hidden" name="intent" value="renewChanged" />
            <label>
              <input
                type="checkbox"
                name="changed"
                value="yes"
                defaultChecked={changedReply?.values?.changed === 'yes'}
                aria-invalid={changedReply?.errors?.changed ? true : undefined}
              />{' '}
              {t('renewal.changes.tick')}
            </label>
            <TextAreaField
              idPrefix="renewal"
              name="changes"
              label={t('renewal.changes.field')}
              hint={t('renewal.changes.fieldHint')}
              reply={changedReply}
              maxLength={2000}
            />
            <SelectField
              idPrefix="renewal"
              name="kind"
              label={t('verification.dashboard.documentKind')}
              reply={changedReply}
              options={[
                { value: 'citizen_id', label: t('verification.documentKind.citizen_id') },
                { value: 'business_registration', label: t('verification.documentKind.business_registration') },
              ]}
            />
            <FileField
              name="documents"
              label={t('renewal.changes.files')}
              hint={t('verification.dashboard.documentsHint')}
              reply={changedReply}
              multiple
            />
            <button type="submit" className="secondary">
              {t('renewal.changes.submit')}
            </button>
          </PhotoUploadForm>
        </>
      ) : null}
    </div>
  );
}
