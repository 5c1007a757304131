// Pure helpers for market search, shared by the server module and tests.
import { isUuid } from '~/lib/ids';

/** Lower case, without Vietnamese diacritics (đ → d), as PostgreSQL's unaccent does. */
export function plainText(input: string) {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** Words of a query, plain (no diacritics), letters and digits only: at most 8. */
export function queryWords(q: string) {
  return plainText(q)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 8);
}

/**
 * Ways to read a word typed run together ("aodai") as the words it may hold
 * ("ao dai"): every split in two, and in three for shorter words. Each part is
 * searched as a phrase, so "ao <-> dai" only matches "áo dài" side by side.
 */
export function runTogetherSplits(word: string): string[][] {
  if (word.length < 4 || word.length > 16 || /^[0-9]+$/.test(word)) return [];
  const splits: string[][] = [];
  for (let i = 1; i < word.length; i++) {
    splits.push([word.slice(0, i), word.slice(i)]);
    if (word.length > 10) continue;
    for (let j = i + 1; j < word.length; j++) splits.push([word.slice(0, i), word.slice(i, j), word.slice(j)]);
  }
  return splits;
}

/**
 * A tsquery string where every word must match, the last one also as a prefix
 * ("ao dai lu" finds "lụa" while typing). A longer word also matches as words run
 * together ("aodai" finds "áo dài"). Words hold only [a-z0-9], so nothing a reader
 * types can inject tsquery syntax.
 */
export function toTsQuery(q: string) {
  const words = queryWords(q);
  if (!words.length) return null;
  return words
    .map((w, i) => {
      const suffix = i === words.length - 1 ? ':*' : '';
      const splits = runTogetherSplits(w);
      if (!splits.length) return `${w}${suffix}`;
      return `(${[`${w}${suffix}`, ...splits.map((parts) => parts.map((p, k) => (k === parts.length - 1 ? `${p}${suffix}` : p)).join(' <-> '))].join(' | ')})`;
    })
    .join(' & ');
}

export const sorts = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;
export type Sort = (typeof sorts)[number];

export function isSort(value: unknown): value is Sort {
  return typeof value === 'string' && (sorts as readonly string[]).includes(value);
}

/** A keyset cursor: the last row's sort value and id, in a URL-safe string. */
export type Cursor = { v: string | number; id: string };

export function encodeCursor(cursor: Cursor) {
  return Buffer.from(JSON.stringify([cursor.v, cursor.id])).toString('base64url');
}

/** A timestamp PostgreSQL accepts: the shape, and a day, hour and minute that exist. */
function isTimestamp(value: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60
  );
}

/** A cursor from the URL, or null when it is missing or was tampered with. */
export function decodeCursor(raw: string | null | undefined): Cursor | null {
  if (!raw || raw.length > 200) return null;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [v, id] = parsed;
    if (!isUuid(id)) return null;
    // Prices are whole đồng and ranks small reals: anything else was not written by us.
    if (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 1e15) return { v, id };
    if (typeof v === 'string' && isTimestamp(v)) return { v, id };
    return null;
  } catch {
    return null;
  }
}
