import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

interface SerializedError {
  message: string;
  code: string | undefined;
  detail: string | undefined;
  hint: string | undefined;
  where: string | undefined;
}

/** Main thread → worker (pgliteWorker.ts). */
export type WorkerRequest =
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'query'; sql: string; params: unknown[] | undefined }
  | { id: number; op: 'close' };

/** Worker → main thread. */
export type WorkerEvent =
  | { type: 'ready'; tid: number | undefined }
  | { type: 'failed'; error: SerializedError }
  | { type: 'notify'; channel: string; payload: string }
  | { type: 'reply'; id: number; ok: true; rows: Record<string, unknown>[]; affectedRows: number }
  | { type: 'reply'; id: number; ok: false; error: SerializedError };

type Reply = Extract<WorkerEvent, { type: 'reply'; ok: true }>;
type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve(reply: Reply): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout | undefined;
}

/** Linux's USER_HZ: /proc reports CPU time in ticks of 10 ms on every common build. */
const msPerTick = 10;

/**
 * CPU time (user + system) of thread `tid` of this process in ms, from
 * /proc; undefined where there is no /proc (then the wall clock is used).
 */
function threadCpuMs(tid: number | undefined): number | undefined {
  if (tid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // Fields after "(comm)": state is field 3, utime 14 and stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * msPerTick;
  } catch {
    return undefined;
  }
}

/**
 * However little CPU a statement gets on a crowded machine, it is cut off
 * after this many times its timeout on the wall clock.
 */
const wallClockCap = 4;

/** A database error from the worker, with the fields errors.ts reads (code, detail, hint). */
function toError(serialized: SerializedError): Error {
  return Object.assign(new Error(serialized.message), {
    code: serialized.code,
    detail: serialized.detail,
    hint: serialized.hint,
    where: serialized.where,
  });
}

/** Errors that mean the worker holding the transaction is gone. */
const workerGone = new WeakSet<Error>();

/** What Postgres raises when statement_timeout fires. */
function statementTimeout(): Error {
  const error = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
  workerGone.add(error);
  return error;
}

/** Read by errors.ts's isConnectionError: 503 PGRST000, and the next request finds a fresh worker. */
function connectionLost(): Error {
  const error = new Error('Connection terminated unexpectedly: the PGlite worker stopped');
  workerGone.add(error);
  return error;
}

/**
 * PGlite on a worker thread, with a watchdog. WASM Postgres has no timer
 * signal, so `statement_timeout` never fires on PGlite, and a statement
 * that runs for seconds would hold whichever thread runs it. Here it holds
 * the worker only: the HTTP thread keeps serving, and when a statement
 * uses up its timeout the worker is terminated and a fresh one opens the
 * same data folder. Committed transactions are in the folder (PGlite writes
 * the WAL to the host files at commit, tests/stack/durability.test.ts), the
 * interrupted one is rolled back by recovery, as after a crash.
 */
export class PgliteThread {
  private readonly dataDir: string;
  private readonly log: (error: unknown) => void;
  private readonly pending = new Map<number, Pending>();
  private worker: Worker | undefined;
  /** The worker's Linux thread id, to read its CPU time. */
  private workerTid: number | undefined;
  private starting: Promise<void>;
  private nextId = 1;
  private closed = false;
  /** Called for NOTIFY on the `pgrst` channel. */
  onNotify: ((channel: string, payload: string) => void) | undefined;
  /** Workers started after the first (timeouts and crashes), for tests and logs. */
  restarts = 0;

  private constructor(dataDir: string, log: (error: unknown) => void) {
    this.dataDir = dataDir;
    this.log = log;
    this.starting = this.start();
  }

  /** Starts the worker and waits until PGlite is open in `dataDir`. */
  static async open(dataDir: string, log: (error: unknown) => void): Promise<PgliteThread> {
    const thread = new PgliteThread(dataDir, log);
    try {
      await thread.starting;
    } catch (error) {
      await thread.worker?.terminate();
      throw error;
    }
    return thread;
  }

