import { useRouteLoaderData } from '@remix-run/react';
import type { Messages, MessageKey } from '~/locales';

// Shared by server and browser. The locale files themselves are imported only on
// the server (i18n.server.ts). Pages never carry the catalogue: on the server the
// messages come from a lookup that entry.server.tsx installs (setMessagesSource);
// in the browser from /i18n/<locale>.<hash>.js, a separately and immutably cached
// script that sets window.__senMessages[locale] before hydration (root.tsx Layout),
// and that the root clientLoader loads before a new language is shown.

export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'vi';
export const defaultTimeZone = 'Asia/Ho_Chi_Minh';

export type { MessageKey, Messages };
export type Params = Record<string, string | number>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The plural category of a number in a language: "one" or "other" in English, always "other" in Vietnamese. */
export function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(intlLocale[locale])));
  return rules.select(count);
}

/**
 * Looks a key up and fills {name} placeholders. A key with plural forms
 * ("mentoring.held_one", "mentoring.held_other") is asked for by its stem and
 * its numeric {count}: the form follows the language's plural rules.
 */
export function translate(locale: Locale, messages: Messages, key: MessageKey, params?: Params): string {
  const catalogue: Partial<Record<string, string>> = messages;
  // The count may arrive as a string (a database count): a number all the same.
  const count = Number(params?.count ?? Number.NaN);
  const plural =
    (Number.isFinite(count) ? catalogue[`${key}_${pluralCategory(locale, count)}`] : undefined) ??
    catalogue[`${key}_other`];
  const template = catalogue[key] ?? plural ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(locale: Locale, messages: Messages): Translate {
  return (key, params) => translate(locale, messages, key, params);
}

const intlLocale: Record<Locale, string> = { vi: 'vi-VN', en: 'en-US' };

// Building an Intl formatter costs far more than using one: keep one per locale.
const moneyFormats = new Map<Locale, Intl.NumberFormat>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Money is integer đồng: "250.000 ₫" in Vietnamese, "₫250,000" in English. */
export function formatMoney(amount: number, locale: Locale) {
  let format = moneyFormats.get(locale);
  if (!format)
    moneyFormats.set(
      locale,
      (format = new Intl.NumberFormat(intlLocale[locale], { style: 'currency', currency: 'VND' })),
    );
  return format.format(amount);
}

export function formatNumber(value: number, locale: Locale) {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(intlLocale[locale])));
  return format.format(value);
}

export function formatDateTime(
  value: Date | string,
  locale: Locale,
  timeZone: string = defaultTimeZone,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
) {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    // Bounded: a handful of locales × time zones × styles in practice.
    if (dateFormats.size > 500) dateFormats.clear();
    dateFormats.set(key, (format = new Intl.DateTimeFormat(intlLocale[locale], { ...options, timeZone })));
  }
  return format.format(new Date(value));
}

export function formatDate(value: Date | string, locale: Locale, timeZone: string = defaultTimeZone) {
  return formatDateTime(value, locale, timeZone, { dateStyle: 'medium' });
}

type MessagesSource = { messages: (locale: Locale) => Messages; url: (locale: Locale) => string };

declare global {
  var __senMessages: Partial<Record<Locale, Messages>> | undefined;
}

let serverSource: MessagesSource | undefined;

/** Server only (entry.server.tsx): where rendering finds the catalogues and their URLs. */
export function setMessagesSource(source: MessagesSource) {
  serverSource = source;
}

/** The catalogue of a language, if this process has it (the server always does). */
export function messagesOf(locale: Locale): Messages | undefined {
  return serverSource ? serverSource.messages(locale) : globalThis.__senMessages?.[locale];
}

/** The URL of a language's catalogue script: the server knows it; the browser keeps the one it was sent. */
export function messagesUrlOf(locale: Locale): string | undefined {
  if (serverSource) return serverSource.url(locale);
  if (typeof document === 'undefined') return undefined;
  return document.getElementById('sen-messages')?.getAttribute('src') ?? undefined;
}

/** Browser: makes sure a language's catalogue is loaded (before hydration, before switching to it). */
export function loadMessages(locale: Locale, url: string | undefined): Promise<boolean> {
  if (messagesOf(locale)) return Promise.resolve(true);
  if (!url || typeof document === 'undefined') return Promise.resolve(false);
  // The page's own script is deferred (it must not hold up the first paint): it has
  // run by DOMContentLoaded, so wait for that before fetching it a second time.
  if (document.readyState === 'loading') {
    return new Promise((resolve) => {
      document.addEventListener('DOMContentLoaded', () => resolve(loadMessages(locale, url)), { once: true });
    });
  }
  return new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => resolve(Boolean(messagesOf(locale)));
    script.onerror = () => resolve(false);
    document.head.appendChild(script);
  });
}

type RootI18n = { locale: Locale; timeZone: string };

/** The reader's language and time zone, from the root loader, for any component. */
export function useI18n() {
  const data = useRouteLoaderData('root') as RootI18n | undefined;
  const locale = data?.locale ?? defaultLocale;
  const timeZone = data?.timeZone ?? defaultTimeZone;
  return {
    locale,
    timeZone,
    t: translator(locale, messagesOf(locale) ?? ({} as Messages)),
    money: (amount: number) => formatMoney(amount, locale),
    number: (value: number) => formatNumber(value, locale),
    dateTime: (value: Date | string) => formatDateTime(value, locale, timeZone),
    date: (value: Date | string) => formatDate(value, locale, timeZone),
  };
}
