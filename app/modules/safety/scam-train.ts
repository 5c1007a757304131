// `npm run scam:train`: trains the scam model (model/model.ts) on the TRAIN
// split of every labelled line (model/data.ts, model/split.json), chooses its
// two thresholds on the VALIDATION split, and writes model/weights.json. The
// test split is not read. Deterministic: a fixed seed orders the examples, and
// the same data gives the same file. Takes a few seconds.
//
// Model: logistic regression over hashed character 3-5-grams and word 1-2-grams
// (model/features.ts), scaled by 1/√(number of features), trained by AdaGrad
// with L2 regularisation and balanced classes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { detectScam, modelInput } from './detector';
import { loadLabelled, seeded, shuffle, splitOf, type Labelled } from './model/data';
import { BUCKET_BITS, eachFeature, featureScale } from './model/features';
import { decode, logit, type Weights } from './model/model';

const SEED = 17;
const EPOCHS = 30;
const RATE = 0.5;
const L2S = [1e-4, 1e-3, 3e-3, 1e-2];
const BUCKETS = 1 << BUCKET_BITS;
/** For the caution threshold, rules + model must keep this precision on validation in each language… */
const MIN_PRECISION = 0.97;
/** …and raise at most this many more false alarms than the rules alone, per language (about 1 % of its ordinary lines). */
const MAX_EXTRA_FALSE_ALARMS = 1;
/** The model alone must be this precise on validation for a rules' caution to rise to danger. */
const RISE_PRECISION = 0.98;

type Example = { row: Labelled; input: string; buckets: Int32Array; scale: number };

function example(row: Labelled): Example {
  const input = modelInput(row.text);
  const buckets: number[] = [];
  const count = eachFeature(input, (b) => buckets.push(b));
  return { row, input, buckets: Int32Array.from(buckets), scale: featureScale(count) };
}

function train(examples: Example[], l2: number) {
  const w = new Float64Array(BUCKETS);
  const g2 = new Float64Array(BUCKETS).fill(1e-8);
  let bias = 0;
  let biasG2 = 1e-8;
  const positives = examples.filter((e) => e.row.scam).length;
  const weightOf = {
    true: examples.length / (2 * positives),
    false: examples.length / (2 * (examples.length - positives)),
  };
  const random = seeded(SEED);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const e of shuffle(examples, random)) {
      let z = bias;
      for (const b of e.buckets) z += w[b] * e.scale;
      const p = 1 / (1 + Math.exp(-z));
      const grad = (p - (e.row.scam ? 1 : 0)) * weightOf[String(e.row.scam) as 'true' | 'false'];
      for (const b of e.buckets) {
        const g = grad * e.scale + l2 * w[b];
        g2[b] += g * g;
        w[b] -= (RATE * g) / Math.sqrt(g2[b]);
      }
      biasG2 += grad * grad;
      bias -= (RATE * grad) / Math.sqrt(biasG2);
    }
  }
  return { w, bias };
}

function quantise(w: Float64Array, bias: number, l2: number, n: number): Weights {
  let max = 0;
  for (const x of w) max = Math.max(max, Math.abs(x));
  const scale = max / 32767 || 1;
  const ints = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) ints[i] = Math.round(w[i] / scale);
  const bytes = new Uint8Array(ints.buffer);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return {
    version: 1,
    bucketBits: BUCKET_BITS,
    bias: Number(bias.toFixed(6)),
    scale: Number(scale.toPrecision(8)),
    weights: btoa(binary),
    thresholds: { caution: 2, rise: 2 },
    trainedOn: { train: n, seed: SEED, epochs: EPOCHS, l2 },
  };
}

const started = Date.now();
const { train: trainRows, validation: validationRows } = splitOf(loadLabelled());
const trainSet = trainRows.map(example);
const validationSet = validationRows.map(example);
const rulesLevel = new Map(
  validationSet.map((e) => [e.row.id, detectScam(e.row.text, { locale: e.row.lang, model: false }).level] as const),
);