  private start(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./pgliteWorker.ts', import.meta.url), { workerData: { dataDir: this.dataDir } });
      this.worker = worker;
      let opened = false;
      worker.on('message', (event: WorkerEvent) => {
        if (event.type === 'ready') {
          opened = true;
          this.workerTid = event.tid;
          resolve();
        } else if (event.type === 'failed') reject(toError(event.error));
        else if (event.type === 'notify') this.onNotify?.(event.channel, event.payload);
        else this.settle(event);
      });
      worker.on('error', (error) => this.log(error));
      worker.on('exit', (code) => {
        reject(new Error(`The PGlite worker exited with code ${code} while opening ${this.dataDir}`));
        // A worker replaced on purpose (watchdog, close) is no longer this.worker;
        // one that never opened is reported by the rejection above, not retried in a loop.
        if (!opened || this.worker !== worker || this.closed) return;
        this.log(new Error(`The PGlite worker stopped (exit code ${code}); starting a new one`));
        this.replace(worker, connectionLost());
      });
    });
  }

  private settle(reply: Extract<WorkerEvent, { type: 'reply' }>): void {
    const entry = this.pending.get(reply.id);
    if (!entry) return;
    this.pending.delete(reply.id);
    clearTimeout(entry.timer);
    if (reply.ok) entry.resolve(reply);
    else entry.reject(toError(reply.error));
  }

  /** Fails everything in flight on `worker`, terminates it and opens a fresh one. */
  private replace(worker: Worker, reason: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.restarts++;
    for (const [id, entry] of this.pending) {
      clearTimeout(entry.timer);
      entry.reject(reason);
      this.pending.delete(id);
    }
    this.starting = worker.terminate().then(() => this.start());
    this.starting.catch(this.log);
  }

  /** The live worker; after a failed start, one more attempt (the folder may be back). */
  private async ready(): Promise<Worker> {
    try {
      await this.starting;
    } catch {
      if (this.closed) throw connectionLost();
      this.starting = this.start();
      await this.starting;
    }
    if (!this.worker) return this.ready();
    return this.worker;
  }

  /**
   * Sends one statement. With `timeoutMs`, a statement that has used that
   * much CPU time fails with 57014 (as Postgres's statement_timeout) and the
   * worker is replaced. CPU time rather than the wall clock, so that a busy
   * machine (a class submitting at once, CI on two cores) does not cut off
   * ordinary statements; a runaway one burns CPU and is cut as promptly as
   * on an idle machine. Without /proc it is the wall clock.
   */
  async request(message: Request, timeoutMs?: number): Promise<Reply> {
    if (this.closed) throw connectionLost();
    const worker = await this.ready();
    const id = this.nextId++;
    const tid = this.workerTid;
    return new Promise<Reply>((resolve, reject) => {
      const entry: Pending = { resolve, reject, timer: undefined };
      if (timeoutMs !== undefined) {
        const startedAt = performance.now();
        const startCpu = threadCpuMs(tid);
        const check = (): void => {
          const cpu = threadCpuMs(tid);
          const used = cpu !== undefined && startCpu !== undefined ? cpu - startCpu : performance.now() - startedAt;
          const wall = performance.now() - startedAt;
          if (used < timeoutMs && wall < timeoutMs * wallClockCap) {
            entry.timer = setTimeout(check, Math.max(timeoutMs - used, 25));
            return;
          }
          this.pending.delete(id);
          reject(statementTimeout());
          this.log(new Error(`A statement used ${Math.round(used)} ms (${Math.round(wall)} ms on the clock) on PGlite, past its ${timeoutMs} ms; restarting its worker`));
          this.replace(worker, connectionLost());
        };
        entry.timer = setTimeout(check, timeoutMs);
      }
      this.pending.set(id, entry);
      worker.postMessage({ ...message, id } satisfies WorkerRequest);
    });
  }

  /** Whether `error` ended the worker that ran the statement (so its transaction is gone too). */
  lost(error: unknown): boolean {
    return error instanceof Error && workerGone.has(error);
  }

  /** Closes PGlite cleanly (checkpoint), then stops the worker. */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await this.request({ op: 'close' });
    } finally {
      this.closed = true;
      const worker = this.worker;
      this.worker = undefined;
      await worker?.terminate();
    }
  }
}
