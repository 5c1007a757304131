import { Form } from '@remix-run/react';
import { useI18n } from '~/lib/i18n';

/**
 * "Save for offline" on a course (issue 16). With scripts, the page's one small
 * script (app/lib/page-script.ts) asks the service worker to keep every lesson
 * and says when they are all kept. A plain form cannot talk to the worker: without
 * scripts the same button reloads the page with ?offline=1, which says so.
 */
export function SaveForOffline({ paths, explain }: { paths: string[]; explain: boolean }) {
  const { t } = useI18n();
  return (
    <Form
      method="get"
      className="save-offline"
      data-save-offline={JSON.stringify(paths)}
      data-saving={t('audio.offline.saving')}
      data-saved={t('audio.offline.saved', { count: paths.length })}
      data-failed={t('audio.offline.failed')}
    >
      <input type="hidden" name="offline" value="1" />
      <button type="submit" className="secondary">
        {t('audio.offline.save')}
      </button>{' '}
      <span className="hint">{t('audio.offline.hint')}</span>
      <p role="status">{explain ? t('audio.offline.needsScripts') : null}</p>
    </Form>
  );
}
