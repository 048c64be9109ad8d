/**
 * One call of a database function through PostgREST (`rpc`), typed by the
 * generated `Database`: the name must exist and the arguments must match.
 * A failure becomes an {@link ApiError}.
 */
import type { AnonClient } from './anonClient.ts';
import { ApiError, toApiError } from './apiError.ts';
import type { AuthClient } from './authClient.ts';
import type { Database } from './database.types.ts';

type Functions = Database['public']['Functions'];

export type FunctionName = keyof Functions;

/**
 * A function's arguments as PostgREST takes them. The generator writes each
 * argument as its SQL type without `null`, but SQL passes `null` to any
 * argument and the functions read a null `p_feedback_en` like an omitted one.
 */
export type FunctionArgs<F extends FunctionName> = { [K in keyof Functions[F]['Args']]: Functions[F]['Args'][K] | null };

/** What a function returns; most return `jsonb` (`Json`), which the calling module types. */
export type FunctionResult<F extends FunctionName> = Functions[F]['Returns'];

/** The one method both clients share, so one helper serves the anonymous and the signed-in pages. */
interface RpcClient {
  rpc(fn: string, args: object): PromiseLike<{
    data: unknown;
    error: { message: string; code?: string; details?: string | null; hint?: string | null } | null;
    status: number;
  }>;
}

/**
 * Calls `fn` and returns its answer, or throws an ApiError (`offline` when
 * nothing answered at all).
 *
 * @example
 * await callFunction(client, 'mark_idea_read', { p_idea_id: id });
 */
export async function callFunction<F extends FunctionName>(
  client: AnonClient | AuthClient,
  fn: F,
  args: FunctionArgs<F>,
): Promise<FunctionResult<F>> {
  let answer;
  try {
    answer = await (client as unknown as RpcClient).rpc(fn, args);
  } catch (error) {
    throw new ApiError('offline', 0, error instanceof Error ? error.message : undefined);
  }
  if (answer.error) throw toApiError({ error: answer.error, status: answer.status });
  return answer.data as FunctionResult<F>;
}
