// The one phone-number rule of Sen (issue 14): sign-up, log-in, checkout
// addresses, verification, chat masking and the scam detector all read numbers
// through this file, so a number hidden in chat is also seen by the detector.
//
// Numbers are stored once, as E.164 (+84912345678). Which ranges are mobile,
// fixed or unassigned comes from Google's libphonenumber metadata
// (libphonenumber-js, "max" metadata: it knows the number types), so a new
// Vietnamese mobile prefix arrives with a library update, not a code change.
//
// People type numbers in every way, and scammers hide them on purpose:
// "0912 345 678", "+84 912.345.678", "(84) 912-345-678", full-width digits
// "０９１２…", and digits written as words ("không chín một hai ba bốn năm sáu
// bảy tám", "zero nine one two…"). `foldPhoneText` undoes all of these.

import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type PhoneProblem = 'required' | 'invalid' | 'landline' | 'country';
export type PhoneKind = 'mobile' | 'landline' | 'foreign';
export type ParsedPhone =
  { ok: true; e164: string; country: string; kind: PhoneKind } | { ok: false; problem: PhoneProblem };

/**
 * Countries whose numbers may hold an account, from PHONE_COUNTRIES
 * (comma-separated ISO codes, e.g. "VN,LA,KH"); Vietnam only by default.
 */
export function phoneCountries(env: Record<string, string | undefined> = process.env): string[] {
  const list = (env.PHONE_COUNTRIES ?? 'VN')
    .split(',')
    .map((c) => c.trim().toUpperCase())
    .filter((c) => /^[A-Z]{2}$/.test(c));
  return list.length ? list : ['VN'];
}

// Digit words, without diacritics, lowercase (Vietnamese first, then English).
const DIGIT_WORDS: Record<string, string> = {
  khong: '0',
  linh: '0',
  mot: '1',
  hai: '2',
  ba: '3',
  bon: '4',
  tu: '4',
  nam: '5',
  lam: '5',
  sau: '6',
  bay: '7',
  bey: '7',
  tam: '8',
  chin: '9',
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};

