/**
 * Database test harness: a fresh, migrated and seeded database per test file
 * (PGlite in memory, or a throwaway database on DATABASE_URL's server), each
 * test in a rolled-back transaction, and `authenticateAs` switching role and
 * JWT claims exactly as PostgREST does.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { migrate, type SqlExecutor } from '../../supabase/local/migrate.ts';
import { asExecutor, openPglite } from '../../supabase/local/pglite.ts';
import { connectClient, createThrowawayDatabase, pgExecutor } from '../support/throwawayDatabase.ts';

export interface Db extends SqlExecutor {
  readonly kind: 'pglite' | 'postgres';
}

export interface TestDatabase {
  db: Db;
  /** Connection string of the throwaway database (Postgres only). */
  url?: string;
  close(): Promise<void>;
}

/** Demo accounts from supabase/seed.sql plus the extra ones fixtures() adds. */
export const users = {
  coordinator: 'a0000000-0000-4000-8000-000000000001',
  moderatorKukes: 'a0000000-0000-4000-8000-000000000011',
  moderatorLezhe: 'a0000000-0000-4000-8000-000000000012',
  moderatorShkoder: 'a0000000-0000-4000-8000-000000000013',
  moderatorDurres: 'a0000000-0000-4000-8000-000000000014',
  teacherKukes: 'a0000000-0000-4000-8000-000000000021',
  teacherLezhe: 'a0000000-0000-4000-8000-000000000022',
  teacherPending: 'a0000000-0000-4000-8000-000000000023',
  plainUser: 'a0000000-0000-4000-8000-000000000031',
  /** An auth user whose profile was removed, so rows can be inserted for it. */
  bareUser: 'a0000000-0000-4000-8000-000000000041',
  /** A Kukës committee member who is not the safeguarding officer; exists only after addMemberKukes(). */
  memberKukes: 'a0000000-0000-4000-8000-000000000051',
} as const;

export const sessions = {
  kukesClass: 'b0000000-0000-4000-8000-000000000001',
  lezheOpenCall: 'b0000000-0000-4000-8000-000000000002',
  shkoderOpenCall: 'b0000000-0000-4000-8000-000000000003',
  durresOpenCall: 'b0000000-0000-4000-8000-000000000004',
  lezheClass: 'b0000000-0000-4000-8000-000000000011',
  kukesEmptyClass: 'b0000000-0000-4000-8000-000000000012',
} as const;

export type Persona = 'anon' | 'service_role' | keyof typeof users;

// vitest.config.ts runs this suite twice when DATABASE_URL is set: project
// `db` on PGlite, project `db-postgres` on that server.
export const databaseUrl = process.env['ZERI_DB_BACKEND'] === 'pglite' ? undefined : process.env['DATABASE_URL'];

/** Accounts and sessions the tests need beyond the demo seed; committed once per database. */
const fixtures = `
  insert into auth.users (id, email, raw_user_meta_data) values
    ('${users.teacherLezhe}', 'mesues.lezhe@zeri.test', '{"display_name": "Mësuesi Lezhë", "school": "Shkolla Demo, Lezhë", "region": "lezhe"}'),
    ('${users.teacherPending}', 'pritje@zeri.test', '{"display_name": "Në pritje", "school": "Shkolla Tjetër, Kukës", "region": "kukes"}'),
    ('${users.plainUser}', 'perdorues@zeri.test', '{"display_name": "Përdorues"}'),
    ('${users.bareUser}', 'bosh@zeri.test', '{}');
  delete from public.profiles where id = '${users.bareUser}';
  update public.teachers set approved_at = now(), approved_by = '${users.coordinator}' where user_id = '${users.teacherLezhe}';
  insert into public.class_sessions (id, kind, teacher_id, region, school, grade_band, opens_at, closes_at) values
    ('${sessions.lezheClass}', 'class', '${users.teacherLezhe}', 'lezhe', 'Shkolla Demo, Lezhë', '6-9', now() - interval '1 hour', now() + interval '1 day'),
    ('${sessions.kukesEmptyClass}', 'class', '${users.teacherKukes}', 'kukes', 'Shkolla e Mesme Demo, Kukës', '10-12', now() - interval '1 hour', now() + interval '1 day');
  -- A live sign-in per persona (staff rights need one: private.session_is_live); its id is the user's.
  insert into auth.sessions (id, user_id) select u.id, u.id from auth.users u
  where u.id in (${Object.values(users).map((id) => `'${id}'`).join(', ')});
`;

