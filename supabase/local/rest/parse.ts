import { ApiError, parseError } from './errors.ts';

/** `col`, `col->key`, `col->0->>key`: a column and an optional JSON path. */
export interface Field {
  name: string;
  path: { arrow: '->' | '->>'; key: string }[];
}

export type SelectItem =
  | { kind: 'star' }
  | { kind: 'column'; field: Field; alias: string | undefined; cast: string | undefined }
  | {
      kind: 'embed';
      name: string;
      alias: string | undefined;
      hint: string | undefined;
      inner: boolean;
      /** `...relation(cols)`: the embed's columns are merged into the parent row. */
      spread: boolean;
      select: SelectItem[];
    }
  | {
      /** `amount.sum()`, `count()`, `amount::int.avg()::text`: PostgREST's aggregate functions. */
      kind: 'aggregate';
      fn: AggregateFunction;
      /** The aggregated column; undefined for `count()` (`count(*)`). */
      field: Field | undefined;
      /** Cast of the column before it is aggregated (`amount::int.sum()`). */
      inputCast: string | undefined;
      alias: string | undefined;
      /** Cast of the result (`amount.sum()::text`). */
      cast: string | undefined;
    };

export const aggregateFunctions = ['count', 'sum', 'avg', 'max', 'min'] as const;
export type AggregateFunction = (typeof aggregateFunctions)[number];

export const operators = [
  'eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'match', 'imatch', 'is', 'isdistinct', 'in',
  'cs', 'cd', 'ov', 'sl', 'sr', 'nxr', 'nxl', 'adj', 'fts', 'plfts', 'phfts', 'wfts',
] as const;
export type Operator = (typeof operators)[number];

export interface Filter {
  kind: 'filter';
  field: Field;
  negate: boolean;
  op: Operator;
  /** The raw value; a list for `in`. */
  value: string | string[];
  /** Text search configuration, `fts(english)`. */
  language: string | undefined;
  /** `like(any).{a*,b*}`, `eq(all).{1,2}`: the operator against any or all items of an array literal. */
  quantifier?: 'any' | 'all' | undefined;
}

