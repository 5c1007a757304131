import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { openSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Secret, TOTP } from 'otpauth';
import { demoPassword } from '../../db/seeds/accounts';
import { demoStaffTotpSecret } from '../../db/seeds/two-factor';
import { nouns } from '../../db/seeds/market-large';
import { pageCacheSeconds } from '../../app/server/app';

// npm run bench: the market's pages on the large data set, under 50 concurrent
// connections, beside two ceilings measured in the same run: a bare Node http
// server answering the search page's bytes, and the same markup rendered by
// Remix from constants (/bench/floor). Not a test; not run in CI.
//   DATABASE_URL=postgres://... npm run bench     (PostgreSQL)
//   DATA_DIR=/tmp/sen-bench npm run bench         (embedded engine)
// BENCH_DURATION (seconds per page, default 10), BENCH_CONNECTIONS (default 50).
// Signed-in rows: the demo buyer, seller and staff member sign in through /login
// (the staff member with her two-step code, made from the demo key as an
// authenticator app would) and their pages are measured with their cookie.

const port = Number(process.env.BENCH_PORT || 3230);
const barePort = port + 1;
const base = `http://127.0.0.1:${port}`;
const duration = Number(process.env.BENCH_DURATION || 10);
const connections = Number(process.env.BENCH_CONNECTIONS || 50);
const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const children: ChildProcess[] = [];

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string) {
  const out = openSync(logFile, 'w');
  // Its own process group, so stopping it stops everything it started.
  const child = spawn(command, args, { env, stdio: ['ignore', out, out], detached: true });
  children.push(child);
  return child;
}

function stopAll() {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));

async function waitFor(url: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

async function html(pathname: string) {
  const res = await fetch(base + pathname);
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') ?? 'text/html' };
}

/** The cookies a response sets, as one Cookie header value merged into `jar`. */
function keepCookies(res: Response, jar: Map<string, string>) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return [...jar]
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

/** Signs in through the login endpoints; the Cookie header of her session. */
async function signIn(email: string) {
  const jar = new Map<string, string>();
  const form = (fields: Record<string, string>, cookie = '') => ({
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { Origin: base, Cookie: cookie },
    redirect: 'manual' as const,
  });
  let cookie = keepCookies(await fetch(`${base}/login`, form({ email, password: demoPassword })), jar);
  if (!cookie.includes('sen_session=')) {
    // Two-step login: the code of this 30-second step (or, if it was just used, the next one).
    for (let attempt = 0; attempt < 2 && !cookie.includes('sen_session='); attempt++) {
      const step = Math.floor(Date.now() / 30_000) + attempt;
      if (attempt) await new Promise((r) => setTimeout(r, step * 30_000 - Date.now() + 100));
      const code = new TOTP({ secret: Secret.fromBase32(demoStaffTotpSecret), digits: 6, period: 30 }).generate({
        timestamp: step * 30_000,
      });
      cookie = keepCookies(await fetch(`${base}/login/code`, form({ code }, cookie)), jar);
    }
  }
  if (!cookie.includes('sen_session=')) throw new Error(`could not sign in as ${email}`);
  return cookie;
}

type Row = {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  statements: number | null;
  sqlMs?: number;
  aloneMs?: number;
};

/**
 * Searches a buyer could type, all different: the large data set's product names
 * without diacritics, each with its category and a price floor, in three orders.
 * More of them than a run sends, so each is rendered, never served from the page cache.
 */
function differentSearches() {
  const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
  const paths: string[] = [];
  for (const sort of ['relevance', 'newest', 'price_asc']) {
    for (let floor = 0; floor < 20; floor++) {
      for (const [category, names] of Object.entries(nouns)) {
        for (const name of names) {
          paths.push(
            `/market?q=${encodeURIComponent(plain(name)).replace(/%20/g, '+')}&category=${category}&min=${floor * 10000}&f=1&verified=1&sort=${sort}`,
          );
        }
      }
    }
  }
  // Shuffled with a fixed seed, so runs compare.
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = paths.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [paths[i], paths[j]] = [paths[j], paths[i]];
  }
  return paths;
}

