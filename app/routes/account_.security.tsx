import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Field, FormError } from '~/components/form';
import { endOtherSessions, hasRole, requireUser } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { passwordMatches } from '~/modules/accounts/accounts.server';
import { securitySchema } from '~/modules/accounts/two-factor-forms.server';
import {
  confirmEnrolment,
  disableTwoFactor,
  enrolmentPicture,
  startEnrolment,
  twoFactorStatus,
  verifySecondFactor,
} from '~/modules/accounts/two-factor.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const status = await twoFactorStatus(user.id);
  return {
    enabled: status.enabled,
    recoveryCodesLeft: status.enabled ? status.recoveryCodesLeft : 0,
    // Her own key, shown only while she sets up her app; the page is never cached (private).
    enrolment: status.pending ? await enrolmentPicture(status.pending, user.email ?? user.displayName) : null,
    isStaff: hasRole(user, 'staff'),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const parsed = parseForm(form, securitySchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const input = parsed.data;
  if (input.intent === 'start') {
    await startEnrolment(user.id);
    return redirect('/account/security');
  }
  if (input.intent === 'confirm') {
    const codes = await confirmEnrolment(user.id, input.code);
    if (!codes) return formError(form, { code: 'security.code.wrong' });
    // Sessions that began without a code end; this one is proven by the code just typed.
    await endOtherSessions(request, user.id);
    // Shown once, in this answer only: never stored readable, never in a URL.
    return { recoveryCodes: codes };
  }
  // Staff cannot work without it: turning it off would only lock her out of her work.
  if (hasRole(user, 'staff')) return formError(form, { form: 'security.disable.staff' }, 403);
  if (!(await passwordMatches(user.id, input.password)))
    return formError(form, { password: 'accounts.password.currentWrong' });
  if (!(await verifySecondFactor(user.id, input.code))) return formError(form, { code: 'security.code.wrong' });
  await disableTwoFactor(user.id);
  return redirect('/account/security?notice=notice.twoFactor.disabled');
}

export default function Security() {
  const { enabled, recoveryCodesLeft, enrolment, isStaff } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  const formReply = reply && 'errors' in reply ? reply : undefined;
  const recoveryCodes = reply && 'recoveryCodes' in reply ? reply.recoveryCodes : null;
  return (
    <section className="narrow">
      <p>
        <Link to="/account">← {t('accounts.settings.title')}</Link>
      </p>
      <h1>{t('security.title')}</h1>
      <p>{t('security.lead')}</p>
      {recoveryCodes ? (
        <div className="notice" role="status">
          <h2>{t('security.recovery.title')}</h2>
          <p>{t('security.recovery.text')}</p>
          <ol className="recovery-codes">
            {recoveryCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {enabled ? (
        <>
          <p className="done-mark">✓ {t('security.on')}</p>
          <p className="muted">{t('security.recovery.left', { n: recoveryCodesLeft })}</p>
          {isStaff ? (
            <>
              <p className="muted">{t('security.disable.staff')}</p>
              <p>
                <Link to="/staff/audit">{t('security.audit.title')}</Link>
              </p>
            </>
          ) : (
            <Form method="post" className="stack" noValidate>
              <h2>{t('security.disable.title')}</h2>
              <FormError reply={formReply} />
              <input type="hidden" name="intent" value="disable" />
              <Field
                name="password"
                type="password"
                label={t('accounts.field.currentPassword')}
                reply={formReply}
                autoComplete="current-password"
                required
              />
              <Field
                name="code"
                label={t('security.code.label')}
                reply={formReply}
                autoComplete="one-time-code"
                inputMode="numeric"
                required
                maxLength={20}
              />
              <button type="submit">{t('security.disable.submit')}</button>
            </Form>
          )}
        </>
      ) : enrolment ? (
        <Form method="post" className="stack" noValidate>
          <h2>{t('security.enrol.title')}</h2>
          <ol>
            <li>{t('security.enrol.step1')}</li>
            <li>{t('security.enrol.step2')}</li>
          </ol>
          {/* The QR code is an SVG made on the server by the qrcode library from her own key. */}
          <div
            className="qr"
            role="img"
            aria-label={t('security.enrol.qr')}
            dangerouslySetInnerHTML={{ __html: enrolment.svg }}
          />
          <p>
            {t('security.enrol.key')} <code className="secret-key">{enrolment.key}</code>
          </p>
          <FormError reply={formReply} />
          <input type="hidden" name="intent" value="confirm" />
          <Field
            name="code"
            label={t('security.code.label')}
            hint={t('security.code.hint')}
            reply={formReply}
            autoComplete="one-time-code"
            inputMode="numeric"
            required
            maxLength={20}
          />
          <button type="submit">{t('security.enrol.submit')}</button>
        </Form>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="start" />
          <button type="submit">{t('security.start')}</button>
        </Form>
      )}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'security.title');
