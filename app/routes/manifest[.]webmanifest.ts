import type { LoaderFunctionArgs } from '@remix-run/node';
import { localeFromRequest, messagesFor } from '~/lib/i18n.server';

// The web app manifest (issue 16): Sen can be added to the home screen and opens
// like an app, in the reader's language.
export async function loader({ request }: LoaderFunctionArgs) {
  const t = messagesFor(await localeFromRequest(request));
  const manifest = {
    name: t['lastmile.app.name'],
    short_name: 'Sen',
    description: t['footer.text'],
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#a3174f',
    icons: [
      { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
    ],
  };
  return new Response(JSON.stringify(manifest), {
    headers: {
      'Content-Type': 'application/manifest+json; charset=utf-8',
      'Cache-Control': 'no-cache',
      Vary: 'Cookie',
    },
  });
}
