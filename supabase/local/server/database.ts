import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { SqlExecutor } from '../migrate.ts';
import { isConnectionError } from '../rest/errors.ts';
import { PgliteThread } from './pgliteThread.ts';

/** One statement's result, the same shape for PGlite and `pg`. */
export interface QueryResult {
  rows: Record<string, unknown>[];
  /** Rows an INSERT/UPDATE/DELETE touched. */
  rowCount: number;
}

/** What a request handler may do inside its transaction. */
export type Query = (sql: string, params?: readonly unknown[]) => Promise<QueryResult>;

/** PGlite or a `pg` pool behind one small interface. */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction: commit when it resolves, rollback when it
   * throws. `statementTimeoutMs` is enforced by the stack on PGlite (Postgres
   * enforces the `statement_timeout` the request context sets).
   */
  transaction<T>(work: (query: Query) => Promise<T>, options: { readOnly: boolean; statementTimeoutMs?: number | undefined }): Promise<T>;
  /** For migrate(): exec/query outside the request path, as the owner (superuser). */
  executor(): Promise<SqlExecutor & { release(): void }>;
  /** Calls `onReload` on `NOTIFY pgrst, 'reload schema'`. */
  /** Calls `onReload` on `NOTIFY pgrst, 'reload schema'` and `'reload config'`, as PostgREST listens. */
  listenForReload(onReload: (what: 'schema' | 'config') => void): Promise<void>;
  close(): Promise<void>;
}

/**
 * PGlite runs one statement at a time over one connection, so transactions
 * queue up here: a second `begin` would otherwise land inside the first
 * request's transaction.
 */
function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

function pgliteDatabase(thread: PgliteThread, temporaryDir: string | undefined): Database {
  const enqueue = serialQueue();
  const exec = async (sql: string): Promise<void> => {
    await thread.request({ op: 'exec', sql });
  };
  const run = async (sql: string, params: readonly unknown[] | undefined, timeoutMs?: number): Promise<QueryResult> => {
    const reply = await thread.request({ op: 'query', sql, params: params ? [...params] : undefined }, timeoutMs);
    return { rows: reply.rows, rowCount: reply.affectedRows };
  };
  return {
    kind: 'pglite',
    transaction: (work, { readOnly, statementTimeoutMs }) =>
      enqueue(async () => {
        await exec(readOnly ? 'begin read only' : 'begin');
        try {
          const result = await work((sql, params) => run(sql, params, statementTimeoutMs));
          await exec('commit');
          return result;
        } catch (error) {
          // After a timeout or crash the worker that held the transaction is
          // gone (and with it the transaction): answer now, without waiting
          // for the new worker to open.
          if (!thread.lost(error)) await exec('rollback').catch(() => undefined);
          throw error;
        }
      }),
    executor: () =>
      new Promise((resolve) => {
        // Hold the queue while migrations run, so no request interleaves.
        void enqueue(
          () =>
            new Promise<void>((release) => {
              resolve({
                exec,
                query: async <T,>(sql: string, params?: unknown[]) => ({ rows: (await run(sql, params)).rows as T[] }),
                release: () => release(),
              });
            }),
        );
      }),
    listenForReload: async (onReload) => {
      thread.onNotify = (channel, payload) => {
        if (channel === 'pgrst' && (payload === 'reload schema' || payload === 'reload config')) onReload(payload === 'reload schema' ? 'schema' : 'config');
      };
    },
    close: () =>
      enqueue(async () => {
        await thread.close();
        if (temporaryDir !== undefined) await rm(temporaryDir, { recursive: true, force: true });
      }),
  };
}

function postgresDatabase(url: string): Database {
  // A database that stops answering fails a request after 5 s (503) instead of holding it forever.
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DB_POOL_SIZE ?? 10), connectionTimeoutMillis: 5_000 });
  // A client that loses its connection must not crash the process: the pool's
  // listener covers idle clients, the per-client one clients checked out
  // between two queries (pg emits 'error' on the client as well as failing the query).
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  let listener: pg.Client | undefined;
  return {
    kind: 'postgres',
    transaction: async (work, { readOnly }) => {
      const client = await pool.connect();
      let failure: unknown;
      try {
        await client.query(readOnly ? 'begin read only' : 'begin');
        try {
          const result = await work(async (sql, params) => {
            const res = await client.query(sql, params ? [...params] : undefined);
            return { rows: res.rows as Record<string, unknown>[], rowCount: res.rowCount ?? 0 };
          });
          await client.query('commit');
          return result;
        } catch (error) {
          await client.query('rollback').catch(() => undefined);
          throw error;
        }
      } catch (error) {
        failure = error;
        throw error;
      } finally {
        // A connection that died mid-request is dropped, not handed to the next one.
        client.release(isConnectionError(failure));
      }
    },
    executor: async () => {
      const client = await pool.connect();
      return {
        exec: async (sql) => {
          await client.query(sql);
        },
        query: async <T,>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as T[] }),
        release: () => client.release(),
      };
    },
    listenForReload: async (onReload) => {
      listener = new pg.Client({ connectionString: url });
      listener.on('error', () => undefined);
      await listener.connect();
      listener.on('notification', (message) => {
        if (message.channel === 'pgrst' && (message.payload === 'reload schema' || message.payload === 'reload config')) {
          onReload(message.payload === 'reload schema' ? 'schema' : 'config');
        }
      });
      await listener.query('listen pgrst');
    },
    close: async () => {
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}

/**
 * Opens PGlite in `dataDir` or Postgres at `url`. PGlite runs on a worker
 * thread (pgliteThread.ts); without `dataDir` it uses a temporary folder,
 * removed on close, so a worker replaced by the watchdog finds the data again.
 */
export async function openDatabase(
  target: { url: string } | { dataDir: string | undefined },
  log: (error: unknown) => void = (error) => console.error('[supabase/local]', error),
): Promise<Database> {
  if ('url' in target) return postgresDatabase(target.url);
  const temporaryDir = target.dataDir === undefined ? await mkdtemp(join(tmpdir(), 'zeri-pglite-')) : undefined;
  try {
    return pgliteDatabase(await PgliteThread.open(target.dataDir ?? (temporaryDir as string), log), temporaryDir);
  } catch (error) {
    if (temporaryDir !== undefined) await rm(temporaryDir, { recursive: true, force: true });
    throw error;
  }
}
