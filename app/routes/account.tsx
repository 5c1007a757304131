import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { timeZoneLabel } from '~/components/time-zone';
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import type { RootData } from '~/root';
import { Field, FormError, SelectField } from '~/components/form';
import { requireUser, sessionIdOf } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { languageCookie } from '~/lib/i18n.server';
import { pageMeta } from '~/lib/meta';
import { formatPhone } from '~/lib/phone';
import { passwordSchema, profileSchema } from '~/modules/accounts/forms.server';
import { commonTimeZones, isCommonTimeZone } from '~/lib/time-zones';
import { changePassword, findUserById, updateProfile } from '~/modules/accounts/accounts.server';
import { passwordProblem } from '~/modules/accounts/passwords.server';
import { lightPage } from '~/lib/page-scripts';

// Reading and plain forms: served without the client scripts (app/lib/page-scripts.ts).
export const handle = lightPage;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const account = await findUserById(user.id);
  if (!account) throw new Response('Not found', { status: 404 });
  return {
    email: account.email,
    phone: account.phone ? formatPhone(account.phone) : null,
    displayName: account.display_name,
    locale: account.locale,
    timeZone: account.time_zone,
    roles: user.roles,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  if (form.get('intent') === 'password') {
    const parsed = parseForm(form, passwordSchema);
    if (!parsed.ok) return invalid(parsed.reply);
    const problem = passwordProblem(parsed.data.newPassword, user.email ?? undefined);
    if (problem) return formError(form, { newPassword: problem });
    const changed = await changePassword(
      user.id,
      parsed.data.currentPassword,
      parsed.data.newPassword,
      sessionIdOf(request),
    );
    if (!changed) return formError(form, { currentPassword: 'accounts.password.currentWrong' });
    return redirect('/account?notice=notice.passwordChanged');
  }
  const parsed = parseForm(form, profileSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  await updateProfile(user.id, parsed.data);
  return redirect('/account?notice=notice.saved', {
    headers: { 'Set-Cookie': await languageCookie.serialize(parsed.data.locale) },
  });
}

export default function Account() {
  const account = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  const saveData = useRouteLoaderData<RootData>('root')?.saveData;
  const intent = reply?.values?.intent;
  const profileReply = intent === 'profile' || !intent ? reply : undefined;
  const passwordReply = intent === 'password' ? reply : undefined;
  const zones: readonly string[] = isCommonTimeZone(account.timeZone)
    ? commonTimeZones
    : [account.timeZone, ...commonTimeZones];
  return (
    <section className="narrow">
      <h1>{t('accounts.settings.title')}</h1>
      <p className="muted">
        {[account.email, account.phone].filter(Boolean).join(' · ')} ·{' '}
        {account.roles.map((r) => t(`roles.${r}` as 'roles.buyer')).join(', ')}
      </p>

      {account.roles.includes('entrepreneur') ? null : (
        <div className="card">
          <h2>{t('dashboard.start.title')}</h2>
          <p>{t('dashboard.start.account')}</p>
          <p>
            <Link to="/dashboard" className="button">
              {t('dashboard.start.open')}
            </Link>
          </p>
        </div>
      )}

      <h2>{t('accounts.settings.profile')}</h2>
      <Form method="post" className="stack" noValidate>
        <FormError reply={profileReply} />
        <input type="hidden" name="intent" value="profile" />
        <Field
          name="displayName"
          label={t('accounts.field.displayName')}
          reply={profileReply}
          defaultValue={account.displayName}
          required
          maxLength={80}
        />
        <SelectField
          name="locale"
          label={t('accounts.field.language')}
          reply={profileReply}
          defaultValue={account.locale}
          options={[
            { value: 'vi', label: 'Tiếng Việt' },
            { value: 'en', label: 'English' },
          ]}
        />
        <SelectField
          name="timeZone"
          label={t('accounts.field.timeZone')}
          reply={profileReply}
          defaultValue={account.timeZone}
          options={zones.map((z) => ({ value: z, label: timeZoneLabel(t, z) }))}
        />
        <button type="submit">{t('common.save')}</button>
      </Form>

      <h2>{t('accounts.settings.password')}</h2>
      <Form method="post" className="stack" noValidate>
        <FormError reply={passwordReply} />
        <input type="hidden" name="intent" value="password" />
        <Field
          name="currentPassword"
          type="password"
          label={t('accounts.field.currentPassword')}
          reply={passwordReply}
          autoComplete="current-password"
          required
          maxLength={200}
        />
        <Field
          name="newPassword"
          type="password"
          label={t('accounts.field.newPassword')}
          hint={t('accounts.password.hint')}
          reply={passwordReply}
          autoComplete="new-password"
          required
          maxLength={200}
        />
        <button type="submit">{t('accounts.settings.changePassword')}</button>
      </Form>

      <h2>{t('phoneAccount.contact.title')}</h2>
      <p>
        <Link to="/account/contact">
          {account.email ? t('phoneAccount.contact.link') : t('phoneAccount.contact.linkAddEmail')}
        </Link>
      </p>

      <h2>{t('security.title')}</h2>
      <p>
        <Link to="/account/security">{t('security.account.link')}</Link>
      </p>

      <h2>{t('privacy.title')}</h2>
      <p>
        <Link to="/account/privacy">{t('privacy.account.link')}</Link>
      </p>

      <h2>{t('groups.title')}</h2>
      <p>
        <Link to="/account/about">{t('groups.link')}</Link>
      </p>

      <h2>{t('coop.memberships.title')}</h2>
      <p>
        <Link to="/account/memberships">{t('coop.memberships.link')}</Link>
      </p>

      <h2>{t('notify.settings.title')}</h2>
      <p>
        <Link to="/account/notifications">{t('notify.settings.link')}</Link>
      </p>

      <h2>{t('lastmile.saveData.title')}</h2>
      <p>{t('lastmile.saveData.lead')}</p>
      <Form noValidate method="post" action="/save-data">
        <input type="hidden" name="redirectTo" value="/account" />
        <input type="hidden" name="saveData" value={saveData ? 'off' : 'on'} />
        <p className="muted">{saveData ? t('lastmile.saveData.isOn') : t('lastmile.saveData.isOff')}</p>
        <button type="submit" className="secondary">
          {saveData ? t('lastmile.saveData.turnOff') : t('lastmile.saveData.turnOn')}
        </button>
      </Form>

      <h2>{t('accounts.settings.sessions')}</h2>
      <Form noValidate method="post" action="/logout">
        <input type="hidden" name="scope" value="all" />
        <button type="submit" className="secondary">
          {t('accounts.settings.logoutAll')}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'accounts.settings.title');
