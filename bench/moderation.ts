// Benchmark of the committee queries with many ideas (bounded in time):
//   node bench/moderation.ts                      # PGlite in memory
//   BENCH_DATABASE_URL=postgres://zeri:zeri@localhost:5432/postgres node bench/moderation.ts
// Seeds BENCH_IDEAS (default 100,000) ideas across the 12 regions (mixed
// statuses, ~2% safeguarding and ~5% personal-data flags), then times, as the
// Durrës moderator: the first and the 50th queue page, the dashboard and
// similar ideas; and as anon: the region and national statistics views.
// Prints p50/p95 in milliseconds of the SQL call (no HTTP).
import { migrate, type SqlExecutor } from '../supabase/local/migrate.ts';
import { asExecutor, openPglite } from '../supabase/local/pglite.ts';
import { connectClient, createThrowawayDatabase, pgExecutor } from '../tests/support/throwawayDatabase.ts';

const IDEAS = Number(process.env['BENCH_IDEAS'] ?? 100_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 30);
const url = process.env['BENCH_DATABASE_URL'];

async function open(): Promise<{ db: SqlExecutor; kind: string; close(): Promise<void> }> {
  if (!url) {
    const pglite = await openPglite();
    return { db: asExecutor(pglite), kind: 'pglite', close: () => pglite.close() };
  }
  const throwaway = await createThrowawayDatabase(url, 'zeri_bench_mod');
  const client = await connectClient(throwaway.url);
  return {
    db: pgExecutor(client),
    kind: 'postgres',
    close: async () => {
      await client.end();
      await throwaway.drop();
    },
  };
}

const { db, kind, close } = await open();
await migrate(db, { seed: true });
const started = performance.now();
await db.exec(`
  insert into public.class_sessions (id, kind, region, join_code, opens_at, closes_at, max_ideas)
  select gen_random_uuid(), 'open_call', r.slug, 'B' || lpad(n::text, 2, '0') || 'XYZ', '2025-01-01', '2099-01-01', 10000
  from (select slug, row_number() over (order by slug) as n from public.regions) r;
  insert into public.ideas (session_id, region, theme, text, public_text, status, reject_reason, personal_data_flag,
    safeguarding_flag, publish_consent, idempotency_key, receipt_hash, created_at, moderated_at, read_at)
  select s.id, s.region, (array['school','family','online','community','work_abroad','other'])[1 + g % 6],
    'Ide numër ' || g || ' për ' || (array['postera në shkollë','video në internet','takim me prindërit','punë jashtë vendit'])[1 + g % 4] || '.',
    case when g % 10 in (1, 2, 3) then 'Ide numër ' || g || ' për ' || (array['postera në shkollë','video në internet','takim me prindërit','punë jashtë vendit'])[1 + g % 4] || '.' end,
    case when g % 10 in (1, 2) then 'approved' when g % 10 = 3 then 'adopted' when g % 10 = 4 then 'rejected' else 'pending' end,
    case when g % 10 = 4 then 'off_topic' end,
    g % 20 = 0, g % 50 = 0, g % 3 <> 0, gen_random_uuid(), encode(extensions.digest('bench-' || g, 'sha256'), 'hex'),
    now() - (g % 400) * interval '1 day' - g * interval '1 second',
    case when g % 10 in (1, 2, 3, 4) then now() - (g % 400) * interval '1 day' + interval '3 days' end,
    case when g % 10 in (1, 2, 3, 4) then now() end
  from generate_series(1, ${IDEAS}) as g
  join (select id, region, row_number() over (order by region) - 1 as n from public.class_sessions where kind = 'open_call' and join_code like 'B%XYZ') s
    on s.n = g % 12;
  analyze;`);
console.log(`backend: ${kind}, ${IDEAS} ideas across 12 regions, seeded in ${Math.round(performance.now() - started)} ms, ${RUNS} runs each`);

async function as(role: 'anon' | 'durres'): Promise<void> {
  // Staff rights need a live session (private.session_is_live): the demo moderator gets one, its id theirs.
  if (role === 'durres') await db.query("insert into auth.sessions (id, user_id) values ($1, $1) on conflict do nothing", ['a0000000-0000-4000-8000-000000000014']);
  const claims = role === 'anon' ? { role: 'anon' } : { role: 'authenticated', sub: 'a0000000-0000-4000-8000-000000000014', session_id: 'a0000000-0000-4000-8000-000000000014' };
  await db.query("select set_config('role', $1, false), set_config('request.jwt.claims', $2, false)", [claims.role, JSON.stringify(claims)]);
}

async function time(name: string, role: 'anon' | 'durres', sql: string): Promise<void> {
  await as(role);
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await db.query(sql);
    ms.push(performance.now() - t0);
  }
  await db.exec('reset role');
  ms.sort((a, b) => a - b);
  const at = (q: number) => (ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] as number).toFixed(1);
  console.log(`${name.padEnd(44)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms`);
}

const { rows } = await db.query<{ id: string }>("select id from public.ideas where region = 'durres' and status = 'pending' limit 1");
const pendingId = rows[0]!.id;
await time('moderation_queue, page 1 (20 ideas)', 'durres', 'select public.moderation_queue()');
await time('moderation_queue, page 50 (offset 980)', 'durres', 'select public.moderation_queue(p_offset => 980)');
await time('moderation_queue, safeguarding filter', 'durres', "select public.moderation_queue(p_flag => 'safeguarding')");
await time('committee_dashboard', 'durres', 'select public.committee_dashboard()');
await time('similar_ideas', 'durres', `select public.similar_ideas('${pendingId}')`);
await time('public_idea_statistics, one region', 'anon', "select * from public.public_idea_statistics where scope = 'durres'");
await time('public_idea_statistics, national (all rows)', 'anon', 'select * from public.public_idea_statistics');
await close();
