import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, databaseUnavailable, fromDatabaseError, internalError, isConnectionError, isDatabaseError, isInternalSqlState } from './errors.ts';
import { parseSelect } from './parse.ts';
import { acceptedShape, acceptsStrippedNulls, levelsFromQuery, parsePrefer, preferenceApplied, rangeHeader } from './request.ts';
import { QueryBuilder, ident, relationSource, type BuilderOptions } from './sql.ts';
import { readOutcome, runRead, type Outcome } from './read.ts';
import { runMutation } from './mutate.ts';
import { functionNotFound, resolveRoutine, runRpc, singleObjectRoutine, singleUnnamedRoutine } from './rpc.ts';
import type { Database } from '../server/database.ts';
import { BodyTooLargeError, preflight, readBody, readBodyBytes, send } from '../server/http.ts';
import { applyRequestContext, authenticate, statementTimeoutMs, type RequestAuth, type RequestSettings } from '../server/requestContext.ts';
import type { Routine, SchemaCache } from '../server/schemaCache.ts';

export interface RestContext {
  db: Database;
  jwtSecret: string;
  schemaCache(): SchemaCache;
  /** search_path and pre-request function of every request (config.toml). */
  settings?: RequestSettings;
  /** [api] max_rows: a read returns at most this many rows. */
  maxRows?: number | undefined;
  /** PostgREST's db-aggregates-enabled (PGRST_DB_AGGREGATES_ENABLED); off by default, as there. */
  aggregatesEnabled?: boolean | undefined;
  /** Logs unexpected errors; the client only sees a generic message. */
  log(error: unknown): void;
}

interface Plan {
  readOnly: boolean;
  run(query: Parameters<Parameters<Database['transaction']>[0]>[0]): Promise<Outcome>;
}

function tableNotFound(cache: SchemaCache, name: string): ApiError {
  return new ApiError(404, 'PGRST205', `Could not find the table '${cache.schema}.${name}' in the schema cache`);
}

/** Query parameters of a GET /rpc call that are never arguments. */
const reservedForRpc = new Set(['select', 'order', 'limit', 'offset', 'or', 'and', 'columns', 'on_conflict']);

function contentType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? 'application/json').split(';')[0]?.trim().toLowerCase() ?? '';
}

function isFormBody(req: IncomingMessage): boolean {
  return contentType(req) === 'application/x-www-form-urlencoded';
}

/** Content types whose body PostgREST passes whole to a function's one unnamed parameter of this type. */
const rawBodyTypes: Record<string, string> = { 'text/plain': 'text', 'text/xml': 'xml', 'application/octet-stream': 'bytea' };

/**
 * Named arguments from a query string or a form body: only names some
 * overload declares; a repeated name, or any value for an array or variadic
 * parameter, becomes an array (PostgREST: `?v=1&v=2`).
 */
function namedArguments(routines: Routine[], form: URLSearchParams): Record<string, unknown> {
  const arrays = new Set(routines.flatMap((routine) => routine.params.filter((param) => param.variadic || param.type.endsWith('[]')).map((param) => param.name)));
  const names = new Set(routines.flatMap((routine) => routine.params.map((param) => param.name)));
  const args: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (!names.has(key)) continue;
    const values = form.getAll(key);
    // A single `{1,2}` is an array literal, as PostgREST passes it on to Postgres.
    args[key] = arrays.has(key) && !(values.length === 1 && values[0]?.startsWith('{')) ? values : values.length === 1 ? values[0] : values;
  }
  return args;
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? 'application/json';
  if (!/^application\/json\b/i.test(type) && !/^application\/vnd\.pgrst\.object\+json/i.test(type)) {
    throw new ApiError(415, 'PGRST107', `None of these media types are available: ${type.slice(0, 100)}`);
  }
  const text = await readBody(req);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'PGRST102', 'Empty or invalid json');
  }
}

