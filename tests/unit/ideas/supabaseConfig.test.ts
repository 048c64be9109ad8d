import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { anonHeaders, LOCAL_ANON_KEY, resolveSupabaseConfig } from '../../../src/lib/supabase/config.ts';
import { apiKeys, DEFAULT_JWT_SECRET } from '../../../supabase/local/jwt.ts';

describe('Supabase configuration for the browser', () => {
  it('uses the local anon key, which is the HS256 of the demo payload with the default secret', () => {
    const [header = '', payload = '', signature = ''] = LOCAL_ANON_KEY.split('.');
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual({ iss: 'supabase-demo', role: 'anon', exp: 1983812996 });
    expect(createHmac('sha256', DEFAULT_JWT_SECRET).update(`${header}.${payload}`).digest('base64url')).toBe(signature);
    expect(apiKeys(DEFAULT_JWT_SECRET).anonKey).toBe(LOCAL_ANON_KEY);
  });

  it('talks to the same origin when no hosted project is configured', () => {
    expect(resolveSupabaseConfig({ origin: 'http://localhost:4321' })).toEqual({ url: 'http://localhost:4321', anonKey: LOCAL_ANON_KEY });
  });

  it('uses a hosted project and its key when both are given', () => {
    expect(resolveSupabaseConfig({ url: 'https://abc.supabase.co/', anonKey: 'k', origin: 'http://x' })).toEqual({ url: 'https://abc.supabase.co', anonKey: 'k' });
  });

  it('refuses a hosted URL without its key rather than sending the local one', () => {
    expect(() => resolveSupabaseConfig({ url: 'https://abc.supabase.co' })).toThrow(/ANON_KEY/);
  });

  it('sends the key as apikey and as bearer token', () => {
    expect(anonHeaders({ url: 'u', anonKey: 'k' })).toEqual({ apikey: 'k', Authorization: 'Bearer k' });
  });
});
