import { readdir, readFile } from 'node:fs/promises';

/** The two calls migrate needs; PGlite and a `pg` Client both fit (see asExecutor in pglite.ts). */
export interface SqlExecutor {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface MigrateOptions {
  /** Apply supabase/seed.sql after the migrations, on a fresh database only. */
  seed: boolean;
}

const supabaseDir = new URL('../', import.meta.url);

/** Same table the Supabase CLI keeps, so `supabase db push` and this agree on what ran. */
const trackingTable = `
  create schema if not exists supabase_migrations;
  create table if not exists supabase_migrations.schema_migrations (
    version text primary key,
    name text,
    applied_at timestamptz default now()
  );
  alter table supabase_migrations.schema_migrations
    add column if not exists applied_at timestamptz default now();
`;

/** Splits `20260101000000_regions.sql` into its version and name. */
export function parseMigrationFile(file: string): { version: string; name: string } {
  const match = /^(\d+)_(.+)\.sql$/.exec(file);
  if (!match?.[1] || !match[2]) throw new Error(`migration file name must be <version>_<name>.sql: ${file}`);
  return { version: match[1], name: match[2] };
}

async function migrationFiles(): Promise<string[]> {
  const files = await readdir(new URL('migrations/', supabaseDir));
  return files.filter((file) => file.endsWith('.sql')).sort();
}

async function inTransaction(db: SqlExecutor, work: () => Promise<void>): Promise<void> {
  await db.exec('begin');
  try {
    await work();
    await db.exec('commit');
  } catch (error) {
    await db.exec('rollback');
    throw error;
  }
}

/**
 * Brings a database up to date: bootstrap.sql (idempotent), then every
 * migration not yet recorded, each in its own transaction, then seed.sql when
 * `seed` is set and this run started from an empty migration history.
 *
 * Must run as a superuser (it creates roles and extensions).
 *
 * @example
 *   const db = await openPglite();
 *   await migrate(asExecutor(db), { seed: true });
 */
export async function migrate(db: SqlExecutor, options: MigrateOptions): Promise<{ applied: string[] }> {
  const bootstrap = await readFile(new URL('local/bootstrap.sql', supabaseDir), 'utf8');
  await inTransaction(db, () => db.exec(bootstrap));
  await db.exec(trackingTable);

  const done = await db.query<{ version: string }>('select version from supabase_migrations.schema_migrations');
  const doneVersions = new Set(done.rows.map((row) => row.version));
  const firstRun = doneVersions.size === 0;
  const applied: string[] = [];
  const files = await migrationFiles();

  // A history with versions no longer in migrations/ (the schema was rewritten
  // before production) cannot be brought forward file by file.
  const known = new Set(files.map((file) => parseMigrationFile(file).version));
  const unknown = [...doneVersions].filter((version) => !known.has(version));
  if (unknown.length > 0) {
    throw new Error(
      `This database was migrated with files that no longer exist (${unknown.join(', ')}). ` +
        'For the local database run `npm run db:reset`; it is recreated with the demo data on the next start.',
    );
  }

  for (const file of files) {
    const { version, name } = parseMigrationFile(file);
    if (doneVersions.has(version)) continue;
    const sql = await readFile(new URL(`migrations/${file}`, supabaseDir), 'utf8');
    await inTransaction(db, async () => {
      try {
        await db.exec(sql);
      } catch (error) {
        throw new Error(`migration ${file} failed: ${(error as Error).message}`, { cause: error });
      }
      await db.query('insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)', [
        version,
        name,
      ]);
    });
    applied.push(file);
  }

  if (options.seed && firstRun) {
    const seed = await readFile(new URL('seed.sql', supabaseDir), 'utf8').catch(() => '');
    if (seed.trim() !== '') await inTransaction(db, () => db.exec(seed));
  }
  return { applied };
}
