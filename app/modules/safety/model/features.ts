// The model's view of a message: hashed character n-grams (3 to 5 characters)
// of the canonical text (normalise.ts: folded, de-obfuscated, numbers and links
// as placeholders) plus hashed word unigrams and bigrams. Clause marks are left
// out. Hashing keeps the weights a fixed-size array (no vocabulary to ship) and
// the cost linear in the length of the text, with no substring allocated.

export const BUCKET_BITS = 15;
const MASK = (1 << BUCKET_BITS) - 1;
const MIN_CHARS = 3;
const MAX_CHARS = 5;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_SALT = 0x9e3779b1;
const BIGRAM_SALT = 0x85ebca6b;

function mix(h: number) {
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) & MASK;
}

/**
 * The model's input text: the canonical text without clause marks. When every
 * link in it goes to Sen or to a genuine bank, courier or wallet (`safeLinks`),
 * they are `zzsafelink`: a seller sharing her own listing is not a phishing link.
 */
export function modelText(canonicalText: string, safeLinks = false): string {
  const text = canonicalText.replace(/ \|+(?= )/g, '');
  return safeLinks ? text.replace(/ zzlink(?= )/g, ' zzsafelink') : text;
}

/**
 * Features are scaled by 1/√count, but never as if there were fewer than this
 * many: a two-word message gives too little evidence to be confident about
 * ("Hello" must not look like a scam because a scam once began with it).
 */
export const MIN_FEATURES = 120;
export function featureScale(count: number) {
  return 1 / Math.sqrt(Math.max(count, MIN_FEATURES));
}

/**
 * Calls `emit(bucket)` once per feature occurrence and returns how many there
 * were (the caller scales by 1/√count, so long and short texts weigh alike).
 */
export function eachFeature(text: string, emit: (bucket: number) => void): number {
  let count = 0;
  const n = text.length;
  // Character n-grams.
  for (let i = 0; i < n; i++) {
    let h = FNV_OFFSET;
    for (let j = i; j < n && j < i + MAX_CHARS; j++) {
      h = Math.imul(h ^ text.charCodeAt(j), FNV_PRIME);
      if (j - i + 1 >= MIN_CHARS) {
        emit(mix(h));
        count++;
      }
    }
  }
  // Words and pairs of words.
  let previous = 0;
  let h = WORD_SALT;
  let inWord = false;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    if (c === 32) {
      if (!inWord) continue;
      emit(mix(h));
      count++;
      if (previous) {
        emit(mix(Math.imul(previous, 31) ^ h ^ BIGRAM_SALT));
        count++;
      }
      previous = h;
      h = WORD_SALT;
      inWord = false;
    } else {
      h = Math.imul(h ^ c, FNV_PRIME);
      inWord = true;
    }
  }
  return count;
}
