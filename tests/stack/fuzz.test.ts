import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backends, startStack, type Running } from './harness.ts';
import { raw, serviceClient } from './clients.ts';

// Mostly names that exist (so queries reach Postgres), some that do not or carry SQL.
const good = ['id', 'name', 'code', 'id', 'name', 'code'];
const bad = ['title', 'priority', 'tags', 'data', 'done', 'nope', 'data->>size', 'code->x->>y', '"name"', 'na me', 'id;drop', "o'neil", 'ë', ''];
const columns = [...good, ...good, ...bad];
const goodOps = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'match', 'imatch', 'is', 'isdistinct', 'in'];
const ops = [...goodOps, ...goodOps, 'cs', 'cd', 'ov', 'fts', 'plfts', 'wfts', 'sl', 'adj', 'bogus', ''];
const tables = ['projects', 'projects', 'projects', 'leaky', 'todos', 'comments', 'open_todos', 'nope'];
const embeds = ['todos', 'projects', 'comments', 'profiles', 'nope', 'todos!inner', 'projects!left', 'x:todos', 'todos!fk_nope'];

const value = fc.oneof(
  fc.constantFrom('1', '2', 'alpha', 'al*', '(1,2)', '(alpha,beta)', 'null', 'A'),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('null', 'true', 'false', 'not_null', '1', '-1', '1.5', '{a,b}', '(1,2)', '("a,b",c)', '[1,2)', '{}', "'", '"', '\\', ')', '(', ',', '.', '*'),
  fc.integer().map(String),
);

const anyFilter = fc.record({ col: fc.constantFrom(...columns), not: fc.boolean(), op: fc.constantFrom(...ops), value });
const goodFilter = fc.record({
  col: fc.constantFrom('id', 'name', 'code'),
  not: fc.boolean(),
  op: fc.constantFrom('eq', 'neq', 'like', 'ilike', 'is', 'in', 'gt'),
  value: fc.constantFrom('1', 'alpha', 'al*', '(1,2)', '(alpha,"be,ta")', 'null', 'A'),
});
const filter = fc.oneof({ arbitrary: goodFilter, weight: 4 }, { arbitrary: anyFilter, weight: 1 });
const renderFilter = (f: { col: string; not: boolean; op: string; value: string }) => `${f.col}.${f.not ? 'not.' : ''}${f.op}.${f.value}`;

const { tree } = fc.letrec<{ tree: string }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    filter.map(renderFilter),
    fc.tuple(fc.constantFrom('and', 'or', 'not.and', 'not.or'), fc.array(tie('tree'), { minLength: 0, maxLength: 3 })).map(
      ([op, children]) => `${op}(${children.join(',')})`,
    ),
  ),
}));

const selectItem: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('*', ...columns),
  fc.tuple(fc.constantFrom('alias', 'a b', 'x'), fc.constantFrom(...columns)).map(([a, c]) => `${a}:${c}`),
  fc.tuple(fc.constantFrom(...columns), fc.constantFrom('text', 'int', 'regclass', 'bogus', 'jsonb')).map(([c, t]) => `${c}::${t}`),
  fc.tuple(fc.constantFrom(...embeds), fc.constantFrom('*', 'id', 'name,id', 'nope', '')).map(([e, inner]) => `${e}(${inner})`),
  fc.constantFrom('id', 'name', 'id,name', 'code'),
);

const query = fc.record({
  table: fc.constantFrom(...tables),
  select: fc.option(fc.array(selectItem, { minLength: 1, maxLength: 4 }).map((items) => items.join(',')), { nil: undefined, freq: 2 }),
  filters: fc.array(filter, { maxLength: 2 }),
  logic: fc.option(fc.tuple(fc.constantFrom('or', 'and', 'not.or', 'todos.or'), fc.array(tree, { maxLength: 3 })), { nil: undefined, freq: 2 }),
  order: fc.option(
    fc.array(fc.tuple(fc.oneof({ arbitrary: fc.constantFrom('id', 'name', 'code'), weight: 4 }, { arbitrary: fc.constantFrom(...columns), weight: 1 }), fc.constantFrom('', '.asc', '.desc', '.desc.nullslast', '.nullsfirst', '.asc', '.bogus')), { minLength: 1, maxLength: 2 }).map((terms) =>
      terms.map(([c, m]) => c + m).join(','),
    ),
    { nil: undefined, freq: 2 },
  ),
  limit: fc.option(fc.oneof({ arbitrary: fc.nat(50).map(String), weight: 5 }, { arbitrary: fc.constantFrom('-1', 'x', '1e3'), weight: 1 }), { nil: undefined, freq: 2 }),
  offset: fc.option(fc.oneof({ arbitrary: fc.nat(3).map(String), weight: 5 }, { arbitrary: fc.constantFrom('-5', 'abc'), weight: 1 }), { nil: undefined, freq: 2 }),
  method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'DELETE', 'PATCH'),
  single: fc.boolean(),
  count: fc.boolean(),
});

describe.each(backends)('URL grammar fuzzing (%s)', (backend) => {
  let run: Running;
  beforeAll(async () => {
    run = await startStack(backend);
  });
  afterAll(async () => run?.close());

  it('never answers 5xx or a non-JSON error to random selects, filters, trees and orders', async () => {
    let reachedDatabase = 0;
    const before = await serviceClient(run).from('projects').select('*', { count: 'exact', head: true });
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const params = new URLSearchParams();
        if (q.select !== undefined) params.append('select', q.select);
        for (const f of q.filters) params.append(f.col, `${f.not ? 'not.' : ''}${f.op}.${f.value}`);
        if (q.logic) params.append(q.logic[0], `(${q.logic[1].join(',')})`);
        if (q.order !== undefined) params.append('order', q.order);
        if (q.limit !== undefined) params.append('limit', q.limit);
        if (q.offset !== undefined) params.append('offset', q.offset);
        // Writes are read-only in effect: the anon role has no write policy on these tables.
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (q.single) headers.accept = 'application/vnd.pgrst.object+json';
        if (q.count) headers.prefer = 'count=exact';
        const res = await raw(run, `/rest/v1/${q.table}?${params}`, {
          method: q.method,
          headers,
          ...(q.method === 'PATCH' ? { body: '{"code":"fuzz"}' } : {}),
        });
        expect(res.status, `${q.method} /rest/v1/${q.table}?${params}`).toBeLessThan(500);
        const text = await res.text();
        // Answers that came from Postgres (a success or a SQLSTATE) show the query got past the parser.
        if (res.status < 300 || /"code":"[0-9A-Z]{5}"/.test(text)) reachedDatabase++;
        if (res.status >= 400 && q.method !== 'HEAD') {
          const body = JSON.parse(text) as { code?: unknown; message?: unknown };
          expect(typeof body.code).toBe('string');
          expect(typeof body.message).toBe('string');
        }
      }),
      { numRuns: 400 },
    );
    expect(reachedDatabase).toBeGreaterThan(30);
    const after = await serviceClient(run).from('projects').select('*', { count: 'exact', head: true });
    expect(after.count).toBe(before.count);
  }, 180_000);
});
