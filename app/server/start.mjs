// `npm start`: the compiled server, build/server/main.js (`npm run worker`: worker.js there).
// Plain JavaScript so that node runs it before anything is compiled: a fresh clone (or a pull,
// or an edit) is built first, when a source is newer than the build, so
// `npm install && npm start` stays the first command.
// The Dockerfile runs build/server/main.js directly: its image is built already.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const compiled = path.resolve(`build/server/${process.argv[2] === 'worker' ? 'worker' : 'main'}.js`);
// What `npm run build` compiles: the Remix app, and the server with db/ and jobs/. A Remix
// build newer than the server's is one `npm run dev` made (development mode): rebuilt too.
const sources = ['app', 'db', 'jobs', 'package.json', 'remix.config.js', 'tsconfig.json', 'build/index.js'];

/** The newest modification time in a file or folder, 0 when it does not exist. */
function newest(file) {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(file).map((name) => newest(path.join(file, name))));
}

if (!existsSync(compiled) || statSync(compiled).mtimeMs < Math.max(...sources.map(newest))) {
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// As if node had been given the compiled file: jobs/worker.ts runs only as the main script
// (its argv[1] check), and node:cluster forks argv[1] for the HTTP processes.
process.argv[1] = compiled;
await import(pathToFileURL(compiled).href);
