/**
 * Reads of the `public_open_calls` view: a region's open calls that are open
 * now or not yet open, with nothing but the join code and the window.
 */
import type { PostgrestClient } from '@supabase/postgrest-js';
import { anonClient } from './anonClient.ts';
import { ApiError, apiErrorCode } from './apiError.ts';

export interface OpenCall {
  joinCode: string;
  opensAt: string;
  closesAt: string;
}

interface Row {
  join_code: string;
  opens_at: string;
  closes_at: string;
}

/** The region's open calls, the one that opened first first. */
export async function publicOpenCalls(region: string, client?: PostgrestClient): Promise<OpenCall[]> {
  const { data, error, status } = await (client ?? anonClient())
    .from('public_open_calls')
    .select('join_code,opens_at,closes_at')
    .eq('region', region)
    .order('opens_at')
    .limit(5);
  if (error) throw new ApiError(apiErrorCode({ error, status }), status, error.message);
  return (data as Row[]).map((row) => ({ joinCode: row.join_code, opensAt: row.opens_at, closesAt: row.closes_at }));
}
