import { Link } from '@remix-run/react';
import { useI18n } from '~/lib/i18n';
import { lessonUrl } from '../detector/signals';

/** The standing reminder for checkout and order pages: pay only through Sen or on delivery. */
export function PayOnlyOnSen({ className }: { className?: string }) {
  const { t } = useI18n();
  return (
    <div className={`pay-only-on-sen${className ? ` ${className}` : ''}`} role="note" aria-label={t('safety.payOnly.title')}>
      <p>
        <strong>{t('safety.payOnly.title')}</strong>
      </p>
      <p>
        {t('safety.payOnly.text')}{' '}
        <Link to={lessonUrl('ban-hang-an-toan/pay-on-platform')}>
          {t('safety.payOnly.more')}: {t('safety.lesson.ban-hang-an-toan/pay-on-platform')}
        </Link>
      </p>
    </div>
  );
}
