import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJwt } from '../../supabase/local/jwt.ts';
import { createPortalServer, type PortalServer } from '../../src/server/createPortalServer.ts';
import { createFixtureSite } from '../e2e/fixtureSite.ts';
import { backends, startStack, type Running } from './harness.ts';
import { raw, serviceClient, userClient } from './clients.ts';

const now = () => Math.floor(Date.now() / 1000);

describe.each(backends)('security of the local stack (%s)', (backend) => {
  let run: Running;
  const logged: unknown[] = [];
  beforeAll(async () => {
    run = await startStack(backend, { log: (error) => logged.push(error) });
  });
  afterAll(async () => run?.close());

  async function counts(): Promise<Record<string, number>> {
    const service = serviceClient(run);
    const result: Record<string, number> = {};
    for (const table of ['projects', 'todos', 'leaky', 'suggestions']) {
      const { count, error } = await service.from(table).select('*', { count: 'exact', head: true });
      if (error) throw new Error(error.message);
      result[table] = count ?? -1;
    }
    return result;
  }

  const none = (claims: object) =>
    `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

  it.each([
    ['a token signed with another secret', () => signJwt({ role: 'authenticated', sub: crypto.randomUUID() }, 'another-secret-that-is-at-least-32-chars'), 'PGRST301'],
    ['a service_role claim signed with another secret', () => signJwt({ role: 'service_role', iss: 'supabase-demo' }, 'x'.repeat(40)), 'PGRST301'],
    ['an alg none token', () => none({ role: 'service_role' }), 'PGRST301'],
    ['an expired token', (secret: string) => signJwt({ role: 'authenticated', exp: now() - 120 }, secret), 'PGRST303'],
    ['a token not valid yet', (secret: string) => signJwt({ role: 'authenticated', nbf: now() + 600 }, secret), 'PGRST303'],
    ['garbage', () => 'not-a-jwt', 'PGRST301'],
    ['two parts', () => 'abc.def', 'PGRST301'],
    ['a valid token for the postgres role', (secret: string) => signJwt({ role: 'postgres' }, secret), 'PGRST303'],
  ])('refuses %s with 401 and WWW-Authenticate', async (_name, make, code) => {
    const before = await counts();
    const token = make(run.stack.jwtSecret);
    for (const path of ['/rest/v1/leaky?select=*', '/rest/v1/projects']) {
      const res = await raw(run, path, { method: path.includes('leaky') ? 'GET' : 'POST', key: null, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: path.includes('leaky') ? null : '{"name":"forged"}' });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(await res.json()).toMatchObject({ code });
    }
    expect(await counts()).toEqual(before);
  });

  it('accepts a token within the 30 s clock skew', async () => {
    const token = signJwt({ role: 'anon', exp: now() - 10 }, run.stack.jwtSecret);
    const res = await raw(run, '/rest/v1/projects', { key: null, headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
  });

  it.each([
    '/rest/v1/projects?select=id;drop table projects',
    '/rest/v1/projects?select=id,name);drop table projects;--',
    '/rest/v1/projects?order=id;--',
    '/rest/v1/projects?order=id desc;delete from projects',
    '/rest/v1/projects?id=eq.1;drop table projects',
    "/rest/v1/projects?name=eq.'; drop table projects; --",
    '/rest/v1/projects?name=in.("a\\",\'b",c)',
    '/rest/v1/projects?select="name"::text;drop',
    '/rest/v1/projects?select=name::regclass',
    '/rest/v1/projects?or=(id.eq.1,name.eq.x);drop table projects',
    '/rest/v1/projects?select=*,todos!inner(*);--',
    '/rest/v1/projects"; drop table projects;--',
    '/rest/v1/rpc/echo?message=x\'); drop table projects; --',
    `/rest/v1/projects?name=eq.${'ë'.repeat(1200)}`,
    `/rest/v1/projects?select=${'a'.repeat(5000)}`,
    '/rest/v1/projects?limit=-1',
    '/rest/v1/projects?offset=1e9999',
    '/rest/v1/projects?id=gt.abc',
    '/rest/v1/projects?data->>\'x\'=eq.1',
    '/rest/v1/pg_catalog.pg_authid',
    '/rest/v1/rpc/pg_sleep?seconds=10',
  ].map((path) => [path.length > 80 ? `${path.slice(0, 60)}… (${path.length} chars)` : path, path]))('answers %s with a 4xx JSON error and changes nothing', async (_label, path) => {
    const before = await counts();
    const res = await raw(run, path);
    if (res.status === 200) {
      // Values are bound parameters: an SQL-looking value is only a value that
      // matches nothing, or that a function echoes back unchanged.
      const body = (await res.json()) as unknown;
      if (path.includes('/rpc/echo')) expect(body).toBe("x'); drop table projects; --");
      else expect(body).toEqual([]);
    } else {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const body = (await res.json()) as Record<string, unknown>;
      expect(typeof body.code).toBe('string');
      expect(typeof body.message).toBe('string');
      expect(JSON.stringify(body)).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(await counts()).toEqual(before);
  });

  it('stores quotes, unicode and long values verbatim as bound parameters', async () => {
    const service = serviceClient(run);
    const name = `O'Brien "quoted" \\ ; drop table projects; -- ëç 日本 ${'x'.repeat(2000)}`;
    const inserted = await service.from('projects').insert({ name }).select('name').single();
    expect(inserted.data?.name).toBe(name);
    const read = await service.from('projects').select('name').eq('name', name).single();
    expect(read.data?.name).toBe(name);
    await service.from('projects').delete().eq('name', name);
  });

  it('refuses bodies that are not JSON, too large, or with unknown columns', async () => {
    const before = await counts();
    const auth = { authorization: `Bearer ${run.stack.serviceKey}`, 'content-type': 'application/json' };
    expect((await raw(run, '/rest/v1/projects', { method: 'POST', headers: auth, body: '{"name":' })).status).toBe(400);
    expect((await raw(run, '/rest/v1/projects', { method: 'POST', headers: auth, body: JSON.stringify({ 'name") values (1); --': 'x' }) })).status).toBe(400);
    expect((await raw(run, '/rest/v1/projects', { method: 'POST', headers: auth, body: JSON.stringify({ name: 'x'.repeat(2_000_000) }) })).status).toBe(413);
    expect((await raw(run, '/rest/v1/projects', { method: 'PUT', headers: auth, body: '{}' })).status).toBe(405);
    expect(await counts()).toEqual(before);
  });

  it('exposes only the public schema', async () => {
    const res = await raw(run, '/rest/v1/users', { headers: { 'accept-profile': 'auth' } });
    expect(res.status).toBe(406);
    expect(await res.json()).toMatchObject({ code: 'PGRST106' });
    const users = await raw(run, '/rest/v1/users');
    expect(users.status).toBe(404);
  });

  it.each([
    ['a back-reference regex', `name=match.${encodeURIComponent('(.*)(.*)(.*)(.*)\\1\\2\\3\\4')}`],
    ['a case-insensitive back-reference regex', `name=imatch.${encodeURIComponent('(a*)*\\1')}`],
    ['a back-reference inside or=()', `or=(name.match.${encodeURIComponent('(.*)\\1')},id.eq.1)`],
    ['a 101-character regex', `name=match.${'a'.repeat(101)}`],
    ['a 201-character like pattern', `name=like.${'a'.repeat(201)}`],
    ['a like pattern with 11 wildcards', `name=ilike.${'*a'.repeat(11)}`],
  ])('refuses %s with a fast 400 PostgREST error', async (_name, filter) => {
    const started = performance.now();
    const res = await raw(run, `/rest/v1/projects?limit=5&${filter}`);
    expect(performance.now() - started).toBeLessThan(500);
    expect(res.status).toBe(400);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ code: 'PGRST100' });
    expect(Object.keys(body).sort()).toEqual(['code', 'details', 'hint', 'message']);
    expect(typeof body.details).toBe('string');
  });

  it('refuses user metadata past 4 kB on PUT /auth/v1/user, also when merged over several calls', async () => {
    const { client } = await userClient(run, `meta-${Date.now()}@example.com`);
    expect((await client.auth.updateUser({ data: { a: 'x'.repeat(3000) } })).error).toBeNull();
    const second = await client.auth.updateUser({ data: { b: 'x'.repeat(3000) } });
    expect(second.error?.status).toBe(422);
    const big = await client.auth.updateUser({ data: { c: 'x'.repeat(1_000_000) } });
    expect(big.error?.status).toBe(413);
  });

  it('answers an internal database error with a generic 500 and logs it on the server', async () => {
    logged.length = 0;
    const res = await raw(run, '/rest/v1/rpc/fail_with', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"code":"internal"}' });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ code: 'PGRSTX00', message: 'Internal server error', details: null, hint: 'The error was logged on the server.' });
    expect(text).not.toMatch(/buffer|4242|internal detail|XX000/);
    expect(logged.map(String).join('\n')).toMatch(/bad buffer ID: 4242/);
  });

  it.each(['{}', '[{}]', ''])('answers an empty insert %j with a 400 PostgREST error, not 503', async (body) => {
    const before = await counts();
    const res = await raw(run, '/rest/v1/projects', { method: 'POST', key: run.stack.serviceKey, headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(400);
    const error = (await res.json()) as Record<string, unknown>;
    expect(error).toMatchObject({ code: '23502' });
    expect(Object.keys(error).sort()).toEqual(['code', 'details', 'hint', 'message']);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['15 kB nested thousands deep', `${'a('.repeat(5000)}id${')'.repeat(5000)}`],
    ['7 levels of embedding', `id,${'todos('.repeat(7)}id${')'.repeat(7)}`],
    ['31 embeds', ['id', ...Array.from({ length: 31 }, (_, i) => `t${i}:todos(id)`)].join(',')],
    ['4,097 characters', `id,${'name,'.repeat(819)}name`],
  ])('answers a select of %s with a fast 400', async (_name, select) => {
    const started = performance.now();
    const res = await raw(run, `/rest/v1/projects?select=${encodeURIComponent(select)}`);
    expect(performance.now() - started).toBeLessThan(250);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'PGRST100', hint: expect.any(String) });
  });

  it('answers or= nested deeper than 10 levels with a 400', async () => {
    const res = await raw(run, `/rest/v1/projects?or=(${'or('.repeat(11)}id.eq.1${')'.repeat(11)})`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'PGRST100' });
  });

  it('still answers a select with a few nested embeds', async () => {
    const res = await raw(run, `/rest/v1/projects?select=${encodeURIComponent('id,todos(id,comments(id))')}`);
    expect(res.status).toBe(200);
  });

  it('still answers ordinary match and like filters', async () => {
    expect((await raw(run, `/rest/v1/projects?name=match.${encodeURIComponent('^[a-z]+$')}`)).status).toBe(200);
    expect((await raw(run, '/rest/v1/projects?name=ilike.*a*')).status).toBe(200);
  });
});

