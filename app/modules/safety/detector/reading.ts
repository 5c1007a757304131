// A message, read once: its word-class hits, clause and sentence bounds, and the
// refusals and warnings around each hit (negation, talk about scams, paying on
// the platform). The rules in ../detector.ts ask it their questions.
import * as L from './lexicon';

export type Hit = { start: number; end: number };

function hits(re: RegExp, text: string): Hit[] {
  const out: Hit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

function test(re: RegExp, text: string) {
  re.lastIndex = 0;
  return re.test(text);
}

/** Sorted positions of a mark in a text. */
function positions(text: string, mark: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + 1)) out.push(i);
  return out;
}

/** The last mark at or before pos, and the first at or after it (binary search). */
function around(marks: number[], pos: number, length: number): readonly [number, number] {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid] <= pos) lo = mid + 1;
    else hi = mid;
  }
  const before = lo > 0 ? marks[lo - 1] : 0;
  const after = lo < marks.length ? marks[lo] : length;
  return [before, after];
}

/** At most this many hits of one word class are examined (keeps very long texts linear). */
const MAX_HITS = 64;
/** Words looked at around a hit for refusals. */
const WINDOW = 160;

/**
 * A message, read once; the questions the rules ask about it. Hits, clause and
 * sentence bounds and per-sentence answers are computed once and remembered, so
 * a long text costs about as much as its length.
 */
export class Reading {
  private readonly clauseMarks: number[];
  private readonly sentenceMarks: number[];
  private readonly hitCache = new Map<RegExp, Hit[]>();
  private readonly spanCache = new Map<RegExp, Map<number, boolean>>();
  private readonly negCache = new Map<string, boolean>();

  constructor(readonly text: string) {
    this.sentenceMarks = positions(text, ' || ');
    // A sentence end is also a clause end.
    this.clauseMarks = [...positions(text, ' | '), ...this.sentenceMarks].sort((a, b) => a - b);
  }

  all(re: RegExp): Hit[] {
    let found = this.hitCache.get(re);
    if (!found) {
      const hint = L.hints.get(re);
      found = hint && !hint.test(this.text) ? [] : hits(re, this.text).slice(0, MAX_HITS);
      this.hitCache.set(re, found);
    }
    return found;
  }
  clauseRange(pos: number) {
    const [a, b] = around(this.clauseMarks, pos, this.text.length);
    return [a, b + 1] as const;
  }
  sentenceRange(pos: number) {
    const [a, b] = around(this.sentenceMarks, pos, this.text.length);
    return [a, b + 1] as const;
  }
  /** Does the span [a, b) match the class? Remembered per class and span. */
  private spanHas(re: RegExp, [a, b]: readonly [number, number]) {
    let byStart = this.spanCache.get(re);
    if (!byStart) this.spanCache.set(re, (byStart = new Map()));
    let answer = byStart.get(a);
    if (answer === undefined) {
      answer = test(re, this.text.slice(a, b));
      byStart.set(a, answer);
    }
    return answer;
  }

