import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import type { SqlExecutor } from './migrate.ts';

/**
 * Opens a PGlite database with the contrib extensions the migrations use
 * (pgcrypto for digest/gen_random_bytes/crypt). In memory without `dir`.
 */
export async function openPglite(dir?: string): Promise<PGlite> {
  // PGlite reads a leading `undefined` as "no options", so pass dataDir inside.
  const db = new PGlite({ ...(dir === undefined ? {} : { dataDir: dir }), extensions: { pgcrypto } });
  await db.waitReady;
  return db;
}

/** Adapts PGlite (or anything with the same two methods) to migrate's SqlExecutor. */
export function asExecutor(db: {
  exec(sql: string): Promise<unknown>;
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}): SqlExecutor {
  return {
    exec: async (sql) => {
      await db.exec(sql);
    },
    query: (sql, params) => db.query(sql, params),
  };
}