describe.each(backends)('memory under hostile auth traffic (%s)', (backend) => {
  let run: Running;
  beforeAll(async () => {
    run = await startStack(backend);
  });
  afterAll(async () => run?.close());

  const collect = (() => {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  })();
  const heap = async (): Promise<number> => {
    for (let i = 0; i < 3; i++) {
      collect();
      await new Promise((resolve) => setImmediate(resolve));
    }
    return process.memoryUsage().heapUsed;
  };

  async function flood(count: number, body: (i: number) => string, path: string): Promise<number[]> {
    const statuses: number[] = [];
    for (let start = 0; start < count; start += 20) {
      const batch = Array.from({ length: Math.min(20, count - start) }, (_, j) =>
        raw(run, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(start + j) }).then(async (res) => {
          await res.arrayBuffer();
          return res.status;
        }),
      );
      statuses.push(...(await Promise.all(batch)));
    }
    return statuses;
  }

  it('keeps the heap flat over 2,000 sign-ins with 1 MB e-mails and 2,000 with long e-mails', async () => {
    const megabyte = 'x'.repeat(1000 * 1000); // under the REST body cap, so only the auth cap refuses it
    const long = 'y'.repeat(12 * 1024);
    await flood(20, (i) => JSON.stringify({ email: `warm${i}@example.com`, password: 'whatever-password' }), '/auth/v1/token?grant_type=password');
    const before = await heap();
    const huge = await flood(2000, (i) => `{"email":"${i}${megabyte}@example.com","password":"whatever-password"}`, '/auth/v1/token?grant_type=password');
    const longer = await flood(2000, (i) => JSON.stringify({ email: `${i}${long}@example.com`, password: 'whatever-password' }), '/auth/v1/token?grant_type=password');
    const after = await heap();
    // Kept as limiter keys, 2,000 1 MB e-mails would be 2 GB and 2,000 long ones 24 MB; digests are a few hundred kB.
    expect(after - before).toBeLessThan(8 * 1024 * 1024);
    expect(new Set(huge)).toEqual(new Set([413]));
    expect(longer.every((status) => status === 400 || status === 429)).toBe(true);
  }, 180_000); // 2 GB of uploads: about 40 s alone, more beside other suites
});

