import { ApiError } from './errors.ts';
import { parseSelect, splitTopLevel } from './parse.ts';
import type { Preferences } from './request.ts';
import { jsonContentType, preferenceApplied } from './request.ts';
import { ident, relationSource, type QueryBuilder } from './sql.ts';
import { singleObject, type Outcome } from './read.ts';
import type { Query } from '../server/database.ts';
import type { Relation } from '../server/schemaCache.ts';

export interface MutationOptions {
  builder: QueryBuilder;
  relation: Relation;
  schema: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: URL;
  body: unknown;
  prefs: Preferences;
  shape: 'object' | 'array';
  /** `nulls=stripped` on the returned rows. */
  stripNulls?: boolean | undefined;
}

function invalidBody(message: string): ApiError {
  return new ApiError(400, 'PGRST102', message);
}

function columnNotFound(relation: Relation, column: string): ApiError {
  return new ApiError(400, 'PGRST204', `Could not find the '${column}' column of '${relation.name}' in the schema cache`);
}

function namesFromParam(url: URL, key: string, relation: Relation): string[] | undefined {
  const raw = url.searchParams.get(key);
  if (raw === null) return undefined;
  return splitTopLevel(raw, ',').map((part) => {
    const name = part.trim().replace(/^"(.*)"$/, '$1');
    if (!relation.columns.has(name)) throw columnNotFound(relation, name);
    return name;
  });
}

/** Insert columns: `columns=` when given, else the keys of the payload (which must all match). */
function insertColumns(rows: Record<string, unknown>[], options: MutationOptions): string[] {
  const fromParam = namesFromParam(options.url, 'columns', options.relation);
  if (fromParam) return fromParam;
  const first = Object.keys(rows[0] ?? {});
  for (const row of rows) {
    const keys = Object.keys(row);
    if (keys.length !== first.length || keys.some((key) => !first.includes(key))) {
      throw invalidBody('All object keys must match');
    }
  }
  for (const key of first) if (!options.relation.columns.has(key)) throw columnNotFound(options.relation, key);
  return first;
}

function asRows(body: unknown): Record<string, unknown>[] {
  const list = Array.isArray(body) ? body : [body];
  for (const row of list) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw invalidBody('All object keys must match');
  }
  return list as Record<string, unknown>[];
}

/**
 * INSERT (with upsert), UPDATE and DELETE as PostgREST builds them: values come
 * from the JSON body through `jsonb_populate_record`, so Postgres does the type
 * conversions; rows come back through the same select renderer as reads.
 */
/**
 * PUT /table?pk=eq.v: an upsert of one row by its primary key. The filters must
 * be exactly `eq` on every primary key column (405 PGRST105) and the body one
 * object whose key values match them (400 PGRST115).
 */
function putTarget(options: MutationOptions): string[] {
  const { relation, builder } = options;
  const filters = builder.level('').filters;
  const keys = relation.primaryKey;
  const byKey = new Map<string, string>();
  for (const filter of filters) {
    if (filter.kind !== 'filter' || filter.op !== 'eq' || filter.negate || filter.field.path.length > 0 || typeof filter.value !== 'string') break;
    byKey.set(filter.field.name, filter.value);
  }
  if (keys.length === 0 || byKey.size !== filters.length || filters.length !== keys.length || keys.some((key) => !byKey.has(key))) {
    throw new ApiError(405, 'PGRST105', "Filters must include all and only primary key columns with 'eq' operator");
  }
  const body = options.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidBody('PUT requires a single JSON object');
  for (const key of keys) {
    const value = (body as Record<string, unknown>)[key];
    if (value === undefined || value === null || String(value) !== byKey.get(key)) {
      throw new ApiError(400, 'PGRST115', 'Payload values do not match URL in primary key column(s)');
    }
  }
  return keys;
}

