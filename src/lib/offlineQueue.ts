/**
 * Ideas a student sent while the connection was down (or the server did not
 * answer), kept in IndexedDB until they are delivered. Each entry carries
 * the idempotency key and the receipt code made on the device, so however
 * often a delivery is retried (another tab, a reload, a lost answer) the
 * server stores the idea once and keeps the student's receipt code. An
 * entry is deleted as soon as the server has it: nothing of the idea stays
 * on the device afterwards.
 */

const DB_NAME = 'zeri';
const STORE = 'pendingIdeas';
const LOCK_NAME = 'zeri-pending-ideas';

export interface QueuedIdea<Payload = unknown> {
  idempotencyKey: string;
  /** What to send again, exactly as the first attempt sent it. */
  payload: Payload;
  queuedAt: number;
  attempts: number;
}

/** What one delivery attempt found: stored (or already stored), refused for good, or try later. */
export type DeliveryOutcome = 'delivered' | 'rejected' | 'retry';

export interface FlushResult {
  delivered: number;
  rejected: number;
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

/** Adds an idea to the queue; queuing the same idempotency key twice keeps one entry. */
export async function enqueueIdea<Payload>(idempotencyKey: string, payload: Payload): Promise<void> {
  const entry: QueuedIdea<Payload> = { idempotencyKey, payload, queuedAt: Date.now(), attempts: 0 };
  await withStore('readwrite', (store) => request(store.put(entry)));
}

/** The ideas still waiting, oldest first. */
export async function queuedIdeas<Payload = unknown>(): Promise<Array<QueuedIdea<Payload>>> {
  const all = await withStore('readonly', (store) => request(store.getAll() as IDBRequest<Array<QueuedIdea<Payload>>>));
  return all.sort((a, b) => a.queuedAt - b.queuedAt);
}

/** How many ideas are waiting; 0 when IndexedDB is unavailable. */
export async function pendingCount(): Promise<number> {
  if (!canQueue()) return 0;
  return withStore('readonly', (store) => request(store.count()));
}

async function remove(idempotencyKey: string): Promise<void> {
  await withStore('readwrite', (store) => request(store.delete(idempotencyKey)));
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
 * and definitively rejected ideas leave the queue; the others stay for the
 * next run. Stops at the first `retry` (the connection is still down).
 */
export function flushQueue<Payload>(send: (payload: Payload) => Promise<DeliveryOutcome>): Promise<FlushResult> {
  if (!canQueue()) return Promise.resolve({ delivered: 0, rejected: 0, remaining: 0 });
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

async function deliverAll<Payload>(send: (payload: Payload) => Promise<DeliveryOutcome>): Promise<FlushResult> {
  const result: FlushResult = { delivered: 0, rejected: 0, remaining: 0 };
  const entries = await queuedIdeas<Payload>();
  for (const [index, entry] of entries.entries()) {
    let outcome: DeliveryOutcome;
    try {
      outcome = await send(entry.payload);
    } catch {
      outcome = 'retry';
    }
    if (outcome === 'retry') {
      await countAttempt(entry);
      result.remaining = entries.length - index;
      return result;
    }
    await remove(entry.idempotencyKey);
    result[outcome]++;
  }
  return result;
}

/** Deletes every waiting idea ("Next student" never does this: a queued idea is someone's sent idea). */
export async function clearQueue(): Promise<void> {
  if (canQueue()) await withStore('readwrite', (store) => request(store.clear()));
}
