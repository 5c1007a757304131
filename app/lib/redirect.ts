/** A local path to go back to, never another site ("//evil.example" included). */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/') {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback;
  return to.length > 2000 ? fallback : to;
}
