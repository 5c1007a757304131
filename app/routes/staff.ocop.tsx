import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { requireStaff } from '~/lib/auth.server';
import { readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { provinceName } from '~/lib/provinces';
import { decideOcop, ocopQueue } from '~/modules/ocop/ocop.server';

// OCOP claims waiting for Union staff (issue 20), oldest first, limited to the
// provinces of her scope (the seller's province). She opens the certificate scan
// and verifies or rejects (who and when stay on the listing); the seller is told.

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const rows = await ocopQueue(staff.scope);
  return {
    claims: rows.map((r) => ({
      id: r.id,
      title: r.title,
      stars: r.ocop_stars,
      number: r.ocop_number,
      year: r.ocop_year,
      origin: r.origin_province,
      business: r.business_name,
      province: r.province,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const form = await readForm(request);
  const id = String(form.get('id') ?? '');
  const decision = form.get('decision');
  if (decision !== 'verified' && decision !== 'rejected') throw new Response('Bad Request', { status: 400 });
  // Outside her scope, already decided or no such listing: not found.
  if (!(await decideOcop(staff, id, decision))) throw new Response('Not found', { status: 404 });
  return redirect('/staff/ocop?notice=notice.saved');
}

export default function OcopQueue() {
  const { claims } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <section>
      <h1>{t('ocop.queue.title')}</h1>
      {claims.length === 0 ? <p>{t('ocop.queue.empty')}</p> : null}
      <ul className="stack">
        {claims.map((c) => (
          <li key={c.id} className="card">
            <h2>
              <Link to={`/market/${c.id}`}>{c.title}</Link>
            </h2>
            <p>
              {c.business} · {provinceName(c.province, locale)}
            </p>
            <p>
              {t('ocop.badge', { stars: c.stars ?? 0 })} · {t('ocop.field.number')}: {c.number} · {t('ocop.field.year')}
              : {c.year}
              {c.origin ? <> · {t('ocop.origin', { province: provinceName(c.origin, locale) })}</> : null}
            </p>
            <p>
              <a href={`/staff/ocop/${c.id}/certificate`}>{t('ocop.queue.certificate')}</a>
            </p>
            <Form method="post" className="inline-form">
              <input type="hidden" name="id" value={c.id} />
              <button type="submit" name="decision" value="verified">
                {t('ocop.queue.verify')}
              </button>{' '}
              <button type="submit" name="decision" value="rejected" className="secondary">
                {t('ocop.queue.reject')}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'ocop.queue.title');

export function ErrorBoundary() {
  return <ErrorPage />;
}
