// A school day, time-compressed, against `npm start`'s server (loopback only,
// bounded in time): classrooms submit ideas in overlapping windows while the
// four pilot committees page their lists and the public reads the walls.
//   node bench/load.ts                  # 20 classrooms x 30 students, ~1 minute, PGlite in a temp folder
//   node bench/load.ts --full           # 200 classrooms x 30 students, ~6 minutes
//   BENCH_DATABASE_URL=postgres://zeri:zeri@localhost:5432/postgres node bench/load.ts   # a throwaway database there
//   node bench/load.ts --url http://127.0.0.1:4321/   # a portal already running (its database keeps the ideas)
//   --timeline                          # also requests and the slowest one per 5-second slice
// Needs a built site (npm run build). Prints throughput, p50/p95/p99 and
// errors per operation, then checks every acknowledged receipt exists exactly
// once in the database (service_role read of receipt hashes).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createThrowawayDatabase } from '../tests/support/throwawayDatabase.ts';
import { apiKeys, DEFAULT_JWT_SECRET } from '../supabase/local/jwt.ts';

const argv = process.argv.slice(2);
const full = argv.includes('--full');
const urlArg = argv.includes('--url') ? argv[argv.indexOf('--url') + 1] : undefined;
const CLASSROOMS = Number(process.env['LOAD_CLASSROOMS'] ?? (full ? 200 : 20));
const STUDENTS = Number(process.env['LOAD_STUDENTS'] ?? 30);
// A real class has 10 minutes; here a window lasts WINDOW_S seconds and the
// classes start one after another over SPREAD_S seconds, so windows overlap.
const WINDOW_S = Number(process.env['LOAD_WINDOW_S'] ?? (full ? 60 : 20));
const SPREAD_S = Number(process.env['LOAD_SPREAD_S'] ?? (full ? 300 : 40));
const MODERATORS = ['kukes', 'lezhe', 'shkoder', 'durres'];
const READERS = Number(process.env['LOAD_READERS'] ?? 4);
const { anonKey, serviceKey } = apiKeys(process.env['JWT_SECRET'] ?? DEFAULT_JWT_SECRET);
const root = resolve(import.meta.dirname, '..');

// The server ------------------------------------------------------------------------
let child: ChildProcess | undefined;
let scratch: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

async function throwawayDatabase(url: string): Promise<string> {
  const throwaway = await createThrowawayDatabase(url, 'zeri_load');
  dropDatabase = () => throwaway.drop();
  return throwaway.url;
}

