import type { LoaderFunctionArgs } from '@remix-run/node';
import { messagesScript } from '~/lib/i18n.server';
import { isLocale } from '~/lib/i18n';
import { notFound } from '~/lib/responses';

// /i18n/<locale>.<hash>.js: one language's messages as a script that sets
// window.__senMessages[locale]. The hash is the content's, so the current URL is
// cached for good; an older hash (a page from before a deploy) gets today's
// messages, not cached.
export function loader({ params }: LoaderFunctionArgs) {
  const match = /^([a-z]{2})\.([0-9a-f]{12})\.js$/.exec(params.file ?? '');
  if (!match || !isLocale(match[1])) throw notFound();
  const script = messagesScript(match[1]);
  return new Response(script.body, {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': match[2] === script.hash ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  });
}
