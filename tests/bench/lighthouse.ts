import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

// Lighthouse, mobile (its default: a mid-range phone, simulated slow 4G), on the
// built server with the demo data, for the pages issue 16 names: performance and
// accessibility per page. A benchmark, not a test: `npm run bench:lighthouse`
// (after `npm run build`). Chromium from CHROME_PATH, else Debian's /usr/bin/chromium.

const port = Number(process.env.PORT || 3231);
const base = `http://localhost:${port}`;
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

let server: ChildProcess | undefined;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sen-lighthouse-'));
function stop() {
  try {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
process.on('exit', stop);
process.on('SIGINT', () => process.exit(130));

async function waitFor(url: string, timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer`);
}

/** The first link on `pathname` whose address matches `pattern`. */
async function firstLink(pathname: string, pattern: RegExp) {
  const html = await (await fetch(base + pathname)).text();
  const found = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]).find((href) => pattern.test(href));
  if (!found) throw new Error(`no link like ${pattern} on ${pathname}`);
  return found;
}

async function main() {
  const logFile = path.join(os.tmpdir(), `sen-lighthouse-server-${port}.log`);
  const out = openSync(logFile, 'w');
  // A fresh embedded database: the server seeds the demo data into it. The compiled
  // server, as in production (`npm run bench:lighthouse` builds first).
  server = spawn(process.execPath, ['build/server/main.js'], {
    env: { ...process.env, PORT: String(port), NODE_ENV: 'production', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', out, out],
    detached: true,
  });
  await waitFor(`${base}/healthz`);

  const listing = await firstLink('/market', /^\/market\/[0-9a-f-]{36}$/);
  const course = await firstLink('/learn', /^\/learn\/(?!game$|progress$)[a-z0-9-]+$/);
  const lesson = await firstLink(course, new RegExp(`^${course}/(?!quiz/)[a-z0-9-]+$`));
  const pages = ['/', '/market', listing, '/learn', lesson];

  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  const rows: { page: string; performance: number; accessibility: number; fcp: string; bytes: number }[] = [];
  const findings = new Set<string>();
  try {
    for (const page of pages) {
      const result = await lighthouse(base + page, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`no report for ${page}`);
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      rows.push({
        page,
        performance: score('performance'),
        accessibility: score('accessibility'),
        fcp: lhr.audits['first-contentful-paint']?.displayValue ?? '–',
        bytes: Math.round(Number(lhr.audits['total-byte-weight']?.numericValue ?? 0) / 1024),
      });
      for (const ref of lhr.categories.accessibility?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit?.score !== null && audit?.score !== undefined && audit.score < 1)
          findings.add(`${page}: ${audit.id} (${audit.title})`);
      }
    }
  } finally {
    await chrome.kill();
  }

  console.log(
    `# Lighthouse ${createRequire(import.meta.url)('lighthouse/package.json').version} mobile · demo data · ${os.cpus().length} cores · load ${os.loadavg()[0].toFixed(1)}`,
  );
  console.log('| page | performance | accessibility | first contentful paint | bytes (KB) |');
  console.log('|---|---|---|---|---|');
  for (const r of rows)
    console.log(`| \`${r.page}\` | ${r.performance} | ${r.accessibility} | ${r.fcp} | ${r.bytes} |`);
  if (findings.size) console.log(`\nAccessibility findings:\n${[...findings].map((f) => `- ${f}`).join('\n')}`);
}

main()
  .then(() => {
    stop();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  })
  .catch((error) => {
    console.error(error);
    stop();
    process.exit(1);
  });
