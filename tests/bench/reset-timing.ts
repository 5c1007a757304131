// Run against a migrated, empty database: DATABASE_URL=... npx tsx tests/bench/reset-timing.ts
import { performance } from 'node:perf_hooks';
import { createUser, requestPasswordReset } from '../../app/modules/accounts/accounts.server';
import { db } from '../../app/lib/db.server';

// Time of a reset request for an email with and without an account (medians of n, alternating).
const n = 30;
const known: string[] = [];
for (let i = 0; i < n; i++) {
  const email = `known${i}@bench.test`;
  await createUser({ email, password: 'a long bench passphrase', displayName: 'Bench', locale: 'vi' });
  known.push(email);
}
const times = { known: [] as number[], unknown: [] as number[] };
for (let i = 0; i < n; i++) {
  for (const kind of i % 2 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const)) {
    const email = kind === 'known' ? known[i] : `nobody${i}@bench.test`;
    const t0 = performance.now();
    const r = await requestPasswordReset(email, `10.0.${kind === 'known' ? 1 : 2}.${i}`, 'vi');
    times[kind].push(performance.now() - t0);
    if (r.status !== 'sent') throw new Error('throttled');
  }
}
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(
  `reset request median over ${n}: known ${median(times.known).toFixed(2)} ms, unknown ${median(times.unknown).toFixed(2)} ms`,
);
await db.destroy();
process.exit(0);
