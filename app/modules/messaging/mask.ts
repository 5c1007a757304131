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
const ACCOUNT_WORDS = /(?:stk|s[oố]\s*t(?:ài|ai)?\s*k(?:hoản|hoan)?|tk|t(?:ài|ai)\s*kho(?:ản|an)|account|acct|acc|a\/c|iban|no\.?)\s*[:.]?\s*$/iu;
// A unit after a number that says it is an amount.
const MONEY_UNIT = /^\s?(?:đ|₫|d\b|vn[dđ]|đồng|dong|k\b|tr\b|triệu|trieu|usd|\$)/iu;
// 15.000.000 / 1,500,000 / 15 000 000: thousands, no leading zero.
const GROUPED = /^[1-9]\d{0,2}(?:([.,  ])\d{3})(?:\1\d{3})*$/;
// 28.11.2026 / 28-11-2026 / 2026-11-28.
const DATE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})$/;

function isPhone(digits: string, plus: boolean) {
  if (plus || digits.startsWith('84')) return /^84\d{9,10}$/.test(digits);
  return /^0\d{9,10}$/.test(digits);
}

/**
 * Hides phone numbers (0912 345 678, 0912.345.678, +84 912345678), emails and
 * account numbers (runs of 8 or more digits, also with spaces or dots) in a
 * text. Amounts (15.000.000đ) and dates are left alone.
 */
export function maskContacts(input: string): Masked {
  const kinds = new Set<MaskKind>();
  let text = input.replace(EMAIL, () => {
    kinds.add('email');
    return MASK;
  });
  text = text.replace(DIGIT_RUN, (run, offset: number, whole: string) => {
    const digits = run.replace(/\D/g, '');
    if (digits.length < 8) return run;
    const plus = run.startsWith('+');
    if (isPhone(digits, plus)) {
      kinds.add('phone');
      return MASK;
    }
    const before = whole.slice(Math.max(0, offset - 24), offset);
    const after = whole.slice(offset + run.length, offset + run.length + 8);
    const saysAccount = ACCOUNT_WORDS.test(before);
    if (!saysAccount) {
      if (DATE.test(run)) return run;
      if (!run.startsWith('0') && (GROUPED.test(run) || MONEY_UNIT.test(after))) return run;
    }
    kinds.add('account');
    return MASK;
  });
  return { text, kinds: [...kinds] };
}

/** Whether a text holds anything maskContacts would hide. */
export function hasContacts(text: string) {
  return maskContacts(text).kinds.length > 0;
}
