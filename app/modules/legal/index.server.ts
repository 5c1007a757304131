import type { LoaderFunctionArgs } from '@remix-run/node';
import { getUser } from '~/lib/auth.server';
import type { Locale } from '~/lib/i18n';
import { localeFromRequest } from '~/lib/i18n.server';
import { renderMarkdown } from '~/modules/learning/markdown.server';
import { legalVersion, operatingRules, privacyNotice } from './content.server';

export { legalVersion, operator, type Operator } from './content.server';

const texts = { privacy: privacyNotice, terms: operatingRules };
type LegalKind = keyof typeof texts;

// Rendered once per text and language: the texts are constants.
const rendered = new Map<string, string>();

/** The privacy notice or the operating rules as safe HTML, with their version. */
export function legalDocument(kind: LegalKind, locale: Locale) {
  const key = `${kind}:${locale}`;
  let html = rendered.get(key);
  if (html === undefined) rendered.set(key, (html = renderMarkdown(texts[kind][locale])));
  return { html, version: legalVersion };
}

/** The loader of a public legal page, in the reader's language. */
export function legalLoader(kind: LegalKind) {
  return async ({ request }: LoaderFunctionArgs) => {
    const user = await getUser(request);
    return legalDocument(kind, await localeFromRequest(request, user?.locale));
  };
}
