// Baton's service worker: the app opens without a network.
//
// - The app shell (page, script, style, icon, manifest) is stored when the worker installs and
//   refreshed whenever it is fetched online.
// - Answers the app reads are stored as they arrive (network first, the stored copy when the
//   network is gone): GET /api/... and /print/... by URL, and the read-only POSTs (plans, cards,
//   report, lineups, predictions) by URL and body, so the plans and cards last viewed open at the
//   track. Offline, anything not viewed before answers 503 in the API's error form.
// - Writes pass straight through: the Practice page keeps drills logged offline in IndexedDB
//   itself (js/drill_queue.js) and sends them once the network is back.
const VERSION = "baton-2";
const SHELL = `${VERSION}-shell`;
const DATA = `${VERSION}-data`;
const MAX_DATA_ENTRIES = 300;

const SHELL_FILES = ["/", "/index.html", "/style.css", "/favicon.svg", "/manifest.webmanifest",
  "/js/app.js", "/js/api.js", "/js/cards.js", "/js/dom.js", "/js/drill_queue.js", "/js/events.js",
  "/js/format.js", "/js/handoffs.js", "/js/latest.js", "/js/lineup.js", "/js/meet.js", "/js/odds.js",
  "/js/practice.js", "/js/relay_form.js", "/js/roster.js", "/js/roster_import.js", "/js/session.js", "/login.css"];

// POSTs that only read: their answers may be shown again offline.
const READ_POSTS = new Set(["/api/plans", "/api/cards", "/api/report", "/api/lineups",
  "/api/predictions"]);

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (!name.startsWith(`${VERSION}-`)) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// {type: "clear-data"} forgets every stored answer (for a shared device, or after logging out).
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "clear-data") event.waitUntil(caches.delete(DATA));
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.method === "GET") {
    const isData = url.pathname.startsWith("/api/") || url.pathname.startsWith("/print/");
    event.respondWith(networkFirst(req, isData ? DATA : SHELL, req.url));
  } else if (req.method === "POST" && READ_POSTS.has(url.pathname)) {
    event.respondWith(readPost(req));
  }
});

async function networkFirst(req, cacheName, key) {
  try {
    const res = await fetch(req);
    if (res.ok) await store(cacheName, key, res.clone());
    return res;
  } catch (err) {
    if (req.signal && req.signal.aborted) throw err;
    const cached = await caches.match(key, { cacheName, ignoreVary: true }) ||
      (req.mode === "navigate" ? await caches.match("/index.html", { cacheName: SHELL }) : undefined);
    return cached || offlineAnswer();
  }
}

async function readPost(req) {
  const body = await req.clone().text();
  const key = `${new URL(req.url).pathname}?__body=${encodeURIComponent(body)}`;
  try {
    const res = await fetch(req);
    if (res.ok) await store(DATA, new URL(key, self.location.origin).href, res.clone());
    return res;
  } catch (err) {
    if (req.signal && req.signal.aborted) throw err;
    const cached = await caches.match(new URL(key, self.location.origin).href, { cacheName: DATA });
    return cached || offlineAnswer();
  }
}

async function store(cacheName, key, res) {
  const cache = await caches.open(cacheName);
  await cache.put(key, res);
  if (cacheName !== DATA) return;
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_DATA_ENTRIES))) await cache.delete(old);
}

function offlineAnswer() {
  return new Response(JSON.stringify({
    error: "no network, and this was not viewed on this device before: try again when online",
  }), { status: 503, headers: { "Content-Type": "application/json; charset=utf-8" } });
}
