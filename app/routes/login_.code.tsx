import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react';
import { Field, FormError } from '~/components/form';
import { requireAnonymous, startSession } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { safeRedirect } from '~/lib/redirect.server';
import { loginCodeSchema } from '~/modules/accounts/two-factor-forms.server';
import { answerLoginChallenge, loginChallengeCookie } from '~/modules/accounts/two-factor.server';

async function challengeToken(request: Request) {
  const token: unknown = await loginChallengeCookie.parse(request.headers.get('Cookie'));
  return typeof token === 'string' && token.length <= 100 ? token : null;
}

// Only after a right password: without the challenge cookie there is nothing to answer.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  if (!(await challengeToken(request))) throw redirect('/login');
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const token = await challengeToken(request);
  if (!token) throw redirect('/login');
  const form = await readForm(request);
  const parsed = parseForm(form, loginCodeSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const answer = await answerLoginChallenge(token, parsed.data.code);
  if (answer.status === 'expired') {
    const reply = { errors: { form: 'security.login.expired' as const }, values: {} };
    return data(reply, {
      status: 401,
      headers: { 'Set-Cookie': await loginChallengeCookie.serialize('', { maxAge: 0 }) },
    });
  }
  if (answer.status === 'wrong') return formError(form, { code: 'security.code.wrong' }, 401);
  const headers = new Headers();
  headers.append('Set-Cookie', await loginChallengeCookie.serialize('', { maxAge: 0 }));
  headers.append('Set-Cookie', await startSession(answer.userId));
  return redirect(safeRedirect(parsed.data.redirectTo, '/'), { headers });
}

export default function LoginCode() {
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  const [params] = useSearchParams();
  const expired = reply?.errors && 'form' in reply.errors && reply.errors.form === 'security.login.expired';
  return (
    <section className="narrow">
      <h1>{t('security.login.title')}</h1>
      <p>{t('security.login.lead')}</p>
      <Form method="post" className="stack" noValidate>
        <FormError reply={reply} />
        <Field
          name="code"
          label={t('security.code.label')}
          hint={t('security.login.hint')}
          reply={reply}
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          maxLength={20}
        />
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <button type="submit">{t('security.login.submit')}</button>
      </Form>
      {expired ? (
        <p>
          <Link to="/login">{t('accounts.login.title')}</Link>
        </p>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'security.login.title');
