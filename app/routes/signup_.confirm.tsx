import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { FormError } from '~/components/form';
import { startSession } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { languageCookie } from '~/lib/i18n.server';
import { pageMeta } from '~/lib/meta';
import { safeRedirect } from '~/lib/redirect.server';
import { signupConfirmSchema } from '~/modules/accounts/forms.server';
import { confirmSignup, pendingSignupEmail } from '~/modules/accounts/accounts.server';

// The emailed sign-up link. Opening it only shows a button: mail scanners that
// fetch links must not create the account; the POST does.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const email = token.length > 0 && token.length <= 200 ? await pendingSignupEmail(token) : null;
  return { token: email ? token : null, email };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(form, signupConfirmSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const confirmed = await confirmSignup(parsed.data.token);
  if (!confirmed) return formError(form, { form: 'accounts.confirm.invalid' });
  const headers = new Headers();
  headers.append('Set-Cookie', await startSession(confirmed.userId));
  headers.append('Set-Cookie', await languageCookie.serialize(confirmed.locale));
  // "Do you want to sell?" yes: straight to her seller dashboard to start the shop.
  const to = confirmed.wantsToSell
    ? '/dashboard?notice=notice.welcome'
    : safeRedirect(confirmed.redirectTo, '/market?notice=notice.welcome');
  return redirect(to, { headers });
}

export default function ConfirmSignup() {
  const { token, email } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section className="narrow">
      <h1>{t('accounts.confirm.title')}</h1>
      {token ? (
        <Form method="post" className="stack" noValidate>
          <FormError reply={reply} />
          <p>{t('accounts.confirm.intro', { email: email ?? '' })}</p>
          <input type="hidden" name="token" value={token} />
          <button type="submit">{t('accounts.confirm.submit')}</button>
        </Form>
      ) : (
        <>
          <p className="form-error">{t('accounts.confirm.invalid')}</p>
          <p>
            <Link to="/signup">{t('accounts.signup.title')}</Link> ·{' '}
            <Link to="/login">{t('accounts.login.title')}</Link>
          </p>
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'accounts.confirm.title');
