import type { Query } from './database.ts';

/** A column as PostgREST's schema cache knows it. */
export interface Column {
  name: string;
  /** `format_type()` of the column, e.g. `text`, `timestamp with time zone`. */
  type: string;
  hasDefault: boolean;
  /** The default expression, from the catalog, for `Prefer: missing=default`. */
  defaultExpr: string | null;
}

/** A foreign key, from the table holding it to the table it references. */
export interface ForeignKey {
  name: string;
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
}

export interface Relation {
  name: string;
  kind: 'table' | 'view';
  columns: Map<string, Column>;
  primaryKey: string[];
}

export interface RoutineParam {
  name: string;
  type: string;
  /** Parameters with defaults may be left out of the call. */
  hasDefault: boolean;
  /** `variadic v int[]`: called with `variadic v := array`. */
  variadic: boolean;
}

export interface Routine {
  name: string;
  params: RoutineParam[];
  /** `v`olatile, `s`table or `i`mmutable. */
  volatility: 'v' | 's' | 'i';
  returnsSet: boolean;
  /** composite rows (tables, `returns table`, record types), a scalar, or void */
  returns: 'composite' | 'scalar' | 'void';
  /** Unnamed or OUT-only parameters: PostgREST cannot call these by name. */
  callable: boolean;
  /** Result columns of a composite return (OUT/TABLE parameters or the row type). */
  columns: Map<string, Column> | undefined;
  /** The table whose row type the function returns, for embedding from its result. */
  returnsTable: string | undefined;
  /** The table or view whose row type the first parameter takes (computed fields and relationships). */
  argTable: string | undefined;
  /** `rows N` of the declaration: a set-returning function with `rows 1` embeds as to-one. */
  rows: number;
}

export interface SchemaCache {
  schema: string;
  relations: Map<string, Relation>;
  foreignKeys: ForeignKey[];
  routines: Map<string, Routine[]>;
  /**
   * Functions of one argument of a table's row type, by table then name:
   * computed fields (scalar results) and computed relationships (a table's
   * rows), which PostgREST offers on that table as if they were columns or
   * foreign keys.
   */
  computed: Map<string, Map<string, Routine>>;
}

const relationsSql = `
  select c.relname as name,
         case when c.relkind in ('v', 'm') then 'view' else 'table' end as kind,
         coalesce((
           select json_agg(json_build_object(
                    'name', a.attname,
                    'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
                    'has_default', a.atthasdef or a.attidentity <> '' or a.attgenerated <> '',
                    'default_expr', case when a.attgenerated = '' then pg_catalog.pg_get_expr(d.adbin, d.adrelid) end
                  ) order by a.attnum)
             from pg_catalog.pg_attribute a
             left join pg_catalog.pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
            where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
         ), '[]')::text as columns,
         coalesce((
           select json_agg(a.attname order by k.ord)::text
             from pg_catalog.pg_constraint pk
             cross join lateral unnest(pk.conkey) with ordinality as k(attnum, ord)
             join pg_catalog.pg_attribute a on a.attrelid = pk.conrelid and a.attnum = k.attnum
            where pk.conrelid = c.oid and pk.contype = 'p'
         ), '[]') as primary_key
    from pg_catalog.pg_class c
   where c.relnamespace = $1::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
`;

const foreignKeysSql = `
  select con.conname as name,
         c.relname as "table",
         r.relname as ref_table,
         (select json_agg(a.attname order by k.ord) from unnest(con.conkey) with ordinality k(attnum, ord)
            join pg_catalog.pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum)::text as columns,
         (select json_agg(a.attname order by k.ord) from unnest(con.confkey) with ordinality k(attnum, ord)
            join pg_catalog.pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum)::text as ref_columns
    from pg_catalog.pg_constraint con
    join pg_catalog.pg_class c on c.oid = con.conrelid
    join pg_catalog.pg_class r on r.oid = con.confrelid
   where con.contype = 'f' and c.relnamespace = $1::regnamespace and r.relnamespace = $1::regnamespace
`;

