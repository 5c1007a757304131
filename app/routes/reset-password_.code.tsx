import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { Field, FormError } from '~/components/form';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { isUuid } from '~/lib/ids';
import { pageMeta } from '~/lib/meta';
import { resetByCodeSchema } from '~/modules/accounts/forms.server';
import { passwordProblem } from '~/modules/accounts/passwords.server';
import { resetPasswordByCode } from '~/modules/accounts/phone-account.server';
import { refusedCode } from '~/modules/accounts/phone-codes.server';
import { CodeField } from '~/modules/accounts/phone-fields';

// A forgotten password, second step (issue 14): the 6-digit code sent to her
// phone and the new password, on one page. The right code sets it and signs
// her out everywhere; a wrong one counts a try (5, then a new code is needed).

export async function loader({ request }: LoaderFunctionArgs) {
  const challenge = new URL(request.url).searchParams.get('challenge') ?? '';
  return { challenge: isUuid(challenge) ? challenge : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(form, resetByCodeSchema);
  const problem = passwordProblem(String(form.get('password') ?? ''));
  if (!parsed.ok) {
    if (problem && !parsed.reply.errors.password) parsed.reply.errors.password = problem;
    return invalid(parsed.reply);
  }
  if (problem) return formError(form, { password: problem });
  const result = await resetPasswordByCode(parsed.data.challenge, parsed.data.code, parsed.data.password);
  if (!result.ok) return refusedCode(form, result, 'phoneAccount.reset.used');
  return redirect('/login?notice=notice.passwordReset');
}

export default function ResetPasswordByCode() {
  const { challenge } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  const busy = useNavigation().state === 'submitting';
  return (
    <section className="narrow">
      <h1>{t('accounts.reset.title')}</h1>
      {challenge ? (
        <Form method="post" className="stack" noValidate>
          <FormError reply={reply} />
          <p>{t('phoneAccount.reset.intro')}</p>
          <input type="hidden" name="challenge" value={challenge} />
          <CodeField reply={reply} />
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
          <button type="submit" disabled={busy}>
            {t('accounts.reset.submit')}
          </button>
        </Form>
      ) : (
        <p className="form-error">{t('phone.code.unknown')}</p>
      )}
      <p>
        <Link to="/forgot-password">{t('phone.code.again')}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'accounts.reset.title');
