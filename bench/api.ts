// Benchmark of the local stack (loopback, bounded in time):
//   node bench/api.ts                     # PGlite in memory
//   BENCH_DATABASE_URL=postgres://zeri:zeri@localhost:5432/postgres node bench/api.ts   # throwaway database there
// Prints req/s and p50/p99 for (a) submit_idea (a classroom burst of 30, then
// sustained) and (b) a moderator's paged list of pending ideas with 100k ideas,
// plus the stack's overhead over the same SQL run directly.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { createStack } from '../supabase/local/stack.ts';
import { createThrowawayDatabase } from '../tests/support/throwawayDatabase.ts';

const IDEAS = Number(process.env.BENCH_IDEAS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const pgUrl = process.env.BENCH_DATABASE_URL;
const db = pgUrl ? await createThrowawayDatabase(pgUrl, 'zeri_bench') : undefined;
const stack = await createStack({ database: db?.url ?? 'pglite', dataDir: null, seed: true });
const server = createServer((req, res) => void stack.handle(req, res));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
console.log(`backend: ${stack.database.kind}, ${IDEAS} ideas, ${SECONDS} s per run`);

const exec = await stack.database.executor();
await exec.exec(`
  insert into public.ideas (session_id, region, theme, text, publish_consent, idempotency_key, receipt_hash, created_at)
  select 'b0000000-0000-4000-8000-000000000001', 'kukes', 'school', 'Benchmark idea number ' || g || ' about our school.',
         true, gen_random_uuid(), encode(extensions.digest('bench-' || g, 'sha256'), 'hex'), now() - g * interval '1 second'
    from generate_series(1, ${IDEAS}) as g;
  analyze public.ideas;`);
// The bulk rows fill the Kukës class session; the burst goes to a fresh one.
await exec.exec(`
  insert into public.class_sessions (id, kind, teacher_id, region, school, grade_band, join_code, opens_at, closes_at, max_ideas, created_by)
  values ('b0000000-0000-4000-8000-0000000000b1', 'class', 'a0000000-0000-4000-8000-000000000021', 'kukes',
          'Bench school', '10-12', 'BEN234', '2026-01-01', '2099-12-31', 200, 'a0000000-0000-4000-8000-000000000021'),
         ('b0000000-0000-4000-8000-0000000000b2', 'class', 'a0000000-0000-4000-8000-000000000021', 'kukes',
          'Bench school', '10-12', 'BEN235', '2026-01-01', '2099-12-31', 200, 'a0000000-0000-4000-8000-000000000021');`);
exec.release();

const signIn = await fetch(`${base}/auth/v1/token?grant_type=password`, {
  method: 'POST',
  headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'kukes@zeri.test', password: 'zeri-demo-2026' }),
});
const moderatorToken = ((await signIn.json()) as { access_token: string }).access_token;
const listPath = '/rest/v1/ideas?select=id,text,theme,age_band,created_at,status&region=eq.kukes&status=eq.pending&order=created_at.desc&limit=20&offset=40';

function report(name: string, result: autocannon.Result): void {
  console.log(
    `${name.padEnd(34)} ${String(Math.round(result.requests.average)).padStart(6)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  non-2xx ${result.non2xx}`,
  );
}

function submitRequest(code: string) {
  return {
    method: 'POST' as const,
    path: '/rest/v1/rpc/submit_idea',
    headers: { apikey: stack.anonKey, authorization: `Bearer ${stack.anonKey}`, 'content-type': 'application/json' },
    setupRequest: (request: { body?: string }) => ({
      ...request,
      body: JSON.stringify({
        p_code: code, p_text: 'A benchmark idea about safer ways to find work abroad.', p_theme: 'work_abroad',
        p_can_do: null, p_age_band: '15-17', p_locale: 'sq', p_publish_consent: true, p_idempotency_key: crypto.randomUUID(),
      }),
    }),
  };
}

// (a) a classroom burst: 30 students submit in the same second. The first
// burst also opens the pool's connections (Postgres) and compiles the
// detectors' regular expressions in each; the second is a class arriving at
// a server that has been up for a while.
report('submit_idea, burst of 30 (cold)', await autocannon({ url: base, connections: 30, amount: 30, requests: [submitRequest('BEN234')] }));
report('submit_idea, burst of 30 (warm)', await autocannon({ url: base, connections: 30, amount: 30, requests: [submitRequest('BEN235')] }));
// (a') sustained submissions on an open call (the per-session burst limit answers 429 when hit).
report('submit_idea, sustained', await autocannon({ url: base, connections: 10, duration: SECONDS, requests: [submitRequest('DUR234')] }));
// (b) a moderator's paged list.
report('moderator list (page 3 of pending)', await autocannon({
  url: `${base}${listPath}`, connections: 10, duration: SECONDS,
  headers: { apikey: stack.anonKey, authorization: `Bearer ${moderatorToken}` },
}));

// Overhead: the same request one at a time over HTTP, versus the bare SQL in a transaction with the same context.
const claims = JSON.parse(Buffer.from(moderatorToken.split('.')[1] ?? '', 'base64url').toString()) as object;
const bareSql = `select coalesce(json_agg(_t), '[]')::text from (select "t0"."id", "t0"."text", "t0"."theme", "t0"."age_band", "t0"."created_at", "t0"."status"
  from "public"."ideas" as "t0" where "t0"."region" = $1 and "t0"."status" = $2 order by "t0"."created_at" desc limit 20 offset 40) _t`;
const rounds = 300;
let started = performance.now();
for (let i = 0; i < rounds; i++) {
  await stack.database.transaction(async (query) => {
    await query(`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`, [JSON.stringify(claims)]);
    return query(bareSql, ['kukes', 'pending']);
  }, { readOnly: true });
}
const bare = (performance.now() - started) / rounds;
started = performance.now();
for (let i = 0; i < rounds; i++) {
  const res = await fetch(`${base}${listPath}`, { headers: { apikey: stack.anonKey, authorization: `Bearer ${moderatorToken}` } });
  await res.text();
}
const http = (performance.now() - started) / rounds;
console.log(`overhead: bare SQL ${bare.toFixed(2)} ms, through the stack ${http.toFixed(2)} ms, +${(http - bare).toFixed(2)} ms (x${(http / bare).toFixed(2)})`);

server.closeAllConnections();
server.close();
await stack.close();
await db?.drop();
