// All labelled lines (tests/safety/*.jsonl and model/corpus/*.jsonl) and the
// frozen train / validation / test split (model/split.json). Used by the
// scripts only (scam:split, scam:train, scam:eval), never by the app.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type Split = 'train' | 'validation' | 'test';
export type Labelled = {
  id: string;
  text: string;
  scam: boolean;
  lang: 'vi' | 'en';
  /** The kind of scam, or "ordinary"; the older sets were not labelled by kind ("earlier-scam"). */
  kind: string;
  level?: 'none' | 'caution' | 'danger';
  /** diacritics, no-diacritics, teencode or english, where the set records it. */
  style?: string;
  /** The file the line comes from, without its extension. */
  source: string;
};

export const SPLIT_FILE = path.resolve('app/modules/safety/model/split.json');
const SETS = ['tests/safety', 'app/modules/safety/model/corpus'];

/** A line's id: the first 16 hex digits of the SHA-256 of its text (the text is the identity; a duplicate counts once). */
export function lineId(text: string) {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

type RawRow = { text: string; scam: boolean; lang: 'vi' | 'en'; kind?: string; style?: string; level?: 'none' | 'caution' | 'danger' };

export function loadLabelled(): Labelled[] {
  const seen = new Set<string>();
  const out: Labelled[] = [];
  for (const dir of SETS) {
    for (const file of readdirSync(path.resolve(dir)).filter((f) => f.endsWith('.jsonl')).sort()) {
      const source = file.replace(/\.jsonl$/, '');
      for (const line of readFileSync(path.resolve(dir, file), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const row = JSON.parse(line) as RawRow;
        const id = lineId(row.text);
        if (seen.has(id)) continue;
        seen.add(id);
        const kind = row.scam ? (row.kind ?? 'earlier-scam') : 'ordinary';
        out.push({ id, text: row.text, scam: row.scam, lang: row.lang, kind, level: row.level, style: row.style, source });
      }
    }
  }
  return out;
}

export type SplitFile = { seed: number; created: string; validation: string[]; test: string[] };

export function readSplit(): SplitFile {
  return JSON.parse(readFileSync(SPLIT_FILE, 'utf8')) as SplitFile;
}

/** Lines not named in the frozen split (sets written after it) are training lines; the test split never grows. */
export function splitOf(rows: Labelled[], split: SplitFile = readSplit()): Record<Split, Labelled[]> {
  const validation = new Set(split.validation);
  const test = new Set(split.test);
  const out: Record<Split, Labelled[]> = { train: [], validation: [], test: [] };
  for (const row of rows) out[test.has(row.id) ? 'test' : validation.has(row.id) ? 'validation' : 'train'].push(row);
  return out;
}

/** A small seeded generator (mulberry32): the same seed gives the same split and the same training run. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
