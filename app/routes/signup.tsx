import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { Field, FormError, SelectField } from '~/components/form';
import { requireAnonymous, startSession } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { languageCookie } from '~/lib/i18n.server';
import { pageMeta } from '~/lib/meta';
import { signupSchema } from '~/modules/accounts/forms.server';
import { safeRedirect } from '~/lib/redirect.server';
import { createUser } from '~/modules/accounts/accounts.server';
import { passwordProblem } from '~/modules/accounts/passwords.server';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = await readForm(request);
  const parsed = parseForm(form, signupSchema);
  const problem = passwordProblem(String(form.get('password') ?? ''), String(form.get('email') ?? ''));
  if (!parsed.ok) {
    if (problem && !parsed.reply.errors.password) parsed.reply.errors.password = problem;
    return invalid(parsed.reply);
  }
  if (problem) return formError(form, { password: problem });
  const { email, password, displayName, locale } = parsed.data;
  const created = await createUser({ email, password, displayName, locale });
  if (!created.ok) return formError(form, { email: 'accounts.signup.emailTaken' });
  const headers = new Headers();
  headers.append('Set-Cookie', await startSession(created.user.id));
  headers.append('Set-Cookie', await languageCookie.serialize(locale));
  return redirect(safeRedirect(parsed.data.redirectTo, '/account?notice=notice.welcome'), { headers });
}

export default function Signup() {
  const reply = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const busy = useNavigation().state === 'submitting';
  return (
    <section className="narrow">
      <h1>{t('accounts.signup.title')}</h1>
      <p className="muted">{t('accounts.signup.intro')}</p>
      <Form method="post" className="stack" noValidate>
        <FormError reply={reply} />
        <Field name="displayName" label={t('accounts.field.displayName')} reply={reply} autoComplete="name" required maxLength={80} />
        <Field name="email" type="email" label={t('accounts.field.email')} reply={reply} autoComplete="email" required maxLength={254} />
        <Field
          name="password"
          type="password"
          label={t('accounts.field.password')}
          hint={t('accounts.password.hint')}
          reply={reply}
          autoComplete="new-password"
          required
          maxLength={200}
        />
        <SelectField
          name="locale"
          label={t('accounts.field.language')}
          reply={reply}
          defaultValue={locale}
          options={[
            { value: 'vi', label: 'Tiếng Việt' },
            { value: 'en', label: 'English' },
          ]}
        />
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <button type="submit" disabled={busy}>
          {t('accounts.signup.submit')}
        </button>
      </Form>
      <p>
        {t('accounts.signup.haveAccount')} <Link to="/login">{t('accounts.login.title')}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'accounts.signup.title');
