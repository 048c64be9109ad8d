// PostgREST features beyond what the portal uses, written from PostgREST's
// documentation (v12/v13) and asked through supabase-js as a developer would:
// aggregates, computed fields and relationships, spread embeds. The fixture is
// a small shop of this file's own, not the portal's schema.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { loadLocalConfig } from '../../supabase/local/config.ts';
import type { SqlExecutor } from '../../supabase/local/migrate.ts';
import { anonClient, raw } from './clients.ts';
import { backends, startStack, type Running } from './harness.ts';

const shop = `
  create table public.customers (id int primary key, name text not null, city text not null);
  create table public.orders (
    id int primary key,
    customer_id int not null references public.customers (id),
    amount numeric(10, 2) not null,
    status text not null
  );
  insert into public.customers values (1, 'Ana', 'Tirana'), (2, 'Besa', 'Durrës'), (3, 'Dritan', 'Tirana');
  insert into public.orders values
    (1, 1, 50, 'paid'), (2, 1, 150, 'paid'), (3, 2, 200, 'open'), (4, 2, 20, 'paid'), (5, 3, 100, 'open');

  -- computed fields: one parameter of the table's row type, a scalar result
  create function public.full_address(c public.customers) returns text
    language sql stable as $$ select c.name || ' (' || c.city || ')' $$;
  create function public.label(public.orders) returns text
    language sql immutable as $$ select $1.status || '#' || $1.id $$;
  -- computed relationships: setof another table (to-many; rows 1 is to-one), or one row of it
  create function public.big_orders(public.customers) returns setof public.orders rows 5
    language sql stable as $$ select * from public.orders where customer_id = $1.id and amount >= 100 $$;
  create function public.latest_order(public.customers) returns setof public.orders rows 1
    language sql stable as $$ select * from public.orders where customer_id = $1.id order by id desc limit 1 $$;
  create function public.buyer(public.orders) returns public.customers
    language sql stable as $$ select * from public.customers where id = $1.customer_id $$;

  -- RPC: single unnamed parameters take the raw body; variadic and array parameters
  create function public.shout(text) returns text language sql immutable as $$ select upper($1) $$;
  create function public.byte_length(bytea) returns int language sql immutable as $$ select length($1) $$;
  create function public.xml_text(xml) returns text language sql immutable as $$ select $1::text $$;
  create function public.mult_them(json) returns int language sql immutable as $$ select ($1->>'x')::int * ($1->>'y')::int $$;
  create function public.echo(payload jsonb) returns jsonb language sql immutable as $$ select payload $$;
  create function public.sum_all(variadic v int[]) returns int language sql immutable as $$ select sum(x)::int from unnest(v) as x $$;
  create function public.first_of(arr int[]) returns int language sql immutable as $$ select arr[1] $$;
  grant execute on function public.shout(text), public.byte_length(bytea), public.xml_text(xml), public.mult_them(json),
    public.echo(jsonb), public.sum_all(int[]), public.first_of(int[]) to anon;

  -- upserts: a primary key and another unique column
  create table public.products (id int primary key, sku text not null unique, name text not null, stock int not null default 0);
  insert into public.products values (1, 'A-1', 'notebook', 5);
  create table public.tags (name text primary key, uses int not null default 0);
  insert into public.tags values ('school', 4), ('office', 1), ('art', 0);
  -- many-to-many: a junction table whose primary key holds both foreign keys
  create table public.product_tags (
    product_id int references public.products (id),
    tag_name text references public.tags (name),
    primary key (product_id, tag_name)
  );
  insert into public.product_tags values (1, 'school'), (1, 'office');
  -- two foreign keys to the same table: embedding needs a hint
  create table public.transfers (
    id int primary key,
    from_customer int not null references public.customers (id),
    to_customer int not null references public.customers (id)
  );
  insert into public.transfers values (1, 1, 2);
  create table public.members (id int primary key, bio text, extra jsonb);
  insert into public.members values (1, null, '{"a": null, "b": 1}'), (2, 'hi', null);
  create function public.all_members() returns setof public.members language sql stable as $$ select * from public.members $$;

  grant select on public.customers, public.orders to anon;
  create table public.notes (id int primary key, body text not null);
  insert into public.notes select n, 'note ' || n from generate_series(1, 5) as n;

  grant select, insert, update on public.products, public.tags to anon;
  grant select on public.product_tags, public.transfers, public.members to anon;
  grant execute on function public.all_members() to anon;
  grant select, update, delete on public.notes to anon;
  grant execute on function public.full_address(public.customers), public.label(public.orders),
    public.big_orders(public.customers), public.latest_order(public.customers), public.buyer(public.orders) to anon;
`;

