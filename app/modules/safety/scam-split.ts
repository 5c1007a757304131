// `npm run scam:split`: splits every labelled line ONCE into train (60 %),
// validation (20 %) and test (20 %), stratified by language, label, kind and
// source file, with a fixed seed, and freezes the result in
// app/modules/safety/model/split.json (ids of the validation and test lines).
// It refuses to run again when the file exists: the test split is frozen, and
// lines written later go to training (model/data.ts).
import { existsSync, writeFileSync } from 'node:fs';
import { loadLabelled, seeded, shuffle, SPLIT_FILE, type Labelled } from './model/data';

const SEED = 17;

if (existsSync(SPLIT_FILE)) {
  console.error(
    `${SPLIT_FILE} exists: the split is frozen. Delete it only if you mean to throw away every figure measured on it.`,
  );
  process.exit(1);
}
const random = seeded(SEED);
const strata = new Map<string, Labelled[]>();
for (const row of loadLabelled()) {
  const key = `${row.lang}|${row.scam}|${row.kind}|${row.source}`;
  strata.set(key, [...(strata.get(key) ?? []), row]);
}
const validation: string[] = [];
const test: string[] = [];
for (const key of [...strata.keys()].sort()) {
  const rows = shuffle(strata.get(key) ?? [], random);
  const nTest = Math.round(rows.length * 0.2);
  const nValidation = Math.round(rows.length * 0.2);
  test.push(...rows.slice(0, nTest).map((r) => r.id));
  validation.push(...rows.slice(nTest, nTest + nValidation).map((r) => r.id));
}
writeFileSync(
  SPLIT_FILE,
  JSON.stringify(
    { seed: SEED, created: new Date().toISOString().slice(0, 10), validation: validation.sort(), test: test.sort() },
    null,
    0,
  ) + '\n',
);
console.log(`validation ${validation.length}, test ${test.length}, written to ${SPLIT_FILE}`);
