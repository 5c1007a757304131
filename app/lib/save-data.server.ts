import { createCookie } from '@remix-run/node';

// "Save data" (issue 16): a browser that sends `Save-Data: on`, or a person who
// turned it on in /account (a cookie of this browser: it is about this phone's
// connection, not her account), gets thumbnails, lazy images and no decorative ones.
export const saveDataCookie = createCookie('sen_save_data', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export async function wantsSmallImages(request: Request) {
  if (request.headers.get('Save-Data')?.trim().toLowerCase() === 'on') return true;
  return (await saveDataCookie.parse(request.headers.get('Cookie'))) === 'on';
}
