import type { MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { legalLoader } from '~/modules/legal/index.server';
import { LegalPage } from '~/modules/legal/legal-page';
import { lightPage } from '~/lib/page-scripts';

// Reading and plain forms: served without the client scripts (app/lib/page-scripts.ts).
export const handle = lightPage;

export const loader = legalLoader('terms');

export default function Page() {
  const { html, version } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return <LegalPage title={t('legal.terms.title')} html={html} version={version} />;
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'legal.terms.title');
