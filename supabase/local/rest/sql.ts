import { ApiError } from './errors.ts';
import type { Field, Filter, LogicTree, OrderTerm, SelectItem } from './parse.ts';
import type { Column, ForeignKey, Relation, SchemaCache } from '../server/schemaCache.ts';

/** Quotes an identifier that was already resolved against the schema cache. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Collects bound parameters; every value from a request goes through here. */
export class Params {
  readonly values: (string | null)[] = [];
  add(value: string | null): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Filters, order and paging that apply to one level of the select tree ('' is the root). */
export interface LevelOptions {
  filters: (Filter | LogicTree)[];
  order: OrderTerm[] | undefined;
  limit: number | undefined;
  offset: number | undefined;
}

export const emptyLevel = (): LevelOptions => ({ filters: [], order: undefined, limit: undefined, offset: undefined });

/** The shape a level reads from: a table or view, or a function's result columns. */
export interface Source {
  /** Relation name for messages and for embedding (a table), or the function name. */
  name: string;
  columns: Map<string, Column> | undefined;
  /** Name of the table whose foreign keys embedding may follow, if any. */
  embedFrom: string | undefined;
}

export function relationSource(relation: Relation): Source {
  return { name: relation.name, columns: relation.columns, embedFrom: relation.name };
}

interface Relationship {
  target: Relation;
  toOne: boolean;
  /** pairs of [target column, parent column] */
  on: [string, string][];
}

export class QueryBuilder {
  readonly params = new Params();
  private aliasCounter = 1; // t0 is the root level
  private readonly cache: SchemaCache;
  private readonly levels: Map<string, LevelOptions>;
  private readonly used = new Set<string>();

  constructor(cache: SchemaCache, levels: Map<string, LevelOptions>) {
    this.cache = cache;
    this.levels = levels;
  }

  nextAlias(): string {
    return `t${this.aliasCounter++}`;
  }

  level(path: string): LevelOptions {
    this.used.add(path);
    return this.levels.get(path) ?? emptyLevel();
  }

  /** Query parameters aimed at an embed that the select does not contain (PostgREST's PGRST108). */
  checkUnusedLevels(): void {
    for (const path of this.levels.keys()) {
      if (!this.used.has(path)) {
        throw new ApiError(400, 'PGRST108', `'${path}' is not an embedded resource in this request`, {
          hint: `Verify that '${path}' is included in the 'select' query parameter.`,
        });
      }
    }
  }

  column(source: Source, alias: string, field: Field): string {
    if (!source.columns?.has(field.name)) {
      throw new ApiError(400, '42703', `column ${source.name}.${field.name} does not exist`);
    }
    let sql = `${ident(alias)}.${ident(field.name)}`;
    for (const step of field.path) {
      const key = /^-?\d+$/.test(step.key) ? `${this.params.add(step.key)}::int` : `${this.params.add(step.key)}::text`;
      sql = `${sql}${step.arrow}${key}`;
    }
    return sql;
  }

