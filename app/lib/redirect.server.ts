import { redirect } from '@remix-run/node';
import type { MessageKey } from './i18n';
import { appOrigin, appUrl } from './origin.server';

// Browsers strip tab and newline from a URL and read a backslash as a slash, so
// "/\t/evil.example" or "/\\evil.example" becomes "//evil.example": another host.
// A newline in a Location header also makes Node throw (a 500). Refuse any C0/C1
// control character, DEL and backslash, raw or percent-encoded.
// Control characters (C0 and C1, Unicode's Cc) and backslashes.
const unsafeCharacter = /[\p{Cc}\\]/u;

function decoded(value: string) {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * A local path to go back to, never another site. The value is parsed as a URL
 * against APP_URL and must stay on that origin; the answer is the normalised
 * path, query and fragment, so what the browser follows is what was checked.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/') {
  if (typeof to !== 'string' || to.length === 0 || to.length > 2000 || !to.startsWith('/')) return fallback;
  const plain = decoded(to);
  if (plain === null || unsafeCharacter.test(to) || unsafeCharacter.test(plain)) return fallback;
  let url: URL;
  try {
    url = new URL(to, appUrl());
  } catch {
    return fallback;
  }
  if (url.origin !== appOrigin()) return fallback;
  const local = url.pathname + url.search + url.hash;
  // "//x" would be read by the browser as a host, whatever the parser here made of it.
  return local.startsWith('//') ? fallback : local;
}

/**
 * After a successful post: back to `path` with a notice the next page shows at its
 * top (`?notice=<key>`, read by the root loader). The key is a message key, so a
 * typo does not compile.
 */
export function redirectWithNotice(path: string, key: MessageKey, init?: ResponseInit) {
  const url = `${path}${path.includes('?') ? '&' : '?'}notice=${encodeURIComponent(key)}`;
  return redirect(url, init);
}
