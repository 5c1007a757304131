import { Form } from '@remix-run/react';
import { PhotoUploadForm } from '~/components/photo-upload';
import { Field, FormError, SelectField, type FormReplyData } from '~/components/form';
import type { DocumentKind } from '../../../../db/schema';
import { useI18n } from '~/lib/i18n';
import { FileField } from '../fields';

/** Her storefront's logo and cover. */
export function ImagesForm({ reply }: { reply: FormReplyData }) {
  const { t } = useI18n();
  return (
    <>
      <h2>{t('verification.dashboard.images')}</h2>
      <PhotoUploadForm noValidate action="/dashboard/verification?intent=images" className="stack">
        <FormError reply={reply} />
        <input type="hidden" name="intent" value="images" />
        <FileField
          name="logo"
          label={t('verification.field.logo')}
          reply={reply}
          accept="image/jpeg,image/png,image/webp"
        />
        <FileField
          name="cover"
          label={t('verification.field.cover')}
          reply={reply}
          accept="image/jpeg,image/png,image/webp"
        />
        <button type="submit" className="secondary">
          {t('verification.dashboard.saveImages')}
        </button>
      </PhotoUploadForm>
    </>
  );
}

type OwnDocument = {
  id: string;
  kind: DocumentKind;
  original_name: string;
  created_at: string | Date;
  deleted_at: string | Date | null;
};

/** Her documents, removable and addable while she may still change her request. */
export function Documents({
  documents,
  editable,
  reply,
}: {
  documents: OwnDocument[];
  editable: boolean;
  reply: FormReplyData;
}) {
  const { t, dateTime } = useI18n();
  return (
    <>
      <h2>{t('verification.dashboard.documents')}</h2>
      <FormError reply={reply} />
      {documents.length ? (
        <ul>
          {documents.map((d) => (
            <li key={d.id}>
              {t(`verification.documentKind.${d.kind}`)} · {d.original_name} · {dateTime(d.created_at)}
              {d.deleted_at ? ` · ${t('verification.dashboard.documentDeleted')}` : null}
              {editable && !d.deleted_at ? (
                <Form noValidate method="post" className="inline-form">
                  <input type="hidden" name="intent" value="removeDocument" />
                  <input type="hidden" name="documentId" value={d.id} />{' '}
                  <button type="submit" className="link">
                    {t('verification.dashboard.removeDocument')}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('verification.dashboard.noDocuments')}</p>
      )}
      {editable ? (
        // Identity papers keep the server's full 2560 px so they stay readable.
        <PhotoUploadForm noValidate action="/dashboard/verification?intent=documents" className="stack" maxSide={2560}>
          <input type="hidden" name="intent" value="documents" />
          <SelectField
            name="kind"
            label={t('verification.dashboard.documentKind')}
            options={[
              { value: 'citizen_id', label: t('verification.documentKind.citizen_id') },
              { value: 'business_registration', label: t('verification.documentKind.business_registration') },
            ]}
          />
          <FileField
            name="documents"
            label={t('verification.dashboard.files')}
            hint={t('verification.dashboard.documentsHint')}
            reply={reply}
            multiple
          />
          <button type="submit" className="secondary">
            {t('verification.dashboard.upload')}
          </button>
        </PhotoUploadForm>
      ) : null}
    </>
  );
}

/** The declaration, her citizen-ID number and the button that sends her request. */
export function SubmitForm({
  status,
  declared,
  idLast3,
  reply,
}: {
  status: string;
  declared: boolean;
  idLast3: string | null;
  reply: FormReplyData;
}) {
  const { t } = useI18n();
  return (
    <>
      <h2>{t('verification.dashboard.submitTitle')}</h2>
      <Form noValidate method="post" className="stack">
        <FormError reply={reply} labels={{ idNumber: t('identity.field.label') }} />
        <input type="hidden" name="intent" value="submit" />
        <Field
          name="idNumber"
          label={t('identity.field.label')}
          hint={idLast3 ? t('identity.field.saved', { last3: idLast3 }) : t('identity.field.hint')}
          reply={reply}
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          required={!idLast3}
        />
        <label>
          <input type="checkbox" name="declaration" value="yes" defaultChecked={declared} />{' '}
          {t('verification.dashboard.declaration')}
        </label>
        <button type="submit">
          {status === 'draft' ? t('verification.dashboard.submit') : t('verification.dashboard.resubmit')}
        </button>
      </Form>
    </>
  );
}
