// config.toml's [api] settings take effect on /rest/v1 as on PostgREST:
// max_rows caps every page; db-pre-request runs before each request and may refuse it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLocalConfig } from '../../supabase/local/config.ts';
import { raw } from './clients.ts';
import { applyFixture, startStack, type Running } from './harness.ts';

describe('config.toml settings on the REST API', () => {
  let run: Running;
  beforeAll(async () => {
    const config = loadLocalConfig(undefined, { PGRST_DB_MAX_ROWS: '2', PGRST_DB_PRE_REQUEST: 'public.check_request' });
    run = await startStack('pglite', {
      config,
      prepare: async (db) => {
        await applyFixture(db);
        await db.exec(`
          create function public.check_request() returns void language plpgsql set search_path = '' as $$
          begin
            if current_setting('request.headers', true)::json->>'x-test-ban' = '1' then
              raise sqlstate 'PT403' using message = 'banned';
            end if;
          end $$;
          grant execute on function public.check_request() to anon, authenticated, service_role;`);
      },
    });
  });
  afterAll(async () => {
    await run?.close();
  });

  it('max_rows caps a page whatever limit the client asks for, and the count still sees every row', async () => {
    const res = await raw(run, '/rest/v1/projects?select=id&order=id&limit=50', { headers: { Prefer: 'count=exact' } });
    expect(res.status).toBe(206);
    expect(((await res.json()) as unknown[]).length).toBe(2);
    expect(res.headers.get('content-range')).toBe('0-1/3');
  });

  it('runs the pre-request function before every request, which may refuse it', async () => {
    expect((await raw(run, '/rest/v1/projects?select=id')).status).toBe(200);
    const refused = await raw(run, '/rest/v1/projects?select=id', { headers: { 'x-test-ban': '1' } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ message: 'banned' });
  });
});
