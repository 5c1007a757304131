import { Form } from '@remix-run/react';
import { Field, FormError, type FormReplyData, SelectField } from '~/components/form';
import { useI18n } from '~/lib/i18n';
import { provinces } from '~/lib/provinces';

export type OcopValues = {
  origin: string | null;
  stars: number | null;
  number: string | null;
  year: number | null;
  status: 'none' | 'submitted' | 'verified' | 'rejected';
};

/** Origin and OCOP on the listing's edit page: a plain multipart form (the certificate scan). */
export function OcopForm({ values, reply }: { values: OcopValues; reply: FormReplyData }) {
  const { t, locale } = useI18n();
  const certificateError = reply?.errors?.certificate;
  return (
    <Form noValidate method="post" encType="multipart/form-data" className="stack" aria-label={t('ocop.form.title')}>
      <input type="hidden" name="intent" value="ocop" />
      <FormError reply={reply} />
      <p className="small">
        {t('ocop.form.status')}: <strong>{t(`ocop.status.${values.status}`)}</strong>
      </p>
      <SelectField
        name="origin"
        idPrefix="ocop"
        label={t('ocop.field.origin')}
        reply={reply}
        defaultValue={reply?.values?.origin ?? values.origin ?? ''}
        options={[
          { value: '', label: t('ocop.field.originNone') },
          ...provinces.map((p) => ({ value: p.code, label: locale === 'vi' ? p.vi : p.en })),
        ]}
      />
      <SelectField
        name="stars"
        idPrefix="ocop"
        label={t('ocop.field.stars')}
        hint={t('ocop.field.starsHint')}
        reply={reply}
        defaultValue={reply?.values?.stars ?? (values.stars ? String(values.stars) : '')}
        options={[
          { value: '', label: t('ocop.field.starsNone') },
          { value: '3', label: t('ocop.badge', { stars: 3 }) },
          { value: '4', label: t('ocop.badge', { stars: 4 }) },
          { value: '5', label: t('ocop.badge', { stars: 5 }) },
        ]}
      />
      <Field
        name="number"
        idPrefix="ocop"
        label={t('ocop.field.number')}
        reply={reply}
        defaultValue={reply?.values?.number ?? values.number ?? ''}
        maxLength={40}
      />
      <Field
        name="year"
        idPrefix="ocop"
        label={t('ocop.field.year')}
        reply={reply}
        inputMode="numeric"
        defaultValue={reply?.values?.year ?? (values.year ? String(values.year) : '')}
        maxLength={4}
      />
      <div className="field">
        <label htmlFor="ocop-certificate">{t('ocop.field.certificate')}</label>
        <input
          id="ocop-certificate"
          type="file"
          name="certificate"
          accept="image/jpeg,image/png,image/webp,application/pdf"
          aria-invalid={certificateError ? true : undefined}
          aria-describedby={certificateError ? 'ocop-certificate-error' : undefined}
        />
        {certificateError ? (
          <span id="ocop-certificate-error" className="field-error">
            {t(certificateError)}
          </span>
        ) : null}
      </div>
      <button type="submit" className="secondary">
        {t('ocop.form.save')}
      </button>
    </Form>
  );
}

/** Which member of the cooperative made this listing. */
export function MakerForm({
  choices,
  current,
}: {
  choices: { id: string; display_name: string | null }[];
  current: string | null;
}) {
  const { t } = useI18n();
  return (
    <Form noValidate method="post" encType="multipart/form-data" className="stack">
      <input type="hidden" name="intent" value="maker" />
      <SelectField
        name="maker"
        idPrefix="maker"
        label={t('coop.maker.label')}
        defaultValue={current ?? ''}
        options={[
          { value: '', label: t('coop.maker.none') },
          ...choices.map((c) => ({ value: c.id, label: c.display_name ?? '' })),
        ]}
      />
      <button type="submit" className="secondary">
        {t('common.save')}
      </button>
    </Form>
  );
}
