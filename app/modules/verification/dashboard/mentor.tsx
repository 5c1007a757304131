import { Form } from '@remix-run/react';
import { FormError, SelectField, type FormReplyData } from '~/components/form';
import { useI18n } from '~/lib/i18n';
import { provinces } from '~/lib/provinces';
import { CheckboxGroup, TextAreaField } from '../fields';
import { expertiseAreas, mentorLanguages } from '../options';
import type { VerificationStatus } from '../states';
import { Decision, type LastDecision } from './decision';

type OwnMentor = {
  status: VerificationStatus;
  expertise: string[];
  languages: string[];
  experience: string;
  bio: string;
  province: string;
};

/** Her mentor application: saved, then submitted; locked while under review or decided. */
export function MentorSection({
  mentor,
  decision,
  province,
  editable,
  reply,
}: {
  mentor: OwnMentor | null;
  decision: LastDecision | null;
  province: string | undefined;
  editable: boolean;
  reply: FormReplyData;
}) {
  const { t, locale } = useI18n();
  const status = mentor?.status ?? 'draft';
  return (
    <>
      <h2>{t('verification.dashboard.mentor')}</h2>
      <p>{t('verification.dashboard.mentorIntro')}</p>
      {mentor ? (
        <p className="status-box">
          <strong>{t('verification.dashboard.state')}:</strong>{' '}
          <span data-testid="mentor-status">{t(`verification.status.${status}`)}</span>
        </p>
      ) : null}
      <Decision decision={decision} />
      {editable ? (
        <>
          <Form method="post" className="stack" noValidate>
            <FormError reply={reply} />
            <input type="hidden" name="intent" value="mentor" />
            <CheckboxGroup
              name="expertise"
              legend={t('verification.field.expertise')}
              reply={reply}
              checked={mentor?.expertise ?? []}
              options={expertiseAreas.map((c) => ({ value: c, label: t(`verification.expertise.${c}`) }))}
            />
            <CheckboxGroup
              name="languages"
              legend={t('verification.field.languages')}
              reply={reply}
              checked={mentor?.languages ?? ['vi']}
              options={mentorLanguages.map((c) => ({ value: c, label: t(`verification.language.${c}`) }))}
            />
            <TextAreaField
              name="experience"
              label={t('verification.field.experience')}
              reply={reply}
              defaultValue={mentor?.experience}
              maxLength={2000}
              required
            />
            <TextAreaField
              name="bio"
              label={t('verification.field.bio')}
              reply={reply}
              defaultValue={mentor?.bio}
              maxLength={2000}
              required
            />
            <SelectField
              name="province"
              label={t('verification.field.province')}
              reply={reply}
              defaultValue={mentor?.province ?? province}
              options={provinces.map((p) => ({ value: p.code, label: p[locale] }))}
            />
            <button type="submit" className="secondary">
              {t('verification.dashboard.saveMentor')}
            </button>
          </Form>
          {mentor ? (
            <Form noValidate method="post" className="stack">
              <input type="hidden" name="intent" value="mentorSubmit" />
              <button type="submit">{t('verification.dashboard.submitMentor')}</button>
            </Form>
          ) : null}
        </>
      ) : (
        <p className="muted">{t('verification.dashboard.mentorLocked')}</p>
      )}
    </>
  );
}