async function startServer(): Promise<string> {
  scratch = await mkdtemp(join(tmpdir(), 'zeri-load-'));
  const pgUrl = process.env['BENCH_DATABASE_URL'];
  const env: Record<string, string | undefined> = {
    ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(scratch, 'pglite'),
    DATABASE_URL: pgUrl ? await throwawayDatabase(pgUrl) : undefined,
  };
  delete env['PUBLIC_SUPABASE_URL'];
  if (!env['DATABASE_URL']) delete env['DATABASE_URL'];
  child = spawn(process.execPath, [resolve(root, 'src/server/start.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 300_000;
  for (;;) {
    const url = /running at (http:\/\/\S+)/.exec(output)?.[1];
    if (url) return url;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the portal did not start:\n${output}`);
    await sleep(100);
  }
}

async function stopServer(): Promise<void> {
  if (child && child.exitCode === null) {
    const exited = new Promise((done) => child?.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
  if (scratch) await rm(scratch, { recursive: true, force: true });
  await dropDatabase?.();
}

// Measurements ---------------------------------------------------------------------
const samples = new Map<string, number[]>();
// Completed requests per 5-second slice: [count, slowest ms], to see stalls over the day.
const timeline = new Map<number, [number, number]>();
let dayStarted = performance.now();
const errors = new Map<string, Map<string, number>>();

async function timed(operation: string, request: () => Promise<Response>): Promise<Response | undefined> {
  const started = performance.now();
  try {
    const response = await request();
    await response.clone().arrayBuffer();
    const list = samples.get(operation) ?? [];
    const ms = performance.now() - started;
    list.push(ms);
    samples.set(operation, list);
    const slice = Math.floor((performance.now() - dayStarted) / 5000);
    const [n, slowest] = timeline.get(slice) ?? [0, 0];
    timeline.set(slice, [n + 1, Math.max(slowest, ms)]);
    if (!response.ok) count(operation, String(response.status));
    return response;
  } catch (error) {
    count(operation, (error as Error).name);
    return undefined;
  }
}

function count(operation: string, kind: string): void {
  const byKind = errors.get(operation) ?? new Map<string, number>();
  byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  errors.set(operation, byKind);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

// The day --------------------------------------------------------------------------
const base = urlArg ? new URL(urlArg).origin : new URL(await startServer()).origin;
const anonHeaders = { apikey: anonKey, authorization: `Bearer ${anonKey}`, 'content-type': 'application/json' };
const serviceHeaders = { apikey: serviceKey, authorization: `Bearer ${serviceKey}`, 'content-type': 'application/json' };

async function rpc(operation: string, name: string, body: unknown, headers: Record<string, string> = anonHeaders): Promise<Response | undefined> {
  return timed(operation, () => fetch(`${base}/rest/v1/rpc/${name}`, { method: 'POST', headers, body: JSON.stringify(body) }));
}

// Every classroom here speaks from 127.0.0.1, where a real school day has one
// address per school: the bench's own server gets a per-address request budget
// no single school needs (the database's limits, docs/security.md), so the
// figures measure the server, not the limiter. A portal given with --url keeps its settings.
if (!urlArg) {
  const raised = await fetch(`${base}/rest/v1/settings?key=eq.student_requests_per_minute_per_address`, {
    method: 'PATCH', headers: serviceHeaders, body: JSON.stringify({ value: 100000 }),
  });
  if (!raised.ok) throw new Error(`could not raise the per-address request budget: ${raised.status} ${await raised.text()}`);
}

async function openSessions(): Promise<{ id: string; code: string; region: string }[]> {
  const now = Date.now();
  const rows = Array.from({ length: CLASSROOMS }, (_, i) => ({
    kind: 'class', region: MODERATORS[i % MODERATORS.length], school: `Shkolla ${i + 1} (load test)`, grade_band: i % 2 ? '6-9' : '10-12',
    opens_at: new Date(now - 60_000).toISOString(), closes_at: new Date(now + 2 * 3600_000).toISOString(), max_ideas: Math.min(200, STUDENTS * 2),
  }));
  const response = await fetch(`${base}/rest/v1/class_sessions?select=id,join_code,region`, {
    method: 'POST', headers: { ...serviceHeaders, prefer: 'return=representation' }, body: JSON.stringify(rows),
  });
  if (response.status !== 201) throw new Error(`could not open sessions: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string; join_code: string; region: string }[]).map((s) => ({ id: s.id, code: s.join_code, region: s.region }));
}

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${base}/auth/v1/token?grant_type=password`, {
    method: 'POST', headers: { apikey: anonKey, 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'zeri-demo-2026' }),
  });
  if (!response.ok) throw new Error(`sign-in ${email}: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

const acknowledged: { key: string; receipt: string; session: string }[] = [];
let unacknowledged = 0;

async function student(session: { id: string; code: string }, i: number): Promise<void> {
  await rpc('join_session', 'join_session', { p_code: session.code });
  const key = crypto.randomUUID();
  const body = {
    p_code: session.code, p_text: `Idea ${i} from ${session.code}: talk in class about job offers abroad that sound too good.`,
    p_theme: 'work_abroad', p_can_do: i % 3 ? null : 'Tell my friends.', p_age_band: '15-17', p_locale: i % 4 ? 'sq' : 'en',
    p_publish_consent: i % 2 === 0, p_idempotency_key: key,
  };
  // The form retries with the same key: after a network error, a 5xx or a 429.
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await rpc('submit_idea', 'submit_idea', body);
    if (response?.ok) {
      const receipt = ((await response.json()) as { receipt_code: string }).receipt_code;
      acknowledged.push({ key, receipt, session: session.id });
      if (i % 3 === 0) await rpc('idea_status', 'idea_status', { p_receipt_code: receipt });
      return;
    }
    if (response && response.status < 500 && response.status !== 429) break;
    await sleep(500 + Math.random() * 1000);
  }
  unacknowledged++;
}

async function classroom(session: { id: string; code: string }, startAtMs: number): Promise<void> {
  await sleep(startAtMs);
  await Promise.all(Array.from({ length: STUDENTS }, async (_, i) => {
    await sleep(Math.random() * WINDOW_S * 1000);
    await student(session, i);
  }));
}

async function moderator(region: string, token: string, until: () => boolean): Promise<void> {
  const headers = { apikey: anonKey, authorization: `Bearer ${token}` };
  let pending = 0;
  while (!until()) {
    // One of the first five pages, among those that exist (past the end is 416, as on PostgREST).
    const offset = 20 * Math.floor(Math.random() * Math.min(5, Math.ceil(pending / 20)));
    const list = await timed('moderator list page', () => fetch(
      `${base}/rest/v1/ideas?select=id,text,theme,age_band,created_at,status&region=eq.${region}&status=eq.pending&order=created_at.desc&limit=20&offset=${offset}`,
      { headers: { ...headers, prefer: 'count=exact' } }));
    pending = Number(list?.headers.get('content-range')?.split('/')[1] ?? pending);
    await timed('moderation_queue', () => fetch(`${base}/rest/v1/rpc/moderation_queue`, {
      method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ p_limit: 20, p_offset: offset }),
    }));
    await sleep(1000);
  }
}