function checkProfile(req: IncomingMessage, cache: SchemaCache): void {
  for (const header of ['accept-profile', 'content-profile'] as const) {
    const value = req.headers[header];
    if (typeof value === 'string' && value !== cache.schema) {
      throw new ApiError(406, 'PGRST106', `Invalid schema: ${value.slice(0, 100)}`, {
        hint: `Only the following schemas are exposed: ${cache.schema}`,
      });
    }
  }
}

/** PostgREST's max-rows: the page is never longer than `maxRows`, whatever limit the client asked. */
function capRows(range: { offset: number; limit: number | undefined } | undefined, maxRows: number | undefined) {
  if (maxRows === undefined) return range;
  return { offset: range?.offset ?? 0, limit: Math.min(range?.limit ?? maxRows, maxRows) };
}

async function plan(req: IncomingMessage, url: URL, cache: SchemaCache, maxRows: number | undefined, builderOptions: BuilderOptions): Promise<Plan> {
  const method = req.method ?? 'GET';
  const segments = url.pathname.slice('/rest/v1'.length).split('/').filter((part) => part !== '').map(decodeURIComponent);
  const prefs = parsePrefer(req);
  const shape = acceptedShape(req);
  const stripNulls = acceptsStrippedNulls(req);
  const head = method === 'HEAD';

  if (segments.length === 2 && segments[0] === 'rpc') {
    const name = segments[1] as string;
    if (!cache.routines.has(name)) {
      // PostgREST names the arguments it was given: the JSON body's keys, or the query's non-reserved parameters.
      const body = method === 'POST' && contentType(req) === 'application/json' ? await jsonBody(req).catch(() => undefined) : undefined;
      const keys = typeof body === 'object' && body !== null && !Array.isArray(body)
        ? Object.keys(body)
        : method === 'POST' ? [] : [...new Set(url.searchParams.keys())].filter((key) => !reservedForRpc.has(key.split('.').at(-1) ?? ''));
      functionNotFound(`${cache.schema}.${name}`, keys.sort());
    }
    let args: Record<string, unknown> = {};
    let skip = new Set<string>();
    let routine: Routine | undefined;
    let raw: string | undefined;
    const routines = cache.routines.get(name) ?? [];
    if (method === 'GET' || head || (method === 'POST' && isFormBody(req))) {
      const form = method === 'POST' ? new URLSearchParams(await readBody(req)) : url.searchParams;
      args = namedArguments(routines, form);
      if (method !== 'POST') skip = new Set(Object.keys(args));
    } else if (method === 'POST') {
      const type = contentType(req);
      const rawType = rawBodyTypes[type];
      if (rawType !== undefined) {
        // One unnamed text/xml/bytea parameter takes the body as it is (PostgREST's "single unnamed parameter").
        routine = singleUnnamedRoutine(cache, name, [rawType]);
        if (routine === undefined) {
          throw new ApiError(404, 'PGRST202', `Could not find the function ${cache.schema}.${name} in the schema cache`, {
            details: `Searched for the function ${cache.schema}.${name} with a single unnamed ${rawType} parameter, but no matches were found in the schema cache.`,
          });
        }
        raw = rawType === 'bytea' ? (await readBodyBytes(req)).toString('hex') : await readBody(req);
      } else {
        const body = await jsonBody(req);
        if (prefs.params === 'single-object') routine = singleObjectRoutine(cache, name);
        const unnamed = singleUnnamedRoutine(cache, name, ['json', 'jsonb']);
        if (routine !== undefined) raw = JSON.stringify(body);
        else if (typeof body === 'object' && body !== null && !Array.isArray(body)) args = body as Record<string, unknown>;
        else if (unnamed !== undefined) {
          routine = unnamed;
          raw = JSON.stringify(body);
        } else throw new ApiError(400, 'PGRST102', 'RPC arguments must be a JSON object');
      }
    } else {
      throw new ApiError(405, 'PGRST101', `Cannot use the ${method} method on RPC`);
    }
    const chosen = routine ?? resolveRoutine(cache, name, Object.keys(args));
    const levels = levelsFromQuery(url, skip);
    return {
      // GET runs read-only whatever the volatility, so a volatile function
      // called by GET fails with 25006 (405), as on PostgREST.
      readOnly: method !== 'POST' || chosen.volatility !== 'v',
      run: (query) =>
        runRpc(query, {
          builder: new QueryBuilder(cache, levels, builderOptions),
          cache,
          routine: chosen,
          args,
          raw,
          url,
          prefs,
          shape,
          stripNulls,
          head,
          range: capRows(method === 'GET' ? rangeHeader(req) : undefined, maxRows),
        }),
    };
  }

  if (segments.length !== 1) {
    throw new ApiError(segments.length === 0 ? 404 : 404, segments.length === 0 ? 'PGRST126' : 'PGRST125',
      segments.length === 0 ? 'Root endpoint metadata is disabled' : 'Invalid path specified in request URL');
  }
  const relation = cache.relations.get(segments[0] as string);
  if (!relation) throw tableNotFound(cache, segments[0] as string);
  const levels = levelsFromQuery(url);
  const builder = new QueryBuilder(cache, levels, builderOptions);

  if (method === 'GET' || head) {
    const items = parseSelect(url.searchParams.get('select') ?? '*');
    const range = capRows(method === 'GET' ? rangeHeader(req) : undefined, maxRows);
    return {
      readOnly: true,
      run: async (query) => {
        const result = await runRead(query, {
          builder,
          source: relationSource(relation),
          from: `${ident(cache.schema)}.${ident(relation.name)} as "t0"`,
          items,
          count: prefs.count !== undefined,
          shape,
          range,
          stripNulls,
        });
        const outcome = readOutcome(result, shape, stripNulls);
        return { ...outcome, headers: { ...outcome.headers, ...preferenceApplied(prefs, ['count']) } };
      },
    };
  }
  if (method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE') {
    const body = method === 'DELETE' ? undefined : await jsonBody(req);
    // Parse the select now so a bad one is a 400 before anything is written.
    if (prefs.return === 'representation') parseSelect(url.searchParams.get('select') ?? '*');
    return {
      readOnly: false,
      run: (query) =>
        runMutation(query, { builder, relation, schema: cache.schema, method, url, body, prefs, shape, stripNulls }),
    };
  }
  throw new ApiError(405, 'PGRST117', `Unsupported HTTP method: ${method.slice(0, 20)}`);
}

