import { Link } from '@remix-run/react';
import { useI18n, type MessageKey } from '~/lib/i18n';
import { lessonUrl, SAFETY_CENTRE_CODES, SAFETY_CENTRE_URL } from '../detector/signals';

export type ScamWarningSignal = {
  code: string;
  lessonId: string;
  /** The explanation in the reader's language (detectScam gives it); looked up from the code when absent. */
  message?: string;
};

/**
 * The banner shown with a message, listing or profile the scam detector flagged:
 * the level in plain words, each signal's explanation and a link to its lesson.
 * Renders nothing for level "none". Works without JavaScript.
 */
export function ScamWarning({ level, signals, className }: { level: 'none' | 'caution' | 'danger'; signals: ScamWarningSignal[]; className?: string }) {
  const { t } = useI18n();
  if (level === 'none' || signals.length === 0) return null;
  const title = t(level === 'danger' ? 'safety.warning.danger.title' : 'safety.warning.caution.title');
  return (
    <div className={`scam-warning scam-warning--${level}${className ? ` ${className}` : ''}`} role="note" aria-label={title}>
      <p className="scam-warning__title">
        <span aria-hidden="true">{level === 'danger' ? '⚠ ' : '! '}</span>
        <strong>{title}</strong>
      </p>
      <ul>
        {signals.map((signal) => (
          <li key={signal.code}>
            {signal.message ?? t(`safety.signal.${signal.code}` as MessageKey)}{' '}
            {SAFETY_CENTRE_CODES.has(signal.code) ? (
              <Link to={SAFETY_CENTRE_URL}>{t('safety.warning.centre')}</Link>
            ) : (
              <Link to={lessonUrl(signal.lessonId)}>
                {t('safety.warning.learn')}: {t(`safety.lesson.${signal.lessonId}` as MessageKey)}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
