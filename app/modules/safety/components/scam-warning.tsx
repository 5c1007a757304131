import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useI18n } from '~/lib/i18n';
import { lessonUrl, SAFETY_CENTRE_CODES, SAFETY_CENTRE_URL, type LessonId, type SignalCode } from '../detector/signals';

export type ScamWarningSignal = {
  code: SignalCode;
  lessonId: LessonId;
  /** The explanation in the reader's language (detectScam gives it); looked up from the code when absent. */
  message?: string;
};

/**
 * The banner shown with a message, listing or profile the scam detector flagged.
 * Short on purpose (issue 22): one sentence in plain words and the lesson to learn
 * from, then the signals' explanations on demand (<details>, no JavaScript), and
 * room for an action such as the "Báo cáo" button. Renders nothing for level "none".
 */
export function ScamWarning({
  level,
  signals,
  className,
  children,
}: {
  level: 'none' | 'caution' | 'danger';
  signals: ScamWarningSignal[];
  className?: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  if (level === 'none' || signals.length === 0) return null;
  const title = t(level === 'danger' ? 'safety.warning.danger.title' : 'safety.warning.caution.title');
  const link = (signal: ScamWarningSignal) =>
    SAFETY_CENTRE_CODES.has(signal.code) ? (
      <Link to={SAFETY_CENTRE_URL}>{t('safety.warning.centre')}</Link>
    ) : (
      <Link to={lessonUrl(signal.lessonId)}>
        {t('safety.warning.learn')}: {t(`safety.lesson.${signal.lessonId}`)}
      </Link>
    );
  const [first, ...rest] = signals;
  return (
    <div
      className={`scam-warning scam-warning--${level}${className ? ` ${className}` : ''}`}
      role="note"
      aria-label={title}
    >
      <p className="scam-warning__title">
        <span aria-hidden="true">{level === 'danger' ? '⚠ ' : '! '}</span>
        <strong>{title}</strong>
      </p>
      <p className="scam-warning__lesson">{link(first)}</p>
      <details className="scam-warning__details">
        <summary>{t('ux.warning.why', { count: signals.length })}</summary>
        <ul>
          <li>{first.message ?? t(`safety.signal.${first.code}`)}</li>
          {rest.map((signal) => (
            <li key={signal.code}>
              {signal.message ?? t(`safety.signal.${signal.code}`)} {link(signal)}
            </li>
          ))}
        </ul>
      </details>
      {children}
    </div>
  );
}
