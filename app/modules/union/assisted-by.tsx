import { useI18n } from '~/lib/i18n';

// Issue 19: on a person's staff pages, who assisted her sign-up and how she consented.

export function AssistedBy({
  assisted,
}: {
  assisted: {
    method: 'code' | 'spoken';
    consent_version: string;
    note: string | null;
    created_at: string | Date;
    officer_name: string | null;
  } | null;
}) {
  const { t, date } = useI18n();
  if (!assisted) return null;
  const values = { name: assisted.officer_name ?? '—', date: date(assisted.created_at) };
  return (
    <p className="notice" data-testid="assisted-by">
      {assisted.method === 'code'
        ? t('udesk.assisted.code', values)
        : t('udesk.assisted.spoken', { ...values, version: assisted.consent_version, note: assisted.note ?? '' })}
    </p>
  );
}
