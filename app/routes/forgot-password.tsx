import { redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { Field, FormError } from '~/components/form';
import { formLimit, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { localeFromRequest } from '~/lib/i18n.server';
import { pageMeta } from '~/lib/meta';
import { forgotPasswordSchema } from '~/modules/accounts/forms.server';
import { requestPasswordReset } from '~/modules/accounts/accounts.server';
import { requestPhoneReset } from '~/modules/accounts/phone-account.server';
import { ChannelField } from '~/modules/accounts/phone-fields';
import { lightPage } from '~/lib/page-scripts';

// A forgotten password: an email gets a link (as before); a phone number gets
// a 6-digit code by SMS or Zalo, typed with the new password on the next page
// (issue 14). Neither answer says whether the address or number has an account.

// Reading and plain forms: served without the client scripts (app/lib/page-scripts.ts).
export const handle = lightPage;

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(form, forgotPasswordSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const clientAddress = context?.clientAddress ?? 'unknown';
  const locale = await localeFromRequest(request);
  const { email: identifier, channel } = parsed.data;
  if (identifier.startsWith('+')) {
    const result = await requestPhoneReset(identifier, channel ?? 'sms', clientAddress, locale);
    // Counted per number whether or not it has an account: the limit reveals nothing either.
    if (!result.ok)
      return formLimit(
        form,
        `phone.limit.${result.problem}`,
        result.retryAfterSeconds,
        result.problem === 'notSent' ? 503 : 429,
      );
    return redirect(`/reset-password/code?challenge=${result.challengeId}`);
  }
  const result = await requestPasswordReset(identifier, clientAddress, locale);
  // Counted per email whether or not it has an account: the limit reveals nothing either.
  if (result.status === 'throttled') return formLimit(form, 'accounts.forgot.throttled', result.retryAfterSeconds);
  // The same answer whether or not the address has an account.
  return redirect('/login?notice=notice.resetSent');
}

export default function ForgotPassword() {
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section className="narrow">
      <h1>{t('accounts.forgot.title')}</h1>
      <p>{t('phoneAccount.forgot.intro')}</p>
      <Form method="post" className="stack" noValidate>
        <FormError reply={reply} />
        <Field
          name="email"
          label={t('phone.login.identifier')}
          reply={reply}
          autoComplete="username"
          required
          maxLength={254}
        />
        <ChannelField reply={reply} />
        <button type="submit">{t('phoneAccount.forgot.submit')}</button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'accounts.forgot.title');
