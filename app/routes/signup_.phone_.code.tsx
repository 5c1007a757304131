import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { FormError } from '~/components/form';
import { requireAnonymous, startSession } from '~/lib/auth.server';
import { invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { languageCookie } from '~/lib/i18n.server';
import { isUuid } from '~/lib/ids';
import { pageMeta } from '~/lib/meta';
import { phoneCodeSchema } from '~/modules/accounts/forms.server';
import { confirmPhoneSignup } from '~/modules/accounts/phone-signup.server';
import { refusedCode } from '~/modules/accounts/phone-codes.server';
import { CodeField } from '~/modules/accounts/phone-fields';

// The second step of a sign-up by phone: she types the 6-digit code.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const challenge = new URL(request.url).searchParams.get('challenge') ?? '';
  return { challenge: isUuid(challenge) ? challenge : null };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = await readForm(request);
  const parsed = parseForm(form, phoneCodeSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const result = await confirmPhoneSignup(parsed.data.challenge, parsed.data.code);
  if (!result.ok) return refusedCode(form, result);
  const headers = new Headers();
  headers.append('Set-Cookie', await startSession(result.userId));
  headers.append('Set-Cookie', await languageCookie.serialize(result.locale));
  return redirect(result.wantsToSell ? '/dashboard?notice=notice.welcome' : '/market?notice=notice.welcome', {
    headers,
  });
}

export default function PhoneSignupCode() {
  const { challenge } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  const busy = useNavigation().state === 'submitting';
  return (
    <section className="narrow">
      <h1>{t('phone.code.title')}</h1>
      {challenge ? (
        <Form method="post" className="stack" noValidate>
          <FormError reply={reply} />
          <p>{t('phone.code.intro')}</p>
          <input type="hidden" name="challenge" value={challenge} />
          <CodeField reply={reply} />
          <button type="submit" disabled={busy}>
            {t('phone.code.submit')}
          </button>
        </Form>
      ) : (
        <p className="form-error">{t('phone.code.unknown')}</p>
      )}
      <p>
        <Link to="/signup?by=phone">{t('phone.code.again')}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'phone.code.title');