  private operator(source: Source, alias: string, filter: Filter): string {
    const column = this.column(source, alias, filter.field);
    const value = filter.value;
    const one = (): string => this.params.add(typeof value === 'string' ? value : '');
    switch (filter.op) {
      case 'eq': return `${column} = ${one()}`;
      case 'neq': return `${column} <> ${one()}`;
      case 'gt': return `${column} > ${one()}`;
      case 'gte': return `${column} >= ${one()}`;
      case 'lt': return `${column} < ${one()}`;
      case 'lte': return `${column} <= ${one()}`;
      case 'like': return `${column} like ${this.params.add(String(value).replaceAll('*', '%'))}`;
      case 'ilike': return `${column} ilike ${this.params.add(String(value).replaceAll('*', '%'))}`;
      case 'match': return `${column} ~ ${one()}`;
      case 'imatch': return `${column} ~* ${one()}`;
      case 'isdistinct': return `${column} is distinct from ${one()}`;
      case 'is': {
        const word = String(value).toLowerCase();
        if (word === 'not_null') return `${column} is not null`;
        return `${column} is ${word === 'null' ? 'null' : word === 'true' ? 'true' : word === 'false' ? 'false' : 'unknown'}`;
      }
      case 'in': {
        const list = Array.isArray(value) ? value : [value];
        const literal = `{${list.map((item) => `"${item.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
        return `${column} = any(${this.params.add(literal)})`;
      }
      case 'cs': return `${column} @> ${one()}`;
      case 'cd': return `${column} <@ ${one()}`;
      case 'ov': return `${column} && ${one()}`;
      case 'sl': return `${column} << ${one()}`;
      case 'sr': return `${column} >> ${one()}`;
      case 'nxr': return `${column} &< ${one()}`;
      case 'nxl': return `${column} &> ${one()}`;
      case 'adj': return `${column} -|- ${one()}`;
      case 'fts':
      case 'plfts':
      case 'phfts':
      case 'wfts': {
        const fn = { fts: 'to_tsquery', plfts: 'plainto_tsquery', phfts: 'phraseto_tsquery', wfts: 'websearch_to_tsquery' }[filter.op];
        const type = source.columns?.get(filter.field.name)?.type;
        const lang = filter.language === undefined ? '' : `${this.params.add(filter.language)}::regconfig, `;
        const vector = type === 'tsvector' && filter.field.path.length === 0 ? column : `to_tsvector(${lang}${column})`;
        return `${vector} @@ ${fn}(${lang}${one()})`;
      }
    }
  }

  condition(source: Source, alias: string, node: Filter | LogicTree, embeds: Map<string, string>): string {
    if (node.kind === 'logic') {
      const parts = node.children.map((child) => this.condition(source, alias, child, embeds));
      const joined = parts.length === 0 ? 'true' : `(${parts.join(node.op === 'and' ? ' and ' : ' or ')})`;
      return node.negate ? `not ${joined}` : joined;
    }
    // `?embed=not.is.null` filters parents by the presence of an embedded row.
    const embedExists = embeds.get(node.field.name);
    if (embedExists !== undefined && node.op === 'is' && node.field.path.length === 0) {
      const word = String(node.value).toLowerCase();
      const present = (word === 'not_null') !== node.negate;
      if (word !== 'null' && word !== 'not_null') {
        throw new ApiError(400, 'PGRST120', `Bad operator on the '${node.field.name}' embedded resource`, {
          details: 'Only is null or not is null filters are allowed on embedded resources',
        });
      }
      return word === 'null' ? (present ? `not ${embedExists}` : embedExists) : present ? embedExists : `not ${embedExists}`;
    }
    const sql = this.operator(source, alias, node);
    return node.negate ? `not (${sql})` : sql;
  }

  orderBy(source: Source, alias: string, order: OrderTerm[] | undefined): string {
    if (!order || order.length === 0) return '';
    const terms = order.map((term) => {
      const nulls = term.nulls === undefined ? '' : term.nulls === 'first' ? ' nulls first' : ' nulls last';
      return `${this.column(source, alias, term.field)}${term.descending ? ' desc' : ' asc'}${nulls}`;
    });
    return ` order by ${terms.join(', ')}`;
  }

  paging(options: LevelOptions): string {
    let sql = '';
    if (options.limit !== undefined) sql += ` limit ${this.params.add(String(options.limit))}::bigint`;
    if (options.offset !== undefined) sql += ` offset ${this.params.add(String(options.offset))}::bigint`;
    return sql;
  }

