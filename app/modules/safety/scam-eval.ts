// `npm run -s scam:eval`: how well the scam detector does, the rules alone, the
// learned model alone and both together (what the app uses), on the frozen
// validation and test splits (model/split.json): precision and recall per
// language, per style of writing and per kind of scam (for ordinary lines: how
// many were flagged), and a confusion table. Caution and danger count as flagged.
//
// `npx tsx app/modules/safety/scam-eval.ts FILE.jsonl … [--misses]`: the same
// three views on any labelled file (a set written later is first scored this
// way, as it is, before anything is changed for it); --misses lists mistakes.
// Prints figures; asserts nothing (tests/safety/*.test.ts assert).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { detectScam, modelInput, type ScamLevel } from './detector';
import { lineId, loadLabelled, splitOf, type Labelled } from './model/data';
import { MODEL_THRESHOLDS, scamProbability } from './model/model';

type System = 'rules' | 'model' | 'both';
const SYSTEMS: System[] = ['rules', 'model', 'both'];
type Scored = { row: Labelled; level: Record<System, ScamLevel> };

function score(row: Labelled): Scored {
  const p = scamProbability(modelInput(row.text));
  return {
    row,
    level: {
      rules: detectScam(row.text, { locale: row.lang, model: false }).level,
      model: p >= MODEL_THRESHOLDS.rise ? 'danger' : p >= MODEL_THRESHOLDS.caution ? 'caution' : 'none',
      both: detectScam(row.text, { locale: row.lang }).level,
    },
  };
}

function counts(rows: Scored[], system: System) {
  let tp = 0,
    fp = 0,
    fn = 0,
    tn = 0;
  for (const { row, level } of rows) {
    const flagged = level[system] !== 'none';
    if (flagged && row.scam) tp++;
    else if (flagged) fp++;
    else if (row.scam) fn++;
    else tn++;
  }
  return { tp, fp, fn, tn };
}

function cell(rows: Scored[], system: System) {
  const { tp, fp, fn } = counts(rows, system);
  const scams = rows.filter((r) => r.row.scam).length;
  if (scams === 0) return `flagged ${fp}/${rows.length}`.padEnd(17);
  const p = tp + fp ? (tp / (tp + fp)).toFixed(3) : '  -  ';
  return `P ${p} R ${(tp / (tp + fn)).toFixed(3)}`.padEnd(17);
}

function table(title: string, rows: Scored[]) {
  console.log(`\n${title} (${rows.length} lines, ${rows.filter((r) => r.row.scam).length} scams)`);
  console.log(`  ${'group'.padEnd(30)} ${'n'.padStart(4)}  ${SYSTEMS.map((s) => s.padEnd(17)).join(' ')}`);
  const groups: Array<[string, Scored[]]> = [['all', rows]];
  for (const lang of ['vi', 'en'] as const) groups.push([`lang ${lang}`, rows.filter((r) => r.row.lang === lang)]);
  const styles = [...new Set(rows.map((r) => r.row.style).filter((s): s is string => !!s))].sort();
  for (const style of styles) groups.push([`style ${style}`, rows.filter((r) => r.row.style === style)]);
  const kinds = [...new Set(rows.map((r) => r.row.kind))].sort();
  for (const kind of kinds) groups.push([`kind ${kind}`, rows.filter((r) => r.row.kind === kind)]);
  for (const lang of ['vi', 'en'] as const) {
    for (const kind of kinds) {
      const subset = rows.filter((r) => r.row.lang === lang && r.row.kind === kind);
      if (subset.length) groups.push([`  ${lang} · ${kind}`, subset]);
    }
  }
  const sources = [...new Set(rows.map((r) => r.row.source))].sort();
  if (sources.length > 1)
    for (const source of sources) groups.push([`set ${source}`, rows.filter((r) => r.row.source === source)]);
  for (const [name, subset] of groups) {
    if (subset.length)
      console.log(
        `  ${name.padEnd(30)} ${String(subset.length).padStart(4)}  ${SYSTEMS.map((s) => cell(subset, s)).join(' ')}`,
      );
  }
  console.log('  confusion (flagged = caution or danger):');
  for (const s of SYSTEMS) {
    const { tp, fp, fn, tn } = counts(rows, s);
    console.log(
      `    ${s.padEnd(6)} scam→flagged ${String(tp).padStart(4)}  scam→none ${String(fn).padStart(4)}  ordinary→flagged ${String(fp).padStart(4)}  ordinary→none ${String(tn).padStart(4)}`,
    );
  }
  const levelled = rows.filter((r) => r.row.level);
  if (levelled.length) {
    const levels: ScamLevel[] = ['none', 'caution', 'danger'];
    console.log(`  levels, both (rows: labelled level; columns: detector), ${levelled.length} lines with a level:`);
    for (const want of levels) {
      console.log(
        `    ${want.padEnd(8)} ${levels.map((got) => `${got} ${String(levelled.filter((r) => r.row.level === want && r.level.both === got).length).padStart(4)}`).join('  ')}`,
      );
    }
  }
}

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const misses = process.argv.includes('--misses');
const thresholds = `model thresholds: caution ≥ ${MODEL_THRESHOLDS.caution}, danger (with a rules' caution) ≥ ${MODEL_THRESHOLDS.rise}`;
if (files.length) {
  console.log(thresholds);
  for (const file of files) {
    const rows = readFileSync(path.resolve(file), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const raw = JSON.parse(l) as Omit<Labelled, 'id' | 'kind' | 'source'> & { kind?: string; style?: string };
        return {
          ...raw,
          id: lineId(raw.text),
          kind: raw.scam ? (raw.kind ?? 'scam') : 'ordinary',
          source: path.basename(file, '.jsonl'),
        };
      })
      .map(score);
    table(file, rows);
    if (misses)
      for (const r of rows)
        if ((r.level.both !== 'none') !== r.row.scam)
          console.log(
            `  ${r.row.scam ? 'MISS ' : 'FALSE'} rules ${r.level.rules} model ${r.level.model} ${r.row.text}`,
          );
  }
} else {
  const all = loadLabelled();
  const { validation, test } = splitOf(all);
  console.log(thresholds);
  console.log(
    'Rules alone: the detector with { model: false }. Model alone: its probability against the two thresholds. Both: detectScam as the app calls it.',
  );
  console.log(
    'Note: the rules were widened on the earlier sets (tests/safety), so "rules" on those lines is not a first look; set fresh-1 is.',
  );
  for (const [name, rows] of [
    ['VALIDATION split (thresholds were chosen here)', validation],
    ['TEST split (frozen; never used to write rules or choose thresholds)', test],
  ] as const) {
    const scored = rows.map(score);
    table(name, scored);
    if (misses)
      for (const r of scored)
        if ((r.level.both !== 'none') !== r.row.scam)
          console.log(
            `  ${r.row.scam ? 'MISS ' : 'FALSE'} rules ${r.level.rules} model ${r.level.model} ${r.row.text}`,
          );
  }
}
