import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

// Where a signed-in page's CPU goes (issue 21): starts the bench server
// (tests/bench/server.ts, production build) under `node --cpu-prof`, signs the demo
// buyer, seller and staff member in (a session each, as login makes it), loads each
// of their pages for PROFILE_SECONDS (default 8) at 10 connections, stops the server
// and prints the functions and packages with the most CPU time of their own.
// Load-independent enough to compare before and after a change (shares, not req/s).
//   npx tsx tests/bench/profile.ts                    (embedded engine, DATA_DIR)
//   DATABASE_URL=postgres://... npx tsx tests/bench/profile.ts
// Run `npm run build` and `npm run db:seed` first.

const port = Number(process.env.BENCH_PORT || 3230) + 5;
const seconds = Number(process.env.PROFILE_SECONDS || 8);
const dir = path.join(os.tmpdir(), `sen-profile-${port}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

async function cookies() {
  const { startSession } = await import('../../app/lib/auth.server');
  const { db, closeDb } = await import('../../app/lib/db.server');
  const out: Record<string, string> = {};
  for (const who of ['buyer', 'seller', 'staff']) {
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', `${who}@sen.test`)
      .executeTakeFirstOrThrow();
    out[who] = (await startSession(user.id)).split(';')[0];
  }
  await closeDb();
  return out;
}

function packageOf(url: string) {
  if (!url) return '(native / gc / idle)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node core';
  if (url.includes('/build/')) return 'sen (build)';
  return url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '');
}

function report(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let total = 0;
  const fns = new Map<string, number>();
  const pkgs = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    total += us;
    const key = `${functionName || '(anonymous)'} ${packageOf(url)}:${lineNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    const pkg = functionName === '(garbage collector)' ? '(gc)' : packageOf(url);
    pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + us);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  console.log(`busy CPU time: ${(total / 1e6).toFixed(1)} s\n\nby package (self time)\n${top(pkgs, 15)}`);
  console.log(`\nby function (self time)\n${top(fns, 30)}`);
}

async function main() {
  const who = await cookies();
  const pages = (
    process.env.PROFILE_PAGES || 'buyer:/market?q=ao,buyer:/,seller:/dashboard/orders,staff:/staff/verifications'
  )
    .split(',')
    .map((entry) => {
      const [person, pathname] = entry.split(/:(.*)/s);
      return { person, pathname };
    });
  const server = spawn(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--import', 'tsx', 'tests/bench/server.ts'],
    {
      env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 250) {
    if (waited > 60_000) throw new Error('the bench server did not start');
    const up = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  for (const page of pages) {
    const cookie = who[page.person];
    const first = await fetch(base + page.pathname, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
    await first.arrayBuffer();
    if (first.status !== 200) throw new Error(`${page.person} ${page.pathname}: ${first.status}`);
    const result = await autocannon({
      url: base + page.pathname,
      connections: 10,
      duration: seconds,
      headers: cookie ? { cookie } : undefined,
    });
    console.log(`${page.person} ${page.pathname}: ${result.requests.average} req/s (10 connections, under --cpu-prof)`);
  }
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGINT');
  await exited;
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile written in ${dir}`);
  console.log(`\nprofile: ${path.join(dir, file)} (open it in Chrome DevTools)`);
  report(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Profile);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
