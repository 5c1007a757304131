import { createCookie } from '@remix-run/node';
import { messages } from '~/locales';
import { defaultLocale, isLocale, type Locale, type MessageKey, translator } from './i18n';

export const languageCookie = createCookie('sen_lang', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: process.env.NODE_ENV === 'production',
  maxAge: 60 * 60 * 24 * 365,
});

export function messagesFor(locale: Locale) {
  return messages[locale];
}

export function translatorFor(locale: Locale) {
  return translator(messages[locale]);
}

/** The reader's language: her cookie, else her account's, else Vietnamese. */
export async function localeFromRequest(request: Request, accountLocale?: string | null): Promise<Locale> {
  const fromCookie = await languageCookie.parse(request.headers.get('Cookie'));
  if (isLocale(fromCookie)) return fromCookie;
  if (isLocale(accountLocale)) return accountLocale;
  return defaultLocale;
}

export function isMessageKey(value: string): value is MessageKey {
  return value in messages.vi;
}