async function prepare(db: SqlExecutor): Promise<void> {
  await db.exec(await readFile(new URL('../../supabase/local/bootstrap.sql', import.meta.url), 'utf8'));
  await db.exec(shop);
}

/** Rows in a stable order, for aggregates without an order (PostgREST promises none). */
const byKey = (rows: unknown, key: string): Record<string, unknown>[] =>
  [...((rows ?? []) as Record<string, unknown>[])].sort((a, b) => String(a[key]).localeCompare(String(b[key])));

describe.each(backends)('PostgREST parity through supabase-js (%s)', (backend) => {
  let run: Running;
  let db: SupabaseClient;

  beforeAll(async () => {
    // Aggregates switched on as PostgREST reads it: PGRST_DB_AGGREGATES_ENABLED.
    run = await startStack(backend, { prepare, config: loadLocalConfig(undefined, { PGRST_DB_AGGREGATES_ENABLED: 'true' }) });
    db = anonClient(run);
  });
  afterAll(async () => run?.close());

  describe('aggregates', () => {
    it('counts rows and sums and averages a column over the whole table', async () => {
      const { data, error } = await db.from('orders').select('count(), amount.sum(), amount.avg()');
      expect(error).toBeNull();
      expect(data).toEqual([{ count: 5, sum: 520, avg: 104 }]);
    });

    it('groups by the other selected columns and honours filters', async () => {
      const grouped = await db.from('orders').select('status, count(), amount.max(), amount.min()').order('status');
      expect(grouped.data).toEqual([
        { status: 'open', count: 2, max: 200, min: 100 },
        { status: 'paid', count: 3, max: 150, min: 20 },
      ]);
      const filtered = await db.from('orders').select('amount.sum()').eq('status', 'paid');
      expect(filtered.data).toEqual([{ sum: 220 }]);
    });

    it('renames aggregates and casts their input and their result', async () => {
      const { data, error } = await db.from('orders').select('total:amount.sum()::text, n:count(), whole:amount::int.sum()');
      expect(error).toBeNull();
      expect(data).toEqual([{ total: '520.00', n: 5, whole: 520 }]);
    });

    it('aggregates inside an embedded resource, per parent row', async () => {
      const { data } = await db.from('customers').select('name, orders(amount.sum(), count())').order('id');
      expect(data).toEqual([
        { name: 'Ana', orders: [{ sum: 200, count: 2 }] },
        { name: 'Besa', orders: [{ sum: 220, count: 2 }] },
        { name: 'Dritan', orders: [{ sum: 100, count: 1 }] },
      ]);
    });

    it('groups by the columns of an embedded to-one resource', async () => {
      const { data, error } = await db.from('orders').select('amount.sum(), customers(city)');
      expect(error).toBeNull();
      expect(byKey(data, 'sum')).toEqual([
        { sum: 220, customers: { city: 'Durrës' } },
        { sum: 300, customers: { city: 'Tirana' } },
      ]);
    });

    it('answers 400 PGRST100, never a 500, for a malformed aggregate', async () => {
      for (const select of ['amount.sum()::regclass', 'sum()', 'amount.median()', 'amount.sum(amount)']) {
        const res = await raw(run, `/rest/v1/orders?select=${encodeURIComponent(select)}`);
        expect(res.status, select).toBe(400);
        expect(((await res.json()) as { code: string }).code, select).toBe('PGRST100');
      }
    });
  });

  describe('computed fields and computed relationships', () => {
    it('selects, filters and orders by a computed field', async () => {
      const { data, error } = await db
        .from('customers')
        .select('name, full_address')
        .like('full_address', '*Tirana*')
        .order('full_address', { ascending: false });
      expect(error).toBeNull();
      expect(data).toEqual([
        { name: 'Dritan', full_address: 'Dritan (Tirana)' },
        { name: 'Ana', full_address: 'Ana (Tirana)' },
      ]);
    });

    it('uses computed fields inside embeds and alongside aggregates', async () => {
      const embedded = await db.from('customers').select('name, orders(label)').eq('id', 2);
      expect(embedded.data).toEqual([{ name: 'Besa', orders: [{ label: 'open#3' }, { label: 'paid#4' }] }]);
      const grouped = await db.from('orders').select('label, count()').eq('id', 1);
      expect(grouped.data).toEqual([{ label: 'paid#1', count: 1 }]);
    });

    it('embeds a function returning setof another table as to-many, and rows 1 or a single row as to-one', async () => {
      const { data, error } = await db.from('customers').select('name, big_orders(id, amount), latest_order(id)').order('id');
      expect(error).toBeNull();
      expect(data).toEqual([
        { name: 'Ana', big_orders: [{ id: 2, amount: 150 }], latest_order: { id: 2 } },
        { name: 'Besa', big_orders: [{ id: 3, amount: 200 }], latest_order: { id: 4 } },
        { name: 'Dritan', big_orders: [{ id: 5, amount: 100 }], latest_order: { id: 5 } },
      ]);
      const buyer = await db.from('orders').select('id, buyer(name)').eq('id', 3).single();
      expect(buyer.data).toEqual({ id: 3, buyer: { name: 'Besa' } });
    });

    it('filters parents through a computed relationship with !inner and embedded filters', async () => {
      const { data } = await db.from('customers').select('name, big_orders!inner(id)').gt('big_orders.amount', 120).order('id');
      expect(data).toEqual([
        { name: 'Ana', big_orders: [{ id: 2 }] },
        { name: 'Besa', big_orders: [{ id: 3 }] },
      ]);
    });

    it('answers 400 for a column that is neither a column nor a computed field', async () => {
      const { error, status } = await db.from('customers').select('name, nothing_here');
      expect(status).toBe(400);
      expect(error?.code).toBe('42703');
    });
  });

  describe('spread embeds', () => {
    it('spreads the columns of a to-one resource into the parent row', async () => {
      const { data, error } = await db.from('orders').select('id, ...customers(name, town:city)').lte('id', 3).order('id');
      expect(error).toBeNull();
      expect(data).toEqual([
        { id: 1, name: 'Ana', town: 'Tirana' },
        { id: 2, name: 'Ana', town: 'Tirana' },
        { id: 3, name: 'Besa', town: 'Durrës' },
      ]);
    });

    it('spreads a to-many resource as one array per column (PostgREST v13)', async () => {
      const { data, error } = await db
        .from('customers')
        .select('name, ...orders(id, amount)')
        .eq('id', 1)
        .order('id', { referencedTable: 'orders', ascending: false });
      expect(error).toBeNull();
      expect(data).toEqual([{ name: 'Ana', id: [2, 1], amount: [150, 50] }]);
    });

    it('groups aggregates by spread columns', async () => {
      const { data } = await db.from('orders').select('amount.sum(), ...customers(city)');
      expect(byKey(data, 'city')).toEqual([
        { sum: 220, city: 'Durrës' },
        { sum: 300, city: 'Tirana' },
      ]);
    });

    it('refuses an alias on a spread and a spread without a resource with 400 PGRST100', async () => {
      for (const select of ['id,c:...customers(name)', 'id,...name']) {
        const res = await raw(run, `/rest/v1/orders?select=${encodeURIComponent(select)}`);
        expect(res.status, select).toBe(400);
        expect(((await res.json()) as { code: string }).code, select).toBe('PGRST100');
      }
    });
  });

  describe('operator modifiers any and all', () => {
    it('matches like/ilike against any or all patterns of a list', async () => {
      const any = await db.from('customers').select('name').likeAnyOf('name', ['A*', 'D%']).order('id');
      expect(any.error).toBeNull();
      expect(any.data).toEqual([{ name: 'Ana' }, { name: 'Dritan' }]);
      const all = await db.from('customers').select('name').ilikeAllOf('name', ['*a*', 'd*']);
      expect(all.data).toEqual([{ name: 'Dritan' }]);
    });

    it('compares with eq(any), gt(all) and their negation', async () => {
      const eqAny = await db.from('orders').select('id').filter('id', 'eq(any)', '{1,3,5}').order('id');
      expect(eqAny.data).toEqual([{ id: 1 }, { id: 3 }, { id: 5 }]);
      const gtAll = await db.from('orders').select('id').filter('amount', 'gt(all)', '{40,45}').order('id');
      expect(gtAll.data).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }, { id: 5 }]);
      const notAny = await db.from('orders').select('id').not('status', 'eq(any)', '{open}').order('id');
      expect(notAny.data).toEqual([{ id: 1 }, { id: 2 }, { id: 4 }]);
    });

    it('answers 400 PGRST100 for a modifier without a list or on an operator that takes none', async () => {
      for (const query of ['id=eq(any).1', 'id=in(any).{1}', 'name=is(all).{null}']) {
        const res = await raw(run, `/rest/v1/orders?${query}`);
        expect(res.status, query).toBe(400);
        expect(((await res.json()) as { code: string }).code, query).toBe('PGRST100');
      }
    });
  });

  describe('many-to-many embeds', () => {
    it('embeds through a junction table in both directions, with the junction as hint', async () => {
      const tags = await db.from('products').select('name, tags(name)').eq('id', 1).order('name', { referencedTable: 'tags' });
      expect(tags.error).toBeNull();
      expect(tags.data).toEqual([{ name: 'notebook', tags: [{ name: 'office' }, { name: 'school' }] }]);
      const products = await db.from('tags').select('name, products!product_tags(sku)').order('name');
      expect(products.data).toEqual([
        { name: 'art', products: [] },
        { name: 'office', products: [{ sku: 'A-1' }] },
        { name: 'school', products: [{ sku: 'A-1' }] },
      ]);
    });

    it('filters parents by a many-to-many embed with !inner', async () => {
      const { data } = await db.from('tags').select('name, products!inner(id)').eq('products.id', 1).order('name');
      expect(data).toEqual([
        { name: 'office', products: [{ id: 1 }] },
        { name: 'school', products: [{ id: 1 }] },
      ]);
    });
  });

  describe('ambiguous embeds', () => {
    it('answers 300 PGRST201 listing every candidate relationship in details, and embeds with a hint', async () => {
      const res = await raw(run, '/rest/v1/transfers?select=id,customers(name)');
      expect(res.status).toBe(300);
      expect(await res.json()).toEqual({
        code: 'PGRST201',
        message: "Could not embed because more than one relationship was found for 'transfers' and 'customers'",
        details: [
          { cardinality: 'many-to-one', embedding: 'transfers with customers', relationship: 'transfers_from_customer_fkey using transfers(from_customer) and customers(id)' },
          { cardinality: 'many-to-one', embedding: 'transfers with customers', relationship: 'transfers_to_customer_fkey using transfers(to_customer) and customers(id)' },
        ],
        hint: "Try changing 'customers' to one of the following: 'customers!transfers_from_customer_fkey', 'customers!transfers_to_customer_fkey'. Find the desired relationship in the 'details' key.",
      });
      const { data } = await db.from('transfers').select('id, payer:customers!from_customer(name), payee:customers!transfers_to_customer_fkey(name)');
      expect(data).toEqual([{ id: 1, payer: { name: 'Ana' }, payee: { name: 'Besa' } }]);
    });
  });

  describe('nulls=stripped', () => {
    it('leaves out null values for an array, a single object and an RPC result (supabase-js stripNulls)', async () => {
      const rows = await db.from('members').select('id, bio, extra').order('id').stripNulls();
      expect(rows.error).toBeNull();
      expect(rows.data).toEqual([{ id: 1, extra: { b: 1 } }, { id: 2, bio: 'hi' }]);
      const one = await db.from('members').select('id, bio').eq('id', 1).single().stripNulls();
      expect(one.data).toEqual({ id: 1 });
      const rpc = await db.rpc('all_members').select('id, bio').order('id').stripNulls();
      expect(rpc.data).toEqual([{ id: 1 }, { id: 2, bio: 'hi' }]);
    });

    it('answers with the stripped media type', async () => {
      const res = await raw(run, '/rest/v1/members?select=id,bio&id=eq.1', { headers: { Accept: 'application/vnd.pgrst.array+json;nulls=stripped' } });
      expect(res.headers.get('content-type')).toBe('application/vnd.pgrst.array+json;nulls=stripped; charset=utf-8');
      expect(await res.text()).toBe('[{"id":1}]');
    });
  });

  describe('RPC as PostgREST calls functions', () => {
    const post = (fn: string, type: string, body: BodyInit, headers: Record<string, string> = {}): Promise<Response> =>
      raw(run, `/rest/v1/rpc/${fn}`, { method: 'POST', headers: { 'Content-Type': type, ...headers }, body });

    it('passes a text/plain, text/xml or application/octet-stream body whole to a single unnamed parameter', async () => {
      const text = await post('shout', 'text/plain; charset=utf-8', 'përshëndetje');
      expect(text.status).toBe(200);
      expect(await text.json()).toBe('PËRSHËNDETJE');
      const bytes = await post('byte_length', 'application/octet-stream', new Uint8Array([0, 1, 2, 0xff, 0xfe]));
      expect(await bytes.json()).toBe(5);
      const xml = await post('xml_text', 'text/xml', '<a>b</a>');
      expect(await xml.json()).toBe('<a>b</a>');
    });

    it('passes a JSON body to a single unnamed json parameter', async () => {
      const { data, error } = await db.rpc('mult_them', { x: 4, y: 2 });
      expect(error).toBeNull();
      expect(data).toBe(8);
    });

    it('answers 404 PGRST202 naming the arguments it was given for a function that does not exist', async () => {
      const { error, status } = await db.rpc('no_such_function', { b: 1, a: 2 });
      expect(status).toBe(404);
      expect(error).toEqual({
        code: 'PGRST202',
        message: 'Could not find the function public.no_such_function(a, b) in the schema cache',
        details: 'Searched for the function public.no_such_function with parameters a, b or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.',
        hint: null,
      });
      const get = await raw(run, '/rest/v1/rpc/no_such_function?select=x');
      expect(((await get.json()) as { message: string }).message).toBe('Could not find the function public.no_such_function without parameters in the schema cache');
    });

    it('answers 404 PGRST202 when no function takes the raw body of that type', async () => {
      const res = await post('byte_length', 'text/plain', 'abc');
      expect(res.status).toBe(404);
      expect(((await res.json()) as { code: string }).code).toBe('PGRST202');
    });

    it('gives the whole body to a one-parameter function with Prefer: params=single-object', async () => {
      const single = await post('echo', 'application/json', '{"a":1,"b":[2]}', { Prefer: 'params=single-object' });
      expect(single.status).toBe(200);
      expect(await single.json()).toEqual({ a: 1, b: [2] });
      const named = await post('echo', 'application/json', '{"a":1}');
      expect(named.status).toBe(404);
    });

    it('calls variadic and array parameters by POST, by GET with an array literal and with repeated names', async () => {
      expect((await db.rpc('sum_all', { v: [1, 2, 3] })).data).toBe(6);
      expect((await db.rpc('sum_all', { v: [1, 2, 3] }, { get: true })).data).toBe(6);
      expect(await (await raw(run, '/rest/v1/rpc/sum_all?v=4&v=5')).json()).toBe(9);
      expect(await (await raw(run, '/rest/v1/rpc/sum_all?v=4')).json()).toBe(4);
      expect(await (await raw(run, '/rest/v1/rpc/first_of?arr=7&arr=8')).json()).toBe(7);
      const form = await post('sum_all', 'application/x-www-form-urlencoded', 'v=1&v=2&v=3&v=4');
      expect(await form.json()).toBe(10);
    });
  });

  describe('upserts as PostgREST', () => {
    it('answers 201 when merge-duplicates inserted a row and 200 when it only updated', async () => {
      const inserted = await db.from('products').upsert({ id: 2, sku: 'B-2', name: 'pen' }).select('id, name');
      expect(inserted.status).toBe(201);
      expect(inserted.data).toEqual([{ id: 2, name: 'pen' }]);
      const updated = await db.from('products').upsert({ id: 2, sku: 'B-2', name: 'blue pen' }).select('id, name');
      expect(updated.status).toBe(200);
      expect(updated.data).toEqual([{ id: 2, name: 'blue pen' }]);
      const mixed = await db.from('products').upsert([{ id: 2, sku: 'B-2', name: 'pen' }, { id: 3, sku: 'C-3', name: 'ink' }]);
      expect(mixed.status).toBe(201);
      const minimal = await db.from('products').upsert({ id: 3, sku: 'C-3', name: 'black ink' });
      expect(minimal.status).toBe(200);
    });

    it('upserts on a unique column that is not the primary key, and "updates" a row given only its key', async () => {
      const bySku = await db.from('products').upsert({ id: 1, sku: 'A-1', stock: 9, name: 'notebook' }, { onConflict: 'sku' }).select('id, stock');
      expect(bySku.status).toBe(200);
      expect(bySku.data).toEqual([{ id: 1, stock: 9 }]);
      // PostgREST sets every payload column on conflict, the key too, so the existing row comes back.
      const keyOnly = await db.from('tags').upsert({ name: 'school' }).select('name, uses');
      expect(keyOnly.status).toBe(200);
      expect(keyOnly.data).toEqual([{ name: 'school', uses: 4 }]);
    });

    it('PUT upserts one row by its primary key: 201 inserted, 200 replaced', async () => {
      const put = (id: string, body: unknown): Promise<Response> =>
        raw(run, `/rest/v1/products?id=eq.${id}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', Prefer: 'return=representation' },
          body: JSON.stringify(body),
        });
      const created = await put('10', { id: 10, sku: 'K-10', name: 'ruler', stock: 1 });
      expect(created.status).toBe(201);
      expect(await created.json()).toEqual([{ id: 10, sku: 'K-10', name: 'ruler', stock: 1 }]);
      const replaced = await put('10', { id: 10, sku: 'K-10', name: 'long ruler', stock: 2 });
      expect(replaced.status).toBe(200);
      expect(await replaced.json()).toEqual([{ id: 10, sku: 'K-10', name: 'long ruler', stock: 2 }]);
    });

    it('refuses PUT without exactly the primary key in eq filters (405 PGRST105) or with a body that disagrees (400 PGRST115)', async () => {
      const request = (query: string, body: unknown): Promise<Response> =>
        raw(run, `/rest/v1/products?${query}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      for (const query of ['sku=eq.K-10', 'id=gt.10', 'id=eq.10&name=eq.x']) {
        const res = await request(query, { id: 10, sku: 'K-10', name: 'x' });
        expect(res.status, query).toBe(405);
        expect(await res.json(), query).toMatchObject({ code: 'PGRST105', message: "Filters must include all and only primary key columns with 'eq' operator" });
      }
      const mismatch = await request('id=eq.11', { id: 12, sku: 'L', name: 'x' });
      expect(mismatch.status).toBe(400);
      expect(await mismatch.json()).toMatchObject({ code: 'PGRST115', message: 'Payload values do not match URL in primary key column(s)' });
    });
  });

  describe('Prefer: handling and max-affected', () => {
    it('refuses unknown preferences with handling=strict (400 PGRST122) and ignores them with handling=lenient', async () => {
      const strict = await raw(run, '/rest/v1/notes?select=id', { headers: { Prefer: 'handling=strict, foo, bar=baz, count=exact' } });
      expect(strict.status).toBe(400);
      expect(await strict.json()).toEqual({
        code: 'PGRST122', message: 'Invalid preferences given with handling=strict', details: 'Invalid preferences: foo, bar=baz', hint: null,
      });
      const lenient = await raw(run, '/rest/v1/notes?select=id', { headers: { Prefer: 'handling=lenient, foo, count=exact' } });
      expect(lenient.status).toBe(200);
      expect(lenient.headers.get('preference-applied')).toBe('count=exact, handling=lenient');
    });

    it('rolls back a DELETE or PATCH affecting more rows than max-affected with handling=strict (400 PGRST124)', async () => {
      const prefer = { Prefer: 'handling=strict, max-affected=2' };
      const deleted = await raw(run, '/rest/v1/notes?id=lte.3', { method: 'DELETE', headers: prefer });
      expect(deleted.status).toBe(400);
      expect(await deleted.json()).toEqual({
        code: 'PGRST124', message: 'Query result exceeds max-affected preference constraint', details: 'The query affects 3 rows', hint: null,
      });
      const patched = await raw(run, '/rest/v1/notes?id=gte.1', {
        method: 'PATCH', headers: { ...prefer, 'Content-Type': 'application/json' }, body: JSON.stringify({ body: 'changed' }),
      });
      expect(patched.status).toBe(400);
      const rows = (await (await raw(run, '/rest/v1/notes?select=body&order=id')).json()) as { body: string }[];
      expect(rows.map((row) => row.body)).toEqual(['note 1', 'note 2', 'note 3', 'note 4', 'note 5']);
    });

    it('runs a DELETE within max-affected and says so in Preference-Applied; without handling=strict the limit does not apply', async () => {
      const within = await raw(run, '/rest/v1/notes?id=eq.5', { method: 'DELETE', headers: { Prefer: 'handling=strict, max-affected=2' } });
      expect(within.status).toBe(204);
      expect(within.headers.get('preference-applied')).toBe('handling=strict, max-affected=2');
      const lenient = await raw(run, '/rest/v1/notes?id=gte.3', { method: 'DELETE', headers: { Prefer: 'max-affected=1' } });
      expect(lenient.status).toBe(204);
      const left = (await (await raw(run, '/rest/v1/notes?select=id&order=id')).json()) as { id: number }[];
      expect(left).toEqual([{ id: 1 }, { id: 2 }]);
    });
  });
});

describe('aggregates switched off (PostgREST default)', () => {
  let run: Running;
  beforeAll(async () => {
    run = await startStack('pglite', { prepare, config: loadLocalConfig(undefined, {}) });
  });
  afterAll(async () => run?.close());

  it('answers 400 PGRST123 for any aggregate, at the root and in an embed', async () => {
    const db = anonClient(run);
    for (const select of ['count()', 'amount.sum()', 'id, customers(id.count())']) {
      const { error, status } = await db.from('orders').select(select);
      expect(status, select).toBe(400);
      expect(error, select).toEqual({ code: 'PGRST123', details: null, hint: null, message: 'Use of aggregate functions is not allowed' });
    }
    const plain = await db.from('orders').select('id').limit(1);
    expect(plain.error).toBeNull();
  });
});
