import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { Field, FormError, SelectField } from '~/components/form';
import { requireAnonymous } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { languageCookie } from '~/lib/i18n.server';
import { pageMeta } from '~/lib/meta';
import { signupSchema } from '~/modules/accounts/forms.server';
import { safeRedirect } from '~/lib/redirect.server';
import { requestSignup } from '~/modules/accounts/accounts.server';
import { passwordProblem } from '~/modules/accounts/passwords.server';
import { ConsentBoxes } from '~/modules/legal/consent-boxes';
import type { ConsentPurpose } from '../../db/schema';
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
  const parsed = parseForm(form, signupSchema);
  const problem = passwordProblem(String(form.get('password') ?? ''), String(form.get('email') ?? ''));
  if (!parsed.ok) {
    if (problem && !parsed.reply.errors.password) parsed.reply.errors.password = problem;
    return invalid(parsed.reply);
  }
  if (problem) return formError(form, { password: problem });
  const { email, password, displayName, locale, wantsToSell, unionNews } = parsed.data;
  // Kept only when safe, so the confirmation link cannot be made to send her elsewhere.
  const redirectTo = parsed.data.redirectTo ? safeRedirect(parsed.data.redirectTo, '') || null : null;
  const consents: ConsentPurpose[] = unionNews ? ['terms', 'union_news'] : ['terms'];
  const result = await requestSignup({ email, password, displayName, locale, wantsToSell: wantsToSell === 'yes', redirectTo, consents }, context?.clientAddress ?? 'unknown');
  if (result.status === 'throttled') {
    return data(
      { errors: { form: 'accounts.signup.throttled' as const }, values: { email, displayName, locale, wantsToSell: wantsToSell ?? 'no' } },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    );
  }
  // The same answer for a new and a taken email: the email itself says which.
  return redirect('/login?notice=notice.signupSent', { headers: { 'Set-Cookie': await languageCookie.serialize(locale) } });
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
      <p>
        <Link to="/signup/phone">{t('phone.signup.byPhone')}</Link>
      </p>
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
        <SelectField
          name="wantsToSell"
          label={t('accounts.signup.wantsToSell')}
          reply={reply}
          defaultValue="no"
          options={[
            { value: 'no', label: t('accounts.signup.wantsToSell.no') },
            { value: 'yes', label: t('accounts.signup.wantsToSell.yes') },
          ]}
        />
        <ConsentBoxes reply={reply} />
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

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'accounts.signup.title', { descriptionKey: 'ux.meta.signup' });
