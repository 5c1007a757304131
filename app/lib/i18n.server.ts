import { createHash } from 'node:crypto';
import { createCookie } from '@remix-run/node';
import { messages } from '~/locales';
import { defaultLocale, isLocale, type Locale, type MessageKey, translator } from './i18n';
import { env } from './env.server';

export const languageCookie = createCookie('sen_lang', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: env().NODE_ENV === 'production',
  maxAge: 60 * 60 * 24 * 365,
});

export function messagesFor(locale: Locale) {
  return messages[locale];
}

// Each language's catalogue as a script the browser caches for good: its URL
// carries a hash of its content, so a changed catalogue is a new URL.
const scripts = new Map<Locale, { body: string; hash: string }>();

export function messagesScript(locale: Locale) {
  let script = scripts.get(locale);
  if (!script) {
    const body = `(self.__senMessages||(self.__senMessages={}))[${JSON.stringify(locale)}]=${JSON.stringify(messages[locale])};\n`;
    script = { body, hash: createHash('sha256').update(body).digest('hex').slice(0, 12) };
    scripts.set(locale, script);
  }
  return script;
}

export function messagesUrl(locale: Locale) {
  return `/i18n/${locale}.${messagesScript(locale).hash}.js`;
}

export function translatorFor(locale: Locale) {
  return translator(locale, messages[locale]);
}

/** The reader's language: her cookie, else her account's, else Vietnamese. */
export async function localeFromRequest(request: Request, accountLocale?: string | null): Promise<Locale> {
  const fromCookie = await languageCookie.parse(request.headers.get('Cookie'));
  if (isLocale(fromCookie)) return fromCookie;
  if (isLocale(accountLocale)) return accountLocale;
  return defaultLocale;
}

export function isMessageKey(value: string): value is MessageKey {
  // A plural key is asked for by its stem ("mentoring.held" for "mentoring.held_other").
  return Object.hasOwn(messages.vi, value) || Object.hasOwn(messages.vi, `${value}_other`);
}
