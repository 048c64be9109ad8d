import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@supabase/supabase-js';
import { createStack, type Stack } from '../../supabase/local/stack.ts';

// Smoke test over the project's real migrations and seed (not the fixture).
describe('the stack over the project migrations and seed', () => {
  let stack: Stack;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    stack = await createStack({ database: 'pglite', dataDir: null, seed: true, log: () => undefined });
    server = createServer((req, res) => void stack.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    server?.close();
    await stack?.close();
  });

  it('lets anon join a seeded session and submit an idea through the RPCs', async () => {
    const anon = createClient(url, stack.anonKey, { auth: { persistSession: false } });
    const joined = await anon.rpc('join_session', { p_code: 'kuk-234' });
    expect(joined.error).toBeNull();
    expect(joined.data).toMatchObject({ status: 'open', region: 'kukes' });
    const submitted = await anon.rpc('submit_idea', {
      p_code: 'KUK234',
      p_text: 'More youth workers who visit our village school.',
      p_theme: 'school',
      p_can_do: null,
      p_age_band: '15-17',
      p_locale: 'sq',
      p_publish_consent: true,
      p_idempotency_key: crypto.randomUUID(),
    });
    expect(submitted.error).toBeNull();
    expect(submitted.data).toBeTruthy();
  });

  it('signs in a demo moderator', async () => {
    const client = createClient(url, stack.anonKey, { auth: { persistSession: false } });
    const { error, data } = await client.auth.signInWithPassword({ email: 'kukes@zeri.test', password: 'zeri-demo-2026' });
    expect(error).toBeNull();
    expect(data.user?.email).toBe('kukes@zeri.test');
  });
});