async function measure(
  name: string,
  url: string,
  pathname: string,
  statements: number | null,
  paths?: string[],
  cookie?: string,
): Promise<Row> {
  let sent = 0;
  const requests = paths
    ? [{ setupRequest: (request: object) => ({ ...request, path: paths[sent++ % paths.length] }) }]
    : undefined;
  const headers = cookie ? { cookie } : undefined;
  // A short warm-up, then the measured run.
  await autocannon({ url, connections, duration: 2, requests, headers });
  const times: number[] = [];
  const instance = autocannon({ url, connections, duration, requests, headers });
  instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await instance;
  times.sort((a, b) => a - b);
  const at = (q: number) => (times.length ? times[Math.min(times.length - 1, Math.floor(q * times.length))] : NaN);
  return {
    name,
    path: pathname,
    rps: result.requests.average,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors: result.errors + result.timeouts + result.non2xx,
    statements,
  };
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

async function main() {
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  const cache = pageCacheSeconds();
  console.log(
    `# market bench · engine ${engine} · ${os.cpus().length} cores · ${connections} connections · ${duration} s per page · page cache ${cache ? `${cache} s` : 'off'} · load ${load()}`,
  );
  run('npx', ['remix', 'build']);
  // The large data set (idempotent: only the missing part is written).
  run('npx', ['tsx', 'db/seeds/market-large.ts']);

  const env = { ...process.env, PORT: String(port), BENCH: '1', NODE_ENV: 'production' as const };
  start('npx', ['tsx', 'tests/bench/server.ts'], env, path.join(os.tmpdir(), `sen-bench-server-${port}.log`));
  await waitFor(`${base}/healthz`);

  // The pages to measure, found the way a buyer finds them.
  const searchPath = '/market?q=ao+dai+lua&category=fashion&min=100000&max=2000000&f=1&verified=1&sort=relevance';
  const search = await html(searchPath);
  const listingId = search.text.match(/href="\/market\/([0-9a-f-]{36})"/)?.[1];
  if (!listingId) throw new Error('the search found nothing: is the large data set there?');
  let deepPath = '/market?f=1&verified=1&sort=price_asc';
  for (let page = 1; page < 100; page++) {
    const tag = (await html(deepPath)).text.match(/<a[^>]*rel="next"[^>]*>/)?.[0];
    const next = tag?.match(/href="([^"]+)"/)?.[1];
    if (!next) break;
    deepPath = next.replace(/&amp;/g, '&');
  }
  const listingPath = `/market/${listingId}`;
  const slug = (await html(listingPath)).text.match(/href="\/s\/([a-z0-9-]+)"/)?.[1];
  const storefrontPath = slug ? `/s/${slug}` : null;
  const storefrontOk = storefrontPath ? (await html(storefrontPath)).status === 200 : false;
  const floorPath = '/bench/floor';

  // Signed-in people, each on a page of hers (never from the page cache: it is for anonymous visitors).
  const buyer = await signIn('buyer@sen.test');
  const seller = await signIn('seller@sen.test');
  const staff = await signIn('staff@sen.test');
  const signedIn = [
    { name: 'buyer: search (signed in)', path: searchPath, cookie: buyer },
    { name: 'buyer: listing (signed in)', path: listingPath, cookie: buyer },
    { name: 'seller: /dashboard/orders', path: '/dashboard/orders', cookie: seller },
    { name: 'staff: /staff/verifications', path: '/staff/verifications', cookie: staff },
  ];
  for (const page of signedIn) {
    const res = await fetch(base + page.path, { headers: { cookie: page.cookie }, redirect: 'manual' });
    if (res.status !== 200) throw new Error(`${page.name}: ${page.path} answered ${res.status}`);
    await res.arrayBuffer();
  }

  // Statements and time per page, one request at a time, 20 each (no cookie: a
  // buyer browsing): the median time in SQL and in the whole request.
  await fetch(`${base}/__bench/sql`);
  const pages = [searchPath, deepPath, listingPath, ...(storefrontOk ? [storefrontPath!] : []), floorPath];
  // Each with its own `bench=<n>`, which the pages ignore, so every one is rendered
  // rather than served from the page cache (the server files it under the plain path).
  let n = 0;
  for (let i = 0; i < 20; i++)
    for (const p of pages) await fetch(`${base}${p}${p.includes('?') ? '&' : '?'}bench=${n++}`).then((r) => r.text());
  for (let i = 0; i < 20; i++)
    for (const page of signedIn)
      await fetch(base + page.path, { headers: { cookie: page.cookie } }).then((r) => r.text());
  type Count = { path: string; signedIn: boolean; statements: number; sqlMs: number; totalMs: number };
  const counts = (await (await fetch(`${base}/__bench/sql`)).json()) as Count[];
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  const of = (p: string, signed: boolean) => counts.filter((c) => c.path === p && c.signedIn === signed);
  const statementsOf = (p: string, signed = false) =>
    of(p, signed).length ? Math.max(...of(p, signed).map((c) => c.statements)) : null;
  const sqlMsOf = (p: string, signed = false) => median(of(p, signed).map((c) => c.sqlMs));
  const totalMsOf = (p: string, signed = false) => median(of(p, signed).map((c) => c.totalMs));

  // The bare ceiling: Node's http server answering the search page's bytes.
  const bodyFile = path.join(os.tmpdir(), `sen-bench-body-${port}.html`);
  writeFileSync(bodyFile, search.text);
  const bare = `const fs=require('fs');const b=fs.readFileSync(${JSON.stringify(bodyFile)});require('http').createServer((q,s)=>{s.writeHead(200,{'Content-Type':'text/html; charset=utf-8','Content-Length':b.length});s.end(b)}).listen(${barePort},'127.0.0.1')`;
  start(process.execPath, ['-e', bare], process.env, path.join(os.tmpdir(), `sen-bench-bare-${port}.log`));
  await waitFor(`http://127.0.0.1:${barePort}/`);

  const rows: Row[] = [];
  const withTimes = (row: Row, p: string) => ({ ...row, sqlMs: sqlMsOf(p), aloneMs: totalMsOf(p) });
  rows.push(await measure('node http (same bytes)', `http://127.0.0.1:${barePort}/`, '(bare)', null));
  rows.push(
    withTimes(
      await measure('remix floor (constants)', base + floorPath, floorPath, statementsOf(floorPath)),
      floorPath,
    ),
  );
  rows.push(
    withTimes(
      await measure('search: query + filters', base + searchPath, searchPath, statementsOf(searchPath)),
      searchPath,
    ),
  );
  const searches = differentSearches();
  rows.push(
    await measure(
      `search: ${searches.length} different queries`,
      base + searches[0],
      '/market?q=<each different>…',
      statementsOf(searchPath),
      searches,
    ),
  );
  rows.push(
    withTimes(
      await measure(
        'search: page 100 (keyset)',
        base + deepPath,
        deepPath.replace(/after=[^&]+/, 'after=…'),
        statementsOf(deepPath),
      ),
      deepPath,
    ),
  );
  rows.push(
    withTimes(await measure('listing page', base + listingPath, listingPath, statementsOf(listingPath)), listingPath),
  );
  if (storefrontOk)
    rows.push(
      withTimes(
        await measure('storefront', base + storefrontPath!, storefrontPath!, statementsOf(storefrontPath!)),
        storefrontPath!,
      ),
    );
  for (const page of signedIn) {
    const row = await measure(
      page.name,
      base + page.path,
      page.path,
      statementsOf(page.path, true),
      undefined,
      page.cookie,
    );
    rows.push({ ...row, sqlMs: sqlMsOf(page.path, true), aloneMs: totalMsOf(page.path, true) });
  }
  // npm start itself with one and with two HTTP processes (PostgreSQL only: the
  // embedded engine is one process), on the buyer's signed-in listing page: its cost
  // is in Node (the search's is in PostgreSQL, which more Node processes cannot share).
  if (engine === 'postgres') {
    const clusterPort = port + 2;
    for (const processes of [1, 2]) {
      const env = {
        ...process.env,
        PORT: String(clusterPort),
        HOST: '127.0.0.1',
        WEB_CONCURRENCY: String(processes),
        NODE_ENV: 'production' as const,
      };
      const logFile = path.join(os.tmpdir(), `sen-bench-start-${port}-${processes}.log`);
      const child = start('npm', ['start'], env, logFile);
      // Every process is listening before the measured run.
      for (
        let waited = 0;
        (readFileSync(logFile, 'utf8').match(/"msg":"listening"/g) ?? []).length < processes;
        waited += 250
      ) {
        if (waited > 120_000) throw new Error(`npm start with ${processes} processes did not listen: see ${logFile}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      rows.push(
        await measure(
          `buyer: listing, npm start, WEB_CONCURRENCY=${processes}`,
          `http://127.0.0.1:${clusterPort}${listingPath}`,
          listingPath,
          null,
          undefined,
          buyer,
        ),
      );
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  }
  // The machine's load drifts during a run: the floor is measured again at the
  // end, and the ratios use the mean of both floor runs.
  const floorAgain = await measure(
    'remix floor (again, at the end)',
    base + floorPath,
    floorPath,
    statementsOf(floorPath),
  );
  rows.push(withTimes(floorAgain, floorPath));

  const node = rows[0].rps;
  const floor = (rows[1].rps + floorAgain.rps) / 2;
  console.log('');
  console.log(
    '| page | req/s | p50 ms | p95 ms | p99 ms | errors | SQL statements | SQL ms (alone) | request ms (alone) | × node http | × remix floor |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${fmt(r.rps, 0)} | ${fmt(r.p50, 0)} | ${fmt(r.p95, 0)} | ${fmt(r.p99, 0)} | ${r.errors} | ${r.statements ?? '–'} | ${r.sqlMs === undefined ? '–' : fmt(r.sqlMs)} | ${r.aloneMs === undefined ? '–' : fmt(r.aloneMs)} | ${fmt(r.rps / node, 2)} | ${fmt(r.rps / floor, 2)} |`,
    );
  }
  console.log(
    '\n"alone": median of 20 requests sent one at a time before the load runs; SQL ms is the time until the database answered.',
  );
  if (!storefrontOk)
    console.log(
      '\nstorefront: /s/<slug> is not served by this build (it comes with the verification branch); not measured.',
    );
  console.log(`\nload average at the end: ${load()} (other processes on this machine share its cores)`);
  const searchRow = rows[2];
  console.log(
    `\nsearch p95 ${fmt(searchRow.p95, 0)} ms (target < 50 ms on PostgreSQL); pages at ≥ 0.5 × floor: ${rows.slice(2, -1).every((r) => r.rps >= floor / 2) ? 'yes' : 'no'}`,
  );
  const signedRows = rows.filter((r) => signedIn.some((p) => p.name === r.name));
  const one = rows.find((r) => r.name.endsWith('WEB_CONCURRENCY=1'));
  const two = rows.find((r) => r.name.endsWith('WEB_CONCURRENCY=2'));
  if (one && two) console.log(`two processes: ${fmt(two.rps / one.rps, 2)} × one (target ≥ 1.6)`);
  console.log(
    `signed-in pages at ≥ 0.8 × floor: ${signedRows.every((r) => r.rps >= 0.8 * floor) ? 'yes' : 'no'} (lowest ${fmt(Math.min(...signedRows.map((r) => r.rps / floor)), 2)}); most SQL statements on a page: ${Math.max(...rows.map((r) => r.statements ?? 0))}`,
  );
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
