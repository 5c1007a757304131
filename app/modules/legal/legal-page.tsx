import { formatDate, useI18n } from '~/lib/i18n';

/** A legal text: server-rendered Markdown (raw HTML off, links allowlisted) and its version. */
export function LegalPage({ title, html, version }: { title: string; html: string; version: string }) {
  const { t, locale } = useI18n();
  return (
    <article className="legal">
      <h1>{title}</h1>
      <p className="muted">{t('legal.version', { date: formatDate(version, locale) })}</p>
      <div className="lesson-body" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}
