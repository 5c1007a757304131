import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../app/lib/db.server';
import { addToCart, checkout } from '../app/modules/orders';
import { call, createTestUser, testOrigin } from './support/fixtures';
import { mentoringFixture } from './support/mentoring';
import { delivery, sellerWithListing } from './support/orders';

// Issue 12: every action and loader, as every kind of person, fed what no form
// sends — random and huge strings, prototype names, odd numbers and dates,
// repeated and missing fields, other people's ids and ids that are not ids.
// Whatever comes in, the answer is never a 5xx. The field names and intents are
// read from the app's own source, so a new form is fuzzed without a change here.

type Module = { action?: (args: never) => unknown; loader?: (args: never) => unknown };
type Person = { id: string; cookie: string } | null;

const routesDir = path.resolve('app/routes');
const routeFiles = readdirSync(routesDir).filter((file) => /\.tsx?$/.test(file));

const namePatterns = [/\bname="([\w.[\]-]{1,40})"/g, /^\s{2,4}(\w{2,30}): (?:z\.|fields\.)/gm];
const intentPatterns = [
  /z\.literal\('([\w-]{1,30})'\)/g,
  /name="intent" value="([\w-]{1,30})"/g,
  /case '([\w-]{1,30})':/g,
];

function collect(source: string, patterns: RegExp[], into: Set<string>) {
  for (const pattern of patterns) for (const [, found] of source.matchAll(pattern)) into.add(found);
  return into;
}

/** Every field name and intent value the app's forms use. */
function vocabulary() {
  const names = new Set<string>(['intent', 'id', 'redirectTo', 'confirmed']);
  const values = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) {
        const source = readFileSync(full, 'utf8');
        collect(source, namePatterns, names);
        collect(source, intentPatterns, values);
      }
    }
  };
  walk(path.resolve('app'));
  return { names: [...names], values: [...values] };
}

const prototypeNames = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];
const oddNumbers = [
  '-1',
  '0',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '9007199254740993',
  '99999999999999999999999',
  '0x1F',
  '1.5',
  '-0',
  '1,000',
];
const oddDates = [
  '2026-02-30T10:00:00Z',
  '0000-00-00',
  '9999-12-31T23:59:59Z',
  '2026-13-01',
  'yesterday',
  '1970-01-01T00:00:00.000Z',
];

let ids: string[] = [];
/** The real ids each kind of page takes, so most cases reach past "not found". */
let idsByPage: [RegExp, string[]][] = [];
let people: Record<string, Person> = {};

beforeAll(async () => {
  const [buyer, entrepreneur, mentor, staff] = await Promise.all([
    createTestUser(),
    createTestUser({ roles: ['entrepreneur'] }),
    createTestUser({ roles: ['mentor'] }),
    createTestUser({ roles: ['staff'] }),
  ]);
  people = { anonymous: null, buyer, entrepreneur, mentor, staff };
  const shop = await sellerWithListing({ stock: 50 });
  await addToCart(buyer.id, shop.listingId, 1);
  await checkout({ id: buyer.id, email: buyer.email }, delivery, 'cod');
  const order = await db.selectFrom('orders').select('id').where('buyer_id', '=', buyer.id).executeTakeFirstOrThrow();
  const { sessionId } = await mentoringFixture({ mentor, entrepreneur });
  const report = await db
    .insertInto('reports')
    .values({ reporter_id: buyer.id, subject_user_id: shop.seller.id, category: 'other' })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids = [shop.listingId, order.id, sessionId, report.id, shop.seller.id, buyer.id, shop.slug];
  idsByPage = [
    [/^(market|dashboard_\.listings)\./, [shop.listingId]],
    [/^(orders|dashboard_\.orders)\./, [order.id]],
    [/^sessions\./, [sessionId]],
    [/^staff\.reports\./, [report.id]],
    [/^staff\.verifications\./, [shop.seller.id, entrepreneur.id]],
    [/^mentors\./, [mentor.id]],
    [/^s\./, [shop.slug]],
  ];
});

