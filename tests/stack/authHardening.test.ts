import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthWeakPasswordError } from '@supabase/supabase-js';
import { backends, startStack, type Running } from './harness.ts';
import { anonClient, raw, serviceClient } from './clients.ts';
import { changePassword } from '../../src/lib/supabase/accountApi.ts';
import type { AuthClient } from '../../src/lib/supabase/authClient.ts';

const json = { 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' };

/** A password sign-in from `address` (the stack trusts X-Forwarded-For here, as behind its proxy). */
const signInFrom = (run: Running, address: string, email: string, password: string) =>
  raw(run, '/auth/v1/token?grant_type=password', { method: 'POST', headers: { ...json, 'x-forwarded-for': address }, body: JSON.stringify({ email, password }) });

describe.each(backends)('password rules (%s)', (backend) => {
  let run: Running;
  beforeAll(async () => {
    run = await startStack(backend, { authRateLimit: { perAddress: 1000 } });
  });
  afterAll(async () => run?.close());

  it.each([
    ['a common password', 'password123', 'pwned'],
    ['a common password in other letter cases', 'QwertyUIOP', 'pwned'],
    ['a password of 9 characters', 'zeri-2026', 'length'],
    ['a password over 72 bytes but under 72 characters', 'ë'.repeat(37), 'length'],
  ])('refuses %s at sign-up with 422 weak_password', async (_name, password, reason) => {
    const { error } = await anonClient(run).auth.signUp({ email: `weak-${crypto.randomUUID()}@example.test`, password });
    expect(error).toBeInstanceOf(AuthWeakPasswordError);
    expect(error).toMatchObject({ status: 422, code: 'weak_password' });
    expect((error as AuthWeakPasswordError).reasons).toContain(reason);
  });

  it('refuses a common password set by an administrator too', async () => {
    const { error } = await serviceClient(run).auth.admin.createUser({ email: 'admin-weak@example.test', password: '1234567890', email_confirm: true });
    expect(error).toMatchObject({ status: 422, code: 'weak_password' });
  });

  it('accepts the demo password and 36 two-byte letters (72 bytes)', async () => {
    for (const password of ['zeri-demo-2026', 'ë'.repeat(36)]) {
      const { error } = await anonClient(run).auth.signUp({ email: `strong-${crypto.randomUUID()}@example.test`, password });
      expect(error).toBeNull();
    }
  });

  describe('changing one\'s own password', () => {
    const email = 'changer@example.test';
    const first = 'first-long-password';

    it('asks for the current password, refuses a wrong one, then ends the other sessions', async () => {
      const here = anonClient(run);
      expect((await here.auth.signUp({ email, password: first })).error).toBeNull();
      const elsewhere = anonClient(run);
      expect((await elsewhere.auth.signInWithPassword({ email, password: first })).error).toBeNull();

      const missing = await here.auth.updateUser({ password: 'second-long-password' });
      expect(missing.error).toMatchObject({ status: 400, code: 'reauthentication_needed' });
      const wrong = await here.auth.updateUser({ password: 'second-long-password', current_password: 'not-the-password' });
      expect(wrong.error).toMatchObject({ status: 400, code: 'reauthentication_not_valid' });
      const same = await here.auth.updateUser({ password: first, current_password: first });
      expect(same.error).toMatchObject({ status: 422, code: 'same_password' });
      // A copy of the token alone cannot change the password: the old one still signs in.
      expect((await anonClient(run).auth.signInWithPassword({ email, password: first })).error).toBeNull();

      const changed = await here.auth.updateUser({ password: 'second-long-password', current_password: first });
      expect(changed.error).toBeNull();
      expect((await here.auth.getUser()).error).toBeNull();
      // auth-js drops a session the server no longer knows (403 session_not_found).
      expect((await elsewhere.auth.getUser()).error).not.toBeNull();
      expect((await elsewhere.auth.getSession()).data.session).toBeNull();
      expect((await anonClient(run).auth.signInWithPassword({ email, password: 'second-long-password' })).error).toBeNull();
    });

    it('is what the portal\'s change-password page sends (accountApi.changePassword)', async () => {
      const client = anonClient(run) as unknown as AuthClient;
      expect((await client.auth.signInWithPassword({ email, password: 'second-long-password' })).error).toBeNull();
      expect(await changePassword(client, { email, current: 'not-the-password', password: 'third-long-password' })).toBe('wrong_current');
      expect(await changePassword(client, { email, current: 'second-long-password', password: 'qwertyuiop' })).toBe('weak_password');
      expect(await changePassword(client, { email, current: 'second-long-password', password: 'third-long-password' })).toBe('ok');
      expect((await anonClient(run).auth.signInWithPassword({ email, password: 'third-long-password' })).error).toBeNull();
    });
  });
});

describe.each(backends)('sign-in limits that do not lock the real user out (%s)', (backend) => {
  let run: Running;
  const email = 'teacher-under-attack@example.test';
  const password = 'the-real-long-password';
  beforeAll(async () => {
    run = await startStack(backend, { trustProxy: true, authRateLimit: { perAddress: 1000, failuresPerAccount: 5, userUpdates: 3 } });
    const created = await serviceClient(run).auth.admin.createUser({ email, password, email_confirm: true });
    if (created.error) throw created.error;
  });
  afterAll(async () => run?.close());

  it('slows one address guessing one account (429 with Retry-After) while the real user signs in from another', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 40; i++) {
      const res = await signInFrom(run, '203.0.113.66', email, `wrong-guess-number-${i}`);
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
      await res.arrayBuffer();
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]));
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Even the right password waits at that address: guessing there is over for the window.
    expect((await signInFrom(run, '203.0.113.66', email, password)).status).toBe(429);

    const real = await signInFrom(run, '198.51.100.20', email, password);
    expect(real.status).toBe(200);
    expect(await real.json()).toMatchObject({ token_type: 'bearer' });
  });

  it('clears an address\'s failures for an account once it signs in', async () => {
    for (let i = 0; i < 4; i++) expect((await signInFrom(run, '198.51.100.21', email, `typo-number-${i}`)).status).toBe(400);
    expect((await signInFrom(run, '198.51.100.21', email, password)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await signInFrom(run, '198.51.100.21', email, `typo-again-${i}`)).status).toBe(400);
  });

  it('limits PUT /auth/v1/user per user, so it cannot be used to test which e-mails have accounts', async () => {
    const other = await serviceClient(run).auth.admin.createUser({ email: 'someone-else@example.test', password, email_confirm: true });
    if (other.error) throw other.error;
    const client = anonClient(run);
    expect((await client.auth.signInWithPassword({ email, password })).error).toBeNull();
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++) {
      const { error } = await client.auth.updateUser({ email: 'someone-else@example.test' });
      codes.push(error?.code);
    }
    // GoTrue's answer for a taken address, then a budget per user.
    expect(codes).toEqual(['email_exists', 'email_exists', 'email_exists', 'over_request_rate_limit', 'over_request_rate_limit']);
  });
});

describe.each(backends)('guesses sent all at once (%s)', (backend) => {
  let run: Running;
  const email = 'parallel-target@example.test';
  beforeAll(async () => {
    run = await startStack(backend, { trustProxy: true, authRateLimit: { perAddress: 1000, failuresPerAccount: 5 } });
    const created = await serviceClient(run).auth.admin.createUser({ email, password: 'the-real-long-password', email_confirm: true });
    if (created.error) throw created.error;
  });
  afterAll(async () => run?.close());

  it('lets only the allowed number through to the password check', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signInFrom(run, '203.0.113.77', email, `parallel-guess-${i}`).then(async (res) => {
        await res.arrayBuffer();
        return res.status;
      })),
    );
    expect(statuses.filter((status) => status === 400)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
  });
});
