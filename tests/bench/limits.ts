export {};

// How an oversized form costs the server: POSTs a 40,000-field urlencoded body to
// /cart and, during it, times /healthz. Run against a started server:
//   PORT=3230 npm start &   then   npx tsx tests/bench/limits.ts http://localhost:3230
const base = process.argv[2] ?? 'http://localhost:3230';
const body = Array.from({ length: 40_000 }, (_, i) => `f${i}=x`).join('&');

async function timed<T>(run: () => Promise<T>) {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

const post = timed(async () => {
  const response = await fetch(`${base}/cart`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base },
    redirect: 'manual',
  });
  await response.arrayBuffer();
  return response.status;
});
// Started while the big body is in flight.
await new Promise((resolve) => setTimeout(resolve, 5));
const health = timed(async () => (await fetch(`${base}/healthz`)).status);
const [p, h] = await Promise.all([post, health]);
console.log(`40,000-field POST /cart (${(body.length / 1024).toFixed(0)} KB): ${p.result} in ${p.ms.toFixed(1)} ms`);
console.log(`GET /healthz during it: ${h.result} in ${h.ms.toFixed(1)} ms`);
