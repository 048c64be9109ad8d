import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite } from '../pglite.ts';
import type { SqlExecutor } from '../migrate.ts';
import { isConnectionError } from '../rest/errors.ts';

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
  /** Runs `work` in one transaction: commit when it resolves, rollback when it throws. */
  transaction<T>(work: (query: Query) => Promise<T>, options: { readOnly: boolean }): Promise<T>;
  /** For migrate(): exec/query outside the request path, as the owner (superuser). */
  executor(): Promise<SqlExecutor & { release(): void }>;
  /** Calls `onReload` on `NOTIFY pgrst, 'reload schema'`. */
  listenForReload(onReload: () => void): Promise<void>;
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

function pgliteDatabase(db: PGlite): Database {
  const enqueue = serialQueue();
  const query: Query = async (sql, params) => {
    const result = await db.query<Record<string, unknown>>(sql, params ? [...params] : undefined);
    return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
  };
  return {
    kind: 'pglite',
    transaction: (work, { readOnly }) =>
      enqueue(async () => {
        await db.exec(readOnly ? 'begin read only' : 'begin');
        try {
          const result = await work(query);
          await db.exec('commit');
          return result;
        } catch (error) {
          await db.exec('rollback').catch(() => undefined);
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
                exec: async (sql) => {
                  await db.exec(sql);
                },
                query: async <T,>(sql: string, params?: unknown[]) => ({
                  rows: (await db.query<T>(sql, params)).rows,
                }),
                release: () => release(),
              });
            }),
        );
      }),
    listenForReload: async (onReload) => {
      await db.listen('pgrst', (payload) => {
        if (payload === 'reload schema') onReload();
      });
    },
    close: () => enqueue(() => db.close()),
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
        if (message.channel === 'pgrst' && message.payload === 'reload schema') onReload();
      });
      await listener.query('listen pgrst');
    },
    close: async () => {
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}

/** Opens PGlite in `dataDir` (in memory when undefined) or Postgres at `url`. */
export async function openDatabase(target: { url: string } | { dataDir: string | undefined }): Promise<Database> {
  if ('url' in target) return postgresDatabase(target.url);
  return pgliteDatabase(await openPglite(target.dataDir));
}
