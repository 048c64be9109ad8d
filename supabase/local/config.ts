/**
 * The local stack's settings, read from supabase/config.toml as `supabase
 * start` reads them, so there is one place for them; PostgREST's environment
 * variables override the file, as they override a hosted project's settings.
 *
 *   [api] schemas, extra_search_path, max_rows   ← PGRST_DB_SCHEMAS, PGRST_DB_EXTRA_SEARCH_PATH, PGRST_DB_MAX_ROWS
 *   PGRST_DB_PRE_REQUEST                         (no config.toml key; PostgREST's db-pre-request; the
 *                                                authenticator role's pgrst.db_pre_request overrides it,
 *                                                read by stack.ts as PostgREST reads in-database config)
 *   [auth] jwt_expiry, minimum_password_length
 */
import { readFileSync } from 'node:fs';

export interface LocalConfig {
  api: {
    /** The first is the one served (Accept-Profile/Content-Profile may name only it). */
    schemas: string[];
    extraSearchPath: string[];
    /** Rows a read may return at most; undefined for no cap. */
    maxRows: number | undefined;
    /** `schema.function` called before every API request, or undefined. */
    preRequest: string | undefined;
    /** PostgREST's db-aggregates-enabled (PGRST_DB_AGGREGATES_ENABLED); off unless set, as on PostgREST. */
    aggregatesEnabled?: boolean | undefined;
  };
  auth: {
    jwtExpiry: number;
    minimumPasswordLength: number;
  };
}

type TomlValue = string | number | boolean | string[];

/**
 * The part of TOML that config.toml uses: `[section]` headers, `key = value`
 * with strings, integers, booleans and one-line arrays of strings, comments.
 * Anything else is an error naming the line, never a silent default.
 */
export function parseToml(text: string): Map<string, Map<string, TomlValue>> {
  const sections = new Map<string, Map<string, TomlValue>>([['', new Map()]]);
  let current = sections.get('') as Map<string, TomlValue>;
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\s+#.*$/, '').replace(/^#.*$/, '').trim();
    if (line === '') return;
    const header = /^\[([A-Za-z0-9_.-]+)\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1] as string, current);
      return;
    }
    const pair = /^([A-Za-z0-9_-]+)\s*=\s*(.+)$/.exec(line);
    if (!pair) throw new Error(`config.toml line ${index + 1}: cannot read "${raw.trim()}"`);
    current.set(pair[1] as string, tomlValue(pair[2] as string, index + 1));
  });
  return sections;
}

function tomlValue(text: string, line: number): TomlValue {
  if (/^"[^"]*"$/.test(text)) return text.slice(1, -1);
  if (/^-?\d+$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^\[.*\]$/.test(text)) {
    const items = text.slice(1, -1).split(',').map((item) => item.trim()).filter((item) => item !== '');
    if (items.every((item) => /^"[^"]*"$/.test(item))) return items.map((item) => item.slice(1, -1));
  }
  throw new Error(`config.toml line ${line}: unsupported value ${text}`);
}

const identifier = /^[a-z_][a-z0-9_]*$/;
const qualified = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/** Whether `name` is a function name, optionally schema-qualified, safe to quote into SQL. */
export function isFunctionName(name: string): boolean {
  return qualified.test(name);
}

function list(value: string | undefined, fallback: TomlValue | undefined, name: string): string[] {
  const items = value !== undefined ? value.split(',').map((item) => item.trim()).filter((item) => item !== '') : fallback;
  if (!Array.isArray(items) || items.some((item) => !identifier.test(item))) throw new Error(`${name} must be a list of schema names`);
  return items;
}

function positive(value: string | undefined, fallback: TomlValue | undefined, name: string): number | undefined {
  const chosen = value !== undefined && value !== '' ? Number(value) : fallback;
  if (chosen === undefined) return undefined;
  if (typeof chosen !== 'number' || !Number.isInteger(chosen) || chosen < 1) throw new Error(`${name} must be a positive integer`);
  return chosen;
}

/** Reads `file` (supabase/config.toml by default) with `env` overriding it. */
export function loadLocalConfig(
  file: URL | string = new URL('../config.toml', import.meta.url),
  env: Readonly<Record<string, string | undefined>> = process.env,
): LocalConfig {
  const toml = parseToml(readFileSync(file, 'utf8'));
  const api = toml.get('api') ?? new Map<string, TomlValue>();
  const auth = toml.get('auth') ?? new Map<string, TomlValue>();
  const preRequest = env['PGRST_DB_PRE_REQUEST'] || undefined;
  if (preRequest !== undefined && !qualified.test(preRequest)) throw new Error('PGRST_DB_PRE_REQUEST must be a function name, optionally schema-qualified');
  const schemas = list(env['PGRST_DB_SCHEMAS'], api.get('schemas'), '[api] schemas / PGRST_DB_SCHEMAS');
  if (schemas.length === 0) throw new Error('[api] schemas must name at least one schema');
  return {
    api: {
      schemas,
      extraSearchPath: list(env['PGRST_DB_EXTRA_SEARCH_PATH'], api.get('extra_search_path') ?? ['public'], '[api] extra_search_path / PGRST_DB_EXTRA_SEARCH_PATH'),
      maxRows: positive(env['PGRST_DB_MAX_ROWS'], api.get('max_rows'), '[api] max_rows / PGRST_DB_MAX_ROWS'),
      preRequest,
      aggregatesEnabled: env['PGRST_DB_AGGREGATES_ENABLED'] === undefined ? undefined : /^(true|on|yes|1)$/i.test(env['PGRST_DB_AGGREGATES_ENABLED']),
    },
    auth: {
      jwtExpiry: positive(undefined, auth.get('jwt_expiry'), '[auth] jwt_expiry') ?? 3600,
      minimumPasswordLength: positive(undefined, auth.get('minimum_password_length'), '[auth] minimum_password_length') ?? 6,
    },
  };
}