function foldWord(word: string) {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** One character as a digit, whatever the script ("٣", "３", "𝟑" → "3"), or null. */
function digitOf(ch: string): string | null {
  const n = ch.normalize('NFKC');
  if (/^[0-9]$/.test(n)) return n;
  if (!/^\p{Nd}$/u.test(ch)) return null;
  // Other decimal scripts ("٣", "३"): their digits are ten consecutive code points from zero.
  const cp = ch.codePointAt(0) ?? 0;
  let zero = cp;
  while (cp - zero < 9 && /^\p{Nd}$/u.test(String.fromCodePoint(zero - 1))) zero--;
  return String(cp - zero);
}

// What may stand between the digits of one number: spaces of any width,
// dots, dashes, slashes, brackets, stars, underscores, middle dots, commas.
const SEPARATOR = /^[\s.\-‐‑‒–—―_/\\|·•*~(),'"`:;]$/u;
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/;

type Digit = { d: string; start: number; end: number; group: number; word?: boolean };
type Run = { digits: Digit[]; plus: boolean; start: number; end: number };

/**
 * The runs of digits in a text, however they are written: each digit with its
 * place in the original text, and the group it belongs to (a new group starts
 * after a separator or a digit word), so a run can be split where the writer
 * paused. A run starts and ends at a digit, not inside a word.
 */
function digitRuns(text: string): Run[] {
  const runs: Run[] = [];
  const chars = Array.from(text);
  // Offsets in UTF-16 units, as String.slice counts them.
  const offsets: number[] = [];
  let off = 0;
  for (const ch of chars) {
    offsets.push(off);
    off += ch.length;
  }
  offsets.push(off);

  let current: Run | null = null;
  let group = 0;
  let gap = 0; // separator characters since the last digit
  let i = 0;
  const close = () => {
    if (current && current.digits.length) runs.push(current);
    current = null;
    gap = 0;
  };
  while (i < chars.length) {
    const ch = chars[i];
    const digit = digitOf(ch);
    if (digit !== null) {
      if (!current) {
        // A + just before the number ("+84", "(+84)") belongs to it.
        let plus = false;
        let start = offsets[i];
        for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
          if (chars[j] === '+' || chars[j] === '＋') {
            plus = true;
            start = offsets[j];
            break;
          } else if (!/\s|\(/.test(chars[j])) break;
        }
        current = { digits: [], plus, start, end: offsets[i] };
        group++;
      } else if (gap > 0) group++;
      current.digits.push({ d: digit, start: offsets[i], end: offsets[i + 1], group });
      current.end = offsets[i + 1];
      gap = 0;
      i++;
      continue;
    }
    if (/\p{L}/u.test(ch)) {
      let j = i;
      while (j < chars.length && /[\p{L}\p{M}]/u.test(chars[j])) j++;
      const word = chars.slice(i, j).join('');
      const folded = foldWord(word);
      const asDigit = DIGIT_WORDS[folded];
      // The letter O typed for zeros right next to digits ("O9I2" is too much; "09oo" is not).
      const zeros = /^[oO]+$/.test(word) && current && gap === 0 ? '0'.repeat(word.length) : null;
      const next = j < chars.length ? chars[j] : '';
      if (zeros !== null && current && !/\p{L}/u.test(next)) {
        for (let k = i; k < j; k++) current.digits.push({ d: '0', start: offsets[k], end: offsets[k + 1], group });
        current.end = offsets[j];
        i = j;
        continue;
      }
      if (asDigit !== undefined && !/\p{N}/u.test(next)) {
        if (!current) {
          current = { digits: [], plus: false, start: offsets[i], end: offsets[i] };
        }
        group++;
        current.digits.push({ d: asDigit, start: offsets[i], end: offsets[j], group, word: true });
        current.end = offsets[j];
        gap = 0;
        i = j;
        continue;
      }
      close();
      i = j;
      continue;
    }
    if (current && (SEPARATOR.test(ch) || INVISIBLE.test(ch)) && gap < 3) {
      if (!INVISIBLE.test(ch)) gap++;
      i++;
      continue;
    }
    close();
    i++;
  }
  close();
  // A run made only of digit words is a number only when it is long enough to be one.
  return runs.filter((r) => r.digits.some((d) => !d.word) || r.digits.length >= 9);
}

/** Plain digits (and a leading + where one was typed) from a number written any way. */
export function foldPhoneText(input: string): string {
  const runs = digitRuns(input);
  return runs.map((r) => (r.plus ? '+' : '') + r.digits.map((d) => d.d).join('')).join(' ');
}

function classify(raw: string, plus: boolean, countries: readonly string[]): ParsedPhone {
  let digits = raw;
  let international = plus;
  if (!international && digits.startsWith('00')) {
    digits = digits.slice(2);
    international = true;
  }
  // "84 912 345 678" without the +: Vietnam's country code.
  if (!international && /^84\d{9,10}$/.test(digits)) international = true;
  // "+84 (0) 912 345 678": the national 0 kept after the country code.
  if (international && /^840\d{9,10}$/.test(digits)) digits = `84${digits.slice(3)}`;
  if (digits.length < 8 || digits.length > 15) return { ok: false, problem: 'invalid' };
  const parsed = international ? parsePhoneNumberFromString(`+${digits}`) : parsePhoneNumberFromString(digits, 'VN');
  if (!parsed || !parsed.isValid() || !parsed.country) return { ok: false, problem: 'invalid' };
  const type = parsed.getType();
  const mobile = type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
  if (parsed.country !== 'VN') {
    if (!countries.includes(parsed.country)) return { ok: false, problem: 'country' };
    if (!mobile) return { ok: false, problem: 'landline' };
    return { ok: true, e164: parsed.number, country: parsed.country, kind: 'foreign' };
  }
  if (!mobile) return { ok: false, problem: 'landline' };
  return { ok: true, e164: parsed.number, country: 'VN', kind: 'mobile' };
}

/**
 * A phone number typed into a form → E.164, or why not. Only mobile numbers
 * (codes go by SMS or Zalo) of the allowed countries; letters other than digit
 * words, emoji or two numbers in one field are refused.
 */
export function parsePhone(input: string, options: { countries?: readonly string[] } = {}): ParsedPhone {
  const countries = options.countries ?? phoneCountries();
  const text = input.normalize('NFKC').trim();
  if (!text) return { ok: false, problem: 'required' };
  if (text.length > 80) return { ok: false, problem: 'invalid' };
  const runs = digitRuns(text);
  if (runs.length !== 1) return { ok: false, problem: 'invalid' };
  const run = runs[0];
  // Nothing but the number, separators and a leading +.
  const outside = (text.slice(0, run.start) + text.slice(run.end)).replace(/[\s+＋()]/g, '');
  if (outside) return { ok: false, problem: 'invalid' };
  for (let k = 0; k < run.digits.length - 1; k++) {
    const between = text.slice(run.digits[k].end, run.digits[k + 1].start);
    if (/[^\s.\-‐‑‒–—―_/\\()]/u.test(between.replace(INVISIBLE, ''))) return { ok: false, problem: 'invalid' };
  }
  return classify(run.digits.map((d) => d.d).join(''), run.plus, countries);
}

/** For display: "0912 345 678" for a Vietnamese number, "+856 20 5512 3456" for another. */
export function formatPhone(e164: string): string {
  // Numbers kept before the one rule may be national ("0912345678"): read as Vietnamese.
  const parsed = parsePhoneNumberFromString(e164, 'VN');
  if (!parsed) return e164;
  return parsed.country === 'VN' ? parsed.formatNational() : parsed.formatInternational();
}

/** For staff and messages that must not reveal it: "0912 ••• 678". */
export function maskPhone(e164: string): string {
  const shown = formatPhone(e164);
  const digits = shown.replace(/\D/g, '');
  const keepHead = shown.startsWith('+') ? shown.indexOf(' ') + 1 : 4;
  const head = shown.slice(0, keepHead);
  const tail = digits.slice(-3);
  return `${head.trimEnd()} ••• ${tail}`;
}

/** A Vietnamese number as people write it at home, bare digits ("0912345678"); others as E.164. */
export function localDigits(e164: string): string {
  return e164.startsWith('+84') ? `0${e164.slice(3)}` : e164;
}

export type PhoneMatch = { start: number; end: number; e164: string; kind: PhoneKind | 'landline' };

/**
 * Every phone number in a free text (a chat message, a listing), however it
 * is written, with its place in the text. Landlines and numbers of any
 * country count here: hiding a contact is the point, not whether it can get
 * an SMS. A run of digits is a phone as a whole, or split where the writer
 * paused into several phones ("0912 345 678, 0987 654 321"); a longer run
 * that is neither (an account number) is not one.
 */
export function findPhones(text: string): PhoneMatch[] {
  const found: PhoneMatch[] = [];
  for (const run of digitRuns(text)) {
    const whole = phoneOfDigits(run.digits, run.plus);
    if (whole) {
      found.push({ start: run.start, end: run.end, ...whole });
      continue;
    }
    // Split at group boundaries: every group must end up in some phone.
    const groups: Digit[][] = [];
    for (const d of run.digits) {
      const last = groups[groups.length - 1];
      if (last && last[0].group === d.group) last.push(d);
      else groups.push([d]);
    }
    const pieces: PhoneMatch[] = [];
    let g = 0;
    while (g < groups.length) {
      let matched = false;
      let digits: Digit[] = [];
      for (let k = g; k < groups.length && digits.length < 15; k++) {
        digits = digits.concat(groups[k]);
        const phone = phoneOfDigits(digits, false);
        if (phone) {
          pieces.push({ start: digits[0].start, end: digits[digits.length - 1].end, ...phone });
          g = k + 1;
          matched = true;
          break;
        }
      }
      if (!matched) break;
    }
    if (g === groups.length && pieces.length) found.push(...pieces);
  }
  return found;
}

function phoneOfDigits(digits: Digit[], plus: boolean): { e164: string; kind: PhoneKind | 'landline' } | null {
  const raw = digits.map((d) => d.d).join('');
  // In free text, a number without a + or a 0/84 in front is not a phone number.
  if (!plus && !/^(?:0|84)/.test(raw)) return null;
  const international = plus || raw.startsWith('00') || /^84\d{9,10}$/.test(raw);
  let bare = raw.startsWith('00') ? raw.slice(2) : raw;
  if (international && /^840\d{9,10}$/.test(bare)) bare = `84${bare.slice(3)}`;
  if (bare.length < 8 || bare.length > 15) return null;
  const parsed = international ? parsePhoneNumberFromString(`+${bare}`) : parsePhoneNumberFromString(bare, 'VN');
  if (!parsed || !parsed.isValid()) return null;
  const type = parsed.getType();
  const mobile = type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
  if (parsed.country !== 'VN') return { e164: parsed.number, kind: 'foreign' };
  return { e164: parsed.number, kind: mobile ? 'mobile' : 'landline' };
}

/** The text with every phone number replaced ("zzphone", "•••"). */
export function replacePhones(text: string, by: (match: PhoneMatch) => string): string {
  let out = '';
  let at = 0;
  for (const m of findPhones(text)) {
    out += text.slice(at, m.start) + by(m);
    at = m.end;
  }
  return out + text.slice(at);
}

export type { CountryCode };
