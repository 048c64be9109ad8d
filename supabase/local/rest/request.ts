import type { IncomingMessage } from 'node:http';
import { ApiError, parseError } from './errors.ts';
import { parseCount, parseLogic, parseOperation, parseField, parseOrder } from './parse.ts';
import { emptyLevel, type LevelOptions } from './sql.ts';

/** The `Prefer` header, as PostgREST reads it. */
export interface Preferences {
  return: 'minimal' | 'representation' | 'headers-only' | undefined;
  count: 'exact' | 'planned' | 'estimated' | undefined;
  resolution: 'merge-duplicates' | 'ignore-duplicates' | undefined;
  missing: 'default' | 'null' | undefined;
  params: 'single-object' | undefined;
  handling: 'strict' | 'lenient' | undefined;
  /** With handling=strict, PATCH/DELETE affecting more rows fail with PGRST124 and roll back. */
  'max-affected': number | undefined;
}

const preferenceValues: Record<string, readonly string[]> = {
  return: ['minimal', 'representation', 'headers-only'],
  count: ['exact', 'planned', 'estimated'],
  resolution: ['merge-duplicates', 'ignore-duplicates'],
  missing: ['default', 'null'],
  params: ['single-object'],
  handling: ['strict', 'lenient'],
};

/**
 * Reads every `Prefer` header. Unknown preferences are ignored
 * (handling=lenient, the default) or, with handling=strict, refused with
 * 400 PGRST122 naming them, as PostgREST does.
 */
export function parsePrefer(req: IncomingMessage): Preferences {
  const prefs: Preferences = {
    return: undefined, count: undefined, resolution: undefined, missing: undefined, params: undefined,
    handling: undefined, 'max-affected': undefined,
  };
  const raw = req.headers.prefer;
  const tokens = (Array.isArray(raw) ? raw.join(',') : raw ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
  const invalid: string[] = [];
  for (const token of tokens) {
    const [key = '', value = ''] = token.split('=').map((part) => part.trim());
    if (key === 'max-affected' && /^\d{1,15}$/.test(value)) prefs['max-affected'] = Number(value);
    else if (preferenceValues[key]?.includes(value)) (prefs as unknown as Record<string, string>)[key] = value;
    // `timezone` and `tx` are PostgREST preferences this stack does not apply; strict mode names them too.
    else invalid.push(token);
  }
  if (prefs.handling === 'strict' && invalid.length > 0) {
    throw new ApiError(400, 'PGRST122', 'Invalid preferences given with handling=strict', {
      details: `Invalid preferences: ${invalid.join(', ')}`,
    });
  }
  return prefs;
}

/** PostgREST's order of preferences in `Preference-Applied` (Preferences.hs). */
const appliedOrder: (keyof Preferences)[] = ['resolution', 'missing', 'return', 'params', 'count', 'handling', 'max-affected'];

/** The `Preference-Applied` header PostgREST sends back: the `applied` ones, and `handling` whenever given. */
export function preferenceApplied(prefs: Preferences, applied: (keyof Preferences)[]): Record<string, string> {
  const parts = appliedOrder
    .filter((key) => prefs[key] !== undefined && (key === 'handling' || applied.includes(key)))
    .map((key) => `${key}=${String(prefs[key])}`);
  return parts.length === 0 ? {} : { 'Preference-Applied': parts.join(', ') };
}

/** Whether the client asked for one object (`.single()`) or an array. */
export function acceptedShape(req: IncomingMessage): 'object' | 'array' {
  const accept = req.headers.accept;
  if (accept === undefined || accept.trim() === '') return 'array';
  if (accept.includes('application/vnd.pgrst.object+json')) return 'object';
  if (/(^|,|\s)(\*\/\*|application\/json|application\/\*|application\/vnd\.pgrst\.array\+json)/.test(accept)) return 'array';
  throw new ApiError(406, 'PGRST107', `None of these media types are available: ${accept.slice(0, 200)}`);
}

/** `Accept: application/vnd.pgrst.(array|object)+json;nulls=stripped` (supabase-js `.stripNulls()`). */
export function acceptsStrippedNulls(req: IncomingMessage): boolean {
  return /application\/vnd\.pgrst\.(array|object)\+json\s*;\s*nulls=stripped/i.test(req.headers.accept ?? '');
}

/** The Content-Type PostgREST answers for a JSON body of this shape. */
export function jsonContentType(shape: 'object' | 'array', stripNulls: boolean): string {
  if (shape === 'object') return `application/vnd.pgrst.object+json${stripNulls ? ';nulls=stripped' : ''}; charset=utf-8`;
  return stripNulls ? 'application/vnd.pgrst.array+json;nulls=stripped; charset=utf-8' : 'application/json; charset=utf-8';
}

/** Query parameters that are not filters. */
const reserved = new Set(['select', 'columns', 'on_conflict']);

/**
 * Routes every query parameter to the level of the select tree it filters:
 * `name=eq.x` to the root, `authors.name=eq.x` to the `authors` embed, plus
 * `order`, `limit`, `offset`, `or`, `and` at any level. `skip` names
 * parameters consumed elsewhere (RPC arguments).
 */
export function levelsFromQuery(url: URL, skip: Set<string> = new Set()): Map<string, LevelOptions> {
  const levels = new Map<string, LevelOptions>();
  const level = (path: string): LevelOptions => {
    let found = levels.get(path);
    if (!found) {
      found = emptyLevel();
      levels.set(path, found);
    }
    return found;
  };
  level('');
  for (const [key, value] of url.searchParams) {
    if (reserved.has(key) || skip.has(key)) continue;
    const segments = key.split('.');
    const last = segments.at(-1) ?? '';
    if (last === 'order' || last === 'limit' || last === 'offset') {
      const target = level(segments.slice(0, -1).join('.'));
      if (last === 'order') target.order = parseOrder(value);
      else target[last] = parseCount(key, value);
      continue;
    }
    if (last === 'or' || last === 'and') {
      const negate = segments.at(-2) === 'not';
      const path = segments.slice(0, negate ? -2 : -1).join('.');
      level(path).filters.push(parseLogic(last, negate, value, key, value));
      continue;
    }
    const path = segments.slice(0, -1).join('.');
    if (last === '') throw parseError('filter', key, 'empty column name');
    level(path).filters.push(parseOperation(parseField(last, key, key), value, key, `${key}=${value}`));
  }
  return levels;
}

/** `Range: 0-9` (items) → offset/limit; PostgREST honours it on GET only. */
export function rangeHeader(req: IncomingMessage): { offset: number; limit: number | undefined } | undefined {
  const raw = req.headers.range;
  if (raw === undefined) return undefined;
  const match = /^(?:items=)?\s*(\d{1,15})-(\d{0,15})\s*$/.exec(raw);
  if (!match) return undefined;
  const lower = Number(match[1]);
  const upper = match[2] === '' || match[2] === undefined ? undefined : Number(match[2]);
  if (upper !== undefined && upper < lower) {
    throw new ApiError(416, 'PGRST103', 'Requested range not satisfiable', {
      details: 'The lower boundary must be lower than or equal to the upper boundary in the Range header.',
    });
  }
  return { offset: lower, limit: upper === undefined ? undefined : upper - lower + 1 };
}
