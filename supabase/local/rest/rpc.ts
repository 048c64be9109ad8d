import { ApiError } from './errors.ts';
import { parseSelect } from './parse.ts';
import { ident, type QueryBuilder, type Source } from './sql.ts';
import { readOutcome, runRead, type Outcome } from './read.ts';
import type { Preferences } from './request.ts';
import { preferenceApplied } from './request.ts';
import type { Query } from '../server/database.ts';
import type { Routine, SchemaCache } from '../server/schemaCache.ts';

/** Picks the overload whose named parameters fit the given keys, as PostgREST does. */
export function resolveRoutine(cache: SchemaCache, name: string, keys: string[]): Routine {
  const candidates = (cache.routines.get(name) ?? []).filter((routine) => {
    if (!routine.callable) return false;
    const names = routine.params.map((param) => param.name);
    return keys.every((key) => names.includes(key)) && routine.params.every((param) => param.hasDefault || keys.includes(param.name));
  });
  if (candidates.length === 1) return candidates[0] as Routine;
  const fn = `${cache.schema}.${name}`;
  if (candidates.length === 0) {
    const sorted = [...keys].sort();
    return singleJsonRoutine(cache, name) ?? functionNotFound(fn, sorted);
  }
  const exact = candidates.filter((routine) => routine.params.length === keys.length);
  if (exact.length === 1) return exact[0] as Routine;
  throw new ApiError(300, 'PGRST203', `Could not choose the best candidate function between: ${candidates
    .map((routine) => `${fn}(${routine.params.map((param) => `${param.name} => ${param.type}`).join(', ')})`)
    .join(', ')}`, { hint: 'Try renaming the parameters or the function itself in the database so function overloading can be resolved' });
}

function singleJsonRoutine(cache: SchemaCache, name: string): Routine | undefined {
  return singleUnnamedRoutine(cache, name, ['json', 'jsonb']);
}

/** The overload taking one unnamed parameter of one of `types` (the raw body of POST /rpc). */
export function singleUnnamedRoutine(cache: SchemaCache, name: string, types: string[]): Routine | undefined {
  return (cache.routines.get(name) ?? []).find(
    (routine) => routine.params.length === 1 && routine.params[0]?.name === '' && types.includes(routine.params[0].type),
  );
}

/** `Prefer: params=single-object`: the overload with one json/jsonb parameter gets the whole body. */
export function singleObjectRoutine(cache: SchemaCache, name: string): Routine | undefined {
  return (cache.routines.get(name) ?? []).find(
    (routine) => routine.params.length === 1 && ['json', 'jsonb'].includes(routine.params[0]?.type ?? ''),
  );
}

/** PostgREST's 404 PGRST202 for a function (and argument names) the schema cache does not hold. */
export function functionNotFound(fn: string, keys: string[]): never {
  const list = keys.join(', ');
  throw new ApiError(404, 'PGRST202', `Could not find the function ${fn}${keys.length === 0 ? ' without parameters' : `(${list})`} in the schema cache`, {
    details: `Searched for the function ${fn}${keys.length === 0 ? ' without parameters' : ` with parameter${keys.length > 1 ? 's' : ''} ${list}`} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`,
  });
}

export interface RpcOptions {
  builder: QueryBuilder;
  cache: SchemaCache;
  routine: Routine;
  args: Record<string, unknown>;
  /** The body as the one argument of a single-parameter function (raw text/xml/bytea, a JSON body, single-object). */
  raw: string | undefined;
  url: URL;
  prefs: Preferences;
  shape: 'object' | 'array';
  stripNulls?: boolean | undefined;
  head: boolean;
  range: { offset: number; limit: number | undefined } | undefined;
}

/**
 * Calls the function with named arguments converted by `jsonb_to_record` to
 * the declared parameter types, then shapes the result as PostgREST does:
 * a scalar as its JSON value, a set as an array, a single composite as an
 * object, void as 204.
 */
export async function runRpc(query: Query, options: RpcOptions): Promise<Outcome> {
  const { builder, cache, routine } = options;
  const params = builder.params;
  const fn = `${ident(cache.schema)}.${ident(routine.name)}`;
  const payload = params.add(options.raw ?? JSON.stringify(options.args));
  let call: string;
  let from = '';
  if (options.raw !== undefined || (routine.params.length === 1 && routine.params[0]?.name === '')) {
    // Types come from the catalog (format_type), never from the request.
    // bytea comes as hex text: PGlite would want a bound bytea as a Uint8Array.
    const type = routine.params[0]?.type ?? 'json';
    call = type === 'bytea' && options.raw !== undefined ? `${fn}(decode(${payload}::text, 'hex'))` : `${fn}(${payload}::${type})`;
  } else {
    const given = routine.params.filter((param) => Object.hasOwn(options.args, param.name));
    call = `${fn}(${given.map((param) => `${param.variadic ? 'variadic ' : ''}${ident(param.name)} := _a.${ident(param.name)}`).join(', ')})`;
    if (given.length > 0) {
      // Types come from the catalog (format_type), never from the request.
      from = ` from jsonb_to_record(${payload}::jsonb) as _a(${given.map((param) => `${ident(param.name)} ${param.type}`).join(', ')})`;
    }
  }
  if (from === '' && !call.includes(payload)) params.values.pop();
  const countHeader = preferenceApplied(options.prefs, ['count']);

  if (routine.returns === 'void') {
    await query(`select ${call}${from}`, params.values);
    return { status: 204, body: undefined, headers: {} };
  }
  if (routine.returns === 'scalar' && !routine.returnsSet) {
    const row = (await query(`select to_json(${call})::text as body${from}`, params.values)).rows[0];
    const body = row?.body === null || row?.body === undefined ? 'null' : String(row.body);
    return { status: 200, body, headers: { 'Content-Range': '0-0/*', ...countHeader } };
  }
  if (routine.returns === 'scalar') {
    const row = (
      await query(`select coalesce(json_agg(_t.v), '[]')::text as body, count(*)::int as n from (select _c.v${from === '' ? ' from ' : `${from}, lateral `}${call} as _c(v)) as _t`, params.values)
    ).rows[0];
    const n = Number(row?.n ?? 0);
    return { status: 200, body: String(row?.body ?? '[]'), headers: { 'Content-Range': n === 0 ? '*/*' : `0-${n - 1}/*`, ...countHeader } };
  }

  const relationName = routine.returnsTable;
  const source: Source = {
    name: routine.name,
    columns: routine.columns,
    embedFrom: relationName !== undefined && cache.relations.has(relationName) ? relationName : undefined,
  };
  const withSql = `with pgrst_call as (select _c.*${from === '' ? ' from ' : `${from}, lateral `}${call} as _c)`;
  const result = await runRead(query, {
    builder,
    source,
    from: 'pgrst_call as "t0"',
    withSql,
    items: parseSelect(options.url.searchParams.get('select') ?? '*'),
    count: options.prefs.count !== undefined,
    shape: options.shape,
    range: options.range,
    stripNulls: options.stripNulls,
  });
  if (!routine.returnsSet) {
    // A function returning one composite answers an object, not an array.
    const body = result.pageTotal === 0 ? 'null' : result.body.slice(1, -1);
    return { status: 200, body, headers: { 'Content-Range': '0-0/*', ...countHeader } };
  }
  const outcome = readOutcome(result, options.shape, options.stripNulls === true);
  return { ...outcome, headers: { ...outcome.headers, ...countHeader } };
}
