// `npx tsx app/modules/safety/scam-eval.ts [file.jsonl ...]`: precision and recall of the
// scam detector on labelled sets, per language (caution and danger count as
// "flagged"), and how often a line labelled with a `level` gets exactly that level.
// Prints figures; asserts nothing (the assertions live in tests/safety/detector.test.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { detectScam } from './detector';

type Row = { text: string; scam: boolean; lang: 'vi' | 'en'; level?: 'none' | 'caution' | 'danger' };

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const verbose = process.argv.includes('--misses');
for (const file of files.length ? files : ['tests/safety/scam-set.jsonl', 'tests/safety/probe-set.jsonl', 'tests/safety/unseen-set.jsonl']) {
  const rows = readFileSync(path.resolve(file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row);
  console.log(file);
  for (const lang of ['vi', 'en', 'all'] as const) {
    const subset = rows.filter((r) => lang === 'all' || r.lang === lang);
    let tp = 0, fp = 0, fn = 0, levelled = 0, levelRight = 0, danger = 0, dangerRight = 0;
    for (const r of subset) {
      const got = detectScam(r.text, { locale: r.lang }).level;
      const flagged = got !== 'none';
      if (flagged && r.scam) tp++;
      else if (flagged) fp++;
      else if (r.scam) fn++;
      if (r.level) {
        levelled++;
        if (got === r.level) levelRight++;
        if (r.level === 'danger') {
          danger++;
          if (got === 'danger') dangerRight++;
        }
      }
      if (verbose && lang !== 'all' && (flagged !== r.scam || (r.level && got !== r.level))) console.log(`  ${r.scam ? (flagged ? 'LEVEL' : 'MISS ') : 'FALSE'} ${r.level ?? ''}→${got} ${r.text}`);
    }
    const p = tp + fp ? tp / (tp + fp) : 1;
    const rc = tp + fn ? tp / (tp + fn) : 1;
    const lv = levelled ? ` · exact level ${(levelRight / levelled).toFixed(3)} · danger caught as danger ${dangerRight}/${danger}` : '';
    console.log(`  ${lang.padEnd(3)} n=${String(subset.length).padStart(3)}  precision ${p.toFixed(3)}  recall ${rc.toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn})${lv}`);
  }
}
