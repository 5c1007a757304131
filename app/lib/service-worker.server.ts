import { createHash } from 'node:crypto';

/**
 * Sen's service worker (issue 16), served from /sw.js (app/routes/sw[.]js.ts) so its
 * scope is the whole site. Hand-written rather than Workbox: what it must do is small
 * (a shell, an allow-list of public pages, one queue) and what it must NOT do (keep
 * anything private) is easier to audit in ~100 lines than in a generated bundle, and
 * it adds no build step or dependency.
 *
 * - Pages: network first, always; a copy is kept only for the public allow-list below,
 *   and only a copy fetched WITHOUT her cookies (credentials: 'omit'), so nothing
 *   personal (messages, orders, account, staff, documents) is ever on the device and
 *   a stale signed-in page can never be served. Offline: the kept copy, else /offline.
 * - Build assets (content-hashed, immutable): cache first.
 * - Quiz answers and game rounds: sent with a key made once; if the network fails they
 *   wait in IndexedDB and are sent again (same key, so the server counts them once) on
 *   "sync", when a page says the connection is back, and whenever a page loads.
 * - Updates: every version has its own caches (the name carries a hash of this source
 *   and the shell's addresses); a new worker takes over at once (skipWaiting,
 *   clients.claim) and deletes the old caches.
 */
/** A queued answer older than this is dropped unsent: the server's receipts live 30 days (offline_replays). */
export const queuedAnswerMaxDays = 14;

const source = String.raw`
const PAGES = 'sen-pages-' + VERSION;
const ASSETS = 'sen-assets-' + VERSION;
const PUBLIC = [/^\/$/, /^\/offline$/, /^\/menu$/, /^\/safety$/, /^\/learn$/, /^\/learn\/safe-seller$/, /^\/learn\/(?!game$|progress$|safe-seller$)[a-z0-9-]+(\/(?!quiz$)[a-z0-9-]+)?$/];
const QUEUED = [/^\/learn\/[a-z0-9-]+\/quiz\/\d+$/, /^\/learn\/game$/];
const isPublicPath = (path) => PUBLIC.some((re) => re.test(path));
const isPersonal = (res) => /no-store|private/.test(res.headers.get('cache-control') || '') || res.headers.has('set-cookie');

async function keepPublicCopy(path) {
  const res = await fetch(path, { credentials: 'omit', cache: 'no-store', redirect: 'error' });
  if (!res.ok || isPersonal(res)) return;
  await (path.startsWith('/build/') ? caches.open(ASSETS) : caches.open(PAGES)).then((c) => c.put(path, res));
}

self.addEventListener('install', (event) => {
  event.waitUntil(Promise.all(SHELL.map((path) => keepPublicCopy(path).catch(() => {}))).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('sen-') && k !== PAGES && k !== ASSETS).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
      .then(replay),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== location.origin) return;
  if (request.method === 'POST' && QUEUED.some((re) => re.test(url.pathname))) return event.respondWith(sendOrQueue(request));
  if (request.method !== 'GET') return;
  if (url.pathname.startsWith('/build/') || (request.mode !== 'navigate' && SHELL.includes(url.pathname))) return event.respondWith(cacheFirst(request));
  if (request.mode === 'navigate') return event.respondWith(page(event, url));
});

async function cacheFirst(request) {
  const hit = await caches.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) (await caches.open(ASSETS)).put(request, res.clone());
  return res;
}

async function page(event, url) {
  try {
    const res = await fetch(event.request);
    if (res.ok && !url.search && isPublicPath(url.pathname)) {
      // Her own response may carry personal data: keep an anonymous copy instead.
      event.waitUntil(isPersonal(res) ? keepPublicCopy(url.pathname).catch(() => {}) : caches.open(PAGES).then((c) => c.put(url.pathname, res.clone())));
    }
    event.waitUntil(replay());
    return res;
  } catch (offline) {
    const pages = await caches.open(PAGES);
    return (isPublicPath(url.pathname) && (await pages.match(url.pathname))) || (await pages.match('/offline')) || new Response('Offline', { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
}

function post(item) {
  return fetch(item.url, { method: 'POST', body: item.body, credentials: 'same-origin', redirect: 'manual', headers: { 'Content-Type': item.type, 'Sen-Replay-Key': item.key } });
}

async function sendOrQueue(request) {
  const item = { key: crypto.randomUUID(), url: request.url, type: request.headers.get('content-type') || 'application/x-www-form-urlencoded', body: await request.text(), at: Date.now() };
  try {
    return await post(item);
  } catch (offline) {
    await outbox('readwrite', (store) => store.put(item));
    if (self.registration.sync) self.registration.sync.register('sen-replay').catch(() => {});
    return Response.redirect('/offline?queued=1', 303);
  }
}

let replaying = null;
function replay() {
  replaying = replaying || (async () => {
    const items = await outbox('readonly', (store) => store.getAll());
    for (const item of items.sort((a, b) => a.at - b.at)) {
      // Older than the server keeps its receipt (replay-retention.server.ts): never sent, so never counted twice.
      if (Date.now() - item.at > QUEUED_MAX_DAYS * 864e5) { await outbox('readwrite', (store) => store.delete(item.key)); continue; }
      let res;
      try { res = await post(item); } catch (offline) { return; }
      // Counted, or refused for good (the server's answer will not change): done.
      if (res.type === 'opaqueredirect' || res.ok || (res.status >= 400 && res.status < 500)) await outbox('readwrite', (store) => store.delete(item.key));
    }
  })().finally(() => { replaying = null; });
  return replaying;
}

self.addEventListener('sync', (event) => { if (event.tag === 'sen-replay') event.waitUntil(replay()); });
self.addEventListener('message', (event) => {
  if (event.data === 'replay') event.waitUntil(replay());
  // The page she opened before this worker was running: keep it too (if public).
  const path = typeof event.data === 'string' && event.data.startsWith('keep:') ? event.data.slice(5) : null;
  if (path && isPublicPath(path)) event.waitUntil(keepPublicCopy(path).catch(() => {}));
});

function outbox(mode, use) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('sen-outbox', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('posts', { keyPath: 'key' });
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('posts', mode);
      const req = use(tx.objectStore('posts'));
      tx.oncomplete = () => { open.result.close(); resolve(req.result); };
      tx.onerror = () => reject(tx.error);
    };
  });
}
`;

/** The worker's script for this build: the shell's addresses and a version made from both. */
export function serviceWorkerScript(shell: string[]) {
  const version = createHash('sha256').update(source).update(shell.join('\n')).digest('hex').slice(0, 12);
  return `'use strict';\nconst VERSION = ${JSON.stringify(version)};\nconst SHELL = ${JSON.stringify(shell)};\nconst QUEUED_MAX_DAYS = ${queuedAnswerMaxDays};\n${source}`;
}
