import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// What the browser downloads must not carry server code or the validation
// library: schemas live in *.server.ts modules, reached only from actions.
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.js') ? [full] : [];
  });
}

describe('the browser bundle', () => {
  it('is built (npm run build)', () => {
    expect(files('public/build').length).toBeGreaterThan(0);
  });

  it.each([
    ['zod', /ZodError|\$ZodType/],
    ['database drivers', /pg-protocol|PGlite|kysely/i],
    ['password hashing', /argon2/],
    ['the AWS SDK', /@aws-sdk|S3Client/],
  ])('carries no %s', (_name, pattern) => {
    const offenders = files('public/build').filter((file) => pattern.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
