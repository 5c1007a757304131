import { Form } from '@remix-run/react';
import { FormError, type FormReplyData } from '~/components/form';
import { useI18n } from '~/lib/i18n';

/**
 * Renewal: from 30 days before her approval lapses (and after), a short
 * re-declaration. Nothing changed: one tap renews. Something changed: she tells
 * the Union, who check again (her documents and details are reviewed as new).
 */
export function RenewalSection({
  state,
  until,
  reply,
}: {
  state: 'none' | 'valid' | 'due' | 'lapsed';
  until: string | Date | null;
  reply: FormReplyData;
}) {
  const { t, date } = useI18n();
  if (state === 'none' || !until) return null;
  return (
    <div className="card" id="renewal" data-testid="renewal">
      <h2>{t('renewal.title')}</h2>
      <p>
        {state === 'lapsed'
          ? t('renewal.lapsed', { date: date(until) })
          : state === 'due'
            ? t('renewal.due', { date: date(until) })
            : t('renewal.valid', { date: date(until) })}
      </p>
      {state === 'due' || state === 'lapsed' ? (
        <Form method="post" noValidate className="stack">
          <FormError reply={reply} labels={{ unchanged: t('renewal.unchanged') }} />
          <input type="hidden" name="intent" value="renew" />
          <label>
            <input type="checkbox" name="unchanged" value="yes" /> {t('renewal.unchanged')}
          </label>
          <p className="muted">{t('renewal.changedHint')}</p>
          <button type="submit">{t('renewal.submit')}</button>
        </Form>
      ) : null}
    </div>
  );
}
