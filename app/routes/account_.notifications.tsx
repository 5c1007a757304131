import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { FormError } from '~/components/form';
import { requireUser } from '~/lib/auth.server';
import { formError, invalid, parseForm, readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';
import { noticeKinds, type PhoneChoice } from '~/modules/notifications/kinds';
import { notificationSettings, preferencesSchema, savePreferences } from '~/modules/notifications/preferences.server';

// Her channels per kind of notice: in-app always, her phone (Zalo or SMS) and email where confirmed.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return notificationSettings(user.id);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const parsed = parseForm(form, preferencesSchema);
  if (!parsed.ok) return invalid(parsed.reply);
  const saved = await savePreferences(user.id, parsed.data, form.get('email_column') === '1');
  if (!saved.ok) return formError(form, saved.errors);
  return redirect('/account/notifications?notice=notice.notify.saved');
}

const phoneChoices: PhoneChoice[] = ['zalo', 'sms', 'off'];

export default function NotificationSettings() {
  const { reach, phone, email, choices, rules } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useI18n();
  // After a refused post, what she chose is shown again, not what is stored.
  const phoneValue = (k: string, stored: string) => (reply ? (reply.values?.[`phone_${k}`] ?? stored) : stored);
  const emailValue = (k: string, stored: boolean) => (reply ? reply.values?.[`email_${k}`] === 'on' : stored);
  return (
    <section className="narrow">
      <p>
        <Link to="/account">← {t('accounts.settings.title')}</Link>
      </p>
      <h1>{t('notify.settings.title')}</h1>
      <p>{t('notify.settings.lead')}</p>
      <p className="muted">
        {phone ? t('notify.settings.phoneIs', { phone }) : t('notify.settings.noPhone')}
        <br />
        {email ? t('notify.settings.emailIs', { email }) : t('notify.settings.noEmail')}
      </p>
      <p className="small">{t('notify.settings.quiet', { start: rules.start, end: rules.end, cap: rules.cap })}</p>
      <FormError reply={reply} />
      <Form noValidate method="post">
        {reach.email ? <input type="hidden" name="email_column" value="1" /> : null}
        {noticeKinds.map((k) => {
          const phoneError = reply?.errors?.[`phone_${k}`];
          const emailError = reply?.errors?.[`email_${k}`];
          return (
            <fieldset key={k} className="card">
              <legend>{t(`notify.kind.${k}`)}</legend>
              {reach.phone ? (
                <div className="field">
                  <label htmlFor={`phone_${k}`}>{t('notify.settings.phoneLabel')}</label>
                  <select
                    id={`phone_${k}`}
                    name={`phone_${k}`}
                    defaultValue={phoneValue(k, choices[k].phone)}
                    aria-invalid={phoneError ? true : undefined}
                  >
                    {phoneChoices.map((c) => (
                      <option key={c} value={c}>
                        {t(`notify.settings.phone.${c}`)}
                      </option>
                    ))}
                  </select>
                  {phoneError ? <span className="field-error">{t(phoneError)}</span> : null}
                </div>
              ) : null}
              {reach.email ? (
                <div className="field">
                  <label>
                    <input type="checkbox" name={`email_${k}`} defaultChecked={emailValue(k, choices[k].email)} />{' '}
                    {t('notify.settings.emailLabel')}
                  </label>
                  {emailError ? <span className="field-error">{t(emailError)}</span> : null}
                </div>
              ) : null}
              {!reach.phone && !reach.email ? <p className="small">{t('notify.channel.in_app')}</p> : null}
            </fieldset>
          );
        })}
        <button type="submit">{t('notify.settings.save')}</button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'notify.settings.title');
