/**
 * Generates src/lib/supabase/database.types.ts with Supabase's own type
 * generator (@supabase/postgres-meta, the generator behind
 * `supabase gen types typescript`) against a throwaway PostgreSQL database
 * migrated from supabase/migrations/.
 *
 *   DATABASE_URL=postgres://… npm run db:types          # writes the file
 *   DATABASE_URL=postgres://… npm run db:types -- --check   # fails when it is stale
 *
 * tests/stack/databaseTypes.test.ts runs the check in CI.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { migrate } from '../local/migrate.ts';
import { connectClient, createThrowawayDatabase, pgExecutor } from '../../tests/support/throwawayDatabase.ts';

export const typesFile = new URL('../../src/lib/supabase/database.types.ts', import.meta.url);
const generator = fileURLToPath(new URL('../../node_modules/@supabase/postgres-meta/dist/server/server.js', import.meta.url));

/** The generated `Database` type of the migrated schema, as text. */
export async function generateTypes(serverUrl: string): Promise<string> {
  const database = await createThrowawayDatabase(serverUrl, 'zeri_types');
  try {
    const client = await connectClient(database.url);
    try {
      await migrate(pgExecutor(client), { seed: false });
    } finally {
      await client.end();
    }
    const { stdout } = await promisify(execFile)(process.execPath, [generator], {
      env: {
        ...process.env,
        PG_META_GENERATE_TYPES: 'typescript',
        PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: 'public',
        PG_META_DB_URL: database.url,
      },
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } finally {
    await database.drop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const serverUrl = process.env['DATABASE_URL'];
  if (!serverUrl) {
    console.error('db:types needs a PostgreSQL 15 server: set DATABASE_URL=postgres://user:pass@localhost:5432/postgres (a throwaway database is created and dropped there).');
    process.exit(1);
  }
  const generated = await generateTypes(serverUrl);
  if (process.argv.includes('--check')) {
    const committed = await readFile(typesFile, 'utf8').catch(() => '');
    if (committed !== generated) {
      console.error('src/lib/supabase/database.types.ts is stale: run `npm run db:types` and commit it.');
      process.exit(1);
    }
    console.log('database.types.ts is up to date.');
  } else {
    await writeFile(typesFile, generated);
    console.log(`Wrote ${fileURLToPath(typesFile)}.`);
  }
}