  private relationship(source: Source, name: string, hint: string | undefined): Relationship {
    const parent = source.embedFrom;
    const fks = this.cache.foreignKeys;
    const matchesHint = (fk: ForeignKey, columns: string[]): boolean =>
      hint === undefined || fk.name === hint || columns.includes(hint) || (columns.length === 1 && columns[0] === hint);
    const found: Relationship[] = [];
    if (parent !== undefined) {
      const target = this.cache.relations.get(name);
      if (target) {
        for (const fk of fks) {
          if (fk.table === parent && fk.refTable === name && matchesHint(fk, fk.columns)) {
            found.push({ target, toOne: true, on: fk.refColumns.map((col, i) => [col, fk.columns[i] as string]) });
          } else if (fk.table === name && fk.refTable === parent && matchesHint(fk, fk.columns)) {
            const toOne = target.primaryKey.length > 0 && [...target.primaryKey].sort().join() === [...fk.columns].sort().join();
            found.push({ target, toOne, on: fk.columns.map((col, i) => [col, fk.refColumns[i] as string]) });
          }
        }
      } else {
        // `owner:user_id(*)` or `fk_name(*)`: embed through a foreign key of the parent.
        for (const fk of fks) {
          if (fk.table === parent && (fk.name === name || (fk.columns.length === 1 && fk.columns[0] === name))) {
            const ref = this.cache.relations.get(fk.refTable);
            if (ref) found.push({ target: ref, toOne: true, on: fk.refColumns.map((col, i) => [col, fk.columns[i] as string]) });
          }
        }
      }
    }
    if (found.length === 1) return found[0] as Relationship;
    if (found.length === 0) {
      throw new ApiError(400, 'PGRST200', `Could not find a relationship between '${source.name}' and '${name}' in the schema cache`, {
        details: `Searched for a foreign key relationship between '${source.name}' and '${name}'${hint === undefined ? '' : ` using the hint '${hint}'`} in the schema '${this.cache.schema}', but no matches were found.`,
      });
    }
    throw new ApiError(300, 'PGRST201', `Could not embed because more than one relationship was found for '${source.name}' and '${name}'`, {
      hint: `Try changing '${name}' to one of the following: ${fks
        .filter((fk) => (fk.table === source.embedFrom && fk.refTable === name) || (fk.table === name && fk.refTable === source.embedFrom))
        .map((fk) => `'${name}!${fk.name}'`)
        .join(', ')}. Find the desired relationship in the 'details' key.`,
    });
  }

  /**
   * Renders one level: its select list and its where conditions (filters, plus
   * `exists` for `!inner` embeds). `path` names the level for embedded filters.
   */
  levelSql(
    source: Source,
    alias: string,
    items: SelectItem[],
    path: string,
    applyFilters = true,
  ): { select: string; where: string[] } {
    const options = this.level(path);
    const columns: string[] = [];
    const embedExists = new Map<string, string>();
    const where: string[] = [];
    for (const item of items) {
      if (item.kind === 'star') {
        columns.push(`${ident(alias)}.*`);
      } else if (item.kind === 'column') {
        let expr = this.column(source, alias, item.field);
        if (item.cast !== undefined) expr = `(${expr})::${item.cast}`;
        const last = item.field.path.at(-1);
        columns.push(`${expr} as ${ident(item.alias ?? last?.key ?? item.field.name)}`);
      } else {
        const rel = this.relationship(source, item.name, item.hint);
        const label = item.alias ?? item.name;
        const childPath = path === '' ? label : `${path}.${label}`;
        const childAlias = this.nextAlias();
        const childSource = relationSource(rel.target);
        const child = this.levelSql(childSource, childAlias, item.select, childPath);
        const childOptions = this.level(childPath);
        const join = rel.on.map(([t, p]) => `${ident(childAlias)}.${ident(t)} = ${ident(alias)}.${ident(p)}`);
        const childWhere = [...join, ...child.where].join(' and ');
        const from = `${ident(this.cache.schema)}.${ident(rel.target.name)} as ${ident(childAlias)}`;
        if (rel.toOne) {
          columns.push(`(select row_to_json(_e) from (select ${child.select} from ${from} where ${childWhere} limit 1) as _e) as ${ident(label)}`);
        } else {
          const order = this.orderBy(childSource, childAlias, childOptions.order);
          columns.push(
            `coalesce((select json_agg(_e) from (select ${child.select} from ${from} where ${childWhere}${order}${this.paging(childOptions)}) as _e), '[]'::json) as ${ident(label)}`,
          );
        }
        const exists = `exists (select 1 from ${from} where ${childWhere})`;
        embedExists.set(label, exists);
        if (item.inner) where.push(exists);
      }
    }
    if (applyFilters) for (const filter of options.filters) where.push(this.condition(source, alias, filter, embedExists));
    return { select: columns.length === 0 ? `${ident(alias)}.*` : columns.join(', '), where };
  }
}
