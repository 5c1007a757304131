import { findPhones, localDigits, replacePhones } from '~/lib/phone';

// Masking of contact details in a message: phone numbers, emails and account
// numbers are hidden from the other side until the two have an order or a
// booking together (decided by the caller; this is the pure text part).

export type MaskKind = 'phone' | 'email' | 'account';
export type Masked = { text: string; kinds: MaskKind[] };

/** What a hidden detail is replaced with (the same in every language). */
export const MASK = '•••';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// A run of digits, each optionally separated from the next by one space, dot or
// dash, with an optional leading + (international numbers).
const DIGIT_RUN = /(?<![\p{L}\p{N}])\+?\d(?:[ .-]?\d)*/gu;
// Words right before a number that say it is an account: then it is never money.
const ACCOUNT_WORDS =
  /(?:stk|s[oố]\s*t(?:ài|ai)?\s*k(?:hoản|hoan)?|tk|t(?:ài|ai)\s*kho(?:ản|an)|account|acct|acc|a\/c|iban|no\.?)\s*[:.]?\s*$/iu;
// A unit after a number that says it is an amount.
const MONEY_UNIT = /^\s?(?:đ|₫|d\b|vn[dđ]|đồng|dong|k\b|tr\b|triệu|trieu|usd|\$)/iu;
// 15.000.000 / 1,500,000 / 15 000 000: thousands, no leading zero.
const GROUPED = /^[1-9]\d{0,2}(?:([.,  ])\d{3})(?:\1\d{3})*$/;
// 28.11.2026 / 28-11-2026 / 2026-11-28.
const DATE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})$/;

/**
 * Hides phone numbers (0912 345 678, 0912.345.678, +84 912345678, full-width
 * digits, digits written as words: the one rule of app/lib/phone.ts), emails and
 * account numbers (runs of 8 or more digits, also with spaces or dots) in a
 * text. Amounts (15.000.000đ) and dates are left alone.
 */
export function maskContacts(input: string): Masked {
  const kinds = new Set<MaskKind>();
  let text = input.replace(EMAIL, () => {
    kinds.add('email');
    return MASK;
  });
  text = replacePhones(text, () => {
    kinds.add('phone');
    return MASK;
  });
  text = text.replace(DIGIT_RUN, (run, offset: number, whole: string) => {
    const kind = numberKind(run, offset, whole);
    if (!kind) return run;
    kinds.add(kind);
    return MASK;
  });
  return { text, kinds: [...kinds] };
}

/** Is this run of digits (phone numbers already taken out) an account number, or not (an amount, a date, a short number)? */
function numberKind(run: string, offset: number, whole: string): 'account' | null {
  const digits = run.replace(/\D/g, '');
  if (digits.length < 8) return null;
  const before = whole.slice(Math.max(0, offset - 24), offset);
  const after = whole.slice(offset + run.length, offset + run.length + 8);
  const saysAccount = ACCOUNT_WORDS.test(before);
  if (!saysAccount) {
    if (DATE.test(run)) return null;
    if (!run.startsWith('0') && (GROUPED.test(run) || MONEY_UNIT.test(after))) return null;
  }
  return 'account';
}

/**
 * The phone and account numbers maskContacts would hide, as bare digits (a
 * Vietnamese phone number always as 0…, however it was typed): what a shared
 * report of scam accounts is keyed on (moderation/scam-accounts.server.ts).
 */
export function contactNumbers(input: string): Array<{ kind: 'phone' | 'account'; digits: string }> {
  const withoutEmails = input.replace(EMAIL, MASK);
  const found: Array<{ kind: 'phone' | 'account'; digits: string }> = findPhones(withoutEmails).map((m) => ({
    kind: 'phone',
    digits: localDigits(m.e164).replace(/^\+/, ''),
  }));
  const text = replacePhones(withoutEmails, () => MASK);
  for (const m of text.matchAll(DIGIT_RUN)) {
    const kind = numberKind(m[0], m.index ?? 0, text);
    if (!kind) continue;
    found.push({ kind, digits: m[0].replace(/\D/g, '') });
  }
  return found;
}

/** Whether a text holds anything maskContacts would hide. */
export function hasContacts(text: string) {
  return maskContacts(text).kinds.length > 0;
}
