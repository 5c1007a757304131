import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { getUser } from '~/lib/auth.server';
import { readForm } from '~/lib/forms.server';
import { isLocale } from '~/lib/i18n';
import { languageCookie } from '~/lib/i18n.server';
import { safeRedirect } from '~/lib/redirect.server';
import { setLocale } from '~/modules/accounts/accounts.server';

// Switching language: a cookie for everyone, and the account's setting too when signed in.
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const locale = form.get('locale');
  const to = safeRedirect(form.get('redirectTo'), '/');
  if (!isLocale(locale)) return redirect(to);
  const user = await getUser(request);
  if (user) await setLocale(user.id, locale);
  return redirect(to, { headers: { 'Set-Cookie': await languageCookie.serialize(locale) } });
}

export function loader() {
  return redirect('/');
}
