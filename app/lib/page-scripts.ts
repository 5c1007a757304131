/**
 * Which pages are sent with the client JavaScript (issue 16), decided per route in its
 * `handle`. Every page works as plain HTML (forms post, links navigate), so a page
 * that only reads or posts plain forms gains nothing from ~130 KB of scripts on a
 * slow, metered connection: it exports `handle = lightPage` and the root leaves out
 * Remix's scripts, their modulepreloads, the scroll script and the message catalogue.
 * The default stays "scripts on", so a page becomes light only once someone has
 * checked that nothing on it needs them (messages' refresh, staff editors, the
 * dashboard's quick edit, photo resizing keep them); tests/page-weight.test.ts holds
 * the light pages to their budget.
 */
export const lightPage = { scripts: false } as const;

type Match = { handle?: unknown };

/** The deepest matched route decides: a light page inside a layout is still light. */
export function sendsScripts(matches: Match[]) {
  const handle = matches[matches.length - 1]?.handle;
  return !(handle && typeof handle === 'object' && 'scripts' in handle && handle.scripts === false);
}