describe('the public local JWT secret', () => {
  const run = (script: string, env: Record<string, string>) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const clean = { ...process.env };
      delete clean.JWT_SECRET;
      delete clean.PUBLIC_SUPABASE_URL;
      const child = spawn(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], {
        env: { ...clean, PORT: '0', DATA_DIR: '/nonexistent/never-opened', DIST_DIR: '/nonexistent/never-read', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr });
      });
    });

  it.each([
    ['npm start', '../../src/server/start.ts'],
    ['supabase/local/serve.ts', '../../supabase/local/serve.ts'],
  ])('%s refuses to listen on 0.0.0.0 with it and says how to set JWT_SECRET', async (_name, script) => {
    const { code, stderr } = await run(script, { HOST: '0.0.0.0' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Refusing to listen on "0\.0\.0\.0" with Supabase's public local JWT secret/);
    expect(stderr).toMatch(/Set JWT_SECRET to at least 32 random characters/);
  });
});

describe.each(backends)('the auth server behind a trusted proxy (%s)', (backend) => {
  let run: Running;
  beforeAll(async () => {
    run = await startStack(backend, { trustProxy: true, siteUrl: 'https://zeri.example.al', authRateLimit: { perAddress: 3, failuresPerAccount: 100 } });
  });
  afterAll(async () => run?.close());

  /** node:http, since fetch will not send a Host header of our choosing. */
  const post = (path: string, headers: Record<string, string>, body: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(path, run.url);
      const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers: { 'content-type': 'application/json', apikey: run.stack.anonKey, ...headers } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });

  it('signs tokens with the configured site as issuer, whatever the Host header says', async () => {
    const email = `issuer-${Date.now()}@example.com`;
    await serviceClient(run).auth.admin.createUser({ email, password: 'correct-horse-battery', email_confirm: true });
    const res = await post('/auth/v1/token?grant_type=password', { host: 'evil.example', 'x-forwarded-for': '198.51.100.7' }, JSON.stringify({ email, password: 'correct-horse-battery' }));
    expect(res.status).toBe(200);
    const token = (JSON.parse(res.body) as { access_token: string }).access_token;
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { iss: string };
    expect(claims.iss).toBe('https://zeri.example.al/auth/v1');
  });

  it('limits by the address the proxy added (rightmost X-Forwarded-For), not the one the client wrote', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await post('/auth/v1/token?grant_type=password', { 'x-forwarded-for': `10.9.8.${i}, 203.0.113.9` }, JSON.stringify({ email: `nobody${i}@example.com`, password: 'wrong-password-1' }));
      statuses.push(res.status);
    }
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
    // Another client behind the same proxy is not affected.
    const other = await post('/auth/v1/token?grant_type=password', { 'x-forwarded-for': '203.0.113.9, 203.0.113.10' }, JSON.stringify({ email: 'nobody@example.com', password: 'wrong-password-1' }));
    expect(other.status).toBe(400);
  });
});


