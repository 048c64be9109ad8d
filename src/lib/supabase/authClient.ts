/**
 * The full supabase-js client for signed-in pages (teachers, committees,
 * coordinators). Students' pages never load it: they use the small
 * PostgREST-only `anonClient`.
 *
 * The session lives in `sessionStorage`, not `localStorage`: teachers often
 * use a shared computer in the staff room or a classroom, and closing the
 * tab (or the browser) must sign them out. The price is that a new tab opened
 * without an opener asks to sign in again; links inside the signed-in pages
 * stay in the same tab for that reason.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { supabaseConfig, type SupabaseConfig } from './config.ts';
import type { Database } from './database.types.ts';

/** The signed-in client, typed by the generated schema. */
export type AuthClient = SupabaseClient<Database>;

/** Where supabase-js keeps the session; tests read it to check sign-out clears it. */
export const AUTH_STORAGE_KEY = 'zeri.auth';

export interface AuthClientOptions {
  /** `window.sessionStorage` in a browser; none means the session lives in memory only. */
  storage?: Storage | undefined;
}

/**
 * A client for `config`. The implicit flow (the default) is kept on purpose:
 * a password-reset link from hosted Supabase often opens in a new tab, which
 * has no PKCE verifier in its own sessionStorage.
 *
 * @example
 * const client = createAuthClient({ url: 'http://localhost:4321', anonKey: LOCAL_ANON_KEY });
 * await client.auth.signInWithPassword({ email, password });
 */
export function createAuthClient(config: SupabaseConfig, { storage }: AuthClientOptions = {}): AuthClient {
  return createClient<Database>(config.url, config.anonKey, {
    auth: {
      persistSession: storage !== undefined,
      ...(storage ? { storage } : {}),
      storageKey: AUTH_STORAGE_KEY,
      autoRefreshToken: true,
      detectSessionInUrl: true,
    },
  });
}

let shared: AuthClient | undefined;

function tabStorage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    // Storage disabled by the browser's privacy settings: the session lasts as long as the page.
    return undefined;
  }
}

/** The page's one client (supabase-js warns when two share a storage key). */
export function authClient(): AuthClient {
  shared ??= createAuthClient(supabaseConfig(), { storage: tabStorage() });
  return shared;
}
