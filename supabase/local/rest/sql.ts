import { ApiError } from './errors.ts';
import type { Field, Filter, LogicTree, OrderTerm, SelectItem } from './parse.ts';
import type { Column, ForeignKey, Relation, Routine, SchemaCache } from '../server/schemaCache.ts';

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
  /** A computed relationship: the function called with the parent row, instead of the table. */
  via: Routine | undefined;
  /** Many-to-many: the junction table, its columns to the parent and to the target. */
  junction?: { table: string; toParent: [string, string][]; toTarget: [string, string][] } | undefined;
}

/** What one level of the select tree renders to. */
export interface LevelSql {
  select: string;
  where: string[];
  /** `left join lateral …` for spread embeds, appended to the level's from clause. */
  joins: string;
  /** ` group by …` when the level has aggregates, else ''. */
  groupBy: string;
}

export interface BuilderOptions {
  /** PostgREST's db-aggregates-enabled: aggregates in select= answer PGRST123 unless true. */
  aggregatesEnabled: boolean;
}

const aggregatesDisabled = (): ApiError => new ApiError(400, 'PGRST123', 'Use of aggregate functions is not allowed');

export class QueryBuilder {
  readonly params = new Params();
  private aliasCounter = 1; // t0 is the root level
  private readonly cache: SchemaCache;
  private readonly levels: Map<string, LevelOptions>;
  private readonly used = new Set<string>();
  private readonly options: BuilderOptions;

