import { redirect, type LoaderFunctionArgs } from '@remix-run/node';

// The sign-up form by phone is /signup?by=phone (one form for phone and email);
// this address, sent around before, still leads there.
export async function loader(_: LoaderFunctionArgs) {
  return redirect('/signup?by=phone', 301);
}
