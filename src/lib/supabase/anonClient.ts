/**
 * The PostgREST client for pages without sign-in (the idea form, the track
 * page, the ideas wall). `@supabase/postgrest-js` alone is a fraction of
 * supabase-js, which keeps the students' page inside its JavaScript budget.
 */
import { PostgrestClient } from '@supabase/postgrest-js';
import { anonHeaders, supabaseConfig, type SupabaseConfig } from './config.ts';
import type { Database } from './database.types.ts';

/** The anonymous client, typed by the generated schema. */
export type AnonClient = PostgrestClient<Database>;

let shared: AnonClient | undefined;

/** A client for `config`; with no argument, one shared client for this page's configuration. */
export function anonClient(config?: SupabaseConfig): AnonClient {
  if (config) return new PostgrestClient<Database>(`${config.url}/rest/v1`, { headers: anonHeaders(config) });
  shared ??= anonClient(supabaseConfig());
  return shared;
}