  /** Is this hit refused in its own clause? ("khong nhan chuyen khoan", "never share", "coc thi khong can") */
  negated(hit: Hit): boolean {
    const key = `${hit.start}:${hit.end}`;
    const known = this.negCache.get(key);
    if (known !== undefined) return known;
    const [clauseStart, clauseEnd] = this.clauseRange(hit.start);
    const from = Math.max(clauseStart, hit.start - WINDOW);
    const beforeWords = this.text.slice(from, hit.start).split(' ');
    if (from > clauseStart) beforeWords.shift(); // a word cut in half
    const before = beforeWords.filter((w) => w && w !== '|' && w !== '||').slice(-10);
    const after = this.text
      .slice(hit.end, Math.min(clauseEnd, hit.end + WINDOW))
      .split(' ')
      .filter((w) => w && w !== '|' && w !== '||')
      .slice(0, 5);
    const own = this.text.slice(hit.start, hit.end).split(' ').filter(Boolean);
    const seq = [...before, ...own];
    let negated = false;
    for (let i = 0; i < before.length; i++) {
      const word = before[i];
      if (!L.negators.has(word)) continue;
      const next = seq[i + 1] ?? '';
      const prev = before[i - 1] ?? '';
      if (word === 'dung' && !L.dungVerbs.has(next)) continue;
      if (word === 'chua' && !L.chuaVerbs.has(next)) continue;
      if (word === 'cam' && next === 'on') continue;
      // "no" refuses only an English object ("no deposit"); before a Vietnamese word it is nợ / nó ("nợ thuế").
      if (word === 'no' && !L.noObjects.has(next)) continue;
      if (word === 'khong' && next === 'lai') continue;
      if (word === 'mien' && next === 'la') continue; // "mien la" = as long as
      if (L.conditionals.has(prev)) continue;
      // "ai chưa nhận thì điền…": the negator belongs to a condition that "thì" closes, not to the hit.
      if (before.slice(i + 1).includes('thi')) continue;
      negated = true;
    }
    // "khong coc la mat slot": a threat, not a refusal.
    if (
      negated &&
      / (?:la|thi) (?:mat|huy|bi|em|minh|shop|se|ban|khoa|phat|het|thoi) /.test(' ' + after.slice(0, 4).join(' ') + ' ')
    ) {
      negated = false;
    }
    // "Cọc à? Không đâu.", "Deposits? No, never.": a short question answered with a no.
    if (!negated) {
      const [sentenceStart, sentenceEnd] = this.sentenceRange(hit.start);
      const shortQuestion =
        sentenceEnd - sentenceStart < 48 &&
        this.text
          .slice(sentenceStart, sentenceEnd)
          .split(' ')
          .filter((w) => w && w !== '|' && w !== '||').length <= 3;
      const next = this.text
        .slice(sentenceEnd + 2, sentenceEnd + 24)
        .trim()
        .split(' ')[0];
      if (shortQuestion && L.answersNo.has(next)) negated = true;
    }
    // "dat coc thi khong can", "deposit not needed"
    const tail = ' ' + after.join(' ') + ' ';
    if (
      /^ (?:free|mien) | (?:thi |la )?khong (?:can|phai|co|nhan|dung)\b| not (?:needed|required|necessary)| khong bao gio /.test(
        tail,
      )
    )
      negated = true;
    this.negCache.set(key, negated);
    return negated;
  }
  warned(hit: Hit) {
    return this.spanHas(L.warning, this.sentenceRange(hit.start));
  }
  /**
   * Does the hit's clause point back to the platform? Alternatives are split
   * first, so "nhan chuyen khoan hoac COD" still offers a transfer.
   */
  onPlatform(hit: Hit) {
    const [a, b] = this.clauseRange(hit.start);
    if (!this.spanHas(L.platform, [a, b])) return false;
    const clause = this.text.slice(a, b);
    let from = 0;
    let to = clause.length;
    for (const m of clause.matchAll(/ (?:hoac|hay|or) /g)) {
      const at = m.index ?? 0;
      if (a + at + 1 <= hit.start) from = at;
      else {
        to = at + 1;
        break;
      }
    }
    return test(L.platform, clause.slice(from, to) + ' ');
  }
  /** Is there an un-refused hit of this class in the hit's sentence? ("doc giup em" yes, "khong dua cho ai" no) */
  liveInSentence(re: RegExp, hit: Hit) {
    const [a, b] = this.sentenceRange(hit.start);
    return this.all(re).some((h) => h.start >= a && h.end <= b && !this.negated(h));
  }
  /** Like liveInSentence, but also "… OTP is 4829. Can you forward it to me?": a request in the next sentence that points back. */
  requestedNear(hit: Hit) {
    if (this.liveInSentence(L.request, hit)) return true;
    let [, end] = this.sentenceRange(hit.start);
    for (let i = 0; i < 2 && end < this.text.length - 4; i++) {
      const next: Hit = { start: end + 3, end: end + 3 };
      if (this.liveInSentence(L.request, next) && this.inSentence(L.codeReference, next)) return true;
      end = this.sentenceRange(next.start)[1];
    }
    return false;
  }
  /** "…requires a registration fee first", "phai dong phi truoc": a fee asked for, with "first" after it. */
  feeAskedFirst(hit: Hit) {
    const [, end] = this.sentenceRange(hit.start);
    const rest = this.text.slice(hit.end, end);
    return test(L.feeFirst, ' ' + rest) && (this.liveInSentence(L.feeVerb, hit) || this.inSentence(L.feeDemand, hit));
  }
  has(re: RegExp) {
    return this.all(re).length > 0;
  }
  inSentence(re: RegExp, hit: Hit) {
    return this.spanHas(re, this.sentenceRange(hit.start));
  }
  inClause(re: RegExp, hit: Hit) {
    return this.spanHas(re, this.clauseRange(hit.start));
  }
  /** Hits that count: not refused, not part of a warning, and (optionally) not about paying on the platform. */
  live(re: RegExp, { platformSafe = false } = {}): Hit[] {
    return this.all(re).filter((h) => !this.negated(h) && !this.warned(h) && !(platformSafe && this.onPlatform(h)));
  }
}
