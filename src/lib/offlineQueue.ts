/**
 * Ideas a student sent while the connection was down (or the server did not
 * answer), kept in IndexedDB until they are delivered. Each entry carries
 * the idempotency key and the receipt code made on the device, so however
 * often a delivery is retried (another tab, a reload, a lost answer) the
 * server stores the idea once and keeps the student's receipt code. An
 * entry is deleted as soon as the server has it: nothing of the idea stays
 * on the device afterwards. An idea the server refuses for good (the session
 * closed too long ago) is never dropped silently, but neither is it left for
 * the next child on a shared tablet to read: the device only says that an
 * idea could not be delivered (`refusalNotices`, which carry no text), and
 * the entry, text included, is deleted once the teacher acknowledges it or
 * `REFUSED_KEPT_MS` after the refusal, whichever comes first.
 */

const DB_NAME = 'zeri';
const STORE = 'pendingIdeas';
const LOCK_NAME = 'zeri-pending-ideas';

/** How long a refused idea stays on the device at most: 24 hours (the privacy notice says so). */
export const REFUSED_KEPT_MS = 24 * 60 * 60 * 1000;

export interface QueuedIdea<Payload = unknown> {
  idempotencyKey: string;
  /** What to send again, exactly as the first attempt sent it. */
  payload: Payload;
  /** When the student pressed send, by this device's clock (ms since the epoch). */
  queuedAt: number;
  attempts: number;
  /** Set when the server refused the idea for good: its error code, and when (device clock). */
  refused?: { code: string; at: number };
}

/** What one delivery attempt found: stored (or already stored), try later, or refused for good with the server's code. */
export type DeliveryOutcome = 'delivered' | 'retry' | { refused: string };

export interface FlushResult {
  delivered: number;
  refused: number;
  remaining: number;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function openAt(version: number | undefined): Promise<IDBDatabase> {
  const req = version === undefined ? indexedDB.open(DB_NAME) : indexedDB.open(DB_NAME, version);
  req.onupgradeneeded = () => {
    if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'idempotencyKey' });
  };
  return request(req);
}

async function openDb(): Promise<IDBDatabase> {
  const db = await openAt(undefined);
  if (db.objectStoreNames.contains(STORE)) return db;
  // The database exists without our store (something else opened the name
  // first): one version up creates it.
  const next = db.version + 1;
  db.close();
  return openAt(next);
}

async function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => Promise<T> | T): Promise<T> {
  const db = await openDb();
  try {
    const tx = db.transaction(STORE, mode);
    const result = await work(tx.objectStore(STORE));
    await done(tx);
    return result;
  } finally {
    db.close();
  }
}

/** Whether this browser can keep a queue at all (private modes of old browsers cannot). */
export function canQueue(): boolean {
  return typeof indexedDB !== 'undefined';
}

/**
 * Adds an idea to the queue; queuing the same idempotency key twice keeps one entry.
 * `queuedAt` is when the student pressed send (default: now), which the server
 * weighs if the idea arrives after the session closed.
 */
export async function enqueueIdea<Payload>(idempotencyKey: string, payload: Payload, queuedAt = Date.now()): Promise<void> {
  const entry: QueuedIdea<Payload> = { idempotencyKey, payload, queuedAt, attempts: 0 };
  await withStore('readwrite', (store) => request(store.put(entry)));
}

async function allEntries<Payload>(): Promise<Array<QueuedIdea<Payload>>> {
  const all = await withStore('readonly', (store) => request(store.getAll() as IDBRequest<Array<QueuedIdea<Payload>>>));
  return all.sort((a, b) => a.queuedAt - b.queuedAt);
}

/** The ideas still waiting to be delivered, oldest first. */
export async function queuedIdeas<Payload = unknown>(): Promise<Array<QueuedIdea<Payload>>> {
  return (await allEntries<Payload>()).filter((entry) => !entry.refused);
}

/** What the device shows of an idea the server refused: never its text. */
export interface RefusalNotice {
  idempotencyKey: string;
  /** The server's code: `session_closed`, `session_full`, … */
  code: string;
  /** When it was refused (device clock, ms since the epoch). */
  at: number;
}

