import { Link } from '@remix-run/react';
import { useI18n } from '~/lib/i18n';
import { lessonUrl } from '../detector/signals';

/**
 * The standing reminder: pay only through Sen or on delivery. Open where she is
 * about to pay (checkout, the safety centre); folded to its one-line title where
 * she comes back again and again (order pages), the reasons a tap away.
 */
export function PayOnlyOnSen({ className, folded = false }: { className?: string; folded?: boolean }) {
  const { t } = useI18n();
  const title = <strong>{t('safety.payOnly.title')}</strong>;
  const reasons = (
    <p>
      {t('safety.payOnly.text')}{' '}
      <Link to={lessonUrl('ban-hang-an-toan/pay-on-platform')}>
        {t('safety.payOnly.more')}: {t('safety.lesson.ban-hang-an-toan/pay-on-platform')}
      </Link>
    </p>
  );
  return (
    <div
      className={`pay-only-on-sen${className ? ` ${className}` : ''}`}
      role="note"
      aria-label={t('safety.payOnly.title')}
    >
      {folded ? (
        <details>
          <summary>{title}</summary>
          {reasons}
        </details>
      ) : (
        <>
          <p>{title}</p>
          {reasons}
        </>
      )}
    </div>
  );
}
