import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve('app/locales');
// A plural key has its forms by Intl.PluralRules: Vietnamese only "_other", English also "_one".
const extraForm = /_(zero|one|two|few|many)$/;
const load = (locale: string, file: string) =>
  JSON.parse(readFileSync(path.join(root, locale, file), 'utf8')) as Record<string, string>;

describe('locale files', () => {
  const files = readdirSync(path.join(root, 'vi')).filter((f) => f.endsWith('.json'));

  it('exist in both languages', () => {
    expect(
      readdirSync(path.join(root, 'en'))
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(files.sort());
  });

  it.each(files)('%s has the same keys in Vietnamese and English, none empty', (file) => {
    const vi = load('vi', file);
    const en = load('en', file);
    expect(
      Object.keys(en)
        .filter((key) => !extraForm.test(key))
        .sort(),
    ).toEqual(Object.keys(vi).sort());
    for (const key of Object.keys(en).filter((k) => extraForm.test(k))) {
      expect(vi[key.replace(extraForm, '_other')], `${key} has its other form`).toBeDefined();
    }
    for (const [key, value] of [...Object.entries(vi), ...Object.entries(en)]) {
      expect(value.trim(), key).not.toBe('');
    }
  });

  it.each(files)('%s uses the same {placeholders} in both languages', (file) => {
    const vi = load('vi', file);
    const en = load('en', file);
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(vi)) expect(names(en[key] ?? ''), key).toEqual(names(vi[key]));
    for (const key of Object.keys(en).filter((k) => extraForm.test(k))) {
      expect(names(en[key]), key).toEqual(names(vi[key.replace(extraForm, '_other')] ?? ''));
    }
  });

  it('no key is defined in two files', () => {
    const seen = new Map<string, string>();
    for (const file of files) {
      for (const key of Object.keys(load('vi', file))) {
        expect(seen.get(key), `${key} in ${file}`).toBeUndefined();
        seen.set(key, file);
      }
    }
  });

  it('every file is registered in the locale index', () => {
    const index = readFileSync(path.join(root, 'index.ts'), 'utf8');
    for (const file of files) {
      expect(index).toContain(`./vi/${file}`);
      expect(index).toContain(`./en/${file}`);
    }
  });
});
