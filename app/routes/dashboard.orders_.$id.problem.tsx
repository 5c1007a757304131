import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { Field, FormError, SelectField, TextAreaField } from '~/components/form';
import { requireSeller } from '~/lib/auth.server';
import { formError, invalid, parseForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { filesOf, readMultipartForm } from '~/lib/uploads.server';
import { shortNumber } from '~/modules/orders/states';
import { PhotoInput, ProblemView } from '~/modules/problems/components';
import { sellerProblemSchema } from '~/modules/problems/forms.server';
import { answerProblem, findProblemOfOrder, moveProblem, recordRefund } from '~/modules/problems';
import { problemActionsFor } from '~/modules/problems/states';

// The seller's side of a problem with one of her orders: answer within 3 days
// (refund, replacement, or a reply with her evidence), ask staff to decide, and
// record the refund staff found owed. Another seller's order is not found.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const problem = await findProblemOfOrder('seller', user.sellerId, params.id);
  if (!problem) throw new Response('Not found', { status: 404 });
  return { problem, number: shortNumber(problem.order_id), actions: problemActionsFor('seller', problem) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireSeller(request);
  if (!(await findProblemOfOrder('seller', user.sellerId, params.id))) throw new Response('Not found', { status: 404 });
  const read = await readMultipartForm(request);
  if (!read.ok) return formError(read.form, read.errors);
  const form = read.form;
  const parsed = parseForm(form, sellerProblemSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const input = parsed.data;
  const photos = filesOf(form, 'photos');
  const result =
    input.intent === 'answer'
      ? await answerProblem(
          user.sellerId,
          params.id,
          { kind: input.kind, note: input.note, amount: input.amount, reference: input.reference },
          photos,
        )
      : input.intent === 'record_refund'
        ? await recordRefund(user.sellerId, params.id, { reference: input.reference }, photos)
        : await moveProblem(user, 'seller', params.id, input.intent);
  if (!result.ok) {
    if (result.status === 404) throw new Response('Not found', { status: 404 });
    if (result.status === 403) throw new Response('Forbidden', { status: 403 });
    return formError(form, { [result.field ?? 'form']: result.error });
  }
  throw redirect(`/dashboard/orders/${params.id}/problem?notice=notice.problems.changed`);
}

export default function SellerProblem() {
  const { problem, number, actions } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, money } = useI18n();
  const labels = {
    kind: t('problems.field.answerKind'),
    note: t('problems.field.note'),
    amount: t('problems.field.amount'),
    reference: t('problems.field.reference'),
    photos: t('problems.field.photos'),
  };
  const photoError = reply?.errors?.photos ? t(reply.errors.photos) : undefined;
  return (
    <section>
      <h1>{t('problems.seller.title', { number })}</h1>
      <p>
        <Link to={`/dashboard/orders/${problem.order_id}`}>{t('orders.detail.title', { number })}</Link>
      </p>
      <FormError reply={reply} labels={labels} />
      <ProblemView problem={problem} />
      {actions.includes('answer') ? (
        <Form noValidate method="post" encType="multipart/form-data" className="card">
          <input type="hidden" name="intent" value="answer" />
          <SelectField
            name="kind"
            label={labels.kind}
            reply={reply}
            options={(['refund', 'replacement', 'reply'] as const).map((k) => ({
              value: k,
              label: t(`problems.answer.${k}`),
            }))}
          />
          <TextAreaField name="note" label={labels.note} reply={reply} rows={4} maxLength={2000} />
          <p className="small">{t('problems.seller.refundHelp')}</p>
          <Field
            name="amount"
            label={labels.amount}
            reply={reply}
            inputMode="numeric"
            hint={money(problem.order_total)}
          />
          <Field name="reference" label={labels.reference} reply={reply} maxLength={120} />
          <PhotoInput label={labels.photos} error={photoError} />
          <button type="submit">{t('problems.submit.answer')}</button>
        </Form>
      ) : null}
      {actions.includes('record_refund') ? (
        <Form noValidate method="post" encType="multipart/form-data" className="card">
          <input type="hidden" name="intent" value="record_refund" />
          <p className="small">{t('problems.seller.refundHelp')}</p>
          {problem.payment_method !== 'card' ? (
            <>
              <Field name="reference" label={labels.reference} reply={reply} maxLength={120} />
              <PhotoInput label={t('problems.field.receipt')} error={photoError} />
            </>
          ) : null}
          <button type="submit">{t('problems.submit.recordRefund')}</button>
        </Form>
      ) : null}
      {actions.includes('escalate') ? (
        <Form noValidate method="post" encType="multipart/form-data">
          <button type="submit" name="intent" value="escalate" className="secondary">
            {t('problems.submit.escalate')}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageMeta(matches, 'problems.seller.title', { params: { number: data?.number ?? '' } });

export function ErrorBoundary() {
  return <ErrorPage />;
}
