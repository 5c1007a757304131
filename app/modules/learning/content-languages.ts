// Shared by the server and the staff audio page's form: a `.server` module is empty in the browser.

/** Content languages: the interface stays vi/en, a lesson may be heard in these. */
export const contentLanguages = ['vi', 'en', 'hmn', 'tyz', 'tdd', 'km'] as const;
export type ContentLanguage = (typeof contentLanguages)[number];
export const isContentLanguage = (value: unknown): value is ContentLanguage =>
  contentLanguages.includes(value as ContentLanguage);
