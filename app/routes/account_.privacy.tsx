import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Field, FormError } from '~/components/form';
import { endAllSessions, requireUser } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { passwordMatches } from '~/modules/accounts/accounts.server';
import { listConsents, withdrawConsent } from '~/modules/legal/consents.server';
import { deleteAccount, deletionBlockers } from '~/modules/privacy/deletion.server';
import { listExports, requestExport } from '~/modules/privacy/export.server';
import { privacySchema } from '~/modules/privacy/forms.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [consents, exports, blockers] = await Promise.all([
    listConsents(user.id),
    listExports(user.id),
    deletionBlockers(user.id),
  ]);
  return { consents, exports, blockers };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const parsed = parseForm(form, privacySchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const input = parsed.data;
  if (input.intent === 'withdraw') {
    await withdrawConsent(user.id, input.purpose);
    return redirect('/account/privacy?notice=notice.privacy.withdrawn');
  }
  if (input.intent === 'export') {
    const started = await requestExport(user.id);
    if (!started.ok) return formError(form, { form: started.reason }, 409);
    return redirect('/account/privacy?notice=notice.privacy.exportRequested');
  }
  if (!(await passwordMatches(user.id, input.password)))
    return formError(form, { password: 'accounts.password.currentWrong' });
  const result = await deleteAccount(user.id);
  if (!result.ok) return formError(form, { form: result.reason }, 409);
  const blank = await endAllSessions(user.id);
  return redirect('/?notice=notice.privacy.deleted', { headers: { 'Set-Cookie': blank } });
}

export default function PrivacySettings() {
  const { consents, exports, blockers } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, dateTime, date } = useI18n();
  const intent = reply?.values?.intent;
  const pending = exports.some((e) => e.status === 'pending');
  return (
    <section className="narrow">
      <p>
        <Link to="/account">← {t('accounts.settings.title')}</Link>
      </p>
      <h1>{t('privacy.title')}</h1>
      <p>{t('privacy.lead')}</p>
      <p>
        <Link to="/privacy">{t('legal.privacy.title')}</Link> · <Link to="/terms">{t('legal.terms.title')}</Link> ·{' '}
        <Link to="/account/security">{t('security.title')}</Link>
      </p>

      <h2>{t('privacy.consents.title')}</h2>
      {intent === 'withdraw' ? <FormError reply={reply} /> : null}
      {consents.length === 0 ? <p className="muted">{t('privacy.consents.none')}</p> : null}
      <ul className="stack">
        {consents.map((c) => (
          <li key={`${c.purpose}-${c.version}-${String(c.granted_at)}`}>
            <strong>
              {t(c.purpose === 'terms' ? 'privacy.consents.purpose.terms' : 'privacy.consents.purpose.union_news')}
            </strong>
            <br />
            {t('privacy.consents.given', {
              date: dateTime(c.granted_at),
              version: c.version,
              channel: t(c.channel === 'web' ? 'privacy.consents.channel.web' : 'privacy.consents.channel.assisted'),
            })}
            {c.withdrawn_at ? (
              <>
                <br />
                {t('privacy.consents.withdrawnAt', { date: dateTime(c.withdrawn_at) })}
              </>
            ) : c.purpose === 'terms' ? (
              <>
                <br />
                <span className="muted">{t('privacy.consents.required')}</span>
              </>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="withdraw" />
                <input type="hidden" name="purpose" value={c.purpose} />
                <button type="submit" className="secondary">
                  {t('privacy.consents.withdraw')}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>

      <h2>{t('privacy.export.title')}</h2>
      <p>{t('privacy.export.lead')}</p>
      {intent === 'export' ? <FormError reply={reply} /> : null}
      <ul className="stack">
        {exports.map((e) => (
          <li key={e.id}>
            {e.status === 'pending' ? (
              t('privacy.export.pending')
            ) : e.status === 'failed' ? (
              t('privacy.export.failed')
            ) : e.downloadable ? (
              <>
                {t('privacy.export.ready', { date: dateTime(e.ready_at ?? e.created_at), expires: date(e.expires_at) })}{' '}
                <a href={`/account/privacy/export/${e.id}`} download>
                  {t('privacy.export.download')}
                </a>
              </>
            ) : (
              t('privacy.export.expired')
            )}
          </li>
        ))}
      </ul>
      {pending ? null : (
        <Form method="post">
          <input type="hidden" name="intent" value="export" />
          <button type="submit">{t('privacy.export.submit')}</button>
        </Form>
      )}

      <h2>{t('privacy.delete.title')}</h2>
      <p>{t('privacy.delete.lead')}</p>
      <p>{t('privacy.delete.kept')}</p>
      {blockers.openOrders || blockers.upcomingSessions ? (
        <p className="field-error" role="alert">
          {t('privacy.delete.blocked', { orders: blockers.openOrders, sessions: blockers.upcomingSessions })}
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate>
        {intent === 'delete' ? <FormError reply={reply} /> : null}
        <input type="hidden" name="intent" value="delete" />
        <Field
          name="password"
          type="password"
          label={t('privacy.delete.password')}
          reply={intent === 'delete' ? reply : undefined}
          autoComplete="current-password"
          required
        />
        <button type="submit" className="danger">
          {t('privacy.delete.submit')}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'privacy.title');
