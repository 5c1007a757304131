import { useI18n, type MessageKey } from '~/lib/i18n';

/** The last staff decision on her profile or application, with its reason. */
export type LastDecision = {
  to_status: string;
  reason_code: string | null;
  reason_text: string | null;
  created_at: string | Date;
};

export function Decision({ decision }: { decision: LastDecision | null }) {
  const { t, dateTime } = useI18n();
  if (!decision) return null;
  return (
    <div className="card" data-testid="decision">
      <p>
        <strong>{t('verification.dashboard.lastDecision')}:</strong>{' '}
        {t(`verification.status.${decision.to_status}` as MessageKey)} · {dateTime(decision.created_at)}
      </p>
      {decision.reason_code ? (
        <p>
          <strong>{t('verification.dashboard.reason')}:</strong>{' '}
          {t(`verification.reason.${decision.reason_code}` as MessageKey)}
        </p>
      ) : null}
      {decision.reason_text ? (
        <p>
          <strong>{t('verification.dashboard.note')}:</strong> {decision.reason_text}
        </p>
      ) : null}
    </div>
  );
}
