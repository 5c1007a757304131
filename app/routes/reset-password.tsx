import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Field, FormError } from '~/components/form';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { resetPasswordSchema } from '~/modules/accounts/forms.server';
import { isResetTokenUsable, resetPassword } from '~/modules/accounts/accounts.server';
import { passwordProblem } from '~/modules/accounts/passwords.server';
import { lightPage } from '~/lib/page-scripts';

// Reading and plain forms: served without the client scripts (app/lib/page-scripts.ts).
export const handle = lightPage;

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const usable = token.length > 0 && token.length <= 200 && (await isResetTokenUsable(token));
  return { token: usable ? token : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(form, resetPasswordSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const problem = passwordProblem(parsed.data.password);
  if (problem) return formError(form, { password: problem });
  const userId = await resetPassword(parsed.data.token, parsed.data.password);
  if (!userId) return formError(form, { form: 'accounts.reset.invalidToken' });
  return redirect('/login?notice=notice.passwordReset');
}

export default function ResetPassword() {
  const { token } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section className="narrow">
      <h1>{t('accounts.reset.title')}</h1>
      {token ? (
        <Form method="post" className="stack" noValidate>
          <FormError reply={reply} />
          <input type="hidden" name="token" value={token} />
          <Field
            name="password"
            type="password"
            label={t('accounts.field.newPassword')}
            hint={t('accounts.password.hint')}
            reply={reply}
            autoComplete="new-password"
            required
            maxLength={200}
          />
          <button type="submit">{t('accounts.reset.submit')}</button>
        </Form>
      ) : (
        <>
          <p className="form-error">{t('accounts.reset.invalidToken')}</p>
          <p>
            <Link to="/forgot-password">{t('accounts.forgot.title')}</Link>
          </p>
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'accounts.reset.title');
