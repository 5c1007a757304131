import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { Field, FormError, SelectField } from '~/components/form';
import { requireAnonymous } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { phoneSignupSchema } from '~/modules/accounts/phone-forms.server';
import { requestPhoneSignup } from '~/modules/accounts/phone-signup.server';
import { passwordProblem } from '~/modules/accounts/passwords.server';
import { ConsentBoxes } from '~/modules/legal/consent-boxes';
import type { ConsentPurpose } from '../../db/schema';

// Sign up with a phone number (issue 14): a code goes to the number by SMS or
// Zalo; the account is made on the next page, when the code is typed.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = await readForm(request);
  const parsed = parseForm(form, phoneSignupSchema);
  const problem = passwordProblem(String(form.get('password') ?? ''));
  if (!parsed.ok) {
    if (problem && !parsed.reply.errors.password) parsed.reply.errors.password = problem;
    return invalid(parsed.reply);
  }
  if (problem) return formError(form, { password: problem });
  const { phone, channel, password, displayName, locale, wantsToSell, unionNews } = parsed.data;
  const consents: ConsentPurpose[] = unionNews ? ['terms', 'union_news'] : ['terms'];
  const result = await requestPhoneSignup({ phone, channel, password, displayName, locale, wantsToSell: wantsToSell === 'yes', consents }, context?.clientAddress ?? 'unknown');
  if (!result.ok) {
    const values = Object.fromEntries([...form.entries()].filter(([k, v]) => typeof v === 'string' && k !== 'password')) as Record<string, string>;
    // A limit hit is HTTP 429 with Retry-After; a message the provider refused is 503.
    return data(
      { errors: { form: `phone.limit.${result.problem}` as const }, values },
      { status: result.problem === 'notSent' ? 503 : 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    );
  }
  return redirect(`/signup/phone/code?challenge=${result.challengeId}`);
}

export default function PhoneSignup() {
  const reply = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const busy = useNavigation().state === 'submitting';
  return (
    <section className="narrow">
      <h1>{t('phone.signup.title')}</h1>
      <p className="muted">{t('phone.signup.intro')}</p>
      <Form method="post" className="stack" noValidate>
        <FormError reply={reply} />
        <Field name="displayName" label={t('accounts.field.displayName')} reply={reply} autoComplete="name" required maxLength={80} />
        <Field name="phone" type="tel" inputMode="tel" label={t('phone.field.phone')} hint={t('phone.field.phoneHint')} reply={reply} autoComplete="tel" required maxLength={40} />
        <SelectField
          name="channel"
          label={t('phone.field.channel')}
          reply={reply}
          defaultValue="sms"
          options={[
            { value: 'sms', label: t('phone.channel.sms') },
            { value: 'zalo', label: t('phone.channel.zalo') },
          ]}
        />
        <Field name="password" type="password" label={t('accounts.field.password')} hint={t('accounts.password.hint')} reply={reply} autoComplete="new-password" required maxLength={200} />
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
        <button type="submit" disabled={busy}>
          {t('phone.signup.submit')}
        </button>
      </Form>
      <p>
        <Link to="/signup">{t('phone.signup.byEmail')}</Link> · {t('accounts.signup.haveAccount')} <Link to="/login">{t('accounts.login.title')}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'phone.signup.title');