/**
 * Whether a refused entry has outlived `REFUSED_KEPT_MS`. A refusal dated in
 * the future (the device clock was wrong, then corrected) counts as expired
 * too, so a bad clock cannot keep a child's words on the device.
 */
export function refusalExpired(entry: Pick<QueuedIdea, 'refused'>, now: number): boolean {
  if (!entry.refused) return false;
  const age = now - entry.refused.at;
  return age >= REFUSED_KEPT_MS || age < -REFUSED_KEPT_MS;
}

/**
 * Deletes refused ideas older than `REFUSED_KEPT_MS`, then lists the others
 * as notices without their text; empty without IndexedDB.
 */
export async function refusalNotices(now = Date.now()): Promise<RefusalNotice[]> {
  if (!canQueue()) return [];
  const notices: RefusalNotice[] = [];
  for (const entry of await allEntries()) {
    if (!entry.refused) continue;
    if (refusalExpired(entry, now)) await remove(entry.idempotencyKey);
    else notices.push({ idempotencyKey: entry.idempotencyKey, code: entry.refused.code, at: entry.refused.at });
  }
  return notices;
}

/** How many ideas are waiting to be delivered; 0 when IndexedDB is unavailable. */
export async function pendingCount(): Promise<number> {
  if (!canQueue()) return 0;
  return (await queuedIdeas()).length;
}

async function remove(idempotencyKey: string): Promise<void> {
  await withStore('readwrite', (store) => request(store.delete(idempotencyKey)));
}

/** Removes one idea from the device, e.g. a refused one once the teacher has been told. */
export async function forgetIdea(idempotencyKey: string): Promise<void> {
  if (canQueue()) await remove(idempotencyKey);
}

async function markRefused(entry: QueuedIdea, code: string): Promise<void> {
  await withStore('readwrite', (store) => request(store.put({ ...entry, refused: { code, at: Date.now() } })));
}

async function countAttempt(entry: QueuedIdea): Promise<void> {
  await withStore('readwrite', (store) => request(store.put({ ...entry, attempts: entry.attempts + 1 })));
}

// One delivery run at a time per tab; across tabs, a Web Lock where the
// browser has one. Two runs at once would still not duplicate anything
// (the key does that), but they would send the same idea twice for nothing.
let running: Promise<FlushResult> | undefined;

/**
 * Tries to deliver every waiting idea with `send`, oldest first. Delivered
 * ideas leave the queue; refused ones stay, marked, and are not tried again;
 * the others stay for the next run. Stops at the first `retry` (the
 * connection is still down).
 */
export function flushQueue<Payload>(send: (payload: Payload, entry: QueuedIdea<Payload>) => Promise<DeliveryOutcome>): Promise<FlushResult> {
  if (!canQueue()) return Promise.resolve({ delivered: 0, refused: 0, remaining: 0 });
  running ??= (async () => {
    try {
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      return locks ? await locks.request(LOCK_NAME, () => deliverAll(send)) : await deliverAll(send);
    } finally {
      running = undefined;
    }
  })();
  return running;
}

async function deliverAll<Payload>(send: (payload: Payload, entry: QueuedIdea<Payload>) => Promise<DeliveryOutcome>): Promise<FlushResult> {
  const result: FlushResult = { delivered: 0, refused: 0, remaining: 0 };
  const entries = await queuedIdeas<Payload>();
  for (const [index, entry] of entries.entries()) {
    let outcome: DeliveryOutcome;
    try {
      outcome = await send(entry.payload, entry);
    } catch {
      outcome = 'retry';
    }
    if (outcome === 'retry') {
      await countAttempt(entry);
      result.remaining = entries.length - index;
      return result;
    }
    if (outcome === 'delivered') {
      await remove(entry.idempotencyKey);
      result.delivered++;
    } else {
      await markRefused(entry, outcome.refused);
      result.refused++;
    }
  }
  return result;
}

/** Deletes every idea on the device ("Next student" never does this: a queued idea is someone's sent idea). */
export async function clearQueue(): Promise<void> {
  if (canQueue()) await withStore('readwrite', (store) => request(store.clear()));
}