async function reader(i: number, until: () => boolean): Promise<void> {
  const region = MODERATORS[i % MODERATORS.length];
  while (!until()) {
    await timed('public wall page', () => fetch(
      `${base}/rest/v1/public_ideas?select=id,region,theme,public_text,month,status,activities&region=eq.${region}&order=month.desc,id.asc&offset=0&limit=12`,
      { headers: { apikey: anonKey, prefer: 'count=exact' } }));
    await timed('public wall count', () => fetch(`${base}/rest/v1/public_ideas?select=id&theme=eq.school&region=eq.${region}`,
      { method: 'HEAD', headers: { apikey: anonKey, prefer: 'count=exact' } }));
    await sleep(500);
  }
}

try {
  const sessions = await openSessions();
  const tokens = await Promise.all(MODERATORS.map((region) => signIn(`${region}@zeri.test`)));
  console.log(`${base}: ${CLASSROOMS} classrooms x ${STUDENTS} students, ${WINDOW_S} s windows starting over ${SPREAD_S} s; ${MODERATORS.length} moderators, ${READERS} public readers`);
  let done = false;
  const started = performance.now();
  dayStarted = started;
  const background = [
    ...MODERATORS.map((region, i) => moderator(region, tokens[i] as string, () => done)),
    ...Array.from({ length: READERS }, (_, i) => reader(i, () => done)),
  ];
  await Promise.all(sessions.map((session, i) => classroom(session, (i / Math.max(1, CLASSROOMS - 1)) * SPREAD_S * 1000)));
  done = true;
  await Promise.all(background);
  const seconds = (performance.now() - started) / 1000;

  let total = 0;
  console.log(`\n${'operation'.padEnd(22)} ${'count'.padStart(6)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}  errors`);
  for (const [operation, list] of samples) {
    const sorted = [...list].sort((a, b) => a - b);
    total += list.length;
    const errs = [...(errors.get(operation) ?? new Map<string, number>())].map(([kind, n]) => `${kind}x${n}`).join(' ') || '0';
    console.log(`${operation.padEnd(22)} ${String(list.length).padStart(6)} ${(list.length / seconds).toFixed(1).padStart(7)} ${percentile(sorted, 50).toFixed(1).padStart(8)} ${percentile(sorted, 95).toFixed(1).padStart(8)} ${percentile(sorted, 99).toFixed(1).padStart(8)} ${(sorted.at(-1) ?? NaN).toFixed(1).padStart(8)}  ${errs}`);
  }
  if (argv.includes('--timeline')) {
    console.log(`\ntimeline (5 s slices): ${[...timeline].sort(([a], [b]) => a - b).map(([slice, [n, slowest]]) => `${slice * 5}s:${n}/${Math.round(slowest)}ms`).join(' ')}`);
  }
  console.log(`all requests: ${total} in ${seconds.toFixed(1)} s = ${(total / seconds).toFixed(1)} req/s; submissions acknowledged ${acknowledged.length} of ${CLASSROOMS * STUDENTS}, gave up ${unacknowledged}`);

  // Every acknowledged receipt exactly once, and nothing else in these sessions.
  const found = new Map<string, number>();
  const ids = sessions.map((s) => s.id);
  for (let i = 0; i < ids.length; i += 50) {
    const response = await fetch(`${base}/rest/v1/ideas?select=receipt_hash&session_id=in.(${ids.slice(i, i + 50).join(',')})`, { headers: serviceHeaders });
    for (const row of (await response.json()) as { receipt_hash: string }[]) found.set(row.receipt_hash, (found.get(row.receipt_hash) ?? 0) + 1);
  }
  const hash = (code: string) => createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('hex');
  const missing = acknowledged.filter((a) => found.get(hash(a.receipt)) !== 1).length;
  const stored = [...found.values()].reduce((a, b) => a + b, 0);
  console.log(`check: ${acknowledged.length} acknowledged, ${stored} stored in these sessions, ${missing} acknowledged receipts not found exactly once`);
  if (missing > 0) process.exitCode = 1;
} finally {
  if (!urlArg) await stopServer();
}
