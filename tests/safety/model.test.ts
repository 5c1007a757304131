import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectScam, modelInput } from '~/modules/safety/detector';
import { BUCKET_BITS } from '~/modules/safety/model/features';
import { MODEL_THRESHOLDS, scamProbability, type Weights } from '~/modules/safety/model/model';
import { loadLabelled, readSplit, splitOf } from '~/modules/safety/model/data';

const weightsFile = path.resolve('app/modules/safety/model/weights.json');

// Lines written for these tests, not taken from any labelled set.
const gambling = 'Nhà cái uy tín tặng 150k cho thành viên mới, nạp lần đầu nhân đôi, đăng ký ngay hôm nay';
const ordinary = [
  'Chị ơi em gửi hàng chiều nay, mã vận đơn em báo sau nhé',
  'Cảm ơn chị đã mua khăn, chị dùng thấy đẹp thì đánh giá giúp em trên Sen nha',
  'The scarf is 220k, shipping is 30k, pay on Sen please',
  'Here is my other listing: https://sen.vn/listing/indigo-shawl',
  'ok chị',
  'Hello',
];

describe('the learned scam model', () => {
  it('loads once from a small weights file, with thresholds chosen on validation', () => {
    const w = JSON.parse(readFileSync(weightsFile, 'utf8')) as Weights;
    expect(w.bucketBits).toBe(BUCKET_BITS);
    expect(w.weights.length).toBeGreaterThan(1000);
    expect(readFileSync(weightsFile).length).toBeLessThan(200_000);
    expect(MODEL_THRESHOLDS.caution).toBeGreaterThanOrEqual(0.5);
    expect(MODEL_THRESHOLDS.caution).toBeLessThan(1);
    expect(MODEL_THRESHOLDS.rise).toBeGreaterThanOrEqual(MODEL_THRESHOLDS.caution);
  });

  it('scores a scam the rules miss above the caution threshold, and ordinary talk below it', () => {
    expect(scamProbability(modelInput(gambling))).toBeGreaterThanOrEqual(MODEL_THRESHOLDS.caution);
    for (const text of ordinary) expect(scamProbability(modelInput(text)), text).toBeLessThan(MODEL_THRESHOLDS.caution);
  });

  it('rules silent + model confident: caution, with a general signal in the reader’s language', () => {
    expect(detectScam(gambling, { model: false }).level).toBe('none');
    const vi = detectScam(gambling, { locale: 'vi' });
    const en = detectScam(gambling, { locale: 'en' });
    expect(vi.level).toBe('caution');
    expect(vi.signals.map((s) => s.code)).toEqual(['looks_like_scam']);
    expect(vi.signals[0]?.message).toMatch(/lừa đảo thường gặp/);
    expect(en.signals[0]?.message).toMatch(/looks like common scams/);
    for (const text of ordinary) expect(detectScam(text).level, text).toBe('none');
  });

  it('the split is frozen: every validation and test id is a labelled line, and no line is in two splits', () => {
    const split = readSplit();
    const rows = loadLabelled();
    const ids = new Set(rows.map((r) => r.id));
    for (const id of [...split.validation, ...split.test]) expect(ids.has(id)).toBe(true);
    expect(new Set([...split.validation, ...split.test]).size).toBe(split.validation.length + split.test.length);
    const parts = splitOf(rows, split);
    expect(parts.test.length).toBe(split.test.length);
    for (const lang of ['vi', 'en'] as const) {
      expect(parts.test.filter((r) => r.lang === lang && r.scam).length).toBeGreaterThan(20);
      expect(parts.test.filter((r) => r.lang === lang && !r.scam).length).toBeGreaterThan(20);
    }
  });

  it('training is deterministic: scam:train on the committed data gives the committed weights', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'scam-train-')), 'weights.json');
    execFileSync(path.resolve('node_modules/.bin/tsx'), ['app/modules/safety/scam-train.ts', '--out', out], {
      stdio: 'pipe',
    });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(weightsFile, 'utf8'));
  }, 60_000);
});
