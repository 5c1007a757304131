import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { saveDataCookie } from '~/lib/save-data.server';

// The "Save data" switch on /account: on or off for this browser, then back to the page.
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const on = form.get('saveData') === 'on';
  const back = form.get('redirectTo');
  const to = typeof back === 'string' && back.startsWith('/') && !back.startsWith('//') ? back : '/account';
  return redirect(to, { headers: { 'Set-Cookie': await saveDataCookie.serialize(on ? 'on' : 'off') } });
}

export function loader() {
  return redirect('/account');
}