  constructor(cache: SchemaCache, levels: Map<string, LevelOptions>, options: BuilderOptions = { aggregatesEnabled: false }) {
    this.cache = cache;
    this.levels = levels;
    this.options = options;
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

  /** A computed field of the source: a function taking the source's row type (not a relationship). */
  private computedField(source: Source, name: string): Routine | undefined {
    if (source.embedFrom === undefined) return undefined;
    const routine = this.cache.computed.get(source.embedFrom)?.get(name);
    return routine !== undefined && routine.returnsTable === undefined ? routine : undefined;
  }

  /** `"public"."fn"("t0"::"public"."table")`: the cast makes an RPC's or a mutation's rows fit the parameter. */
  private callWithRow(routine: Routine, source: Source, alias: string): string {
    const schema = ident(this.cache.schema);
    return `${schema}.${ident(routine.name)}(${ident(alias)}::${schema}.${ident(source.embedFrom as string)})`;
  }

  column(source: Source, alias: string, field: Field): string {
    let sql: string;
    if (source.columns?.has(field.name)) sql = `${ident(alias)}.${ident(field.name)}`;
    else {
      const computed = this.computedField(source, field.name);
      if (computed === undefined) throw new ApiError(400, '42703', `column ${source.name}.${field.name} does not exist`);
      sql = this.callWithRow(computed, source, alias);
    }
    for (const step of field.path) {
      const key = /^-?\d+$/.test(step.key) ? `${this.params.add(step.key)}::int` : `${this.params.add(step.key)}::text`;
      sql = `${sql}${step.arrow}${key}`;
    }
    return sql;
  }

  private operator(source: Source, alias: string, filter: Filter): string {
    const column = this.column(source, alias, filter.field);
    const value = filter.value;
    if (filter.quantifier !== undefined) {
      // The array literal is one bound parameter; Postgres infers its element type from the column.
      const sqlOp = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=', like: 'like', ilike: 'ilike', match: '~', imatch: '~*' }[filter.op as string];
      const literal = filter.op === 'like' || filter.op === 'ilike' ? String(value).replaceAll('*', '%') : String(value);
      return `${column} ${sqlOp} ${filter.quantifier}(${this.params.add(literal)})`;
    }
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
    const computed = parent === undefined ? undefined : this.cache.computed.get(parent)?.get(name);
    const computedTarget = computed?.returnsTable === undefined ? undefined : this.cache.relations.get(computed.returnsTable);
    if (computed !== undefined && computedTarget !== undefined) {
      // A computed relationship: `returns setof t rows 1` or `returns t` is to-one, as in PostgREST.
      return { target: computedTarget, toOne: !computed.returnsSet || computed.rows === 1, on: [], via: computed };
    }
    if (parent !== undefined) {
      const target = this.cache.relations.get(name);
      if (target) {
        for (const fk of fks) {
          if (fk.table === parent && fk.refTable === name && matchesHint(fk, fk.columns)) {
            found.push({ target, toOne: true, on: fk.refColumns.map((col, i) => [col, fk.columns[i] as string]), via: undefined });
          } else if (fk.table === name && fk.refTable === parent && matchesHint(fk, fk.columns)) {
            const toOne = target.primaryKey.length > 0 && [...target.primaryKey].sort().join() === [...fk.columns].sort().join();
            found.push({ target, toOne, on: fk.columns.map((col, i) => [col, fk.refColumns[i] as string]), via: undefined });
          }
        }
      } else {
        // `owner:user_id(*)` or `fk_name(*)`: embed through a foreign key of the parent.
        for (const fk of fks) {
          if (fk.table === parent && (fk.name === name || (fk.columns.length === 1 && fk.columns[0] === name))) {
            const ref = this.cache.relations.get(fk.refTable);
            if (ref) found.push({ target: ref, toOne: true, on: fk.refColumns.map((col, i) => [col, fk.columns[i] as string]), via: undefined });
          }
        }
      }
    }
    // Many-to-many through a junction table whose primary key holds its keys to both
    // sides, as PostgREST detects it; only when no foreign key joins the two directly.
    if (found.length === 0 && parent !== undefined) {
      const target = this.cache.relations.get(name);
      for (const junction of target === undefined ? [] : this.cache.relations.values()) {
        if (junction.name === parent || junction.name === name || (hint !== undefined && hint !== junction.name)) continue;
        const inKey = (fk: ForeignKey): boolean => fk.columns.every((col) => junction.primaryKey.includes(col));
        const toParent = fks.filter((fk) => fk.table === junction.name && fk.refTable === parent && inKey(fk));
        const toTarget = fks.filter((fk) => fk.table === junction.name && fk.refTable === name && inKey(fk));
        for (const a of toParent) {
          for (const b of toTarget) {
            if (a === b) continue;
            found.push({
              target: target as Relation,
              toOne: false,
              on: [],
              via: undefined,
              junction: {
                table: junction.name,
                toParent: a.columns.map((col, i) => [col, a.refColumns[i] as string]),
                toTarget: b.columns.map((col, i) => [col, b.refColumns[i] as string]),
              },
            });
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
    // PostgREST lists every candidate: cardinality, "<parent> with <child>" and the constraint used.
    const cols = (table: string, columns: string[]): string => `${table}(${columns.join(', ')})`;
    const candidates = found.map((rel) => {
      const fk = rel.junction === undefined ? this.foreignKeyOf(source.embedFrom as string, rel) : undefined;
      const cardinality = rel.junction !== undefined ? 'many-to-many' : rel.toOne ? (fk?.table === name ? 'one-to-one' : 'many-to-one') : 'one-to-many';
      const relationship = rel.junction !== undefined
        ? `${rel.junction.table} using ${cols(rel.junction.table, rel.junction.toParent.map(([j]) => j))} and ${cols(rel.junction.table, rel.junction.toTarget.map(([j]) => j))}`
        : fk === undefined ? '' : `${fk.name} using ${cols(fk.table, fk.columns)} and ${cols(fk.refTable, fk.refColumns)}`;
      return { hintName: rel.junction?.table ?? fk?.name ?? '', detail: { cardinality, embedding: `${source.name} with ${name}`, relationship } };
    }).sort((a, b) => a.hintName.localeCompare(b.hintName));
    throw new ApiError(300, 'PGRST201', `Could not embed because more than one relationship was found for '${source.name}' and '${name}'`, {
      details: candidates.map((candidate) => candidate.detail),
      hint: `Try changing '${name}' to one of the following: ${candidates.map((candidate) => `'${name}!${candidate.hintName}'`).join(', ')}. Find the desired relationship in the 'details' key.`,
    });
  }

  /** The foreign key a direct relationship follows (for PGRST201's details). */
  private foreignKeyOf(parent: string, rel: Relationship): ForeignKey | undefined {
    const target = rel.target.name;
    const pairs = rel.on.map(([t, p]) => `${t}=${p}`).join();
    return this.cache.foreignKeys.find((fk) =>
      (fk.table === parent && fk.refTable === target && fk.refColumns.map((col, i) => `${col}=${fk.columns[i]}`).join() === pairs) ||
      (fk.table === target && fk.refTable === parent && fk.columns.map((col, i) => `${col}=${fk.refColumns[i]}`).join() === pairs));
  }

  /** The keys a level's items produce in its JSON rows, for spreading them into the parent. */
  private outputNames(source: Source, items: SelectItem[]): string[] {
    return items.flatMap((item): string[] => {
      switch (item.kind) {
        case 'star': return [...(source.columns?.keys() ?? [])];
        case 'column': return [item.alias ?? item.field.path.at(-1)?.key ?? item.field.name];
        case 'aggregate': return [item.alias ?? item.fn];
        case 'embed': {
          if (!item.spread) return [item.alias ?? item.name];
          const rel = this.relationship(source, item.name, item.hint);
          return this.outputNames(relationSource(rel.target), item.select);
        }
      }
    });
  }

  private aggregate(source: Source, alias: string, item: Extract<SelectItem, { kind: 'aggregate' }>): string {
    if (!this.options.aggregatesEnabled) throw aggregatesDisabled();
    let input = item.field === undefined ? '*' : this.column(source, alias, item.field);
    if (item.inputCast !== undefined) input = `(${input})::${item.inputCast}`;
    const expr = `${item.fn}(${input})`;
    return item.cast === undefined ? expr : `(${expr})::${item.cast}`;
  }

  /**
   * Renders one level: its select list, its where conditions (filters, plus
   * `exists` for `!inner` embeds), lateral joins for spread embeds and, when
   * it has aggregates, a group by over every other selected expression (as
   * PostgREST groups automatically). `path` names the level for embedded filters.
   */
  levelSql(source: Source, alias: string, items: SelectItem[], path: string, applyFilters = true): LevelSql {
    const options = this.level(path);
    const aggregating = items.some((item) => item.kind === 'aggregate');
    if (aggregating && !this.options.aggregatesEnabled) throw aggregatesDisabled();
    const columns: string[] = [];
    const grouped: string[] = [];
    const joins: string[] = [];
    const embedExists = new Map<string, string>();
    const where: string[] = [];
    const plain = (expr: string, name: string): void => {
      columns.push(`${expr} as ${ident(name)}`);
      grouped.push(expr);
    };
    for (const item of items) {
      if (item.kind === 'star') {
        if (!aggregating) columns.push(`${ident(alias)}.*`);
        else for (const name of source.columns?.keys() ?? []) plain(`${ident(alias)}.${ident(name)}`, name);
      } else if (item.kind === 'column') {
        let expr = this.column(source, alias, item.field);
        if (item.cast !== undefined) expr = `(${expr})::${item.cast}`;
        plain(expr, item.alias ?? item.field.path.at(-1)?.key ?? item.field.name);
      } else if (item.kind === 'aggregate') {
        columns.push(`${this.aggregate(source, alias, item)} as ${ident(item.alias ?? item.fn)}`);
      } else {
        const rel = this.relationship(source, item.name, item.hint);
        const label = item.alias ?? item.name;
        const childPath = path === '' ? label : `${path}.${label}`;
        const childAlias = this.nextAlias();
        const childSource = relationSource(rel.target);
        const child = this.levelSql(childSource, childAlias, item.select, childPath);
        const childOptions = this.level(childPath);
        const join = rel.on.map(([t, p]) => `${ident(childAlias)}.${ident(t)} = ${ident(alias)}.${ident(p)}`);
        let junctionJoin = '';
        if (rel.junction !== undefined) {
          const junctionAlias = this.nextAlias();
          const onTarget = rel.junction.toTarget.map(([j, t]) => `${ident(junctionAlias)}.${ident(j)} = ${ident(childAlias)}.${ident(t)}`);
          junctionJoin = ` join ${ident(this.cache.schema)}.${ident(rel.junction.table)} as ${ident(junctionAlias)} on ${onTarget.join(' and ')}`;
          for (const [j, p] of rel.junction.toParent) join.push(`${ident(junctionAlias)}.${ident(j)} = ${ident(alias)}.${ident(p)}`);
        }
        const childWhere = [...join, ...child.where].join(' and ') || 'true';
        const from = `${rel.via === undefined
          ? `${ident(this.cache.schema)}.${ident(rel.target.name)}`
          : this.callWithRow(rel.via, source, alias)} as ${ident(childAlias)}${junctionJoin}${child.joins}`;
        const order = this.orderBy(childSource, childAlias, childOptions.order);
        const rows = `select ${child.select} from ${from} where ${childWhere}${child.groupBy}`;
        if (item.spread) {
          // Spread: the child's keys join the parent row; to-many (v13) gives one array per key.
          const lateral = this.nextAlias();
          const names = this.outputNames(childSource, item.select);
          const body = rel.toOne
            ? `${rows}${order} limit 1`
            : `select ${names.map((name) => `coalesce(json_agg(_s.${ident(name)}), '[]'::json) as ${ident(name)}`).join(', ')} from (${rows}${order}${this.paging(childOptions)}) as _s`;
          joins.push(` left join lateral (${body}) as ${ident(lateral)} on true`);
          for (const name of names) {
            const expr = `${ident(lateral)}.${ident(name)}`;
            if (rel.toOne || !aggregating) plain(expr, name);
            else columns.push(`${expr} as ${ident(name)}`);
          }
        } else {
          // json has no equality operator: a grouped level embeds jsonb so it can group by it.
          const type = aggregating ? 'jsonb' : 'json';
          const expr = rel.toOne
            ? `(select to_${type}(_e) from (${rows} limit 1) as _e)`
            : `coalesce((select ${type}_agg(_e) from (${rows}${order}${this.paging(childOptions)}) as _e), '[]'::${type})`;
          plain(expr, label);
        }
        const exists = `exists (select 1 from ${from} where ${childWhere})`;
        embedExists.set(label, exists);
        if (item.inner) where.push(exists);
      }
    }
    if (applyFilters) for (const filter of options.filters) where.push(this.condition(source, alias, filter, embedExists));
    return {
      select: columns.length === 0 ? `${ident(alias)}.*` : columns.join(', '),
      where,
      joins: joins.join(''),
      groupBy: aggregating && grouped.length > 0 ? ` group by ${grouped.join(', ')}` : '',
    };
  }
}
