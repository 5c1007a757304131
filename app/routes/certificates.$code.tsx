import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { findCertificate } from '~/modules/learning/index.server';
import styles from '~/modules/learning/learning.css';
import { reader } from '~/modules/learning/reader.server';
import { notFound } from '~/lib/responses';
import { absoluteUrl } from '~/lib/origin.server';
import { lightPage } from '~/lib/page-scripts';

// Reading and plain forms: served without the client scripts (app/lib/page-scripts.ts).
export const handle = lightPage;

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

// Public verification of a certificate: anyone with the code sees the name,
// course, date and code; printable from the browser (print CSS hides the rest).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = params.code ?? '';
  if (!/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/.test(code)) throw notFound();
  const { locale } = await reader(request);
  const certificate = await findCertificate(code, locale);
  if (!certificate) throw notFound();
  return { certificate, url: absoluteUrl(`/certificates/${certificate.code}`) };
}

export default function CertificatePage() {
  const { certificate, url } = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  return (
    <>
      <div className="certificate">
        <p>Sen</p>
        <h1>{t('learning.certificate.title')}</h1>
        <p>{t('learning.certificate.certifies')}</p>
        <p className="holder">{certificate.holderName}</p>
        <p>{t('learning.certificate.completed')}</p>
        <p>
          <strong>{certificate.courseTitle}</strong>
        </p>
        <p>{t('learning.certificate.date', { date: date(certificate.issuedAt) })}</p>
        <p>
          {t('learning.certificate.code')} <span className="code">{certificate.code}</span>
        </p>
        <p className="muted">{t('learning.certificate.verify', { url })}</p>
      </div>
      <p className="no-print">
        {t('learning.certificate.printHint')}{' '}
        <Link to={`/learn/${certificate.courseSlug}`}>{t('learning.certificate.course')}</Link>
      </p>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'learning.certificate.title');
