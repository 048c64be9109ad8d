// The local stack reads supabase/config.toml as `supabase start` does, and
// PostgREST's environment variables override it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLocalConfig, parseToml } from '../../../supabase/local/config.ts';

function configFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'zeri-config-')), 'config.toml');
  writeFileSync(file, text);
  return file;
}

describe('loadLocalConfig', () => {
  it('reads the project\'s own config.toml', () => {
    const config = loadLocalConfig(undefined, {});
    expect(config.api).toEqual({ schemas: ['public', 'graphql_public'], extraSearchPath: ['public', 'extensions'], maxRows: 1000, preRequest: undefined });
    expect(config.auth).toEqual({ jwtExpiry: 3600, minimumPasswordLength: 10 });
  });

  it('lets PGRST_DB_SCHEMAS, PGRST_DB_EXTRA_SEARCH_PATH, PGRST_DB_MAX_ROWS and PGRST_DB_PRE_REQUEST override it', () => {
    const config = loadLocalConfig(undefined, {
      PGRST_DB_SCHEMAS: 'api, public',
      PGRST_DB_EXTRA_SEARCH_PATH: 'extensions',
      PGRST_DB_MAX_ROWS: '50',
      PGRST_DB_PRE_REQUEST: 'private.check_request',
    });
    expect(config.api).toEqual({ schemas: ['api', 'public'], extraSearchPath: ['extensions'], maxRows: 50, preRequest: 'private.check_request' });
  });

  it('reads jwt_expiry and minimum_password_length from [auth]', () => {
    const file = configFile('[api]\nschemas = ["public"]\n[auth]\njwt_expiry = 600 # ten minutes\nminimum_password_length = 12\n');
    expect(loadLocalConfig(file, {}).auth).toEqual({ jwtExpiry: 600, minimumPasswordLength: 12 });
  });

  it('refuses what it cannot trust, naming the setting', () => {
    expect(() => loadLocalConfig(undefined, { PGRST_DB_PRE_REQUEST: 'x(); drop table ideas' })).toThrow(/PGRST_DB_PRE_REQUEST/);
    expect(() => loadLocalConfig(undefined, { PGRST_DB_MAX_ROWS: '-1' })).toThrow(/max_rows/);
    expect(() => loadLocalConfig(undefined, { PGRST_DB_SCHEMAS: 'public;drop' })).toThrow(/schemas/);
    expect(() => loadLocalConfig(configFile('[api]\nschemas = {"a" = 1}\n'), {})).toThrow(/line 2/);
  });
});

describe('parseToml', () => {
  it('reads sections, strings, numbers, booleans, string arrays and comments', () => {
    const toml = parseToml('# top\nproject_id = "zeri"\n[db.pooler]\nenabled = false # off\nport = 54329\nurls = ["a", "b"]\n');
    expect(toml.get('')?.get('project_id')).toBe('zeri');
    expect(Object.fromEntries(toml.get('db.pooler') ?? [])).toEqual({ enabled: false, port: 54329, urls: ['a', 'b'] });
  });
});
