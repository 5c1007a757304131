import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { isLocale, loadMessages, messagesUrlOf } from './lib/i18n';

// The page's messages come from the deferred script in <head> (root.tsx), which has
// run by DOMContentLoaded (loadMessages waits for it). Should it have failed to load, try once more; without them, leave the
// server's page as it is (it works like with JavaScript off) rather than show keys.
const lang = document.documentElement.lang;
const locale = isLocale(lang) ? lang : 'vi';
void loadMessages(locale, messagesUrlOf(locale)).then((ready) => {
  if (!ready) return;
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
