import { data, redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { Field, FormError } from '~/components/form';
import { invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { localeFromRequest } from '~/lib/i18n.server';
import { pageMeta } from '~/lib/meta';
import { forgotPasswordSchema } from '~/modules/accounts/forms.server';
import { requestPasswordReset } from '~/modules/accounts/accounts.server';
import { lightPage } from '~/lib/page-scripts';

// Reading and plain forms: served without the client scripts (app/lib/page-scripts.ts).
export const handle = lightPage;

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(form, forgotPasswordSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const result = await requestPasswordReset(parsed.data.email, context?.clientAddress ?? 'unknown', await localeFromRequest(request));
  if (result.status === 'throttled') {
    // Counted per email whether or not it has an account: the limit reveals nothing either.
    const reply = { errors: { form: 'accounts.forgot.throttled' as const }, values: { email: parsed.data.email } };
    return data(reply, { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } });
  }
  // The same answer whether or not the address has an account.
  return redirect('/login?notice=notice.resetSent');
}

export default function ForgotPassword() {
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section className="narrow">
      <h1>{t('accounts.forgot.title')}</h1>
      <p>{t('accounts.forgot.intro')}</p>
      <Form method="post" className="stack" noValidate>
        <FormError reply={reply} />
        <Field name="email" type="email" label={t('accounts.field.email')} reply={reply} autoComplete="email" required maxLength={254} />
        <button type="submit">{t('accounts.forgot.submit')}</button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'accounts.forgot.title');
