import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthApiError, AuthWeakPasswordError } from '@supabase/supabase-js';
import { backends, startStack, type Running } from './harness.ts';
import { anonClient, raw, serviceClient } from './clients.ts';

describe.each(backends)('Supabase Auth behaviour through auth-js (%s)', (backend) => {
  let run: Running;
  beforeAll(async () => {
    run = await startStack(backend, { authRateLimit: { perAddress: 1000, failuresPerAccount: 5 } });
  });
  afterAll(async () => run?.close());

  it('signs up, confirms at once and runs the trigger on auth.users', async () => {
    const client = anonClient(run);
    const { data, error } = await client.auth.signUp({ email: 'Drita@Example.test', password: 'long-enough-pw', options: { data: { name: 'Drita' } } });
    expect(error).toBeNull();
    expect(data.session?.token_type).toBe('bearer');
    expect(data.session?.expires_in).toBe(3600);
    expect(data.user).toMatchObject({ email: 'drita@example.test', aud: 'authenticated', role: 'authenticated', user_metadata: { name: 'Drita' }, app_metadata: { provider: 'email', providers: ['email'] }, is_anonymous: false });
    expect(data.user?.email_confirmed_at).toBeTruthy();
    const profile = await client.from('profiles').select('display_name').eq('id', data.user?.id ?? '').single();
    expect(profile.data).toEqual({ display_name: 'Drita' });
  });

  it('puts Supabase\'s claims in the access token', async () => {
    const client = anonClient(run);
    const { data } = await client.auth.signInWithPassword({ email: 'drita@example.test', password: 'long-enough-pw' });
    const token = data.session?.access_token ?? '';
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: data.user?.id, role: 'authenticated', aud: 'authenticated', email: 'drita@example.test', user_metadata: { name: 'Drita' } });
    expect(typeof claims.session_id).toBe('string');
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    expect(String(claims.iss)).toMatch(/\/auth\/v1$/);
  });

  it('refuses an existing e-mail with 422 user_already_exists', async () => {
    const { error } = await anonClient(run).auth.signUp({ email: 'drita@example.test', password: 'long-enough-pw' });
    expect(error).toBeInstanceOf(AuthApiError);
    expect(error).toMatchObject({ status: 422, code: 'user_already_exists', message: 'User already registered' });
  });

  it('refuses a short password with 422 weak_password', async () => {
    const { error } = await anonClient(run).auth.signUp({ email: 'weak@example.test', password: 'short' });
    expect(error).toBeInstanceOf(AuthWeakPasswordError);
    expect(error).toMatchObject({ status: 422, code: 'weak_password' });
  });

  it('answers a wrong password with 400 invalid_credentials in the 2024-01-01 format', async () => {
    const { error } = await anonClient(run).auth.signInWithPassword({ email: 'drita@example.test', password: 'wrong-password' });
    expect(error).toMatchObject({ status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' });
    const res = await raw(run, '/auth/v1/token?grant_type=password', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' },
      body: JSON.stringify({ email: 'nobody@example.test', password: 'whatever-pass' }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(await res.json()).toEqual({ code: 'invalid_credentials', message: 'Invalid login credentials' });
  });

  it('rate-limits failed sign-ins per address and e-mail with 429', async () => {
    const client = anonClient(run);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const { error } = await client.auth.signInWithPassword({ email: 'target@example.test', password: 'guess-number-' + i });
      statuses.push(error?.status ?? 200);
    }
    expect(statuses.slice(0, 5).every((s) => s === 400)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('rotates refresh tokens and refuses a reused one after the reuse interval', async () => {
    const client = anonClient(run);
    const { data } = await client.auth.signInWithPassword({ email: 'drita@example.test', password: 'long-enough-pw' });
    const first = data.session?.refresh_token ?? '';
    const refreshed = await client.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect(refreshed.data.session?.refresh_token).not.toBe(first);
    const stored = await run.stack.database.transaction(async (query) => (await query('select count(*)::int as n from auth.refresh_tokens where token = $1', [first])).rows[0]?.n, { readOnly: true });
    expect(stored).toBe(0); // only hashes are stored
    // Age the rotated token past the 10 s reuse interval, then replay it.
    await run.stack.database.transaction((query) => query(`update auth.refresh_tokens set updated_at = now() - interval '1 minute' where revoked`), { readOnly: false });
    const replay = await raw(run, '/auth/v1/token?grant_type=refresh_token', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' },
      body: JSON.stringify({ refresh_token: first }),
    });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ code: 'refresh_token_already_used' });
    // The whole session is revoked: the rotated token no longer works either.
    const next = await raw(run, '/auth/v1/token?grant_type=refresh_token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refresh_token: refreshed.data.session?.refresh_token }),
    });
    expect(next.status).toBe(400);
  });

  it('gets and updates the user, then signs in with the new password', async () => {
    const client = anonClient(run);
    await client.auth.signUp({ email: 'edon@example.test', password: 'first-password' });
    expect((await client.auth.getUser()).data.user?.email).toBe('edon@example.test');
    const updated = await client.auth.updateUser({ password: 'second-password', current_password: 'first-password', data: { name: 'Edon' } });
    expect(updated.error).toBeNull();
    expect(updated.data.user?.user_metadata).toMatchObject({ name: 'Edon' });
    const old = await anonClient(run).auth.signInWithPassword({ email: 'edon@example.test', password: 'first-password' });
    expect(old.error?.code).toBe('invalid_credentials');
    const fresh = await anonClient(run).auth.signInWithPassword({ email: 'edon@example.test', password: 'second-password' });
    expect(fresh.error).toBeNull();
  });

  it('logs out: the session is gone and its refresh token no longer works', async () => {
    const client = anonClient(run);
    const { data } = await client.auth.signInWithPassword({ email: 'edon@example.test', password: 'second-password' });
    const token = data.session?.access_token ?? '';
    const refresh = data.session?.refresh_token ?? '';
    expect((await client.auth.signOut()).error).toBeNull();
    const user = await raw(run, '/auth/v1/user', { headers: { authorization: `Bearer ${token}`, 'x-supabase-api-version': '2024-01-01' } });
    expect(user.status).toBe(403);
    expect(await user.json()).toMatchObject({ code: 'session_not_found' });
    const again = await raw(run, '/auth/v1/token?grant_type=refresh_token', { method: 'POST', body: JSON.stringify({ refresh_token: refresh }), headers: { 'content-type': 'application/json' } });
    expect(again.status).toBe(400);
  });

  it('lets only service_role create users (403 not_admin otherwise)', async () => {
    const denied = await anonClient(run).auth.admin.createUser({ email: 'x@example.test', password: 'long-enough-pw' });
    expect(denied.error).toMatchObject({ status: 403, code: 'not_admin' });
    const created = await serviceClient(run).auth.admin.createUser({ email: 'admin-made@example.test', password: 'long-enough-pw', email_confirm: true, app_metadata: { team: 'x' } });
    expect(created.error).toBeNull();
    expect(created.data.user?.app_metadata).toMatchObject({ team: 'x', provider: 'email' });
    const dup = await serviceClient(run).auth.admin.createUser({ email: 'admin-made@example.test', password: 'long-enough-pw' });
    expect(dup.error).toMatchObject({ status: 422, code: 'email_exists' });
  });

  it('serves /auth/v1/settings', async () => {
    const res = await raw(run, '/auth/v1/settings');
    expect(await res.json()).toMatchObject({ external: { email: true }, mailer_autoconfirm: true });
  });
});
