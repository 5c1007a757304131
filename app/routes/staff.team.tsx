import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { FormError } from '~/components/form';
import { requireStaff } from '~/lib/auth.server';
import { formError, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { isUuid } from '~/lib/ids';
import { pageMeta } from '~/lib/meta';
import { provinceName, provinces } from '~/lib/provinces';
import { listStaffTeam, setStaffScope } from '~/modules/verification/staff-team.server';

// Issue 19: the staff and where each acts (the whole country or provinces), set
// by country-level staff only. Staff accounts themselves are made by the script.

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request, { country: true });
  return { team: await listStaffTeam(), me: staff.id };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request, { country: true });
  const form = await readForm(request);
  const userId = String(form.get('userId') ?? '');
  if (!isUuid(userId)) throw new Response('Not found', { status: 404 });
  const result = await setStaffScope({
    actorId: staff.id,
    userId,
    country: form.get('country') === 'on',
    provinces: form.getAll('province').map(String),
  });
  if (!result.ok) {
    if (result.problem === 'not-found') throw new Response('Not found', { status: 404 });
    return formError(form, { form: `union.team.problem.${result.problem}` }, result.problem === 'self' ? 403 : 400);
  }
  throw redirect('/staff/team?notice=notice.union.scopeSaved');
}

export default function StaffTeam() {
  const { team, me } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, locale } = useI18n();
  return (
    <section>
      <h1>{t('union.team.title')}</h1>
      <p className="lead">{t('union.team.lead')}</p>
      <FormError reply={reply} />
      {team.map((member) => (
        <article key={member.id} className="card">
          <h2>{member.name}</h2>
          <p className="muted">{member.email ?? '—'}</p>
          <p>
            <strong>{t('union.team.scope')}:</strong>{' '}
            {member.scopes.length
              ? member.scopes
                  .map((s) => (s === 'country' ? t('union.scope.country') : provinceName(s, locale)))
                  .join(', ')
              : t('union.scope.none')}
          </p>
          {member.id === me ? null : (
            <Form noValidate method="post" className="stack">
              <input type="hidden" name="userId" value={member.id} />
              <details>
                <summary>{t('union.team.change')}</summary>
                <fieldset>
                  <legend>{t('union.team.scope')}</legend>
                  <label>
                    <input type="checkbox" name="country" defaultChecked={member.scopes.includes('country')} />{' '}
                    {t('union.scope.country')}
                  </label>
                  {provinces.map((p) => (
                    <label key={p.code}>
                      <input
                        type="checkbox"
                        name="province"
                        value={p.code}
                        defaultChecked={member.scopes.includes(p.code)}
                      />{' '}
                      {p[locale]}
                    </label>
                  ))}
                </fieldset>
                <button type="submit">{t('union.team.save')}</button>
              </details>
            </Form>
          )}
        </article>
      ))}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'union.team.title');
