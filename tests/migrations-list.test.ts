import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrations } from '../db/migrations/index';

// The compiled server only knows the migrations db/migrations/index.ts imports: a file
// added to the folder without its line there would never run in production.
describe('db/migrations/index.ts', () => {
  it('lists every migration file of the folder, under its file name, with an up()', () => {
    const files = readdirSync('db/migrations')
      .filter((f) => f !== 'index.ts' && f.endsWith('.ts'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    for (const file of files) expect(file).toMatch(/^\d{4}_[a-z0-9_]+$/);
    expect(Object.keys(migrations).sort()).toEqual(files);
    for (const migration of Object.values(migrations)) expect(typeof migration.up).toBe('function');
  });
});
