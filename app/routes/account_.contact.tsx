import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { Field, FormError } from '~/components/form';
import { requireUser } from '~/lib/auth.server';
import { formError, formLimit, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { isUuid } from '~/lib/ids';
import { pageMeta } from '~/lib/meta';
import { formatPhone } from '~/lib/phone';
import { findUserById } from '~/modules/accounts/accounts.server';
import { addEmailSchema, changePhoneSchema, confirmPhoneSchema } from '~/modules/accounts/forms.server';
import {
  confirmPhoneChange,
  pendingPhoneChange,
  requestEmailAdd,
  requestPhoneChange,
} from '~/modules/accounts/phone-account.server';
import { refusedCode } from '~/modules/accounts/phone-codes.server';
import { ChannelField, CodeField, PhoneField } from '~/modules/accounts/phone-fields';

// Her phone number and email (issue 14). A new number needs her password and
// a code sent to the NEW number; the old one stays hers until the code is
// typed. An account made by phone can add an email, hers once the emailed link
// is opened. Only the signed-in person sees or changes her own.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const account = await findUserById(user.id);
  if (!account) throw new Response('Not found', { status: 404 });
  const challenge = new URL(request.url).searchParams.get('challenge') ?? '';
  const waiting = isUuid(challenge) ? await pendingPhoneChange(user.id, challenge) : null;
  return {
    phone: account.phone ? formatPhone(account.phone) : null,
    email: account.email,
    change: waiting ? { challenge, phone: formatPhone(waiting) } : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const intent = form.get('intent');
  if (intent === 'phone') {
    const parsed = parseForm(form, changePhoneSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    const result = await requestPhoneChange(
      { userId: user.id, ...parsed.data, locale: user.locale },
      context?.clientAddress ?? 'unknown',
    );
    if (!result.ok) {
      if (result.problem === 'passwordWrong') return formError(form, { password: 'accounts.password.currentWrong' });
      if (result.problem === 'samePhone') return formError(form, { phone: 'phoneAccount.change.same' });
      return formLimit(
        form,
        `phone.limit.${result.problem}`,
        result.retryAfterSeconds,
        result.problem === 'notSent' ? 503 : 429,
      );
    }
    return redirect(`/account/contact?challenge=${result.challengeId}`);
  }
  if (intent === 'phoneCode') {
    const parsed = parseForm(form, confirmPhoneSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    const result = await confirmPhoneChange(user.id, parsed.data.challenge, parsed.data.code);
    if (!result.ok)
      return result.problem === 'phoneTaken'
        ? formError(form, { form: 'phoneAccount.change.taken' }, 409)
        : refusedCode(form, result);
    return redirect('/account/contact?notice=notice.phoneChanged');
  }
  const parsed = parseForm(form, addEmailSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const result = await requestEmailAdd(user.id, parsed.data.email);
  if (result.status === 'hasEmail') return formError(form, { form: 'phoneAccount.email.already' }, 409);
  if (result.status === 'throttled') return formLimit(form, 'phoneAccount.email.throttled', result.retryAfterSeconds);
  return redirect('/account/contact?notice=notice.emailLinkSent');
}

export default function AccountContact() {
  const { phone, email, change } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  const busy = useNavigation().state === 'submitting';
  const intent = reply?.values?.intent;
  const phoneReply = intent === 'phone' ? reply : undefined;
  const codeReply = intent === 'phoneCode' ? reply : undefined;
  const emailReply = intent === 'email' ? reply : undefined;
  return (
    <section className="narrow">
      <h1>{t('phoneAccount.contact.title')}</h1>
      <p>
        <Link to="/account">{t('accounts.settings.title')}</Link>
      </p>
      <dl>
        <dt>{t('phone.field.phone')}</dt>
        <dd>{phone ?? t('phoneAccount.contact.none')}</dd>
        <dt>{t('accounts.field.email')}</dt>
        <dd>{email ?? t('phoneAccount.contact.none')}</dd>
      </dl>

      {change ? (
        <>
          <h2>{t('phone.code.title')}</h2>
          <Form method="post" className="stack" noValidate>
            <FormError reply={codeReply} />
            <p>{t('phoneAccount.change.codeIntro', { phone: change.phone })}</p>
            <input type="hidden" name="intent" value="phoneCode" />
            <input type="hidden" name="challenge" value={change.challenge} />
            <CodeField reply={codeReply} />
            <button type="submit" disabled={busy}>
              {t('phoneAccount.change.confirm')}
            </button>
          </Form>
        </>
      ) : null}

      <h2>{phone ? t('phoneAccount.change.title') : t('phoneAccount.change.addTitle')}</h2>
      <Form method="post" className="stack" noValidate>
        <FormError reply={phoneReply} />
        <p className="muted">{t('phoneAccount.change.intro')}</p>
        <input type="hidden" name="intent" value="phone" />
        <PhoneField reply={phoneReply} label={t('phoneAccount.change.newPhone')} />
        <ChannelField reply={phoneReply} />
        <Field
          name="password"
          type="password"
          label={t('accounts.field.currentPassword')}
          reply={phoneReply}
          autoComplete="current-password"
          required
          maxLength={200}
        />
        <button type="submit" disabled={busy}>
          {t('phone.signup.submit')}
        </button>
      </Form>

      {email ? null : (
        <>
          <h2>{t('phoneAccount.email.title')}</h2>
          <Form method="post" className="stack" noValidate>
            <FormError reply={emailReply} />
            <p className="muted">{t('phoneAccount.email.intro')}</p>
            <input type="hidden" name="intent" value="email" />
            <Field
              name="email"
              type="email"
              label={t('accounts.field.email')}
              reply={emailReply}
              autoComplete="email"
              required
              maxLength={254}
            />
            <button type="submit" disabled={busy}>
              {t('phoneAccount.email.submit')}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'phoneAccount.contact.title');
