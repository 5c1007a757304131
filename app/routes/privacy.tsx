import type { MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { legalLoader } from '~/modules/legal/index.server';
import { LegalPage } from '~/modules/legal/legal-page';

export const loader = legalLoader('privacy');

export default function Page() {
  const { html, version } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return <LegalPage title={t('legal.privacy.title')} html={html} version={version} />;
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'legal.privacy.title');
