import { mkdir, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { migrate, type SqlExecutor } from './migrate.ts';
import { isFunctionName, loadLocalConfig, type LocalConfig } from './config.ts';
import type { RequestSettings } from './server/requestContext.ts';
import { DEFAULT_JWT_SECRET, apiKeys } from './jwt.ts';
import { openDatabase, type Database } from './server/database.ts';
import { loadSchemaCache, type SchemaCache } from './server/schemaCache.ts';
import { readInDatabaseConfig } from './server/inDatabaseConfig.ts';
import { handleRest } from './rest/handler.ts';
import { createAuthHandler } from './auth/handler.ts';

export interface StackOptions {
  /** `'pglite'` (default) or a `postgres://` URL (a `pg` pool). Defaults to `DATABASE_URL` when set. */
  database?: 'pglite' | string;
  /** PGlite data directory; `DATA_DIR` or `.data/pglite` by default, `null` for in-memory. */
  dataDir?: string | null;
  /** HS256 secret; `JWT_SECRET` or the Supabase CLI's local secret by default. */
  jwtSecret?: string;
  /** Apply supabase/seed.sql on a fresh database (default true). */
  seed?: boolean;
  /**
   * Brings the schema up to date before serving. Default: the project's
   * bootstrap + migrations (+ seed). Tests pass their own fixture.
   */
  prepare?: (db: SqlExecutor) => Promise<void>;
  /**
   * Per `windowMs` (default 5 minutes): sign-in and sign-up attempts per client address (default 30, config.toml's
   * `sign_in_sign_ups`), failed sign-ins per (address, e-mail) (default 10), `PUT /auth/v1/user` calls per user (default 30).
   */
  authRateLimit?: { perAddress?: number; failuresPerAccount?: number; userUpdates?: number; windowMs?: number };
  /** Access token lifetime in seconds (default: config.toml [auth] jwt_expiry). */
  jwtExpiry?: number;
  /** API and auth settings; default: supabase/config.toml with PGRST_* overrides (see config.ts). */
  config?: LocalConfig;
  /** Trust X-Forwarded-For for the client address (only behind your own proxy): its rightmost entry. */
  trustProxy?: boolean;
  /** Public origin, the access tokens' issuer (`<siteUrl>/auth/v1`); `SITE_URL` or http://localhost:4321. */
  siteUrl?: string;
  log?: (error: unknown) => void;
}

export interface Stack {
  /** Serves /rest/v1/* and /auth/v1/*; resolves false for any other path, leaving the response untouched. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  readonly anonKey: string;
  readonly serviceKey: string;
  readonly jwtSecret: string;
  readonly database: Database;
  /** Re-reads the schema cache (also done on `NOTIFY pgrst, 'reload schema'`). */
  reloadSchema(): Promise<void>;
  /** Waits for requests in flight, then closes the database cleanly. */
  close(): Promise<void>;
}

/**
 * Fails early, with a message that says what to fix, when the PGlite folder
 * cannot be written (read-only file system, permissions, full disk, a file in
 * the way): PGlite itself would fail later with an opaque WASM error, or
 * start and lose every write.
 */
async function checkWritable(dataDir: string): Promise<void> {
  const probe = join(dataDir, `.write-check-${process.pid}`);
  try {
    await mkdir(dataDir, { recursive: true });
    await writeFile(probe, 'zeri');
    await rm(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new Error(
      `Cannot write to the database folder ${dataDir} (${code}). ` +
        'Make it writable, free disk space, or set DATA_DIR to another folder; nothing was changed.',
      { cause: error },
    );
  }
}

/**
 * Starts the local Supabase-compatible API over PGlite or Postgres.
 *
 * @example
 *   const stack = await createStack({ dataDir: '.data/pglite' });
 *   http.createServer(async (req, res) => {
 *     if (await stack.handle(req, res)) return;
 *     serveStatic(req, res);
 *   }).listen(4321);
 */
export async function createStack(options: StackOptions = {}): Promise<Stack> {
  const config = options.config ?? loadLocalConfig();
  const servedSchema = config.api.schemas[0] as string;
  const trustProxy = options.trustProxy ?? process.env.TRUST_PROXY === '1';
  const settings: RequestSettings = {
    searchPath: [...new Set([servedSchema, ...config.api.extraSearchPath])].map((name) => `"${name}"`).join(', '),
    preRequest: config.api.preRequest,
    trustProxy,
  };
  const target = options.database ?? (process.env.DATABASE_URL || 'pglite');
  const jwtSecret = options.jwtSecret ?? process.env.JWT_SECRET ?? DEFAULT_JWT_SECRET;
  if (jwtSecret.length < 32) throw new Error('JWT secret must be at least 32 characters');
  const log = options.log ?? ((error: unknown) => console.error('[supabase/local]', error));
  const dataDir = options.dataDir === null ? undefined : (options.dataDir ?? (process.env.DATA_DIR || '.data/pglite'));
  // PGlite creates only the last directory of the path.
  if (target === 'pglite' && dataDir !== undefined) await checkWritable(dataDir);
  const db = await openDatabase(target === 'pglite' ? { dataDir } : { url: target }, log);

  const executor = await db.executor();
  try {
    if (options.prepare) await options.prepare(executor);
    else await migrate(executor, { seed: options.seed ?? true });
  } catch (error) {
    executor.release();
    await db.close();
    throw error;
  }
  executor.release();

  let cache: SchemaCache = await db.transaction((query) => loadSchemaCache(query, servedSchema), { readOnly: true });
  const reloadSchema = async (): Promise<void> => {
    cache = await db.transaction((query) => loadSchemaCache(query, servedSchema), { readOnly: true });
  };
  // PostgREST's in-database configuration overrides its environment: the
  // migrations register the db-pre-request function on the authenticator
  // role, as on hosted Supabase, so npm start and the tests run it with no
  // PGRST_DB_PRE_REQUEST.
  const reloadConfig = async (): Promise<void> => {
    const inDatabase = await db.transaction(readInDatabaseConfig, { readOnly: true });
    const preRequest = inDatabase.get('db_pre_request') || config.api.preRequest;
    if (preRequest !== undefined && !isFunctionName(preRequest)) {
      throw new Error(`pgrst.db_pre_request must be a function name, optionally schema-qualified (got ${JSON.stringify(preRequest)})`);
    }
    settings.preRequest = preRequest;
  };
  try {
    await reloadConfig();
  } catch (error) {
    await db.close();
    throw error;
  }
  await db.listenForReload((what) => {
    (what === 'schema' ? reloadSchema() : reloadConfig()).catch(log);
  });

  const handleAuth = createAuthHandler({
    db,
    jwtSecret,
    jwtExpiry: options.jwtExpiry ?? config.auth.jwtExpiry,
    minPasswordLength: config.auth.minimumPasswordLength,
    rateLimitPerAddress: options.authRateLimit?.perAddress ?? Number(process.env.AUTH_RATE_LIMIT_PER_ADDRESS ?? 30),
    rateLimitFailuresPerAccount: options.authRateLimit?.failuresPerAccount ?? Number(process.env.AUTH_RATE_LIMIT_FAILURES_PER_ACCOUNT ?? 10),
    rateLimitWindowMs: options.authRateLimit?.windowMs ?? 5 * 60 * 1000,
    userUpdatesPerUser: options.authRateLimit?.userUpdates ?? 30,
    requireCurrentPassword: true,
    refreshReuseInterval: 10,
    trustProxy,
    siteUrl: options.siteUrl ?? (process.env.SITE_URL || 'http://localhost:4321'),
    log,
  });

  let inFlight = 0;
  let closing = false;
  let drained: (() => void) | undefined;
  const { anonKey, serviceKey } = apiKeys(jwtSecret);

  return {
    anonKey,
    serviceKey,
    jwtSecret,
    database: db,
    reloadSchema,
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const rest = url.pathname === '/rest/v1' || url.pathname.startsWith('/rest/v1/');
      const auth = url.pathname === '/auth/v1' || url.pathname.startsWith('/auth/v1/');
      if (!rest && !auth) return false;
      if (closing) {
        res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', Connection: 'close' });
        res.end(JSON.stringify({ code: 'PGRST000', message: 'Server is shutting down', details: null, hint: null }));
        return true;
      }
      inFlight++;
      try {
        if (rest) await handleRest(req, res, url, { db, jwtSecret, schemaCache: () => cache, settings, maxRows: config.api.maxRows, aggregatesEnabled: config.api.aggregatesEnabled, log });
        else await handleAuth(req, res, url);
      } catch (error) {
        log(error);
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify({ code: 'PGRSTX00', message: 'Internal server error', details: null, hint: null }));
        }
      } finally {
        inFlight--;
        if (closing && inFlight === 0) drained?.();
      }
      return true;
    },
    async close() {
      if (closing) return;
      closing = true;
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      await db.close();
    },
  };
}
