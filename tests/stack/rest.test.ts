import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { backends, startStack, type Running } from './harness.ts';
import { anonClient, raw, serviceClient, userClient } from './clients.ts';

describe.each(backends)('PostgREST behaviour through supabase-js (%s)', (backend) => {
  let run: Running;
  let ana: SupabaseClient;
  let anaId: string;
  let ben: SupabaseClient;

  beforeAll(async () => {
    run = await startStack(backend);
    ({ client: ana, id: anaId } = await userClient(run, 'ana@example.test', 'Ana'));
    ({ client: ben } = await userClient(run, 'ben@example.test', 'Ben'));
    const { error } = await ana.from('todos').insert([
      { title: 'buy milk', priority: 1, project_id: 1, tags: ['home', 'shop'], data: { size: 'large' } },
      { title: 'write report', priority: 3, project_id: 2, tags: ['work'] },
      { title: 'call mum', priority: null, project_id: null, tags: ['home'] },
      { title: 'Fix bike', priority: 2, project_id: 1, tags: [] },
    ], { defaultToNull: false });
    if (error) throw new Error(error.message);
    const todo = await ana.from('todos').select('id').eq('title', 'buy milk').single();
    await ana.from('comments').insert([{ todo_id: todo.data?.id, body: 'semi-skimmed' }, { todo_id: todo.data?.id, body: 'two litres' }]);
  });
  afterAll(async () => run?.close());

  it('selects columns with aliases and casts', async () => {
    const { data, error } = await ana.from('todos').select('label:title, priority::text').eq('title', 'buy milk');
    expect(error).toBeNull();
    expect(data).toEqual([{ label: 'buy milk', priority: '1' }]);
  });

  it('reads JSON paths with -> and ->>', async () => {
    const { data } = await ana.from('todos').select('id, size:data->>size').eq('data->>size', 'large');
    expect(data).toHaveLength(1);
    expect(data?.[0]?.size).toBe('large');
  });

  it('embeds many-to-one, one-to-many and nested resources', async () => {
    const { data, error } = await ana
      .from('todos')
      .select('title, projects(name), comments(body), profiles(display_name)')
      .eq('title', 'buy milk')
      .single();
    expect(error).toBeNull();
    expect(data).toMatchObject({ title: 'buy milk', projects: { name: 'alpha' }, profiles: { display_name: 'Ana' } });
    expect((data?.comments as { body: string }[]).map((c) => c.body).sort()).toEqual(['semi-skimmed', 'two litres']);
  });

  it('filters parents by an !inner embed', async () => {
    const { data } = await ana.from('todos').select('title, projects!inner(name)').eq('projects.name', 'alpine');
    expect(data).toEqual([{ title: 'write report', projects: { name: 'alpine' } }]);
  });

  it('filters, orders and limits embedded rows without filtering parents', async () => {
    const { data } = await ana
      .from('todos')
      .select('title, comments(body)')
      .eq('comments.body', 'two litres')
      .order('title');
    expect(data).toHaveLength(4);
    expect(data?.find((row) => row.title === 'buy milk')?.comments).toEqual([{ body: 'two litres' }]);
    const limited = await ana.from('todos').select('title, comments(body)').eq('title', 'buy milk').order('body', { referencedTable: 'comments', ascending: false }).limit(1, { referencedTable: 'comments' });
    expect(limited.data?.[0]?.comments).toEqual([{ body: 'two litres' }]);
  });

  it('reports an unknown relationship as PGRST200', async () => {
    const { error, status } = await ana.from('todos').select('*, nowhere(*)');
    expect(status).toBe(400);
    expect(error?.code).toBe('PGRST200');
  });

  it.each([
    ['eq', (q: any) => q.eq('priority', 1), ['buy milk']],
    ['neq', (q: any) => q.neq('priority', 1), ['Fix bike', 'write report']],
    ['gt', (q: any) => q.gt('priority', 1), ['Fix bike', 'write report']],
    ['gte', (q: any) => q.gte('priority', 2), ['Fix bike', 'write report']],
    ['lt', (q: any) => q.lt('priority', 2), ['buy milk']],
    ['lte', (q: any) => q.lte('priority', 2), ['Fix bike', 'buy milk']],
    ['like', (q: any) => q.like('title', '%i%'), ['Fix bike', 'buy milk', 'write report']],
    ['ilike', (q: any) => q.ilike('title', 'fix%'), ['Fix bike']],
    ['is null', (q: any) => q.is('priority', null), ['call mum']],
    ['not is null', (q: any) => q.not('priority', 'is', null), ['Fix bike', 'buy milk', 'write report']],
    ['in', (q: any) => q.in('priority', [1, 3]), ['buy milk', 'write report']],
    ['in with quoted commas', (q: any) => q.in('title', ['call mum', 'a,b']), ['call mum']],
    ['cs', (q: any) => q.contains('tags', ['home']), ['buy milk', 'call mum']],
    ['cd', (q: any) => q.containedBy('tags', ['home', 'shop', 'x']), ['Fix bike', 'buy milk', 'call mum']],
    ['or', (q: any) => q.or('priority.eq.3,title.eq.call mum'), ['call mum', 'write report']],
    ['or with nested and', (q: any) => q.or('priority.is.null,and(priority.gte.2,title.ilike.*bike*)'), ['Fix bike', 'call mum']],
  ])('filters with %s', async (_name, apply, expected) => {
    const { data, error } = await apply(ana.from('todos').select('title'));
    expect(error).toBeNull();
    expect((data as { title: string }[]).map((row) => row.title).sort()).toEqual(expected);
  });

  it('negates a logic tree with not.or', async () => {
    const token = (await ana.auth.getSession()).data.session?.access_token ?? '';
    const res = await raw(run, '/rest/v1/todos?select=title&not.or=(priority.eq.1,priority.eq.3)&priority=not.is.null', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await res.json()).toEqual([{ title: 'Fix bike' }]);
  });

  it('orders with nullsfirst / nullslast', async () => {
    const first = await ana.from('todos').select('priority').order('priority', { ascending: false, nullsFirst: true });
    expect(first.data?.map((r) => r.priority)).toEqual([null, 3, 2, 1]);
    const last = await ana.from('todos').select('priority').order('priority', { ascending: true, nullsFirst: false });
    expect(last.data?.map((r) => r.priority)).toEqual([1, 2, 3, null]);
  });

  it('pages with range and counts exactly (206 + Content-Range)', async () => {
    const { data, count, status } = await ana.from('todos').select('title', { count: 'exact' }).order('id').range(1, 2);
    expect(status).toBe(206);
    expect(count).toBe(4);
    expect(data).toHaveLength(2);
    const res = await raw(run, '/rest/v1/projects?select=id&order=id', { headers: { Range: '0-1', Prefer: 'count=exact' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('0-1/3');
    const all = await raw(run, '/rest/v1/projects?select=id', { headers: { Prefer: 'count=exact' } });
    expect(all.status).toBe(200);
    expect(all.headers.get('content-range')).toBe('0-2/3');
  });

  it('answers 416 past the end when counting', async () => {
    const res = await raw(run, '/rest/v1/projects?select=id&offset=10', { headers: { Prefer: 'count=exact' } });
    expect(res.status).toBe(416);
    expect(await res.json()).toMatchObject({ code: 'PGRST103', message: 'Requested range not satisfiable' });
  });

  it('counts with head requests', async () => {
    const { count, data, status } = await anonClient(run).from('projects').select('*', { count: 'exact', head: true });
    expect(status).toBe(200);
    expect(count).toBe(3);
    expect(data).toBeNull();
  });

  it('single() returns one object and PGRST116 for zero or many rows', async () => {
    const one = await ana.from('todos').select('title').eq('priority', 3).single();
    expect(one.data).toEqual({ title: 'write report' });
    const none = await ana.from('todos').select('title').eq('priority', 99).single();
    expect(none.status).toBe(406);
    expect(none.error).toMatchObject({ code: 'PGRST116', details: 'The result contains 0 rows', message: 'Cannot coerce the result to a single JSON object' });
    const many = await ana.from('todos').select('title').single();
    expect(many.error?.code).toBe('PGRST116');
  });

  it('maybeSingle() returns null for zero rows and an error for many', async () => {
    const none = await ana.from('todos').select('title').eq('priority', 99).maybeSingle();
    expect(none.error).toBeNull();
    expect(none.data).toBeNull();
    const many = await ana.from('todos').select('title').maybeSingle();
    expect(many.error?.code).toBe('PGRST116');
  });

  it('row level security keeps users to their own rows, anon to none', async () => {
    expect((await ben.from('todos').select('id')).data).toEqual([]);
    expect((await anonClient(run).from('todos').select('id')).data).toEqual([]);
    const { count } = await serviceClient(run).from('todos').select('id', { count: 'exact', head: true });
    expect(count).toBeGreaterThanOrEqual(4);
  });

  it('a table shipped without RLS is readable by anon, as on hosted Supabase', async () => {
    const { data } = await anonClient(run).from('leaky').select('secret');
    expect(data).toEqual([{ secret: 'visible to anon' }]);
  });

  it('reads views with the caller\'s rights', async () => {
    const mine = await ana.from('open_todos').select('title').order('title');
    expect(mine.data?.map((r) => r.title)).toEqual(['Fix bike', 'buy milk', 'call mum', 'write report']);
    expect((await ben.from('open_todos').select('title')).data).toEqual([]);
  });

  it('inserts one row and returns 201 with the representation', async () => {
    const { data, status } = await ben.from('todos').insert({ title: 'ben 1' }).select('title, done, user_id').single();
    expect(status).toBe(201);
    expect(data).toMatchObject({ title: 'ben 1', done: false });
  });

  it('inserts with return=minimal where the caller cannot read the table', async () => {
    const res = await anonClient(run).from('suggestions').insert({ body: 'more benches' });
    expect(res.status).toBe(201);
    expect(res.error).toBeNull();
    const { count } = await serviceClient(run).from('suggestions').select('*', { count: 'exact', head: true });
    expect(count).toBe(1);
  });

  it('inserts many rows with missing=default (defaultToNull: false)', async () => {
    const { data, error } = await ben
      .from('todos')
      .insert([{ title: 'ben 2', done: true }, { title: 'ben 3' }], { defaultToNull: false })
      .select('title, done');
    expect(error).toBeNull();
    expect(data).toEqual([{ title: 'ben 2', done: true }, { title: 'ben 3', done: false }]);
  });

  it('upserts with merge-duplicates and ignore-duplicates on a unique column', async () => {
    const service = serviceClient(run);
    const merged = await service.from('projects').upsert({ name: 'gamma', code: 'G' }, { onConflict: 'name' }).select('name, code');
    expect(merged.data).toEqual([{ name: 'gamma', code: 'G' }]);
    const again = await service.from('projects').upsert({ name: 'gamma', code: 'H' }, { onConflict: 'name' }).select('name, code');
    expect(again.data).toEqual([{ name: 'gamma', code: 'H' }]);
    const ignored = await service.from('projects').upsert({ name: 'gamma', code: 'I' }, { onConflict: 'name', ignoreDuplicates: true }).select('code');
    expect(ignored.data).toEqual([]);
    const { data } = await service.from('projects').select('code').eq('name', 'gamma').single();
    expect(data?.code).toBe('H');
    await service.from('projects').delete().eq('name', 'gamma');
  });

  it('updates and deletes with filters (204 without representation)', async () => {
    const update = await ben.from('todos').update({ priority: 5 }).eq('title', 'ben 1');
    expect(update.status).toBe(204);
    const check = await ben.from('todos').select('priority').eq('title', 'ben 1').single();
    expect(check.data?.priority).toBe(5);
    const removed = await ben.from('todos').delete().in('title', ['ben 2', 'ben 3']).select('title');
    expect(removed.status).toBe(200);
    expect(removed.data?.map((r) => r.title).sort()).toEqual(['ben 2', 'ben 3']);
  });

  it('cannot update or delete another user\'s rows (silently zero rows, as PostgREST)', async () => {
    const res = await ben.from('todos').delete({ count: 'exact' }).eq('title', 'buy milk');
    expect(res.count).toBe(0);
    expect((await ana.from('todos').select('id').eq('title', 'buy milk')).data).toHaveLength(1);
  });

  it('maps constraint violations: 23505 → 409, 23503 → 409, 23514 → 400, RLS 42501 → 403/401', async () => {
    const dup = await serviceClient(run).from('projects').insert({ name: 'alpha' });
    expect(dup.status).toBe(409);
    expect(dup.error?.code).toBe('23505');
    const fk = await ana.from('comments').insert({ todo_id: 999999, body: 'x' });
    expect([409, 403]).toContain(fk.status);
    const check = await ana.from('todos').insert({ title: '' });
    expect(check.status).toBe(400);
    expect(check.error?.code).toBe('23514');
    const rls = await ana.from('todos').insert({ title: 'not mine', user_id: (await ben.auth.getUser()).data.user?.id });
    expect(rls.status).toBe(403);
    expect(rls.error?.code).toBe('42501');
    const anonRls = await anonClient(run).from('todos').insert({ title: 'x' });
    expect(anonRls.status).toBe(401);
  });

  it('reports unknown tables (PGRST205, 404) and columns (PGRST204 / 42703, 400)', async () => {
    const table = await ana.from('nope').select();
    expect(table.status).toBe(404);
    expect(table.error).toMatchObject({ code: 'PGRST205', message: "Could not find the table 'public.nope' in the schema cache" });
    const column = await ana.from('todos').insert({ title: 'x', nope: 1 });
    expect(column.status).toBe(400);
    expect(column.error).toMatchObject({ code: 'PGRST204', message: "Could not find the 'nope' column of 'todos' in the schema cache" });
    const filter = await ana.from('todos').select().eq('nope', 1);
    expect(filter.status).toBe(400);
    expect(filter.error?.code).toBe('42703');
  });

  it('calls functions: scalar, set of scalars, set of rows with filters, table returns, composite', async () => {
    expect((await ana.rpc('echo', { message: 'përshëndetje' })).data).toBe('përshëndetje');
    expect((await ana.rpc('numbers', { n: 3 })).data).toEqual([1, 2, 3]);
    const projects = await ana.rpc('projects_named', { prefix: 'al' }).select('name').neq('name', 'alpha');
    expect(projects.data).toEqual([{ name: 'alpine' }]);
    expect((await ana.rpc('stats')).data).toEqual([{ total: 4, done: 0 }]);
    const added = await ana.rpc('add_todo', { title: 'via rpc', priority: 7 });
    expect(added.data).toMatchObject({ title: 'via rpc', priority: 7, user_id: anaId });
    expect((await ana.rpc('todo_count')).data).toBe(5);
    await ana.from('todos').delete().eq('title', 'via rpc');
  });

  it('calls stable functions with GET and refuses volatile ones there', async () => {
    const get = await ana.rpc('echo', { message: 'x' }, { get: true });
    expect(get.data).toBe('x');
    const volatile = await ana.rpc('add_todo', { title: 'nope' }, { get: true });
    expect(volatile.status).toBe(405);
    expect(volatile.error?.code).toBe('25006');
  });

  it('returns 204 for void functions', async () => {
    const res = await raw(run, '/rest/v1/rpc/touch', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(204);
  });

  it('maps raised errors: P0001 → 400 with the message, PT429 → 429', async () => {
    const p = await anonClient(run).rpc('fail_with', { code: 'session_closed' });
    expect(p.status).toBe(400);
    expect(p.error).toEqual({ code: 'P0001', message: 'session_closed', details: null, hint: null });
    const limited = await anonClient(run).rpc('fail_with', { code: 'rate_limited' });
    expect(limited.status).toBe(429);
    expect(limited.error?.message).toBe('rate_limited');
  });

  it('reports an unknown function or argument set as PGRST202 (404)', async () => {
    const missing = await ana.rpc('nope');
    expect(missing.status).toBe(404);
    expect(missing.error?.code).toBe('PGRST202');
    const wrongArgs = await ana.rpc('echo', { nope: 'x' });
    expect(wrongArgs.status).toBe(404);
    expect(wrongArgs.error).toMatchObject({ code: 'PGRST202', message: 'Could not find the function public.echo(nope) in the schema cache' });
  });

  it('answers CORS preflight like PostgREST', async () => {
    const res = await fetch(`${run.url}/rest/v1/todos`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://example.test', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'apikey, authorization' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe('apikey, authorization');
    const get = await raw(run, '/rest/v1/projects');
    expect(get.headers.get('access-control-expose-headers')).toContain('Content-Range');
  });

  it('picks up schema changes on NOTIFY pgrst, \'reload schema\'', async () => {
    const exec = await run.stack.database.executor();
    try {
      await exec.exec(`create table public.late (id int primary key); grant select on public.late to anon; notify pgrst, 'reload schema';`);
    } finally {
      exec.release();
    }
    await expect.poll(async () => (await anonClient(run).from('late').select()).status, { timeout: 5000 }).toBe(200);
  });
});