describe('a slow statement on PGlite', () => {
  let run: Running;
  let portal: PortalServer;
  let site: string;
  beforeAll(async () => {
    run = await startStack('pglite');
    portal = await createPortalServer({ distDir: await createFixtureSite(), mounts: [run.stack.handle] });
    site = (await portal.listen(0, '127.0.0.1')).replace(/\/$/, '');
  });
  afterAll(async () => {
    await portal?.close(1000);
    await run?.close();
  });

  const timed = async (url: string, init: RequestInit = {}): Promise<{ status: number; ms: number; body: string }> => {
    const started = performance.now();
    const res = await fetch(url, init);
    const body = await res.text();
    return { status: res.status, ms: performance.now() - started, body };
  };

  it.each([
    ['anon', () => run.stack.anonKey, 3000],
    ['authenticated', () => signJwt({ role: 'authenticated', sub: crypto.randomUUID(), exp: now() + 600 }, run.stack.jwtSecret), 8000],
  ] as const)('never stops the site and is cut off at the %s statement timeout, keeping committed data', async (_role, token, timeoutMs) => {
    const name = `kept-${crypto.randomUUID()}`;
    expect((await serviceClient(run).from('projects').insert({ name })).error).toBeNull();
    const key = token();
    expect((await timed(`${site}/sq/`)).status).toBe(200); // warm: the first read of a file costs more than serving it
    const slow = timed(`${site}/rest/v1/rpc/spin?n=100000000000`, { headers: { apikey: key, authorization: `Bearer ${key}` } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let i = 0; i < 5; i++) {
      const page = await timed(`${site}/sq/`);
      expect(page.status).toBe(200);
      expect(page.ms).toBeLessThan(200);
    }
    const cut = await slow;
    expect(cut.status).toBe(500);
    expect(JSON.parse(cut.body)).toMatchObject({ code: '57014' });
    expect(cut.ms).toBeGreaterThanOrEqual(timeoutMs - 100);
    // Cut once the statement has used its timeout in CPU time: on an idle
    // machine that is the timeout on the clock, on a crowded one at most four times it.
    expect(cut.ms).toBeLessThan(timeoutMs * 4 + 2500);
    const next = await raw({ ...run, url: site }, `/rest/v1/projects?select=name&name=eq.${name}`, { key: run.stack.serviceKey });
    expect(next.status).toBe(200);
    expect(await next.json()).toEqual([{ name }]);
  });
});
