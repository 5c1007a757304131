import type { MetaDescriptor } from '@remix-run/node';
import { isLocale, messagesOf, translate, type Locale, type MessageKey, type Messages, type Params } from './i18n';

type Match = { id: string; data: unknown };

function rootMessages(matches: Match[]): { locale: Locale; messages: Messages } | undefined {
  const locale = (matches.find((m) => m.id === 'root')?.data as { locale?: string } | undefined)?.locale;
  const messages = isLocale(locale) ? messagesOf(locale) : undefined;
  return isLocale(locale) && messages ? { locale, messages } : undefined;
}

/** A page's title (and optional description) in the reader's language. */
export function pageMeta(
  matches: Match[],
  titleKey: MessageKey,
  options: { params?: Params; description?: string; descriptionKey?: MessageKey; title?: string } = {},
): MetaDescriptor[] {
  const root = rootMessages(matches);
  const title = options.title ?? (root ? translate(root.locale, root.messages, titleKey, options.params) : 'Sen');
  // A page's own description first; otherwise its capability's line (search results and link previews).
  const description =
    options.description ||
    (options.descriptionKey && root
      ? translate(root.locale, root.messages, options.descriptionKey, options.params)
      : undefined);
  const tags: MetaDescriptor[] = [{ title: `${title} · Sen` }, { property: 'og:title', content: title }];
  if (description) {
    tags.push({ name: 'description', content: description }, { property: 'og:description', content: description });
  }
  return tags;
}
