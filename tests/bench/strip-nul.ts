// The cost of the NUL-stripping stream transform (app/server/strip-nul.ts) on a page-sized
// body in React's 2 KB chunks, against the same stream without it: npx tsx tests/bench/strip-nul.ts
import { PassThrough } from 'node:stream';
import { stripNulBytes } from '../../app/server/strip-nul';
const page = Buffer.from('<div class="card">Áo dài lụa tơ tằm — Hà Nội, giá 1.250.000 ₫</div>'.repeat(300)); // ~20 KB
const chunks: Buffer[] = [];
for (let i = 0; i < page.length; i += 2048) chunks.push(page.subarray(i, i + 2048));
async function run(withStrip: boolean) {
  const body = new PassThrough();
  const out = withStrip ? body.pipe(stripNulBytes()) : body;
  const done = (async () => {
    let n = 0;
    for await (const c of out) n += (c as Buffer).length;
    return n;
  })();
  for (const c of chunks) body.write(c);
  body.end();
  return done;
}
for (const w of [false, true, false, true]) {
  const n = 3000;
  const t = performance.now();
  for (let i = 0; i < n; i++) await run(w);
  console.log(
    `${w ? 'with strip-nul' : 'without      '}: ${(((performance.now() - t) / n) * 1000).toFixed(1)} µs per ${page.length}-byte page (${chunks.length} chunks)`,
  );
}
