// The cost of Remix's route matching per request: @remix-run/router's matchRoutes,
// which Remix's server runtime calls on every request with the whole route tree
// (it flattens and ranks every route each time). Run after a build:
//   npx tsx tests/bench/route-matching.ts
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { matchRoutes, type AgnosticRouteObject as RouteObject } from '@remix-run/router';

const build = await import(pathToFileURL(path.resolve('build/index.js')).href);
type Manifest = Record<string, { id: string; parentId?: string; path?: string; index?: boolean }>;
const routes = build.routes as Manifest;
function children(parentId: string | undefined): RouteObject[] {
  return Object.values(routes)
    .filter((r) => r.parentId === parentId)
    .map((r) =>
      r.index ? { id: r.id, path: r.path, index: true } : { id: r.id, path: r.path, children: children(r.id) },
    );
}
const tree = children(undefined);
const paths = [
  '/market',
  '/market/3f1c2a4e-0000-4000-8000-000000000001',
  '/dashboard/orders',
  '/staff/verifications',
  '/khong-co',
];
for (let round = 0; round < 2; round++) {
  const n = 2000;
  const started = performance.now();
  for (let i = 0; i < n; i++) matchRoutes(tree, paths[i % paths.length]);
  console.log(
    `${Object.keys(routes).length} routes: ${(((performance.now() - started) / n) * 1000).toFixed(0)} µs per match`,
  );
}
