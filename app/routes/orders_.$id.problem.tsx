import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { FormError, SelectField, TextAreaField } from '~/components/form';
import { requireUser } from '~/lib/auth.server';
import { formError, invalid, parseForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { filesOf, readMultipartForm } from '~/lib/uploads.server';
import { findOrder } from '~/modules/orders';
import { shortNumber } from '~/modules/orders/states';
import { PhotoInput, ProblemView } from '~/modules/problems/components';
import { buyerProblemSchema } from '~/modules/problems/forms.server';
import { findProblemOfOrder, moveProblem, openProblem } from '~/modules/problems';
import { mayOpenProblem, openProblemStates, problemActionsFor } from '~/modules/problems/states';

// The buyer's side of a problem with her order: report it (inside its window,
// with up to 4 photos), then accept the seller's answer, withdraw, or ask staff.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const order = await findOrder('buyer', user.id, params.id);
  if (!order) throw new Response('Not found', { status: 404 });
  const problem = await findProblemOfOrder('buyer', user.id, order.id);
  const open = problem ? openProblemStates.includes(problem.state) : false;
  return {
    orderId: order.id,
    number: shortNumber(order.id),
    problem: problem ?? null,
    actions: problem ? problemActionsFor('buyer', problem) : [],
    mayOpen: !open && mayOpenProblem(order),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // Another person's order is not found, whatever the form says.
  if (!(await findOrder('buyer', user.id, params.id))) throw new Response('Not found', { status: 404 });
  const read = await readMultipartForm(request);
  if (!read.ok) return formError(read.form, read.errors);
  const form = read.form;
  const parsed = parseForm(form, buyerProblemSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const input = parsed.data;
  const result =
    input.intent === 'open'
      ? await openProblem(user.id, params.id, { kind: input.kind, note: input.note }, filesOf(form, 'photos'))
      : await moveProblem(user, 'buyer', params.id, input.intent);
  if (!result.ok) {
    if (result.status === 404) throw new Response('Not found', { status: 404 });
    if (result.status === 403) throw new Response('Forbidden', { status: 403 });
    return formError(form, { [result.field ?? 'form']: result.error });
  }
  throw redirect(
    `/orders/${params.id}/problem?notice=notice.problems.${input.intent === 'open' ? 'opened' : 'changed'}`,
  );
}

export default function BuyerProblem() {
  const { orderId, number, problem, actions, mayOpen } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, dateTime } = useI18n();
  const kinds = ['not_received', 'not_as_described', 'damaged', 'wrong_item'] as const;
  return (
    <section>
      <h1>{t('problems.title', { number })}</h1>
      <p>
        <Link to={`/orders/${orderId}`}>{t('orders.detail.title', { number })}</Link>
      </p>
      <FormError
        reply={reply}
        labels={{ kind: t('problems.field.kind'), note: t('problems.field.note'), photos: t('problems.field.photos') }}
      />
      {problem ? <ProblemView problem={problem} /> : null}
      {problem && actions.length ? (
        <Form noValidate method="post" encType="multipart/form-data" className="inline-form">
          {actions.includes('accept') ? (
            <button type="submit" name="intent" value="accept">
              {t('problems.submit.accept')}
            </button>
          ) : null}{' '}
          {actions.includes('escalate') ? (
            <button type="submit" name="intent" value="escalate">
              {t('problems.submit.escalate')}
            </button>
          ) : null}{' '}
          {actions.includes('withdraw') ? (
            <button type="submit" name="intent" value="withdraw" className="secondary">
              {t('problems.submit.withdraw')}
            </button>
          ) : null}
        </Form>
      ) : null}
      {problem?.state === 'awaiting_seller' && !actions.includes('escalate') ? (
        <p className="small muted">{t('problems.escalateWait', { date: dateTime(problem.answer_due) })}</p>
      ) : null}
      {mayOpen ? (
        <Form noValidate method="post" encType="multipart/form-data" className="card">
          <p>{t('problems.intro')}</p>
          <input type="hidden" name="intent" value="open" />
          <SelectField
            name="kind"
            label={t('problems.field.kind')}
            reply={reply}
            options={kinds.map((k) => ({ value: k, label: t(`problems.kind.${k}`) }))}
          />
          <TextAreaField name="note" label={t('problems.field.note')} reply={reply} rows={4} maxLength={2000} />
          <PhotoInput
            label={t('problems.field.photos')}
            error={reply?.errors?.photos ? t(reply.errors.photos) : undefined}
          />
          <button type="submit">{t('problems.submit.open')}</button>
        </Form>
      ) : !problem ? (
        <p className="muted">{t('problems.closedWindow')}</p>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, 'problems.title', { params: { number: data?.number ?? '' } });

export function ErrorBoundary() {
  return <ErrorPage />;
}
