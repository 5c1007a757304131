import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { FormError } from '~/components/form';
import { personInScope, requireStaff } from '~/lib/auth.server';
import { awaitConfirmation, formError, invalid, parseForm, readForm, type FormReply } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { bankByBin } from '~/modules/payments/banks';
import { payoutDecisionSchema } from '~/modules/payments/forms.server';
import { decidePayoutAccount, listPendingPayoutAccounts } from '~/modules/payments/payout.server';
import { notFound } from '~/lib/responses';

// Payout accounts waiting for staff: a holder name that is not her verified
// name, or a changed account. Staff compare the names and decide, confirming once.

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const pending = await listPendingPayoutAccounts(staff.scope);
  return { pending: pending.map((p) => ({ ...p, bank: bankByBin(p.bank_bin)?.name ?? p.bank_bin })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const form = await readForm(request);
  const parsed = parseForm(form, payoutDecisionSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  // Outside her scope the seller does not exist for her (issue 19).
  if (!(await personInScope(staff.scope, parsed.data.sellerId))) throw notFound();
  const pending = awaitConfirmation(form);
  if (pending) return pending;
  if (!(await decidePayoutAccount(staff.id, parsed.data.sellerId, parsed.data.decision, staff.scope)))
    return formError(form, { form: 'payments.staff.already' }, 409);
  throw redirect('/staff/payouts?notice=notice.payments.payoutDecided');
}

export default function StaffPayouts() {
  const { pending } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as (FormReply & { confirm?: true }) | undefined;
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('payments.staff.title')}</h1>
      <FormError reply={reply} />
      {reply?.confirm ? (
        <Form noValidate method="post" className="card">
          <input type="hidden" name="sellerId" value={reply.values.sellerId} />
          <input type="hidden" name="decision" value={reply.values.decision} />
          <input type="hidden" name="confirmed" value="yes" />
          <p>{reply.values.decision === 'approved' ? t('payments.staff.approve') : t('payments.staff.reject')}</p>
          <button type="submit">{t('payments.staff.confirm')}</button>
        </Form>
      ) : null}
      {pending.length === 0 ? <p className="muted">{t('payments.staff.none')}</p> : null}
      {pending.map((p) => (
        <div key={p.seller_id} className="card">
          <h2>{p.business_name}</h2>
          <p>
            {p.account_name} · {p.bank} · {p.account_number}
          </p>
          <p>
            {t('payments.staff.identity')}: <strong>{p.owner_name}</strong>
          </p>
          <Form noValidate method="post" className="inline-form">
            <input type="hidden" name="sellerId" value={p.seller_id} />
            <button type="submit" name="decision" value="approved">
              {t('payments.staff.approve')}
            </button>{' '}
            <button type="submit" name="decision" value="rejected" className="secondary">
              {t('payments.staff.reject')}
            </button>
          </Form>
        </div>
      ))}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'payments.staff.title');
