import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { Field, FormError, SelectField } from '~/components/form';
import { requireRole } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm, type FormReply } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { absoluteUrl } from '~/lib/origin.server';
import { bankByBin, vietQrBanks } from '~/modules/payments/banks';
import { payoutSchema } from '~/modules/payments/forms.server';
import { createWebhookKey, findPayoutAccount, savePayoutAccount } from '~/modules/payments/payout.server';

// The seller's payout account for VietQR, and the key of her bank-notification
// webhook (SePay), shown once.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'entrepreneur');
  const account = await findPayoutAccount(user.id);
  return {
    account: account ? { ...account, bank: bankByBin(account.bank_bin)?.name ?? account.bank_bin } : null,
    banks: vietQrBanks.map((b) => ({ value: b.bin, label: b.name })),
    webhookUrl: absoluteUrl('/webhooks/bank'),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'entrepreneur');
  const form = await readForm(request);
  const parsed = parseForm(form, payoutSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  if (parsed.data.intent === 'key') {
    const key = await createWebhookKey(user.id);
    if (!key) return formError(form, { form: 'payments.payout.notVerified' });
    return data<FormReply & { key: string }>({ errors: {}, values: {}, key });
  }
  const result = await savePayoutAccount(user.id, parsed.data);
  if (!result.ok)
    return formError(
      form,
      result.error === 'payments.payout.bankUnknown' ? { bankBin: result.error } : { form: result.error },
    );
  throw redirect('/dashboard/payout?notice=notice.payments.payoutSaved');
}

export default function PayoutAccount() {
  const { account, banks, webhookUrl } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as (FormReply & { key?: string }) | undefined;
  const { t } = useI18n();
  const v = (name: string, fallback = '') => reply?.values?.[name] ?? fallback;
  return (
    <section>
      <h1>{t('payments.payout.title')}</h1>
      <p>{t('payments.payout.lead')}</p>
      {account ? (
        <div className="card">
          <p>
            <strong>
              {account.account_name} · {account.bank} · {account.account_number}
            </strong>
          </p>
          <p role="status">{t(`payments.payout.status.${account.status}`)}</p>
        </div>
      ) : null}
      <Form noValidate method="post">
        <FormError
          reply={reply}
          labels={{
            bankBin: t('payments.payout.bank'),
            accountNumber: t('payments.payout.accountNumber'),
            accountName: t('payments.payout.accountName'),
          }}
        />
        <input type="hidden" name="intent" value="save" />
        <SelectField
          name="bankBin"
          label={t('payments.payout.bank')}
          reply={reply}
          required
          defaultValue={v('bankBin', account?.bank_bin ?? '')}
          options={[{ value: '', label: '—' }, ...banks]}
        />
        <Field
          name="accountNumber"
          label={t('payments.payout.accountNumber')}
          reply={reply}
          required
          maxLength={25}
          inputMode="numeric"
          defaultValue={v('accountNumber', account?.account_number ?? '')}
        />
        <Field
          name="accountName"
          label={t('payments.payout.accountName')}
          reply={reply}
          required
          maxLength={70}
          defaultValue={v('accountName', account?.account_name ?? '')}
        />
        {account ? <p className="small muted">{t('payments.payout.changeNote')}</p> : null}
        <button type="submit">{t('payments.payout.save')}</button>
      </Form>
      {account?.status === 'approved' ? (
        <div className="card">
          <h2>{t('payments.webhook.title')}</h2>
          <p>{t('payments.webhook.lead')}</p>
          <p>
            {t('payments.webhook.url')}: <code>{webhookUrl}</code>
          </p>
          {reply?.key ? (
            <p role="status">
              {t('payments.webhook.key')}: <code>{reply.key}</code>
            </p>
          ) : account.has_webhook_key ? (
            <p className="small">{t('payments.webhook.has')}</p>
          ) : null}
          <Form noValidate method="post">
            <button type="submit" name="intent" value="key" className="secondary">
              {t('payments.webhook.create')}
            </button>
          </Form>
        </div>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'payments.payout.title');

export function ErrorBoundary() {
  return <ErrorPage />;
}