const routinesSql = `
  select p.proname as name,
         p.provolatile as volatility,
         p.proretset as returns_set,
         p.pronargdefaults as n_defaults,
         case
           when p.prorettype = 'pg_catalog.void'::regtype then 'void'
           when t.typtype = 'c' or p.prorettype = 'pg_catalog.record'::regtype then 'composite'
           else 'scalar'
         end as returns,
         coalesce((
           select json_agg(json_build_object('name', coalesce(a.name, ''), 'variadic', a.mode = 'v',
                                             'type', pg_catalog.format_type(a.type, null)) order by a.ord)
             from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[]),
                         coalesce(p.proargmodes, array_fill('i'::"char", array[p.pronargs::int])),
                         p.proargnames) with ordinality as a(type, mode, name, ord)
            where a.mode in ('i', 'b', 'v')
         ), '[]')::text as params,
         coalesce(
           (select json_agg(json_build_object('name', a.name, 'type', pg_catalog.format_type(a.type, null)) order by a.ord)
              from unnest(p.proallargtypes, p.proargmodes, p.proargnames) with ordinality as a(type, mode, name, ord)
             where a.mode in ('o', 'b', 't')),
           (select json_agg(json_build_object('name', att.attname, 'type', pg_catalog.format_type(att.atttypid, att.atttypmod)) order by att.attnum)
              from pg_catalog.pg_attribute att
             where att.attrelid = t.typrelid and att.attnum > 0 and not att.attisdropped)
         )::text as out_columns,
         (select rc.relname from pg_catalog.pg_class rc
           where rc.oid = t.typrelid and rc.relnamespace = $1::regnamespace and rc.relkind in ('r', 'p', 'v')) as returns_table,
         (select ac.relname from pg_catalog.pg_type at join pg_catalog.pg_class ac on ac.oid = at.typrelid
           where p.pronargs > 0 and at.oid = p.proargtypes[0] and ac.relnamespace = $1::regnamespace
             and ac.relkind in ('r', 'p', 'v', 'm', 'f')) as arg_table,
         p.prorows::float8 as rows
    from pg_catalog.pg_proc p
    join pg_catalog.pg_type t on t.oid = p.prorettype
   where p.pronamespace = $1::regnamespace and p.prokind = 'f'
`;

function parseJson<T>(value: unknown): T {
  return JSON.parse(String(value)) as T;
}

/** Reads tables, views, columns, keys and functions of `schema` from the catalog. */
export async function loadSchemaCache(query: Query, schema = 'public'): Promise<SchemaCache> {
  const relations = new Map<string, Relation>();
  for (const row of (await query(relationsSql, [schema])).rows) {
    const columns = new Map<string, Column>();
    for (const col of parseJson<{ name: string; type: string; has_default: boolean; default_expr: string | null }[]>(
      row.columns,
    )) {
      columns.set(col.name, { name: col.name, type: col.type, hasDefault: col.has_default, defaultExpr: col.default_expr });
    }
    const name = String(row.name);
    relations.set(name, {
      name,
      kind: row.kind === 'view' ? 'view' : 'table',
      columns,
      primaryKey: parseJson<string[]>(row.primary_key),
    });
  }

  const foreignKeys = (await query(foreignKeysSql, [schema])).rows.map((row) => ({
    name: String(row.name),
    table: String(row.table),
    refTable: String(row.ref_table),
    columns: parseJson<string[]>(row.columns),
    refColumns: parseJson<string[]>(row.ref_columns),
  }));

  const routines = new Map<string, Routine[]>();
  for (const row of (await query(routinesSql, [schema])).rows) {
    const raw = parseJson<{ name: string; type: string; variadic: boolean }[]>(row.params);
    const nDefaults = Number(row.n_defaults);
    const params = raw.map((param, index) => ({
      name: param.name,
      type: param.type,
      hasDefault: index >= raw.length - nDefaults,
      variadic: param.variadic,
    }));
    const routine: Routine = {
      name: String(row.name),
      params,
      volatility: row.volatility === 's' ? 's' : row.volatility === 'i' ? 'i' : 'v',
      returnsSet: row.returns_set === true || row.returns_set === 't',
      returns: row.returns === 'void' ? 'void' : row.returns === 'composite' ? 'composite' : 'scalar',
      callable: params.every((param) => param.name !== ''),
      columns: undefined,
      returnsTable: row.returns_table === null || row.returns_table === undefined ? undefined : String(row.returns_table),
      argTable: row.arg_table === null || row.arg_table === undefined ? undefined : String(row.arg_table),
      rows: Number(row.rows ?? 0),
    };
    if (row.out_columns !== null && row.out_columns !== undefined) {
      routine.columns = new Map(
        parseJson<{ name: string; type: string }[]>(row.out_columns).map((col) => [
          col.name,
          { name: col.name, type: col.type, hasDefault: false, defaultExpr: null },
        ]),
      );
    }
    const list = routines.get(routine.name) ?? [];
    list.push(routine);
    routines.set(routine.name, list);
  }
  const computed = new Map<string, Map<string, Routine>>();
  for (const list of routines.values()) {
    for (const routine of list) {
      // PostgREST: one parameter (others defaulted) of the table's row type, and a result.
      const usable = routine.argTable !== undefined && routine.returns !== 'void' && routine.params.slice(1).every((param) => param.hasDefault);
      if (!usable) continue;
      const byName = computed.get(routine.argTable as string) ?? new Map<string, Routine>();
      byName.set(routine.name, routine);
      computed.set(routine.argTable as string, byName);
    }
  }
  return { schema, relations, foreignKeys, routines, computed };
}
