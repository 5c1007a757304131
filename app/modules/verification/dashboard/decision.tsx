import { useI18n } from '~/lib/i18n';
import type { EventReason, VerificationStatus } from '../states';

/** The last staff decision on her profile or application, with its reason. */
export type LastDecision = {
  to_status: VerificationStatus;
  reason_code: EventReason | null;
  reason_text: string | null;
  created_at: string | Date;
};

export function Decision({ decision }: { decision: LastDecision | null }) {
  const { t, dateTime } = useI18n();
  if (!decision) return null;
  return (
    <div className="card" data-testid="decision">
      <p>
        <strong>{t('verification.dashboard.lastDecision')}:</strong> {t(`verification.status.${decision.to_status}`)} ·{' '}
        {dateTime(decision.created_at)}
      </p>
      {decision.reason_code ? (
        <p>
          <strong>{t('verification.dashboard.reason')}:</strong> {t(`verification.reason.${decision.reason_code}`)}
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
