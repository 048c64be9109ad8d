// Supabase's own CLI against real PostgreSQL 15: `supabase db push` applies
// supabase/migrations/ and seed.sql exactly as it would to a hosted project
// (after bootstrap.sql, which stands in for what a Supabase project provides),
// and `supabase db lint` checks every PL/pgSQL function with plpgsql_check.
// Needs DATABASE_URL (CI sets it) and Debian's postgresql-15-plpgsql-check.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, createThrowawayDatabase, type ThrowawayDatabase } from '../support/throwawayDatabase.ts';

const serverUrl = process.env['DATABASE_URL'];
const root = new URL('../../', import.meta.url).pathname;
const cli = new URL('../../node_modules/.bin/supabase', import.meta.url).pathname;

/** The CLI wants TLS off spelled out for a local server. */
function cliUrl(url: string): string {
  const withSsl = new URL(url);
  withSsl.searchParams.set('sslmode', 'disable');
  return withSsl.toString();
}

function supabase(args: string[]): { status: number | null; out: string } {
  const run = spawnSync(cli, args, { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, DO_NOT_TRACK: '1' } });
  return { status: run.status, out: `${run.stdout}\n${run.stderr}` };
}

describe.skipIf(!serverUrl)('Supabase CLI on PostgreSQL 15', () => {
  let database: ThrowawayDatabase;
  let plpgsqlCheck = false;

  beforeAll(async () => {
    database = await createThrowawayDatabase(serverUrl as string, 'zeri_cli');
    const client = await connectClient(database.url);
    try {
      await client.query(await readFile(new URL('../../supabase/local/bootstrap.sql', import.meta.url), 'utf8'));
      const { rows } = await client.query("select 1 from pg_available_extensions where name = 'plpgsql_check'");
      plpgsqlCheck = rows.length > 0;
    } finally {
      await client.end();
    }
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('db push applies every migration and the seed, and records them as the CLI does', async () => {
    const push = supabase(['db', 'push', '--db-url', cliUrl(database.url), '--include-seed', '--yes']);
    expect(push.status, push.out).toBe(0);
    expect(push.out).toMatch(/Finished supabase db push/);
    const client = await connectClient(database.url);
    try {
      const { rows } = await client.query<{ n: number }>('select count(*)::int as n from supabase_migrations.schema_migrations');
      const files = readdirSync(new URL('../../supabase/migrations/', import.meta.url)).filter((f) => f.endsWith('.sql'));
      expect(rows[0]?.n).toBe(files.length);
      const seeded = await client.query<{ n: number }>("select count(*)::int as n from auth.users where email like '%@zeri.test'");
      expect(seeded.rows[0]?.n).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  }, 150_000);

  it('db lint finds no error in any PL/pgSQL function (plpgsql_check)', (context) => {
    if (!plpgsqlCheck) {
      console.warn('supabaseCli.test.ts: plpgsql_check is not installed (apt-get install postgresql-15-plpgsql-check); lint skipped.');
      context.skip();
    }
    const lint = supabase(['db', 'lint', '--db-url', cliUrl(database.url), '--level', 'warning', '--fail-on', 'error']);
    expect(lint.status, lint.out).toBe(0);
    expect(lint.out).toMatch(/No schema errors found/);
  }, 150_000);
});
