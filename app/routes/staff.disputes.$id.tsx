import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { Field, FormError, SelectField, TextAreaField } from '~/components/form';
import { requireStaff } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { shortNumber } from '~/modules/orders/states';
import { ProblemView } from '~/modules/problems/components';
import { decideSchema } from '~/modules/problems/forms.server';
import { decideProblem, findProblemForStaff } from '~/modules/problems';

// One problem for staff: both sides' words and photos, the order's history and
// the messages between the two; the decision (refund owed or not) goes to both.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const found = await findProblemForStaff(params.id, staff.scope);
  if (!found) throw new Response('Not found', { status: 404 });
  return { ...found, number: shortNumber(found.problem.order_id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  // Another province's problem is not hers to see nor to decide: 404 before the form is read.
  if (!(await findProblemForStaff(params.id, staff.scope))) throw new Response('Not found', { status: 404 });
  const form = await readForm(request);
  const parsed = parseForm(form, decideSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const result = await decideProblem(staff.id, params.id, parsed.data);
  if (!result.ok) {
    if (result.status === 404) throw new Response('Not found', { status: 404 });
    return formError(form, { form: result.error }, 409);
  }
  throw redirect('/staff/disputes?notice=notice.problems.decided');
}

export default function StaffDispute() {
  const { problem, messages, record, number } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, dateTime, money } = useI18n();
  return (
    <section>
      <p>
        <Link to="/staff/disputes">{t('problems.staff.title')}</Link>
      </p>
      <h1>{t('problems.staff.detail', { number })}</h1>
      <p>
        {problem.buyer_name} → {problem.seller_name} · {t('problems.staff.order')}: {money(problem.order_total)}
      </p>
      <p className={record.flagged ? 'form-error' : 'small'}>
        {t('problems.staff.record', { opened: record.opened, lost: record.lost, won: record.won })}
        {record.flagged ? ` — ${t('problems.staff.flagged')}` : null}
      </p>
      <ProblemView problem={problem} />
      {problem.state === 'with_staff' ? (
        <Form noValidate method="post" className="card">
          <FormError reply={reply} />
          <SelectField
            name="decision"
            label={t('problems.field.decision')}
            reply={reply}
            options={(['refund_owed', 'no_refund'] as const).map((d) => ({
              value: d,
              label: t(`problems.decision.${d}`),
            }))}
          />
          <Field
            name="amount"
            label={t('problems.field.amount')}
            reply={reply}
            inputMode="numeric"
            hint={money(problem.order_total)}
          />
          <TextAreaField name="note" label={t('problems.field.decisionNote')} reply={reply} rows={3} maxLength={2000} />
          <button type="submit">{t('problems.submit.decide')}</button>
        </Form>
      ) : null}
      <h2>{t('problems.staff.messages')}</h2>
      {messages.length === 0 ? <p className="muted">{t('problems.staff.noMessages')}</p> : null}
      <ol className="small">
        {messages.map((m) => (
          <li key={m.id}>
            {dateTime(m.created_at)} ·{' '}
            {m.sender_id === problem.buyer_id ? t('problems.actor.buyer') : t('problems.actor.seller')}:{' '}
            <span style={{ whiteSpace: 'pre-line' }}>{m.body}</span>
          </li>
        ))}
      </ol>
      <h2>{t('problems.staff.history')}</h2>
      <ol className="small">
        {problem.events.map((e) => (
          <li key={e.id}>
            {dateTime(e.created_at)}:{' '}
            {e.problem_step ? t(`problems.step.${e.problem_step}`) : t(`orders.state.${e.to_state}`)}
            {e.note ? ` — ${e.note}` : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, 'problems.staff.detail', { params: { number: data?.number ?? '' } });

export function ErrorBoundary() {
  return <ErrorPage />;
}
