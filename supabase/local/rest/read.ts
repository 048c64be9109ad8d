import { ApiError } from './errors.ts';
import type { SelectItem } from './parse.ts';
import type { QueryBuilder, Source } from './sql.ts';
import type { Query } from '../server/database.ts';
import { jsonContentType } from './request.ts';

/** What a handler answers: PostgREST's status, headers and JSON body. */
export interface Outcome {
  status: number;
  body: string | undefined;
  headers: Record<string, string>;
}

export interface ReadOptions {
  builder: QueryBuilder;
  source: Source;
  /** `"public"."todos" as "t0"`, or a function call. */
  from: string;
  /** A `with …` prefix the from clause relies on (RPC calls). */
  withSql?: string;
  items: SelectItem[];
  count: boolean;
  shape: 'object' | 'array';
  range: { offset: number; limit: number | undefined } | undefined;
  /** `nulls=stripped`: keys with null values are left out (json_strip_nulls), as PostgREST. */
  stripNulls?: boolean | undefined;
}

export interface ReadResult {
  total: number | null;
  pageTotal: number;
  body: string;
  offset: number;
}

/**
 * One statement that selects the page as JSON text rendered by Postgres and,
 * when asked, the total count over the same filters (the count ignores paging).
 */
export async function runRead(query: Query, options: ReadOptions): Promise<ReadResult> {
  const { builder, source } = options;
  const alias = 't0';
  const { select, where, joins, groupBy } = builder.levelSql(source, alias, options.items, '');
  builder.checkUnusedLevels();
  const root = builder.level('');
  const offset = Math.max(root.offset ?? 0, options.range?.offset ?? 0) ;
  const limits = [root.limit, options.range?.limit].filter((value): value is number => value !== undefined);
  const limit = limits.length === 0 ? undefined : Math.min(...limits);
  const whereSql = where.length === 0 ? '' : ` where ${where.join(' and ')}`;
  const order = builder.orderBy(source, alias, root.order);
  const paging = builder.paging({ filters: [], order: undefined, limit, offset: offset === 0 ? undefined : offset });
  const total = options.count ? `(select count(*) from ${options.from}${whereSql})::int` : 'null::int';
  const rows = options.stripNulls === true ? `json_strip_nulls(coalesce(json_agg(_t), '[]'))` : `coalesce(json_agg(_t), '[]')`;
  const sql = `${options.withSql ?? ''} select ${total} as total, count(_t)::int as page_total, ${rows}::text as body
    from (select ${select} from ${options.from}${joins}${whereSql}${groupBy}${order}${paging}) as _t`;
  const row = (await query(sql, builder.params.values)).rows[0] ?? {};
  return {
    total: row.total === null || row.total === undefined ? null : Number(row.total),
    pageTotal: Number(row.page_total ?? 0),
    body: String(row.body ?? '[]'),
    offset,
  };
}

/** PGRST116 unless exactly one row; the body of a one-element JSON array without its brackets. */
export function singleObject(result: { pageTotal: number; body: string }): string {
  if (result.pageTotal !== 1) {
    throw new ApiError(406, 'PGRST116', 'Cannot coerce the result to a single JSON object', {
      details: `The result contains ${result.pageTotal} rows`,
    });
  }
  return result.body.slice(1, -1);
}

/** Content-Range, 206 and 416 as PostgREST computes them for reads. */
export function readOutcome(result: ReadResult, shape: 'object' | 'array', stripNulls = false): Outcome {
  const { total, pageTotal, offset } = result;
  const upper = offset + pageTotal - 1;
  const range = pageTotal === 0 ? `*/${total ?? '*'}` : `${offset}-${upper}/${total ?? '*'}`;
  if (total !== null && pageTotal === 0 && offset > 0 && offset >= total) {
    throw new ApiError(416, 'PGRST103', 'Requested range not satisfiable', {
      details: `An offset of ${offset} was requested, but there are only ${total} rows.`,
      headers: { 'Content-Range': `*/${total}` },
    });
  }
  if (shape === 'object') {
    return {
      status: 200,
      body: singleObject(result),
      headers: { 'Content-Type': jsonContentType('object', stripNulls), 'Content-Range': range },
    };
  }
  const partial = total !== null && pageTotal < total;
  const type: Record<string, string> = stripNulls ? { 'Content-Type': jsonContentType('array', true) } : {};
  return { status: partial ? 206 : 200, body: result.body, headers: { ...type, 'Content-Range': range } };
}
