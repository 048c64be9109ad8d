import type { Query } from './database.ts';

/**
 * PostgREST's in-database configuration: the `pgrst.*` settings of the
 * authenticator role (`alter role authenticator [in database d] set
 * pgrst.db_pre_request = '…'`), a database-specific setting winning over the
 * role's global one, keys without the `pgrst.` prefix. PostgREST reads them
 * at start and on `NOTIFY pgrst, 'reload config'`, and they override its
 * config file and environment; hosted Supabase is configured this way.
 *
 * @example
 *   const config = await db.transaction(readInDatabaseConfig, { readOnly: true });
 *   config.get('db_pre_request'); // 'private.check_request'
 */
export async function readInDatabaseConfig(query: Query): Promise<Map<string, string>> {
  const { rows } = await query(
    `with role_setting as (
       select s.setdatabase as database, unnest(s.setconfig) as setting
       from pg_catalog.pg_db_role_setting s
       join pg_catalog.pg_roles r on r.oid = s.setrole
       where r.rolname = 'authenticator'
         and s.setdatabase in (0, (select d.oid from pg_catalog.pg_database d where d.datname = current_database()))
     ), kv as (
       select database, substr(setting, 1, strpos(setting, '=') - 1) as k, substr(setting, strpos(setting, '=') + 1) as v
       from role_setting
     )
     select distinct on (k) substr(k, 7) as key, v as value
     from kv where k like 'pgrst.%'
     order by k, database desc`,
  );
  return new Map((rows as { key: string; value: string }[]).map((row) => [row.key, row.value]));
}
