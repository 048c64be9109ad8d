// The worker side of pgliteThread.ts: PGlite on its own thread, so a slow
// statement keeps this thread busy and never the one serving HTTP. Answers
// one message at a time; the main thread terminates it when a statement
// outlives its timeout and starts a fresh one on the same data folder.
import { readlinkSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { openPglite } from '../pglite.ts';
import type { WorkerEvent, WorkerRequest } from './pgliteThread.ts';
import { warmUpSql } from './warmUp.ts';

const port = parentPort;
if (!port) throw new Error('pgliteWorker.ts runs as a worker thread only');
const post = (event: WorkerEvent): void => port.postMessage(event);

/** pg-protocol's DatabaseError fields survive the thread boundary; structured clone keeps only name and message. */
function serialize(error: unknown): Extract<WorkerEvent, { type: 'reply'; ok: false }>['error'] {
  const source = (error ?? {}) as Record<string, unknown>;
  const pick = (key: string): string | undefined => (typeof source[key] === 'string' ? (source[key] as string) : undefined);
  return {
    message: error instanceof Error ? error.message : String(error),
    code: pick('code'),
    detail: pick('detail'),
    hint: pick('hint'),
    where: pick('where'),
  };
}

try {
  const { dataDir } = workerData as { dataDir: string };
  const db = await openPglite(dataDir);
  // A fresh PGlite compiles the detectors' regular expressions on their first
  // call (~0.3 s idle, seconds on a loaded machine), which would count against
  // the first child's statement timeout after every start or watchdog restart.
  await db.exec(warmUpSql).catch(() => undefined);
  await db.listen('pgrst', (payload) => post({ type: 'notify', channel: 'pgrst', payload }));
  port.on('message', (request: WorkerRequest) => {
    void (async () => {
      try {
        if (request.op === 'close') {
          await db.close();
          post({ type: 'reply', id: request.id, ok: true, rows: [], affectedRows: 0 });
          return;
        }
        if (request.op === 'exec') {
          await db.exec(request.sql);
          post({ type: 'reply', id: request.id, ok: true, rows: [], affectedRows: 0 });
          return;
        }
        const result = await db.query<Record<string, unknown>>(request.sql, request.params);
        post({ type: 'reply', id: request.id, ok: true, rows: result.rows, affectedRows: result.affectedRows ?? 0 });
      } catch (error) {
        post({ type: 'reply', id: request.id, ok: false, error: serialize(error) });
      }
    })();
  });
  // Linux names this thread in /proc/thread-self (`<pid>/task/<tid>`): the main
  // thread reads its CPU time there to time statements by work done, not by
  // the wall clock (pgliteThread.ts).
  const tid = (() => {
    try {
      return Number(readlinkSync('/proc/thread-self').split('/').pop()) || undefined;
    } catch {
      return undefined;
    }
  })();
  post({ type: 'ready', tid });
} catch (error) {
  post({ type: 'failed', error: serialize(error) });
}
