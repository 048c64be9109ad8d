/**
 * Where the Supabase API is and which public key opens it. Shared by the
 * small anonymous client (students' pages) and the full supabase-js client
 * (teachers' and committees' pages), so both always agree.
 */

/**
 * The anon key of Supabase's local mode: an HS256 JWT of
 * `{"iss":"supabase-demo","role":"anon","exp":1983812996}` signed with the
 * well-known default secret. Public by design (it only grants the `anon`
 * role); tests/unit/ideas/supabaseConfig.test.ts checks the signature.
 */
export const LOCAL_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';

declare global {
  interface ImportMetaEnv {
    /** A hosted project's URL; unset means the same-origin local stack. */
    readonly PUBLIC_SUPABASE_URL?: string;
    readonly PUBLIC_SUPABASE_ANON_KEY?: string;
  }
}

export interface SupabaseConfig {
  /** The project URL without a trailing slash, e.g. `https://abc.supabase.co`. */
  url: string;
  anonKey: string;
}

export interface SupabaseConfigInput {
  url?: string | undefined;
  anonKey?: string | undefined;
  /** The page's origin: the local stack is mounted on the same server (`npm start`). */
  origin?: string | undefined;
}

/**
 * A hosted project when `url` is given, otherwise the same-origin local stack
 * with the local anon key.
 *
 * @example
 * resolveSupabaseConfig({ origin: 'http://localhost:4321' });
 * // { url: 'http://localhost:4321', anonKey: LOCAL_ANON_KEY }
 */
export function resolveSupabaseConfig({ url, anonKey, origin }: SupabaseConfigInput): SupabaseConfig {
  if (url) {
    if (!anonKey) throw new Error('PUBLIC_SUPABASE_URL is set but PUBLIC_SUPABASE_ANON_KEY is not.');
    return { url: url.replace(/\/+$/, ''), anonKey };
  }
  if (!origin) throw new Error('No PUBLIC_SUPABASE_URL and no page origin to find the local stack.');
  return { url: origin.replace(/\/+$/, ''), anonKey: anonKey || LOCAL_ANON_KEY };
}

/** The configuration of this build, in the browser. */
export function supabaseConfig(): SupabaseConfig {
  return resolveSupabaseConfig({
    url: import.meta.env.PUBLIC_SUPABASE_URL,
    anonKey: import.meta.env.PUBLIC_SUPABASE_ANON_KEY,
    origin: globalThis.location?.origin,
  });
}

/** The headers every API request carries: the key both as `apikey` and as the bearer token. */
export function anonHeaders(config: SupabaseConfig): Record<string, string> {
  return { apikey: config.anonKey, Authorization: `Bearer ${config.anonKey}` };
}