async function openPgliteDatabase(): Promise<TestDatabase> {
  const pglite = await openPglite();
  const executor = asExecutor(pglite);
  const db: Db = { kind: 'pglite', ...executor };
  await migrate(db, { seed: true });
  await db.exec(fixtures);
  return { db, close: () => pglite.close() };
}

async function openPostgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const throwaway = await createThrowawayDatabase(serverUrl, 'zeri_test');
  const client = await connectClient(throwaway.url);
  const db: Db = { kind: 'postgres', ...pgExecutor(client) };
  await migrate(db, { seed: true });
  await db.exec(fixtures);
  return {
    db,
    url: throwaway.url,
    close: async () => {
      await client.end();
      await throwaway.drop();
    },
  };
}

/** A migrated, seeded database for one test file; the caller closes it. */
export async function openTestDatabase(): Promise<TestDatabase> {
  return databaseUrl ? openPostgresDatabase(databaseUrl) : openPgliteDatabase();
}

/**
 * Registers the per-file database and the per-test transaction.
 *
 * @example
 *   const t = useTestDatabase();
 *   it('...', async () => { await authenticateAs(t.db, 'anon'); ... });
 */
export function useTestDatabase(): { readonly db: Db } {
  let handle: TestDatabase | undefined;
  beforeAll(async () => {
    handle = await openTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });
  beforeEach(async () => {
    await handle?.db.exec('begin');
  });
  afterEach(async () => {
    await handle?.db.exec('rollback');
  });
  return {
    get db(): Db {
      if (!handle) throw new Error('database not open yet');
      return handle.db;
    },
  };
}

/**
 * The JWT claims PostgREST would put in request.jwt.claims for a persona,
 * with the session id GoTrue puts in every user token (the fixtures' live
 * session of that user).
 */
export function claimsFor(persona: Persona): { role: string; sub?: string; session_id?: string } {
  if (persona === 'anon') return { role: 'anon' };
  if (persona === 'service_role') return { role: 'service_role' };
  return { role: 'authenticated', sub: users[persona], session_id: users[persona] };
}

/** Switches the current transaction to a persona the way PostgREST does per request. */
export async function authenticateAs(db: Db, persona: Persona): Promise<void> {
  const claims = claimsFor(persona);
  await db.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [
    claims.role,
    JSON.stringify(claims),
  ]);
}

/** Back to the migrating superuser, without claims. */
export async function resetRole(db: Db): Promise<void> {
  await db.exec("reset role; select set_config('request.jwt.claims', '', true)");
}

export interface DbError {
  code: string;
  message: string;
  detail?: string;
  hint?: string;
}

export type Attempt<T> = { ok: true; rows: T[] } | { ok: false; error: DbError };

let savepoints = 0;

/** Runs one statement inside a savepoint, so a failure leaves the test's transaction usable. */
export async function attempt<T = Record<string, unknown>>(db: Db, sql: string, params?: unknown[]): Promise<Attempt<T>> {
  const name = `attempt_${++savepoints}`;
  await db.exec(`savepoint ${name}`);
  try {
    const { rows } = await db.query<T>(sql, params);
    await db.exec(`release savepoint ${name}`);
    return { ok: true, rows };
  } catch (error) {
    await db.exec(`rollback to savepoint ${name}`);
    const e = error as Partial<DbError>;
    return {
      ok: false,
      error: { code: String(e.code), message: String(e.message), ...(e.detail ? { detail: e.detail } : {}), ...(e.hint ? { hint: e.hint } : {}) },
    };
  }
}

