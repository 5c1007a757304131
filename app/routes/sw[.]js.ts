import { serviceWorkerScript } from '~/lib/service-worker.server';
import learningStyles from '~/modules/learning/learning.css';
import appStyles from '~/styles/app.css';

// The service worker at the site's root, so it may look after every page (issue 16).
// Never cached by the browser's HTTP cache: an old worker must update itself.
export function loader() {
  const shell = ['/offline', '/', '/safety', '/learn', '/menu', appStyles, learningStyles, '/favicon.svg'];
  return new Response(serviceWorkerScript(shell), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' },
  });
}
