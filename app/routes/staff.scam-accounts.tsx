import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { Field, FormError, SelectField, TextAreaField } from '~/components/form';
import { requireStaff } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { scamAccountAddSchema, scamAccountRemoveSchema } from '~/modules/moderation/forms.server';
import { addScamAccount, listScamAccounts, removeScamAccount } from '~/modules/moderation/scam-accounts.server';

// Scam numbers and links shared across reports (issue 17): the list, add one
// with a reason (e.g. from a public police or bank warning), remove one with a reason.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  return { entries: await listScamAccounts() };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const form = await readForm(request);
  if (form.get('intent') === 'remove') {
    // The list warns the whole country, so taking a number off it is a country-level decision (issue 19);
    // any staff member may add one.
    if (!staff.scope.country) return formError(form, { form: 'scamAccounts.problem.forbidden' }, 403);
    const parsed = parseForm(form, scamAccountRemoveSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    const result = await removeScamAccount({ staff, id: parsed.data.id, reason: parsed.data.reason });
    if (!result.ok)
      return formError(
        form,
        { form: `scamAccounts.problem.${result.problem}` },
        result.problem === 'forbidden' ? 403 : 404,
      );
    return redirect('/staff/scam-accounts?notice=notice.scamAccounts.removed');
  }
  const parsed = parseForm(form, scamAccountAddSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const result = await addScamAccount({ staff, ...parsed.data });
  if (!result.ok) {
    if (result.problem === 'forbidden') return formError(form, { form: 'scamAccounts.problem.forbidden' }, 403);
    const field = result.problem === 'duplicate' ? 'form' : 'value';
    return formError(
      form,
      { [field]: `scamAccounts.problem.${result.problem}` },
      result.problem === 'duplicate' ? 409 : 400,
    );
  }
  return redirect('/staff/scam-accounts?notice=notice.scamAccounts.added');
}

export default function ScamAccounts() {
  const { entries } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, dateTime } = useI18n();
  const adding = reply?.values?.intent !== 'remove';
  return (
    <section>
      <p>
        <Link to="/staff/reports">{t('moderation.nav.reports')}</Link>
      </p>
      <h1>{t('scamAccounts.title')}</h1>
      <p className="muted">{t('scamAccounts.intro')}</p>

      <h2 id="add-title">{t('scamAccounts.addTitle')}</h2>
      <Form method="post" className="stack" noValidate aria-labelledby="add-title">
        {adding ? <FormError reply={reply} /> : null}
        <input type="hidden" name="intent" value="add" />
        <SelectField
          name="kind"
          label={t('scamAccounts.kind')}
          reply={adding ? reply : undefined}
          defaultValue="number"
          options={(['number', 'link'] as const).map((k) => ({ value: k, label: t(`scamAccounts.kind.${k}`) }))}
        />
        <Field
          name="value"
          label={t('scamAccounts.value')}
          hint={t('scamAccounts.valueHint')}
          reply={adding ? reply : undefined}
          required
          maxLength={300}
        />
        <TextAreaField
          name="reason"
          label={t('scamAccounts.reason')}
          hint={t('scamAccounts.reasonHint')}
          reply={adding ? reply : undefined}
          required
          maxLength={1000}
          rows={3}
        />
        <p>
          <button type="submit">{t('scamAccounts.add')}</button>
        </p>
      </Form>

      <h2>{t('scamAccounts.list')}</h2>
      {!adding ? <FormError reply={reply} /> : null}
      {entries.length ? (
        <ul className="stack">
          {entries.map((e) => (
            <li key={e.id} className="card">
              <p>
                <strong>{t(`scamAccounts.kind.${e.kind}`)}</strong>: <code>{e.hint}</code>
              </p>
              <p>
                {t('scamAccounts.reason')}: {e.reason}
                {e.report_id ? (
                  <>
                    {' · '}
                    <Link to={`/staff/reports/${e.report_id}`}>{t('scamAccounts.fromReport')}</Link>
                  </>
                ) : null}
              </p>
              <p className="muted">
                {t('scamAccounts.added', { date: dateTime(e.created_at), name: e.added_by_name ?? '—' })}
              </p>
              <Form method="post" className="stack" noValidate aria-label={`${t('scamAccounts.remove')}: ${e.hint}`}>
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="id" value={e.id} />
                <TextAreaField
                  name="reason"
                  idPrefix={`remove-${e.id}`}
                  label={t('scamAccounts.removeReason')}
                  reply={!adding && reply?.values?.id === String(e.id) ? reply : undefined}
                  required
                  maxLength={1000}
                  rows={2}
                />
                <p>
                  <button type="submit">{t('scamAccounts.remove')}</button>
                </p>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('scamAccounts.empty')}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'scamAccounts.title');

export function ErrorBoundary() {
  return <ErrorPage />;
}
