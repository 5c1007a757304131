// The learned half of the scam detector (issue 17): logistic regression over
// hashed n-grams (features.ts), trained by `npm run scam:train` and shipped as
// weights.json (weights quantised to 16-bit integers, base64). Decoded once,
// when this module is first imported.
import trained from './weights.json';
import { BUCKET_BITS, eachFeature, featureScale } from './features';

export type Weights = {
  version: number;
  bucketBits: number;
  bias: number;
  /** weight = int16 × scale */
  scale: number;
  weights: string;
  /** Chosen on the validation split by scam:train, never on the test split. */
  thresholds: { caution: number; rise: number };
  trainedOn: { train: number; seed: number; epochs: number; l2: number };
};

export function decode(w: Weights): Float32Array {
  const binary = atob(w.weights);
  const out = new Float32Array(binary.length >> 1);
  for (let i = 0; i < out.length; i++) {
    const lo = binary.charCodeAt(2 * i);
    const hi = binary.charCodeAt(2 * i + 1);
    out[i] = (((hi << 24) >> 16) | lo) * w.scale; // little-endian int16
  }
  return out;
}

const model = trained as Weights;
// Weights trained for another feature layout would score nonsense: the model then stays
// silent (never confident) until `npm run scam:train` is run; tests/safety/model.test.ts fails meanwhile.
const usable = model.bucketBits === BUCKET_BITS && model.weights.length > 0;
const weights = usable ? decode(model) : new Float32Array(1 << BUCKET_BITS);

export const MODEL_THRESHOLDS = usable ? model.thresholds : { caution: 2, rise: 2 };

/** Raw score (log-odds) of a model text (features.ts modelText) under the given weights. */
export function logit(text: string, w: Float32Array, bias: number): number {
  let sum = 0;
  const count = eachFeature(text, (b) => {
    sum += w[b];
  });
  return bias + sum * featureScale(count);
}

/** How likely the model thinks a text is a scam, 0 to 1; `text` is modelText(canonical(…).text, safeLinks). */
export function scamProbability(text: string): number {
  return usable ? 1 / (1 + Math.exp(-logit(text, weights, model.bias))) : 0;
}
