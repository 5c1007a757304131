import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { FormError } from '~/components/form';
import { getUser } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { emailConfirmSchema } from '~/modules/accounts/forms.server';
import { confirmAddedEmail, pendingAddedEmail } from '~/modules/accounts/phone-account.server';

// The emailed link that makes an added email hers (issue 14). The link is the
// proof, so it works signed out too (another browser, another phone). Opening
// it only shows a button: mail scanners that fetch links must not confirm.

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const email = token.length > 0 && token.length <= 200 ? await pendingAddedEmail(token) : null;
  return { token: email ? token : null, email };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(form, emailConfirmSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const result = await confirmAddedEmail(parsed.data.token);
  if (!result.ok)
    return formError(
      form,
      { form: result.problem === 'invalid' ? 'accounts.confirm.invalid' : `phoneAccount.email.${result.problem}` },
      result.problem === 'invalid' ? 400 : 409,
    );
  const signedIn = await getUser(request);
  return redirect(
    signedIn?.id === result.userId ? '/account/contact?notice=notice.emailAdded' : '/login?notice=notice.emailAdded',
  );
}

export default function ConfirmAddedEmail() {
  const { token, email } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section className="narrow">
      <h1>{t('phoneAccount.email.confirmTitle')}</h1>
      {token ? (
        <Form method="post" className="stack" noValidate>
          <FormError reply={reply} />
          <p>{t('phoneAccount.email.confirmIntro', { email: email ?? '' })}</p>
          <input type="hidden" name="token" value={token} />
          <button type="submit">{t('phoneAccount.email.confirmSubmit')}</button>
        </Form>
      ) : (
        <>
          <p className="form-error">{t('accounts.confirm.invalid')}</p>
          <p>
            <Link to="/account/contact">{t('phoneAccount.contact.title')}</Link>
          </p>
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'phoneAccount.email.confirmTitle');
