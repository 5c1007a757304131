import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { ErrorPage } from '~/components/error-page';
import { Field, FormError, SelectField, TextAreaField } from '~/components/form';
import { requireStaff } from '~/lib/auth.server';
import { formError, formLimit, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { isUuid } from '~/lib/ids';
import { pageMeta } from '~/lib/meta';
import { passwordProblem } from '~/modules/accounts/passwords.server';
import { phoneCodeSchema } from '~/modules/accounts/forms.server';
import { refusedCode } from '~/modules/accounts/phone-codes.server';
import { ChannelField, CodeField, PhoneField } from '~/modules/accounts/phone-fields';
import { legalVersion } from '~/modules/legal/consents.server';
import { provinces } from '~/lib/provinces';
import {
  confirmAssistedSignup,
  spokenAssistedSignup,
  startAssistedSignup,
} from '~/modules/union/assisted-signup.server';
import { assistSchema } from '~/modules/union/forms.server';

// Issue 19, "Đăng ký giúp": a commune or province officer signs a woman up, for a
// province in her scope. With a code to the woman's phone (the second step, on
// this page, finishes only the officer's own challenge), or with her spoken
// consent recorded. The rules and limits: app/modules/union/assisted-signup.server.ts.

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const challenge = new URL(request.url).searchParams.get('challenge') ?? '';
  const allowed = staff.scope.country
    ? provinces.map((p) => p.code)
    : provinces.map((p) => p.code).filter((c) => staff.scope.provinces.includes(c));
  return { challenge: isUuid(challenge) ? challenge : null, allowed, version: legalVersion };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const officer = { id: staff.id, scope: staff.scope };
  const form = await readForm(request);
  if (form.get('intent') === 'confirm') {
    const parsed = parseForm(form, phoneCodeSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    const result = await confirmAssistedSignup(officer, parsed.data.challenge, parsed.data.code);
    if (!result.ok) {
      const { problem } = result;
      if (problem === 'province' || problem === 'phoneTaken' || problem === 'officerDailyLimit')
        return formError(form, { form: `udesk.assist.problem.${problem}` });
      return refusedCode(form, { ...result, problem });
    }
    return redirect(`/staff/assist?notice=notice.udesk.assisted`);
  }
  const parsed = parseForm(form, assistSchema);
  const problem = passwordProblem(String(form.get('password') ?? ''));
  if (!parsed.ok) {
    if (problem && !parsed.reply.errors.password) parsed.reply.errors.password = problem;
    return invalid(parsed.reply);
  }
  if (problem) return formError(form, { password: problem });
  const data = parsed.data;
  const woman = {
    displayName: data.displayName,
    phone: data.phone,
    password: data.password,
    province: data.province,
    locale: 'vi' as const,
    unionNews: Boolean(data.unionNews),
  };
  if (data.method === 'spoken') {
    if (!data.note) return formError(form, { note: 'udesk.assist.problem.noteRequired' });
    const result = await spokenAssistedSignup(officer, { ...woman, note: data.note });
    if (!result.ok) return formError(form, { form: `udesk.assist.problem.${result.problem as 'province'}` }, 400);
    return redirect(`/staff/assist?notice=notice.udesk.assisted`);
  }
  const started = await startAssistedSignup(officer, { ...woman, channel: data.channel ?? 'sms' });
  if (!started.ok) {
    if (started.problem === 'province' || started.problem === 'phoneTaken')
      return formError(form, { form: `udesk.assist.problem.${started.problem}` });
    if (started.problem === 'officerDailyLimit')
      return formLimit(form, 'udesk.assist.problem.officerDailyLimit', started.retryAfterSeconds ?? 3600);
    return formLimit(
      form,
      `phone.limit.${started.problem}`,
      started.retryAfterSeconds ?? 60,
      started.problem === 'notSent' ? 503 : 429,
    );
  }
  return redirect(`/staff/assist?challenge=${started.challengeId}`);
}

export default function AssistSignup() {
  const { challenge, allowed, version } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const busy = useNavigation().state === 'submitting';
  const names = new Map(provinces.map((p) => [p.code, p[locale]]));
  if (challenge) {
    return (
      <section className="narrow">
        <h1>{t('udesk.assist.codeTitle')}</h1>
        <Form method="post" className="stack" noValidate>
          <FormError reply={reply} />
          <p>{t('udesk.assist.codeIntro')}</p>
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="challenge" value={challenge} />
          <CodeField reply={reply} />
          <button type="submit" disabled={busy}>
            {t('udesk.assist.codeSubmit')}
          </button>
        </Form>
        <p>
          <Link to="/staff/assist">{t('udesk.assist.again')}</Link>
        </p>
      </section>
    );
  }
  const agreeError = reply?.errors?.agree;
  return (
    <section className="narrow">
      <h1>{t('udesk.assist.title')}</h1>
      <p className="muted">{t('udesk.assist.lead')}</p>
      <Form method="post" className="stack" noValidate>
        <FormError reply={reply} />
        <input type="hidden" name="intent" value="start" />
        <Field name="displayName" label={t('udesk.assist.name')} reply={reply} required maxLength={80} />
        <PhoneField reply={reply} label={t('udesk.assist.phone')} />
        <SelectField
          name="province"
          label={t('udesk.assist.province')}
          reply={reply}
          defaultValue={allowed.length === 1 ? allowed[0] : ''}
          options={[
            { value: '', label: '—' },
            ...allowed.map((code) => ({ value: code, label: names.get(code) ?? code })),
          ]}
        />
        <Field
          name="password"
          type="password"
          label={t('udesk.assist.password')}
          reply={reply}
          autoComplete="new-password"
          required
        />
        <fieldset>
          <legend>{t('udesk.assist.method')}</legend>
          {(['code', 'spoken'] as const).map((m) => (
            <div className="check" key={m}>
              <input
                id={`method-${m}`}
                type="radio"
                name="method"
                value={m}
                defaultChecked={(reply?.values?.method ?? 'code') === m}
              />
              <label htmlFor={`method-${m}`}>{t(`udesk.assist.method.${m}`)}</label>
            </div>
          ))}
        </fieldset>
        <ChannelField reply={reply} />
        <TextAreaField
          name="note"
          label={t('udesk.assist.note')}
          hint={t('udesk.assist.noteHint')}
          reply={reply}
          maxLength={1000}
          rows={3}
        />
        <div className="check">
          <input
            id="assist-agree"
            type="checkbox"
            name="agree"
            aria-invalid={agreeError ? true : undefined}
            aria-describedby={agreeError ? 'assist-agree-error' : undefined}
          />
          <label htmlFor="assist-agree">
            {t('udesk.assist.agree', { version })} (<Link to="/terms">{t('legal.terms.title')}</Link>,{' '}
            <Link to="/privacy">{t('legal.privacy.title')}</Link>)
          </label>
        </div>
        {agreeError ? (
          <span id="assist-agree-error" className="field-error">
            {t(agreeError)}
          </span>
        ) : null}
        <div className="check">
          <input id="assist-news" type="checkbox" name="unionNews" />
          <label htmlFor="assist-news">{t('udesk.assist.news')}</label>
        </div>
        <button type="submit" disabled={busy}>
          {t('udesk.assist.submit')}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'udesk.assist.title');

export function ErrorBoundary() {
  return <ErrorPage />;
}
