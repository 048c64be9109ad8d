/**
 * Reads of the `public_open_calls` view: a region's open calls that are open
 * now or not yet open, with nothing but the join code and the window.
 */
import { anonClient, type AnonClient } from './anonClient.ts';
import { toApiError } from './apiError.ts';
import { camelCased, type CamelCased } from './camelCase.ts';
import type { ViewRow } from './viewRow.ts';

type Row = Pick<ViewRow<'public_open_calls', 'join_code' | 'opens_at' | 'closes_at'>, 'join_code' | 'opens_at' | 'closes_at'>;

export type OpenCall = CamelCased<Row>;

/** The region's open calls, the one that opened first first. */
export async function publicOpenCalls(region: string, client?: AnonClient): Promise<OpenCall[]> {
  const answer = await (client ?? anonClient())
    .from('public_open_calls')
    .select('join_code,opens_at,closes_at')
    .eq('region', region)
    .order('opens_at')
    .limit(5);
  if (answer.error) throw toApiError(answer);
  return camelCased(answer.data as Row[]);
}
