import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form } from '@remix-run/react';
import { endAllSessions, endSession, getUser } from '~/lib/auth.server';
import { readForm } from '~/lib/forms.server';
import { useI18n } from '~/lib/i18n';
import { pageMeta } from '~/lib/meta';

// Logging out changes state, so it is a POST; the page only asks to confirm.
export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await getUser(request))) throw redirect('/');
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await getUser(request);
  if (!user) return redirect('/');
  const cookie = form.get('scope') === 'all' ? await endAllSessions(user.id) : await endSession(request);
  return redirect('/?notice=notice.loggedOut', { headers: { 'Set-Cookie': cookie } });
}

export default function Logout() {
  const { t } = useI18n();
  return (
    <section className="narrow">
      <h1>{t('accounts.logout.title')}</h1>
      <Form noValidate method="post" className="stack">
        <button type="submit">{t('nav.logout')}</button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, 'accounts.logout.title');