const value = () =>
  fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.constantFrom(...prototypeNames, ...oddNumbers, ...oddDates, ...vocab.values),
    fc.constantFrom(...ids),
    fc.uuid(),
    fc.integer().map(String),
    fc.double().map(String),
    fc.constant('x'.repeat(5000)),
    fc.constantFrom(
      '<script>alert(1)</script>',
      "' or 1=1 --",
      '\u0000',
      '%00',
      '../../etc/passwd',
      '\r\nSet-Cookie: a=b',
      ' ',
    ),
  );

const vocab = vocabulary();

/** A form body mostly made of this route's own fields and intents, with everything else mixed in. */
function formBody(file: string) {
  const source = readFileSync(path.join(routesDir, file), 'utf8');
  const own = [...collect(source, namePatterns, new Set())];
  const intents = [...collect(source, intentPatterns, new Set())];
  const fieldName = fc.oneof(
    ...(own.length ? [{ weight: 6, arbitrary: fc.constantFrom(...own) }] : []),
    { weight: 2, arbitrary: fc.constantFrom(...vocab.names) },
    { weight: 1, arbitrary: fc.constantFrom(...prototypeNames) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  const intent = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...(intents.length ? intents : vocab.values)) },
    { weight: 2, arbitrary: fc.constantFrom(...prototypeNames) },
    { weight: 1, arbitrary: value() },
  );
  return fc
    .tuple(fc.option(intent, { freq: 3 }), fc.array(fc.tuple(fieldName, value()), { maxLength: 14 }))
    .map(([chosen, fields]) => (chosen === null ? fields : [['intent', chosen] as [string, string], ...fields]));
}

const param = (file: string) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...(idsByPage.find(([page]) => page.test(file))?.[1] ?? ids)) },
    { weight: 1, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constantFrom(...prototypeNames, 'a/../b', '%E0%A4%A') },
  );

function urlFor(file: string, params: Record<string, string>) {
  const segments = file
    .replace(/\.tsx?$/, '')
    .split('.')
    .filter((segment) => segment !== '_index')
    .map((segment) => segment.replace(/_$/, '').replace(/^_/, ''))
    .map((segment) => (segment.startsWith('$') ? encodeURIComponent(params[segment.slice(1) || '*'] ?? 'x') : segment));
  return `/${segments.join('/')}`;
}

function paramNames(file: string) {
  return [...file.matchAll(/\$(\w*)/g)].map(([, name]) => name || '*');
}

async function answerOf(fn: (args: never) => unknown, request: Request, params: Record<string, string>) {
  const result = await call(fn as Parameters<typeof call>[0], request, params);
  return result instanceof Response
    ? result.status
    : ((result as { init?: { status?: number } | null })?.init?.status ?? 200);
}

const runs = Number(process.env.FUZZ_RUNS || 8);

describe.each(routeFiles)('%s', (file) => {
  it('never answers 5xx to any form, as anyone', async () => {
    const mod = (await import(path.join(routesDir, file))) as Module;
    const names = paramNames(file);
    for (const [who, person] of Object.entries(people)) {
      await fc.assert(
        fc.asyncProperty(
          fc.tuple(...names.map(() => param(file))),
          formBody(file),
          fc.dictionary(fc.constantFrom(...vocab.names), value(), { maxKeys: 4 }),
          async (values, body, query) => {
            const params = Object.fromEntries(names.map((name, i) => [name, values[i]]));
            const url = new URL(urlFor(file, params), testOrigin);
            for (const [key, v] of Object.entries(query)) url.searchParams.append(key, v);
            const headers = new Headers({ Origin: testOrigin });
            if (person) headers.set('Cookie', person.cookie);
            if (mod.loader) {
              const status = await answerOf(mod.loader, new Request(url, { headers }), params);
              expect(status, `GET ${url.pathname} as ${who}`).toBeLessThan(500);
            }
            if (mod.action) {
              const form = new URLSearchParams();
              for (const [name, v] of body) form.append(name, v);
              headers.set('Content-Type', 'application/x-www-form-urlencoded');
              const status = await answerOf(
                mod.action,
                new Request(url, { method: 'POST', headers, body: form }),
                params,
              );
              expect(status, `POST ${url.pathname} as ${who}: ${form}`).toBeLessThan(500);
            }
          },
        ),
        { numRuns: runs, endOnFailure: true },
      );
    }
  });
});
