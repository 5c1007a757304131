import { Form } from '@remix-run/react';
import { FormError } from '~/components/form';
import { useI18n, type MessageKey } from '~/lib/i18n';
import {
  decisionsFrom,
  isReasonFor,
  reasonCodes,
  renewalDecisionsFor,
  type StaffDecision,
  type Subject,
} from './states';

// The staff review page's decision forms: one card per decision the request's state
// allows, each with its reason, and the second step that shows what she will receive.

export type Reply =
  { errors?: Partial<Record<string, MessageKey>>; values?: Record<string, string>; confirm?: true } | undefined;

/** The second step: what she will receive, and the one button that sends it. */
function ConfirmDecision({
  id,
  decision: chosen,
  values,
}: {
  id: string;
  decision: StaffDecision;
  values: Record<string, string>;
}) {
  const { t } = useI18n();
  const decision = t(`staff.decision.${chosen}`);
  const reasonCode = values.reasonCode ?? '';
  return (
    <Form noValidate method="post" className="stack confirm-box" aria-labelledby={`${id}-confirm-title`}>
      <div role="alert">
        <h4 id={`${id}-confirm-title`}>{t('staff.confirm.title', { decision })}</h4>
      </div>
      <p>
        <strong>{t('verification.field.reasonCode')}:</strong>{' '}
        {isReasonFor(chosen, reasonCode) ? t(`verification.reason.${reasonCode}`) : null}
      </p>
      {values.reasonText ? (
        <p>
          <strong>{t('verification.field.reasonText')}:</strong> {values.reasonText}
        </p>
      ) : null}
      {(['intent', 'subject', 'decision', 'reasonCode', 'reasonText'] as const).map((name) => (
        <input key={name} type="hidden" name={name} value={values[name] ?? ''} />
      ))}
      <input type="hidden" name="confirmed" value="yes" />
      <button type="submit">{t('staff.confirm.send', { decision })}</button>
      <p className="muted">{t('staff.confirm.edit')}</p>
    </Form>
  );
}

export function DecisionForms({
  subject,
  status,
  reply,
  renewalReview = null,
}: {
  subject: Subject;
  status: string;
  reply: Reply;
  renewalReview?: string | null;
}) {
  const { t } = useI18n();
  const decisions = [...renewalDecisionsFor(renewalReview), ...decisionsFrom(status as never)];
  const mine = reply?.values?.subject === subject ? reply : undefined;
  if (!decisions.length) return <p className="muted">{t('staff.review.noDecision')}</p>;
  return (
    <div className="cards">
      {decisions.map((decision) => {
        const here = mine?.values?.decision === decision ? mine : undefined;
        const id = `${subject}-${decision}`;
        return (
          <div className="card" key={decision}>
            {here?.confirm && here.values ? <ConfirmDecision id={id} decision={decision} values={here.values} /> : null}
            <Form method="post" className="stack" noValidate aria-labelledby={`${id}-title`}>
              <h3 id={`${id}-title`}>{t(`staff.decision.${decision}`)}</h3>
              <FormError reply={here} />
              <input type="hidden" name="intent" value="decide" />
              <input type="hidden" name="subject" value={subject} />
              <input type="hidden" name="decision" value={decision} />
              <div className="field">
                <label htmlFor={`${id}-reason`}>{t('verification.field.reasonCode')}</label>
                <select
                  id={`${id}-reason`}
                  name="reasonCode"
                  defaultValue={here?.values?.reasonCode ?? ''}
                  aria-invalid={here?.errors?.reasonCode ? true : undefined}
                >
                  <option value="">{t('staff.confirm.pickReason')}</option>
                  {reasonCodes[decision].map((code) => (
                    <option key={code} value={code}>
                      {t(`verification.reason.${code}`)}
                    </option>
                  ))}
                </select>
                {here?.errors?.reasonCode ? <span className="field-error">{t(here.errors.reasonCode)}</span> : null}
              </div>
              <div className="field">
                <label htmlFor={`${id}-text`}>{t('verification.field.reasonText')}</label>
                <textarea
                  id={`${id}-text`}
                  name="reasonText"
                  rows={3}
                  maxLength={2000}
                  defaultValue={here?.values?.reasonText}
                />
              </div>
              <button
                type="submit"
                className={decision === 'approve' || decision === 'reinstate' ? undefined : 'secondary'}
              >
                {t(`staff.decision.${decision}`)}
              </button>
            </Form>
          </div>
        );
      })}
    </div>
  );
}