/** Runs a statement that must fail and returns its error. */
export async function expectFailure(db: Db, sql: string, params?: unknown[]): Promise<DbError> {
  const result = await attempt(db, sql, params);
  if (result.ok) throw new Error(`expected failure, got ${JSON.stringify(result.rows)}\n${sql}`);
  return result.error;
}

/** Calls an RPC with named arguments as supabase-js does (`select f(p_x => $1, ...)`). */
export async function rpc<T = Record<string, unknown>>(
  db: Db,
  fn: string,
  args: Record<string, unknown> = {},
): Promise<T> {
  const names = Object.keys(args);
  const list = names.map((name, i) => `${name} => $${i + 1}`).join(', ');
  const { rows } = await db.query<{ result: T }>(`select public.${fn}(${list}) as result`, Object.values(args));
  return rows[0]!.result;
}

/** Like rpc, but returns the error instead of throwing (inside a savepoint). */
export async function rpcAttempt<T = Record<string, unknown>>(
  db: Db,
  fn: string,
  args: Record<string, unknown> = {},
): Promise<Attempt<T>> {
  const names = Object.keys(args);
  const list = names.map((name, i) => `${name} => $${i + 1}`).join(', ');
  const result = await attempt<{ result: T }>(db, `select public.${fn}(${list}) as result`, Object.values(args));
  return result.ok ? { ok: true, rows: result.rows.map((row) => row.result) } : result;
}

/** Counts rows as the superuser (outside RLS), for before/after comparisons. */
export async function count(db: Db, sql: string, params?: unknown[]): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from (${sql}) as counted`, params);
  return rows[0]!.n;
}

let noticeShown = false;

/** Says once per worker, loudly, that only the PGlite half ran. */
export function announcePostgresHalf(): void {
  if (process.env['DATABASE_URL'] || noticeShown) return;
  noticeShown = true;
  console.warn(
    '\n[db] DATABASE_URL is not set: the database suite ran on PGlite only. ' +
      'The PostgreSQL half (real Postgres, concurrency) was NOT run. ' +
      'Run it with DATABASE_URL=postgres://user:pass@localhost:5432/postgres npx vitest run --project db-postgres\n',
  );
}

/** A valid submit_idea argument set; override what a test is about. */
export function ideaArgs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    p_code: 'KUK234',
    p_text: 'Të flasim në klasë për ofertat e rreme të punës jashtë vendit.',
    p_theme: 'work_abroad',
    p_can_do: null,
    p_age_band: '15-17',
    p_locale: 'sq',
    p_publish_consent: true,
    p_idempotency_key: crypto.randomUUID(),
    ...overrides,
  };
}

/**
 * Adds users.memberKukes, a second Kukës committee member who is not the
 * region's safeguarding officer (the seed names every member an officer),
 * inside the current test's transaction.
 */
export async function addMemberKukes(db: Db): Promise<void> {
  await db.query(
    `insert into auth.users (id, email, raw_user_meta_data) values ($1, 'anetar.kukes@zeri.test', '{"display_name": "Anëtar Kukës"}')`,
    [users.memberKukes],
  );
  await db.query("insert into public.committee_members (user_id, region, safeguarding_officer) values ($1, 'kukes', false)", [users.memberKukes]);
  // Signed in, like every persona: staff rights need a live session (private.session_is_live).
  await db.query('insert into auth.sessions (id, user_id) values ($1, $1)', [users.memberKukes]);
}

/** A fresh receipt code in the contract alphabet (tests only; not uniform). */
export function testReceiptCode(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  return Array.from(randomBytes(10), (b) => alphabet[b % alphabet.length]).join('');
}
