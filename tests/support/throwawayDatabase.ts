/**
 * Throwaway PostgreSQL databases for tests and benchmarks, created and dropped
 * in an order that can never surface as an unhandled error.
 *
 * Why this exists: `drop database … with (force)` terminates every backend
 * still connected, and a `pg` client that is still closing (a pool's `end()`
 * resolves before its sockets have closed) then receives 57P01 "terminating
 * connection due to administrator command". Without an `error` listener that
 * becomes an unhandled error and fails the whole vitest run. So: every client
 * and pool made here listens for errors, and `drop()` first waits until the
 * server itself reports no other session on the database.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { SqlExecutor } from '../../supabase/local/migrate.ts';

/** Errors a test reads from query promises; a dead idle connection must not crash the run. */
function ignoreErrors<T extends { on(event: 'error', listener: () => void): unknown }>(emitter: T): T {
  emitter.on('error', () => undefined);
  return emitter;
}

/** A connected client with an error listener (end it yourself). */
export async function connectClient(url: string, config: Omit<pg.ClientConfig, 'connectionString'> = {}): Promise<pg.Client> {
  const client = ignoreErrors(new pg.Client({ connectionString: url, ...config }));
  await client.connect();
  return client;
}

/** `client` as the two calls migrate() needs (PGlite's twin: asExecutor in supabase/local/pglite.ts). */
export function pgExecutor(client: pg.Client): SqlExecutor {
  return {
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <T,>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as T[] }),
  };
}

/**
 * A pool whose pool object and every client it ever opens listen for errors,
 * so a client terminated while the pool is ending cannot crash the run.
 */
export function createPool(url: string, config: Omit<pg.PoolConfig, 'connectionString'> = {}): pg.Pool {
  const pool = ignoreErrors(new pg.Pool({ connectionString: url, ...config }));
  pool.on('connect', (client) => void ignoreErrors(client));
  return pool;
}

export interface ThrowawayDatabase {
  readonly name: string;
  /** Connection string of the new database. */
  readonly url: string;
  /**
   * Waits until no session is connected to the database any more (clients of
   * the caller must be ended first), then drops it. Sessions still there after
   * `graceMs` are someone else's leak: they are terminated and reported.
   */
  drop(graceMs?: number): Promise<void>;
}

/** Creates `<prefix>_<random>` on the server at `serverUrl`. */
export async function createThrowawayDatabase(serverUrl: string, prefix: string): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = await connectClient(serverUrl);
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: (graceMs) => dropWhenIdle(serverUrl, name, graceMs) };
}

async function dropWhenIdle(serverUrl: string, name: string, graceMs = 15_000): Promise<void> {
  const admin = await connectClient(serverUrl);
  try {
    const deadline = Date.now() + graceMs;
    for (;;) {
      const { rows } = await admin.query<{ n: number }>(
        'select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
      if (rows[0]?.n === 0) break;
      if (Date.now() > deadline) {
        console.warn(`throwawayDatabase: ${rows[0]?.n} session(s) still on ${name} after ${graceMs} ms; terminating them.`);
        break;
      }
      await sleep(50);
    }
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}
