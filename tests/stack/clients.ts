import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Running } from './harness.ts';

const noSession = { auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } };

export function anonClient(run: Running): SupabaseClient {
  return createClient(run.url, run.stack.anonKey, noSession);
}

export function serviceClient(run: Running): SupabaseClient {
  return createClient(run.url, run.stack.serviceKey, noSession);
}

/** Creates a confirmed user through the admin API and returns a client signed in as them. */
export async function userClient(run: Running, email: string, name = email): Promise<{ client: SupabaseClient; id: string }> {
  const admin = serviceClient(run);
  const password = 'correct-horse-battery';
  const created = await admin.auth.admin.createUser({ email, password, email_confirm: true, user_metadata: { name } });
  if (created.error) throw created.error;
  const client = anonClient(run);
  const signedIn = await client.auth.signInWithPassword({ email, password });
  if (signedIn.error) throw signedIn.error;
  return { client, id: created.data.user.id };
}

/** A raw request to the stack, for headers and bodies supabase-js hides. */
export async function raw(run: Running, path: string, init: RequestInit & { key?: string | null } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const key = init.key === undefined ? run.stack.anonKey : init.key;
  if (key !== null && !headers.has('apikey')) headers.set('apikey', key);
  if (key !== null && !headers.has('authorization')) headers.set('authorization', `Bearer ${key}`);
  return fetch(`${run.url}${path}`, { ...init, headers });
}
