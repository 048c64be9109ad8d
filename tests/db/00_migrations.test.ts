import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../supabase/local/migrate.ts';
import { announcePostgresHalf, count, useTestDatabase } from './harness.ts';

announcePostgresHalf();
const t = useTestDatabase();

describe('migrations', () => {
  it('record every migration file once and apply nothing on a second run', async () => {
    const applied = await count(t.db, 'select * from supabase_migrations.schema_migrations');
    expect(applied).toBeGreaterThanOrEqual(9);
    await t.db.exec('commit');
    try {
      const again = await migrate(t.db, { seed: true });
      expect(again.applied).toEqual([]);
    } finally {
      await t.db.exec('begin');
    }
  });

  it('refuses a history that holds versions no longer in migrations/, and says to reset', async () => {
    await t.db.exec("insert into supabase_migrations.schema_migrations (version, name) values ('20260601090000', 'foundation')");
    await t.db.exec('commit');
    try {
      await expect(migrate(t.db, { seed: true })).rejects.toThrow(/no longer exist \(20260601090000\).*npm run db:reset/);
    } finally {
      await t.db.exec("delete from supabase_migrations.schema_migrations where version = '20260601090000'");
      await t.db.exec('begin');
    }
  });

  it('seed runs only on the first run: demo users are not duplicated', async () => {
    expect(await count(t.db, "select * from auth.users where email = 'koordinator@zeri.test'")).toBe(1);
    expect(await count(t.db, 'select * from public.ideas')).toBe(24); // 9 moderated demo ideas + 15 from the Lezhë activity lessons
  });

  it('has row level security enabled on every table in public and private', async () => {
    const { rows } = await t.db.query<{ name: string }>(`
      select n.nspname || '.' || c.relname as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname in ('public', 'private') and not c.relrowsecurity`);
    expect(rows.map((row) => row.name)).toEqual([]);
    expect(await count(t.db, "select * from pg_tables where schemaname = 'public'")).toBeGreaterThanOrEqual(15);
  });

  it('gives every security definer function an empty search_path', async () => {
    const { rows } = await t.db.query<{ name: string }>(`
      select n.nspname || '.' || p.proname as name
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ('public', 'private') and p.prosecdef
        and not coalesce(p.proconfig, '{}') @> array['search_path=""']`);
    expect(rows.map((row) => row.name)).toEqual([]);
  });

  it('lets no public function be executed by PUBLIC, and anon only the student and statistics ones', async () => {
    const { rows } = await t.db.query<{ name: string; anon: boolean; everyone: boolean }>(`
      select p.proname as name,
        has_function_privilege('anon', p.oid, 'execute') as anon,
        coalesce(array_to_string(p.proacl, ','), '') ~ '(^|,)=X' as everyone
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' order by 1`);
    expect(rows.filter((row) => row.everyone)).toEqual([]);
    expect(rows.filter((row) => row.anon).map((row) => row.name)).toEqual([
      'ask_about_idea', 'idea_status', 'join_session', 'region_statistics', 'submit_idea', 'withdraw_idea',
    ]);
  });
});

describe('regions', () => {
  const file = new URL('../../content/regions.json', import.meta.url);

  it.skipIf(!existsSync(file))('equal content/regions.json (slugs, names, pilot flags)', async () => {
    const content = JSON.parse(readFileSync(file, 'utf8')) as {
      id: string;
      name: { sq: string; en: string };
      pilot: boolean;
    }[];
    const { rows } = await t.db.query<{ slug: string; name_sq: string; name_en: string; pilot: boolean }>(
      'select slug, name_sq, name_en, pilot from public.regions order by slug',
    );
    const expected = content
      .map((region) => ({ slug: region.id, name_sq: region.name.sq, name_en: region.name.en, pilot: region.pilot }))
      .sort((a, b) => a.slug.localeCompare(b.slug));
    expect(rows).toEqual(expected);
  });

  it('has the four pillars', async () => {
    const { rows } = await t.db.query<{ slug: string }>('select slug from public.pillars order by position');
    expect(rows.map((row) => row.slug)).toEqual(['prosecution', 'protection', 'coordination', 'prevention']);
  });
});