function precisionOf(flags: boolean[], set: Example[], lang: 'vi' | 'en') {
  let tp = 0;
  let fp = 0;
  set.forEach((e, i) => {
    if (e.row.lang !== lang || !flags[i]) return;
    if (e.row.scam) tp++;
    else fp++;
  });
  return tp + fp ? tp / (tp + fp) : 1;
}
const falseAlarms = (flags: boolean[], lang: 'vi' | 'en') =>
  validationSet.filter((e, i) => flags[i] && !e.row.scam && e.row.lang === lang).length;
const rulesFlags = validationSet.map((e) => rulesLevel.get(e.row.id) !== 'none');
const grid = Array.from({ length: 50 }, (_, i) => 0.5 + i * 0.01);

/**
 * Caution: the lowest threshold (most recall) at which rules + model, on
 * validation, raise at most MAX_EXTRA_FALSE_ALARMS more false alarms than the
 * rules alone in each language, and keep MIN_PRECISION.
 */
function cautionThreshold(ps: number[]) {
  return (
    grid.find((t) => {
      const flags = validationSet.map((_, i) => rulesFlags[i] || ps[i] >= t);
      return (['vi', 'en'] as const).every(
        (lang) =>
          falseAlarms(flags, lang) <= falseAlarms(rulesFlags, lang) + MAX_EXTRA_FALSE_ALARMS &&
          precisionOf(flags, validationSet, lang) >= MIN_PRECISION,
      );
    }) ?? 1
  );
}

/** Exact-level agreement on validation lines that carry a level, when a rules' caution rises to danger at `rise`. */
function levelAgreement(ps: number[], rise: number) {
  let right = 0;
  let n = 0;
  validationSet.forEach((e, i) => {
    if (!e.row.level) return;
    n++;
    const rules = rulesLevel.get(e.row.id);
    const got = rules === 'caution' && ps[i] >= rise ? 'danger' : rules;
    if (got === e.row.level) right++;
  });
  return n ? right / n : 1;
}

// The L2 strength is chosen on validation: the most scams caught by rules + model at the caution threshold.
let best: { weights: Weights; caution: number; caught: number; ps: number[] } | undefined;
for (const l2 of L2S) {
  const { w, bias } = train(trainSet, l2);
  const weights = quantise(w, bias, l2, trainSet.length);
  const decoded = decode(weights);
  const ps = validationSet.map((e) => 1 / (1 + Math.exp(-logit(e.input, decoded, weights.bias))));
  const caution = cautionThreshold(ps);
  const caught = validationSet.filter((e, i) => e.row.scam && (rulesFlags[i] || ps[i] >= caution)).length;
  console.log(
    `l2 ${l2}: caution threshold ${caution.toFixed(2)}, rules + model catch ${caught} of ${validationSet.filter((e) => e.row.scam).length} validation scams`,
  );
  if (!best || caught >= best.caught) best = { weights, caution, caught, ps }; // a tie goes to the stronger regularisation
}
if (!best) throw new Error('no model trained');
const { weights, caution, ps } = best;

// Rise: the lowest threshold, not below caution, at which the model alone is RISE_PRECISION precise
// and a caution that rises to danger does not lower the exact-level agreement of the rules alone.
const rise =
  grid.find((t) => {
    if (t < caution) return false;
    const flags = validationSet.map((_, i) => ps[i] >= t);
    return (
      precisionOf(flags, validationSet, 'vi') >= RISE_PRECISION &&
      precisionOf(flags, validationSet, 'en') >= RISE_PRECISION &&
      levelAgreement(ps, t) >= levelAgreement(ps, 2)
    );
  }) ?? 1;
weights.thresholds = { caution: Number(caution.toFixed(2)), rise: Number(rise.toFixed(2)) };

// `--out FILE` writes elsewhere (tests/safety/model.test.ts checks the committed file is what training gives).
const outAt = process.argv.indexOf('--out');
const file = path.resolve(
  outAt >= 0 && process.argv[outAt + 1] ? process.argv[outAt + 1] : 'app/modules/safety/model/weights.json',
);
writeFileSync(file, JSON.stringify(weights) + '\n');
console.log(
  `trained on ${trainSet.length} lines, thresholds caution ${weights.thresholds.caution} rise ${weights.thresholds.rise} (chosen on ${validationSet.length} validation lines), ${file} written in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
