// Drills logged without a network wait in this browser (IndexedDB) and are sent when it returns,
// exactly once: each drill carries an idempotency key, and the server answers a drill it has
// already stored under that key with the first result instead of logging it again. So a drill
// whose answer was lost on the way back can simply be sent again.
import { api, ApiError } from "./api.js";

// Answers after which a drill is kept to be sent again: no network, the server busy or down, or a
// login needed first. Anything else is the server's final word on that drill.
const tryLater = (err) => err instanceof ApiError &&
  (err.status === 0 || err.status === 401 || err.status === 429 || err.status >= 500);

const DB = "baton";
const STORE = "outbox";

function openDb() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: "key" });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function withStore(mode, work) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const result = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(result && "result" in result ? result.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** A fresh idempotency key ("d-" and 32 hex digits). */
function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `d-${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** The drills waiting to be sent, oldest first: [{key, queued_at, body}]. */
export async function waitingDrills() {
  const all = await withStore("readonly", (s) => s.getAll());
  return (all || []).sort((a, b) => a.queued_at - b.queued_at);
}

const listeners = new Set();
/** Calls `f({sent, refused, waiting})` after each attempt to send the waiting drills. */
export function onSync(f) {
  listeners.add(f);
  return () => listeners.delete(f);
}

/**
 * Logs `body` (a drill for POST /api/practice). The drill is kept in the outbox first, so it is
 * not lost if the tab closes mid-request; answered, it leaves the outbox. Resolves to
 * {logged, queued: false} or, without a network, {queued: true}. A drill the server refuses
 * throws the ApiError and is not kept.
 */
export async function logDrill(body) {
  const item = { key: newKey(), queued_at: Date.now(), body: { ...body } };
  item.body.key = item.key;
  await withStore("readwrite", (s) => s.put(item));
  try {
    const doc = await api("POST", "/api/practice", { json: item.body });
    await withStore("readwrite", (s) => s.delete(item.key));
    return { logged: doc.logged, queued: false };
  } catch (err) {
    if (tryLater(err)) return { queued: true };
    await withStore("readwrite", (s) => s.delete(item.key));
    throw err;
  }
}

let flushing = null;
/** Sends every waiting drill, oldest first; one run at a time. Resolves to {sent, refused, waiting}. */
export function sendWaiting() {
  if (!flushing) flushing = flush().finally(() => { flushing = null; });
  return flushing;
}

async function flush() {
  const outcome = { sent: 0, refused: [], waiting: 0 };
  for (const item of await waitingDrills()) {
    try {
      await api("POST", "/api/practice", { json: item.body });
      outcome.sent += 1;
    } catch (err) {
      if (tryLater(err)) break;  // still offline: keep this one and the rest
      outcome.refused.push({ body: item.body, error: err.describe ? err.describe() : String(err) });
    }
    await withStore("readwrite", (s) => s.delete(item.key));
  }
  outcome.waiting = (await waitingDrills()).length;
  // Still some left though the browser thinks it is online (the server was unreachable or an
  // answer was lost): try again in a while.
  clearTimeout(retry);
  if (outcome.waiting && navigator.onLine) retry = setTimeout(() => { sendWaiting().catch(() => {}); }, RETRY_MS);
  for (const f of listeners) f(outcome);
  return outcome;
}

const RETRY_MS = 3000;
let retry = null;

window.addEventListener("online", () => { sendWaiting().catch(() => {}); });