/** Serves `/rest/v1/*`: PostgREST's behaviour for what supabase-js sends. */
export async function handleRest(req: IncomingMessage, res: ServerResponse, url: URL, ctx: RestContext): Promise<void> {
  if (req.method === 'OPTIONS') return preflight(req, res);
  const head = req.method === 'HEAD';
  let auth: RequestAuth | undefined;
  try {
    auth = authenticate(req, ctx.jwtSecret);
    const cache = ctx.schemaCache();
    checkProfile(req, cache);
    const requestPlan = await plan(req, url, cache, ctx.maxRows, { aggregatesEnabled: ctx.aggregatesEnabled === true });
    const session = auth;
    const outcome = await ctx.db.transaction(async (query) => {
      await applyRequestContext(query, session, req, url.pathname.slice('/rest/v1'.length) || '/', ctx.settings);
      return requestPlan.run(query);
    }, { readOnly: requestPlan.readOnly, statementTimeoutMs: statementTimeoutMs(session.role) });
    send(res, outcome.status, outcome.body, outcome.headers, !head);
  } catch (error) {
    const apiError = toApiError(error, auth?.role !== undefined && auth.role !== 'anon', ctx);
    send(res, apiError.status, apiError.body(), apiError.headers, !head);
  }
}

export function toApiError(error: unknown, authed: boolean, ctx: { log(error: unknown): void }): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof BodyTooLargeError) return new ApiError(413, 'PGRST102', 'Request body too large');
  if (isDatabaseError(error) && !isInternalSqlState(error.code)) return fromDatabaseError(error, authed);
  if (isConnectionError(error)) return databaseUnavailable();
  ctx.log(error);
  return internalError();
}
