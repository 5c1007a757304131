// Undoing the tricks used to slip past word lists (issue 17): look-alike
// letters from other alphabets, digits and symbols typed for letters (`T1EN`,
// `h0 tro`, `d!eu k!en`), punctuation or spaces typed inside a word
// (`c.h.u.y.ể.n k.h.o.ả.n`, `Ma"n;N,ha`), invisible characters.
//
// Two steps, because they must run at different moments of `canonical()`:
//  - `unmask` runs AFTER the links are taken out (a Cyrillic letter in a host is
//    exactly what `link_punycode` looks for, so it must not be repaired there)
//    and BEFORE folding (so `Т1ỀN` with a Cyrillic Т still loses its marks);
//  - `unspell` runs on folded text AFTER phone numbers, amounts and account
//    numbers have become placeholders, so `250.000`, `0912 345 678`, `1tr5`
//    and `8.30` are never touched: only letters are re-joined or repaired.

const INVISIBLE = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g;

// Cyrillic and Greek letters that look like Latin ones (lower and upper case).
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  ь: 'b',
  п: 'n',
  г: 'r',
  и: 'u',
  л: 'n',
  А: 'A',
  В: 'B',
  Е: 'E',
  Ё: 'E',
  І: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  Ѕ: 'S',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
  η: 'n',
  ω: 'w',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};
const HOMOGLYPH = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'g');

/** Invisible characters removed, full-width and styled letters made plain (NFKC), Cyrillic/Greek look-alikes made Latin. */
export function unmask(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .replace(HOMOGLYPH, (ch) => HOMOGLYPHS[ch] ?? ch)
    .replace(LETTER_O_IN_NUMBER, (run) => '0'.repeat(run.length))
    .replace(LETTER_O_IN_NUMBER, (run) => '0'.repeat(run.length)); // again, for the groups after the first ("1.OOO.OOO")
}

// The other way round: the letter O typed for a zero in an amount ("5OOk", "1.OOO.OOO").
const LETTER_O_IN_NUMBER = /(?<=\d[.,]?)[oO]+(?=[\d.,]|k\b|\b)/g;

// Digits and symbols typed for the letters they look like.
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '!': 'i',
  '@': 'a',
  $: 's',
  '|': 'l',
};
// A stand-in between two letters ("t1en", "d!eu", "ch@o"), or one stand-in
// ending a short word ("h0", "k0"). Only 0, 1 and ! end a word: "a4", "mp3",
// "b2b", "iphone15" and "4g" stay as they are.
const LEET_INSIDE = /(?<=[a-z])[0134579!@$|]+(?=[a-z])/g;
const LEET_END = /(?<![a-z0-9])([a-z]{1,4})([01!])(?![a-z0-9!@$|])/g;

// Letters split by punctuation inside a word: 3+ pieces of one or two letters,
// each joined by one mark and no space ("c.h.u.y.e.n", `ma"n;n,ha`, "t-i-e-n").
const SPLIT_BY_MARKS = /(?<![a-z0-9.])[a-z]{1,2}(?:[.,;:'"*_~^+\-/\\][a-z]{1,2}){2,}(?![a-z0-9])/g;
// Letters split by spaces: 4+ single letters in a row ("c h u y e n").
const SPLIT_BY_SPACES = /(?<![a-z0-9])[a-z](?: [a-z]){3,}(?![a-z0-9])/g;
// Vietnamese teen-code writes one-letter words in a row ("c k e", "e k bt"):
// a spaced run is re-joined only when it makes a word of at least 5 letters with a vowel.
const VOWEL = /[aeiouy]/;

/**
 * Folded text (lowercase ASCII, placeholders already in): digits and symbols
 * used as letters become letters, and words spelt out with marks or spaces in
 * between are joined again.
 */
export function unspell(folded: string): string {
  return folded
    .replace(LEET_INSIDE, (run) => [...run].map((ch) => LEET[ch] ?? ch).join(''))
    .replace(LEET_END, (_, word: string, ch: string) => word + (LEET[ch] ?? ch))
    .replace(SPLIT_BY_MARKS, (run) => run.replace(/[^a-z]/g, ''))
    .replace(SPLIT_BY_SPACES, (run) => {
      const joined = run.replace(/ /g, '');
      return joined.length >= 5 && VOWEL.test(joined) ? joined : run;
    });
}
