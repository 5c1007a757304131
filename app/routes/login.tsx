import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react';
import { Field, FormError } from '~/components/form';
import { requireAnonymous, startSession } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { loginSchema } from '~/modules/accounts/forms.server';
import { safeRedirect } from '~/lib/redirect.server';
import { logIn } from '~/modules/accounts/accounts.server';
import { createLoginChallenge, hasTwoFactor, loginChallengeCookie } from '~/modules/accounts/two-factor.server';
import { lightPage } from '~/lib/page-scripts';

// Reading and plain forms: served without the client scripts (app/lib/page-scripts.ts).
export const handle = lightPage;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = await readForm(request);
  const parsed = parseForm(form, loginSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const { email, password } = parsed.data;
  const result = await logIn(email, password, context?.clientAddress ?? 'unknown');
  if (result.status === 'throttled') {
    const reply = { errors: { form: 'accounts.login.throttled' as const }, values: { email } };
    return data(reply, { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } });
  }
  if (result.status === 'invalid') return formError(form, { form: 'accounts.login.invalid' }, 401);
  if (result.status === 'suspended') {
    const reply = {
      errors: {},
      values: { email },
      suspended: { until: result.until ? result.until.toISOString() : null },
    };
    return data(reply, { status: 403 });
  }
  const redirectTo = safeRedirect(parsed.data.redirectTo, '/');
  if (await hasTwoFactor(result.userId)) {
    const token = await createLoginChallenge(result.userId);
    return redirect(`/login/code?redirectTo=${encodeURIComponent(redirectTo)}`, {
      headers: { 'Set-Cookie': await loginChallengeCookie.serialize(token) },
    });
  }
  return redirect(redirectTo, {
    headers: { 'Set-Cookie': await startSession(result.userId) },
  });
}

export default function Login() {
  const reply = useActionData<typeof action>();
  const { t, dateTime } = useI18n();
  const [params] = useSearchParams();
  const suspended = reply && 'suspended' in reply ? reply.suspended : null;
  const redirectTo = params.get('redirectTo') ?? '';
  return (
    <section className="narrow">
      <h1>{t('accounts.login.title')}</h1>
      <Form method="post" className="stack" noValidate>
        <FormError reply={reply} />
        {suspended ? (
          <p className="form-error" role="alert">
            {suspended.until
              ? t('moderation.login.suspendedUntil', { until: dateTime(suspended.until) })
              : t('moderation.login.suspendedForGood')}
          </p>
        ) : null}
        <Field
          name="email"
          type="text"
          label={t('phone.login.identifier')}
          reply={reply}
          autoComplete="username"
          required
          maxLength={254}
        />
        <Field
          name="password"
          type="password"
          label={t('accounts.field.password')}
          reply={reply}
          autoComplete="current-password"
          required
          maxLength={200}
        />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <button type="submit">{t('accounts.login.submit')}</button>
      </Form>
      <p>
        <Link to="/forgot-password">{t('accounts.login.forgot')}</Link>
      </p>
      <p>
        {t('accounts.login.noAccount')}{' '}
        <Link to={redirectTo ? `/signup?redirectTo=${encodeURIComponent(redirectTo)}` : '/signup'}>
          {t('accounts.signup.title')}
        </Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, 'accounts.login.title', { descriptionKey: 'ux.meta.login' });