export async function runMutation(query: Query, options: MutationOptions): Promise<Outcome> {
  const { builder, relation, prefs, url } = options;
  const table = `${ident(options.schema)}.${ident(relation.name)}`;
  const params = builder.params;
  let mutation: string;
  const applied: (keyof Preferences)[] = ['return', 'count'];
  // merge-duplicates and PUT answer 201 when a row was inserted, 200 when all were updated (PostgREST ≥ 11.2).
  const upsert = options.method === 'PUT' || (options.method === 'POST' && prefs.resolution === 'merge-duplicates');

  if (options.method === 'POST' || options.method === 'PUT') {
    const putKeys = options.method === 'PUT' ? putTarget(options) : undefined;
    const rows = asRows(options.body);
    const columns = insertColumns(rows, options);
    if (columns.length === 0 && rows.length !== 1) throw invalidBody('Empty objects can only be inserted one at a time');
    // `default values` takes no parameter: binding the payload anyway made the
    // driver fail with 08P01 (a 503), where PostgREST answers a 4xx.
    const payload = columns.length === 0 ? '' : params.add(JSON.stringify(rows));
    const values = columns.map((name) => {
      const value = `_r.${ident(name)}`;
      if (prefs.missing !== 'default') return value;
      const fallback = relation.columns.get(name)?.defaultExpr ?? 'null';
      return `case when _e.j ? ${params.add(name)}::text then ${value} else ${fallback} end`;
    });
    if (prefs.missing === 'default') applied.push('missing');
    let conflict = '';
    if (prefs.resolution !== undefined || putKeys !== undefined) {
      if (prefs.resolution !== undefined && putKeys === undefined) applied.push('resolution');
      const target = putKeys ?? namesFromParam(url, 'on_conflict', relation) ?? relation.primaryKey;
      if (target.length === 0) throw new ApiError(400, 'PGRST100', 'upsert needs on_conflict or a primary key');
      // Every column of the payload, the key too, as PostgREST: a payload of only the key still "updates" the row.
      const update = columns;
      conflict =
        (prefs.resolution === 'ignore-duplicates' && putKeys === undefined) || update.length === 0
          ? ` on conflict (${target.map(ident).join(', ')}) do nothing`
          : ` on conflict (${target.map(ident).join(', ')}) do update set ${update.map((name) => `${ident(name)} = excluded.${ident(name)}`).join(', ')}`;
    }
    mutation =
      columns.length === 0
        ? `insert into ${table} as "t0" default values`
        : `insert into ${table} as "t0" (${columns.map(ident).join(', ')})
           select ${values.join(', ')}
             from jsonb_array_elements(${payload}::jsonb) with ordinality as _e(j, n)
             cross join lateral jsonb_populate_record(null::${table}, _e.j) as _r
            order by _e.n${conflict}`;
  } else {
    if (builder.level('').limit !== undefined || builder.level('').offset !== undefined) {
      throw new ApiError(400, 'PGRST100', '"failed to parse limit parameter"', {
        details: 'limit/offset on PATCH and DELETE are not supported by the local stack',
      });
    }
    // Filters apply to the table itself; embeds in `select` only shape the returned rows.
    const source = relationSource(relation);
    const where = builder.level('').filters.map((filter) => builder.condition(source, 't0', filter, new Map()));
    const whereSql = where.length === 0 ? '' : ` where ${where.join(' and ')}`;
    if (options.method === 'PATCH') {
      const body = options.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidBody('PATCH requires a JSON object');
      const columns = namesFromParam(url, 'columns', relation) ?? Object.keys(body);
      for (const key of columns) if (!relation.columns.has(key)) throw columnNotFound(relation, key);
      if (columns.length === 0) {
        mutation = `select "t0".* from ${table} as "t0" where false`;
      } else {
        mutation = `update ${table} as "t0" set ${columns.map((name) => `${ident(name)} = _r.${ident(name)}`).join(', ')}
          from jsonb_populate_record(null::${table}, ${params.add(JSON.stringify(body))}::jsonb) as _r${whereSql}`;
      }
    } else {
      mutation = `delete from ${table} as "t0"${whereSql}`;
    }
  }

  const wantRows = prefs.return === 'representation';
  let status = options.method === 'POST' || options.method === 'PUT' ? 201 : wantRows ? 200 : 204;
  let pageTotal: number;
  let inserted = 0;
  let body: string | undefined;
  const upserting = upsert && !mutation.startsWith('select');
  if (wantRows) {
    const selectRaw = url.searchParams.get('select') ?? '*';
    const { select, joins, groupBy } = builder.levelSql(relationSource(relation), 't0', parseSelect(selectRaw), '', false);
    // An upsert also tells inserted rows (xmax = 0) from updated ones, for its status.
    const mutationCte = !upserting
      ? `pgrst_mut as (${mutation}${mutation.startsWith('select') ? '' : ' returning "t0".*'})`
      : `pgrst_raw as (${mutation} returning "t0" as pgrst_row, ("t0".xmax = 0) as pgrst_inserted),
         pgrst_mut as (select (pgrst_row).* from pgrst_raw)`;
    const insertedSql = upserting ? '(select count(*) from pgrst_raw where pgrst_inserted)::int' : '0';
    const row = (
      await query(
        `with ${mutationCte}
         select count(_t)::int as page_total, ${options.stripNulls === true ? `json_strip_nulls(coalesce(json_agg(_t), '[]'))` : `coalesce(json_agg(_t), '[]')`}::text as body, ${insertedSql} as inserted
           from (select ${select} from pgrst_mut as "t0"${joins}${groupBy}) as _t`,
        params.values,
      )
    ).rows[0] ?? {};
    pageTotal = Number(row.page_total ?? 0);
    inserted = Number(row.inserted ?? 0);
    body = String(row.body ?? '[]');
    if (options.shape === 'object') body = singleObject({ pageTotal, body });
  } else if (upserting) {
    // An upsert reads the rows it conflicts with anyway, so RETURNING adds no SELECT policy it did not need.
    const row = (
      await query(
        `with pgrst_raw as (${mutation} returning ("t0".xmax = 0) as pgrst_inserted)
         select count(*)::int as total, count(*) filter (where pgrst_inserted)::int as inserted from pgrst_raw`,
        params.values,
      )
    ).rows[0] ?? {};
    pageTotal = Number(row.total ?? 0);
    inserted = Number(row.inserted ?? 0);
    if (options.shape === 'object' && pageTotal !== 1) singleObject({ pageTotal, body: '' });
  } else {
    // No RETURNING here: it would make Postgres check SELECT policies, and a
    // table may accept inserts from a role that cannot read it back.
    const result = await query(mutation, params.values);
    pageTotal = mutation.startsWith('select') ? 0 : result.rowCount;
    if (options.shape === 'object' && pageTotal !== 1) singleObject({ pageTotal, body: '' });
  }
  if (upserting && inserted === 0) status = 200;
  const maxAffected = prefs['max-affected'];
  if ((options.method === 'PATCH' || options.method === 'DELETE') && prefs.handling === 'strict' && maxAffected !== undefined) {
    applied.push('max-affected');
    // Thrown inside the transaction, so the rows already changed are rolled back.
    if (pageTotal > maxAffected) {
      throw new ApiError(400, 'PGRST124', 'Query result exceeds max-affected preference constraint', {
        details: `The query affects ${pageTotal} rows`,
      });
    }
  }
  const headers: Record<string, string> = {
    'Content-Range': `*/${prefs.count === undefined ? '*' : pageTotal}`,
    ...preferenceApplied(prefs, applied),
  };
  if (wantRows && (options.shape === 'object' || options.stripNulls === true)) headers['Content-Type'] = jsonContentType(options.shape, options.stripNulls === true);
  return { status, body: wantRows ? body : undefined, headers };
}