/** Operators PostgREST lets take `(any)`/`(all)`. */
const quantifiable = new Set(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like', 'ilike', 'match', 'imatch']);

export interface LogicTree {
  kind: 'logic';
  op: 'and' | 'or';
  negate: boolean;
  children: (Filter | LogicTree)[];
}

export interface OrderTerm {
  field: Field;
  descending: boolean;
  nulls: 'first' | 'last' | undefined;
}

/** Splits on `separator` outside double quotes and parentheses. */
export function splitTopLevel(input: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] as string;
    if (quoted) {
      current += ch;
      if (ch === '\\' && i + 1 < input.length) current += input[++i];
      else if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (ch === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

// Letters of any script, digits, `_`, `$` and spaces, as PostgREST's field names; `"…"` quotes anything else.
const namePattern = /^[\p{L}\p{N}_$ ]+$/u;

function unquote(raw: string): string | undefined {
  if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) {
    return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return undefined;
}

function parseName(raw: string, parameter: string, whole: string): string {
  const trimmed = raw.trim();
  const quoted = unquote(trimmed);
  if (quoted !== undefined && quoted !== '') return quoted;
  if (!namePattern.test(trimmed)) {
    throw parseError(parameter, whole, `unexpected identifier ${JSON.stringify(trimmed.slice(0, 100))}`);
  }
  return trimmed;
}

/** Parses `col->a->>b` (arrows may be followed by quoted or bare keys). */
export function parseField(raw: string, parameter: string, whole: string): Field {
  const pieces = raw.split(/(->>|->)/);
  const name = parseName(pieces[0] ?? '', parameter, whole);
  const path: Field['path'] = [];
  for (let i = 1; i < pieces.length; i += 2) {
    const arrow = pieces[i] as '->' | '->>';
    const key = parseName(pieces[i + 1] ?? '', parameter, whole);
    path.push({ arrow, key });
  }
  return { name, path };
}

/** Types a `::cast` may name; anything else is refused before it reaches SQL. */
export const allowedCasts = new Set([
  'text', 'varchar', 'char', 'int', 'int2', 'int4', 'int8', 'integer', 'smallint', 'bigint', 'numeric',
  'float4', 'float8', 'real', 'double precision', 'bool', 'boolean', 'json', 'jsonb', 'date', 'time',
  'timestamp', 'timestamptz', 'interval', 'uuid',
]);

function parseSelectItem(raw: string, whole: string): SelectItem {
  const item = raw.trim();
  if (item === '*') return { kind: 'star' };
  if (item === '') throw parseError('select', whole, 'empty select item');
  // alias: may only appear before the first '(' or '::'
  let alias: string | undefined;
  let rest = item;
  const paren = item.indexOf('(');
  const colon = item.search(/:(?!:)/);
  if (colon > 0 && (paren === -1 || colon < paren) && item[colon - 1] !== ':') {
    const candidate = item.slice(0, colon);
    if (!candidate.includes('->')) {
      alias = parseName(candidate, 'select', whole);
      rest = item.slice(colon + 1).trim();
    }
  }
  const aggregate = /^(?:(.+)\.)?(count|sum|avg|max|min)\(\)(?:::(.+))?$/s.exec(rest);
  if (aggregate) return parseAggregate(aggregate, alias, whole);
  let spread = false;
  if (rest.startsWith('...')) {
    if (alias !== undefined) throw parseError('select', whole, 'a spread embed cannot have an alias');
    spread = true;
    rest = rest.slice(3);
    if (!rest.includes('(')) throw parseError('select', whole, 'a spread needs an embedded resource: ...relation(columns)');
  }
  const open = rest.indexOf('(');
  if (open !== -1) {
    if (!rest.endsWith(')')) throw parseError('select', whole, `unexpected ${JSON.stringify(rest)}`);
    const head = rest.slice(0, open);
    const inside = rest.slice(open + 1, -1);
    const [nameRaw = '', ...modifiers] = head.split('!');
    const name = parseName(nameRaw, 'select', whole);
    let inner = false;
    let hint: string | undefined;
    for (const modifier of modifiers) {
      const m = modifier.trim();
      if (m === 'inner') inner = true;
      else if (m === 'left') inner = false;
      else if (hint === undefined) hint = parseName(m, 'select', whole);
      else throw parseError('select', whole, `unexpected modifier ${JSON.stringify(m)}`);
    }
    return { kind: 'embed', name, alias, hint, inner, spread, select: parseSelect(inside === '' ? '*' : inside, whole) };
  }
  let cast: string | undefined;
  const castAt = rest.indexOf('::');
  if (castAt !== -1) {
    cast = parseCast(rest.slice(castAt + 2), whole);
    rest = rest.slice(0, castAt);
  }
  return { kind: 'column', field: parseField(rest, 'select', whole), alias, cast };
}

function parseCast(raw: string, whole: string): string {
  const cast = raw.trim().toLowerCase();
  if (!allowedCasts.has(cast)) throw parseError('select', whole, `unsupported cast ${JSON.stringify(cast.slice(0, 50))}`);
  return cast;
}

function parseAggregate(match: RegExpExecArray, alias: string | undefined, whole: string): SelectItem {
  const fn = match[2] as AggregateFunction;
  const cast = match[3] === undefined ? undefined : parseCast(match[3], whole);
  let column = match[1];
  if (column === undefined) {
    if (fn !== 'count') throw parseError('select', whole, `${fn}() needs a column: column.${fn}()`);
    return { kind: 'aggregate', fn, field: undefined, inputCast: undefined, alias, cast };
  }
  let inputCast: string | undefined;
  const castAt = column.indexOf('::');
  if (castAt !== -1) {
    inputCast = parseCast(column.slice(castAt + 2), whole);
    column = column.slice(0, castAt);
  }
  return { kind: 'aggregate', fn, field: parseField(column, 'select', whole), inputCast, alias, cast };
}

/** Longest `select=` (characters), deepest embedding and most embeds one request may ask for. */
export const MAX_SELECT_LENGTH = 4096;
export const MAX_EMBED_DEPTH = 6;
export const MAX_EMBEDS = 30;
/** Deepest `and(…)`/`or(…)` nesting in one logic parameter. */
export const MAX_LOGIC_DEPTH = 10;

/**
 * One linear pass over a parenthesised parameter before the recursive parser
 * runs: each level re-scans its part of the string, so a 15 kB select nested
 * thousands deep cost hundreds of milliseconds of event loop. Returns the
 * deepest nesting and the number of opening parentheses.
 */
function measureNesting(value: string, parameter: string, whole: string): { depth: number; opens: number } {
  let depth = 0;
  let deepest = 0;
  let opens = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (quoted) {
      if (ch === '\\') i++;
      else if (ch === '"') quoted = false;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '(') {
      depth++;
      opens++;
      if (depth > deepest) deepest = depth;
    } else if (ch === ')') {
      depth--;
      if (depth < 0) break;
    }
  }
  if (depth !== 0) throw parseError(parameter, whole, 'unbalanced parentheses');
  return { depth: deepest, opens };
}

function tooComplex(parameter: string, whole: string, details: string): ApiError {
  return new ApiError(400, 'PGRST100', `"failed to parse ${parameter} parameter (${whole.slice(0, 100)}${whole.length > 100 ? '…' : ''})"`, {
    details,
    hint: 'Ask for fewer columns and embedded resources in one request.',
  });
}

/** Parses PostgREST's `select=` grammar (columns, aliases, casts, JSON paths, embeds). */
export function parseSelect(value: string, whole = value): SelectItem[] {
  if (value === whole) {
    if (value.length > MAX_SELECT_LENGTH) throw tooComplex('select', whole, `select longer than ${MAX_SELECT_LENGTH} characters`);
    const { depth, opens } = measureNesting(value, 'select', whole);
    if (depth > MAX_EMBED_DEPTH) throw tooComplex('select', whole, `embedding deeper than ${MAX_EMBED_DEPTH} levels`);
    if (opens > MAX_EMBEDS) throw tooComplex('select', whole, `more than ${MAX_EMBEDS} embedded resources`);
  }
  return splitTopLevel(value, ',').map((part) => parseSelectItem(part, whole));
}

function parseList(raw: string, parameter: string, whole: string): string[] {
  if (!raw.startsWith('(') || !raw.endsWith(')')) throw parseError(parameter, whole, 'expected a list in parentheses');
  const inside = raw.slice(1, -1);
  if (inside.trim() === '') return [];
  return splitTopLevel(inside, ',').map((item) => {
    const trimmed = item.trim();
    return unquote(trimmed) ?? trimmed;
  });
}

/** Parses an operation such as `not.eq.5`, `in.(1,2)`, `fts(english).cat`. */
export function parseOperation(field: Field, raw: string, parameter: string, whole: string): Filter {
  let rest = raw;
  let negate = false;
  if (rest.startsWith('not.')) {
    negate = true;
    rest = rest.slice(4);
  }
  const dot = rest.indexOf('.');
  if (dot === -1) throw parseError(parameter, whole, 'expected operator.value');
  let opRaw = rest.slice(0, dot);
  let value = rest.slice(dot + 1);
  let language: string | undefined;
  const langMatch = /^(fts|plfts|phfts|wfts)\(([a-z_]+)\)$/.exec(opRaw);
  if (langMatch) {
    opRaw = langMatch[1] as string;
    language = langMatch[2];
  }
  let quantifier: 'any' | 'all' | undefined;
  const quantMatch = /^([a-z]+)\((any|all)\)$/.exec(opRaw);
  if (quantMatch && quantifiable.has(quantMatch[1] as string)) {
    opRaw = quantMatch[1] as string;
    quantifier = quantMatch[2] as 'any' | 'all';
    if (!value.startsWith('{') || !value.endsWith('}')) throw parseError(parameter, whole, `${opRaw}(${quantifier}) expects a list in curly braces: {a,b}`);
  }
  if (!(operators as readonly string[]).includes(opRaw)) {
    throw parseError(parameter, whole, `unknown operator ${JSON.stringify(opRaw.slice(0, 30))}`);
  }
  const op = opRaw as Operator;
  if (op === 'in') return { kind: 'filter', field, negate, op, value: parseList(value, parameter, whole), language };
  if (op === 'is' && !['null', 'not_null', 'true', 'false', 'unknown'].includes(value.toLowerCase())) {
    throw parseError(parameter, whole, 'is accepts null, not_null, true, false or unknown');
  }
  if (op === 'ov' && value.startsWith('(') && value.endsWith(')')) value = `{${value.slice(1, -1)}}`;
  const unquoted = quantifier === undefined ? (unquote(value) ?? value) : value;
  checkPattern(op, unquoted, parameter);
  return { kind: 'filter', field, negate, op, value: unquoted, language, quantifier };
}

/** Longest `match`/`imatch` regular expression, in characters. */
export const MAX_REGEX_LENGTH = 100;
/** Longest `like`/`ilike` pattern, in characters, and most wildcards in it. */
export const MAX_LIKE_LENGTH = 200;
export const MAX_LIKE_WILDCARDS = 10;

/**
 * Postgres matches regular expressions with back-references by backtracking,
 * so `(.*)(.*)(.*)(.*)\1\2\3\4` takes seconds per row; on PGlite that is the
 * whole server. Back-references (`\1`–`\9`) and long patterns are refused
 * before they reach SQL, as hosted PostgREST deployments bound them in a
 * pre-request check; `like` patterns are bounded in length and wildcards.
 */
function checkPattern(op: Operator, value: string, parameter: string): void {
  const refuse = (details: string, hint: string): never => {
    throw new ApiError(400, 'PGRST100', `"failed to parse filter (${parameter})"`, { details, hint });
  };
  if (op === 'match' || op === 'imatch') {
    if ([...value].length > MAX_REGEX_LENGTH) {
      refuse(`regular expression longer than ${MAX_REGEX_LENGTH} characters`, 'Use a shorter pattern.');
    }
    if (/\\[1-9]/.test(value)) refuse('back-references are not allowed in regular expressions', 'Remove \\1…\\9 from the pattern.');
  }
  if (op === 'like' || op === 'ilike') {
    if ([...value].length > MAX_LIKE_LENGTH) refuse(`pattern longer than ${MAX_LIKE_LENGTH} characters`, 'Use a shorter pattern.');
    if ((value.match(/[*%]/g) ?? []).length > MAX_LIKE_WILDCARDS) {
      refuse(`more than ${MAX_LIKE_WILDCARDS} wildcards in the pattern`, 'Use fewer * or % wildcards.');
    }
  }
}

/** Parses `(a.eq.1,or(b.gt.2,c.is.null))` for the key `or`, `and`, `not.or` or `not.and`. */
export function parseLogic(op: 'and' | 'or', negate: boolean, raw: string, parameter: string, whole: string): LogicTree {
  if (!raw.startsWith('(') || !raw.endsWith(')')) throw parseError(parameter, whole, 'expected a parenthesised list');
  if (raw === whole && measureNesting(raw, parameter, whole).depth > MAX_LOGIC_DEPTH) {
    throw tooComplex(parameter, whole, `logic nested deeper than ${MAX_LOGIC_DEPTH} levels`);
  }
  const children = splitTopLevel(raw.slice(1, -1), ',').map((part): Filter | LogicTree => {
    const item = part.trim();
    const nested = /^(not\.)?(and|or)(\(.*\))$/s.exec(item);
    if (nested) return parseLogic(nested[2] as 'and' | 'or', nested[1] !== undefined, nested[3] as string, parameter, whole);
    const dot = item.indexOf('.');
    if (dot <= 0) throw parseError(parameter, whole, `expected field.operator.value in ${JSON.stringify(item.slice(0, 50))}`);
    return parseOperation(parseField(item.slice(0, dot), parameter, whole), item.slice(dot + 1), parameter, whole);
  });
  return { kind: 'logic', op, negate, children };
}

/** Parses `order=col.desc.nullslast,other`. */
export function parseOrder(value: string): OrderTerm[] {
  return splitTopLevel(value, ',').map((term) => {
    const pieces = term.trim().split('.');
    const field = parseField(pieces[0] ?? '', 'order', value);
    let descending = false;
    let nulls: OrderTerm['nulls'];
    for (const modifier of pieces.slice(1)) {
      if (modifier === 'asc') descending = false;
      else if (modifier === 'desc') descending = true;
      else if (modifier === 'nullsfirst') nulls = 'first';
      else if (modifier === 'nullslast') nulls = 'last';
      else throw parseError('order', value, `unexpected ${JSON.stringify(modifier.slice(0, 30))}`);
    }
    return { field, descending, nulls };
  });
}

/** A non-negative integer for `limit`/`offset`. */
export function parseCount(parameter: string, value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw parseError(parameter, value, 'expected a non-negative integer');
  return Number(value);
}
