import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { FormError, SelectField, TextAreaField } from '~/components/form';
import { requireUser } from '~/lib/auth.server';
import { invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { reportSchema } from '~/modules/moderation/forms.server';
import { reportCategories } from '~/modules/moderation/options';
import { fileReport, findReportTarget, reportTargetFrom } from '~/modules/moderation/reports.server';

// Report a message, a listing or a profile: /reports/new?message=<id> | ?listing=<id> | ?user=<id>.
// Who may report what is decided in the moderation module (loader and action ask the same).

async function target(request: Request) {
  const user = await requireUser(request);
  const found = await findReportTarget(user, reportTargetFrom(new URL(request.url).searchParams));
  if (!found.ok) throw new Response(found.status === 404 ? 'Not found' : 'Forbidden', { status: found.status });
  return { user, target: found.target };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { target: t } = await target(request);
  return { kind: t.kind, name: t.subjectName, label: t.label, back: t.back };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, target: t } = await target(request);
  const form = await readForm(request);
  const parsed = parseForm(form, reportSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const filed = await fileReport(user, t, parsed.data);
  const notice = filed === 'filed' ? 'notice.moderation.reported' : 'notice.moderation.alreadyReported';
  return redirect(`${t.back}?notice=${notice}`);
}

export default function NewReport() {
  const { kind, name, label, back } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section className="narrow">
      <h1>{t('moderation.report.title')}</h1>
      <p>{t(`moderation.report.about.${kind}`, { name })}</p>
      <blockquote className="card" style={{ whiteSpace: 'pre-line' }}>
        {label}
      </blockquote>
      <p className="muted">{t('moderation.report.intro')}</p>
      <Form method="post" className="stack" noValidate>
        <FormError reply={reply} />
        <SelectField
          name="category"
          label={t('moderation.report.category')}
          reply={reply}
          required
          defaultValue=""
          options={[
            { value: '', label: '—' },
            ...reportCategories.map((c) => ({ value: c, label: t(`moderation.category.${c}`) })),
          ]}
        />
        <TextAreaField
          name="note"
          label={t('moderation.report.note')}
          hint={t('moderation.report.noteHint')}
          reply={reply}
          maxLength={1000}
          rows={5}
        />
        <p>
          <button type="submit">{t('moderation.report.submit')}</button>{' '}
          <Link to={back}>{t('moderation.report.cancel')}</Link>
        </p>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'moderation.report.title');

export function ErrorBoundary() {
  return <ErrorPage />;
}
