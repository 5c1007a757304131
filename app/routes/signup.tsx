import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { Field, FormError, SelectField } from '~/components/form';
import { requireAnonymous } from '~/lib/auth.server';
import { formError, formLimit, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { languageCookie, localeFromRequest } from '~/lib/i18n.server';
import { pageMeta } from '~/lib/meta';
import { phoneSignupSchema, signupSchema } from '~/modules/accounts/forms.server';
import { safeRedirect } from '~/lib/redirect.server';
import { requestSignup } from '~/modules/accounts/accounts.server';
import { passwordProblem } from '~/modules/accounts/passwords.server';
import { ChannelField, PhoneField } from '~/modules/accounts/phone-fields';
import { requestPhoneSignup } from '~/modules/accounts/phone-signup.server';
import { ConsentBoxes } from '~/modules/legal/consent-boxes';
import type { ConsentPurpose } from '../../db/schema';
import { lightPage } from '~/lib/page-scripts';

// Reading and plain forms: served without the client scripts (app/lib/page-scripts.ts).
export const handle = lightPage;

// One sign-up form (issue 14), by phone number or by email. A phone gets a
// 6-digit code by SMS or Zalo (the account is made on the next page); an email
// gets a link. The choice is a link (?by=phone / ?by=email), so it works
// without JavaScript. In Vietnamese the phone comes first: many women have no
// email, or one they never open.

type SignupBy = 'phone' | 'email';

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const asked = new URL(request.url).searchParams.get('by');
  const by: SignupBy =
    asked === 'phone' || asked === 'email' ? asked : (await localeFromRequest(request)) === 'vi' ? 'phone' : 'email';
  return { by };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = await readForm(request);
  const by: SignupBy = form.get('by') === 'phone' ? 'phone' : 'email';
  const parsed = by === 'phone' ? parseForm(form, phoneSignupSchema) : parseForm(form, signupSchema);
  const problem = passwordProblem(
    String(form.get('password') ?? ''),
    by === 'email' ? String(form.get('email') ?? '') : undefined,
  );
  if (!parsed.ok) {
    if (problem && !parsed.reply.errors.password) parsed.reply.errors.password = problem;
    return invalid(parsed.reply);
  }
  if (problem) return formError(form, { password: problem });
  const { password, displayName, locale, wantsToSell, unionNews } = parsed.data;
  const consents: ConsentPurpose[] = unionNews ? ['terms', 'union_news'] : ['terms'];
  const clientAddress = context?.clientAddress ?? 'unknown';

  if ('phone' in parsed.data) {
    const { phone, channel } = parsed.data;
    const result = await requestPhoneSignup(
      { phone, channel, password, displayName, locale, wantsToSell: wantsToSell === 'yes', consents },
      clientAddress,
    );
    // A limit hit is HTTP 429 with Retry-After; a message the provider refused is 503.
    if (!result.ok)
      return formLimit(
        form,
        `phone.limit.${result.problem}`,
        result.retryAfterSeconds,
        result.problem === 'notSent' ? 503 : 429,
      );
    return redirect(`/signup/phone/code?challenge=${result.challengeId}`, {
      headers: { 'Set-Cookie': await languageCookie.serialize(locale) },
    });
  }

  // Kept only when safe, so the confirmation link cannot be made to send her elsewhere.
  const redirectTo = parsed.data.redirectTo ? safeRedirect(parsed.data.redirectTo, '') || null : null;
  const result = await requestSignup(
    {
      email: parsed.data.email,
      password,
      displayName,
      locale,
      wantsToSell: wantsToSell === 'yes',
      redirectTo,
      consents,
    },
    clientAddress,
  );
  if (result.status === 'throttled') return formLimit(form, 'accounts.signup.throttled', result.retryAfterSeconds);
  // The same answer for a new and a taken email: the email itself says which.
  return redirect('/login?notice=notice.signupSent', {
    headers: { 'Set-Cookie': await languageCookie.serialize(locale) },
  });
}

export default function Signup() {
  const reply = useActionData<typeof action>();
  const loaded = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const busy = useNavigation().state === 'submitting';
  // After a refused post, the form she sent (not the URL's default) is shown again.
  const by: SignupBy = reply?.values?.by === 'phone' || reply?.values?.by === 'email' ? reply.values.by : loaded.by;
  const redirectTo = params.get('redirectTo') ?? '';
  const choice = (to: SignupBy) =>
    `/signup?by=${to}${redirectTo ? `&redirectTo=${encodeURIComponent(redirectTo)}` : ''}`;
  return (
    <section className="narrow">
      <h1>{t('accounts.signup.title')}</h1>
      <p className="muted">{by === 'phone' ? t('phone.signup.intro') : t('accounts.signup.intro')}</p>
      <nav aria-label={t('phoneAccount.signup.choice')} className="choice">
        <Link
          to={choice('phone')}
          aria-current={by === 'phone' ? 'page' : undefined}
          className={by === 'phone' ? 'button' : 'button secondary'}
        >
          {t('phoneAccount.signup.byPhone')}
        </Link>{' '}
        <Link
          to={choice('email')}
          aria-current={by === 'email' ? 'page' : undefined}
          className={by === 'email' ? 'button' : 'button secondary'}
        >
          {t('phone.signup.byEmail')}
        </Link>
      </nav>
      <Form method="post" className="stack" noValidate key={by}>
        <FormError reply={reply} />
        <input type="hidden" name="by" value={by} />
        <Field
          name="displayName"
          label={t('accounts.field.displayName')}
          reply={reply}
          autoComplete="name"
          required
          maxLength={80}
        />
        {by === 'phone' ? (
          <>
            <PhoneField reply={reply} />
            <ChannelField reply={reply} />
          </>
        ) : (
          <Field
            name="email"
            type="email"
            label={t('accounts.field.email')}
            reply={reply}
            autoComplete="email"
            required
            maxLength={254}
          />
        )}
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
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <button type="submit" disabled={busy}>
          {by === 'phone' ? t('phone.signup.submit') : t('accounts.signup.submit')}
        </button>
      </Form>
      <p>
        {t('accounts.signup.haveAccount')} <Link to="/login">{t('accounts.login.title')}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) =>
  pageMeta(matches, 'accounts.signup.title', { descriptionKey: 'ux.meta.signup' });
