// The policy matrix: every table and view × every kind of caller × every
// operation, run for real as that caller. Printed as Markdown; written into
// docs/security.md with UPDATE_DOCS=1.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addMemberKukes, attempt, authenticateAs, count, resetRole, sessions, useTestDatabase, users, type Persona } from './harness.ts';

const t = useTestDatabase();

const personas = ['anon', 'teacherKukes', 'teacherLezhe', 'moderatorKukes', 'memberKukes', 'moderatorDurres', 'coordinator', 'service_role'] as const satisfies readonly Persona[];
const labels: Record<(typeof personas)[number], string> = {
  anon: 'anon (public, students)',
  teacherKukes: 'teacher A (Kukës)',
  teacherLezhe: 'teacher B (Lezhë)',
  moderatorKukes: 'officer A (Kukës)',
  memberKukes: 'moderator A2, not officer (Kukës)',
  moderatorDurres: 'moderator B (Durrës)',
  coordinator: 'coordinator',
  service_role: 'service_role',
};

interface Target {
  name: string;
  insert: string | null;
  update: string | null;
  /** Rows a delete may touch without tripping non-cascading foreign keys. */
  deleteWhere: string | null;
  /** Rows that exist behind a view filtered by the caller (as the superuser sees no caller). */
  totalSql?: string;
}

const kukesPlan = 'c0000000-0000-4000-8000-000000000001';
const validIdea = `(session_id, region, theme, text, receipt_hash, publish_consent, idempotency_key)
  values ('${sessions.kukesClass}', 'kukes', 'school', 'Një ide e vlefshme për provë.', repeat('b', 64), true, gen_random_uuid())`;

const targets: Target[] = [
  { name: 'settings', insert: "insert into public.settings (key, value) values ('open_questions_per_idea', '3') on conflict do nothing", update: 'update public.settings set value = value', deleteWhere: "key = 'open_questions_per_idea'" },
  { name: 'regions', insert: "insert into public.regions (slug, name_sq, name_en) values ('provo', 'Provë', 'Test')", update: 'update public.regions set name_sq = name_sq', deleteWhere: "slug = 'vlore'" },
  { name: 'public_holidays', insert: "insert into public.public_holidays (day, name_sq, name_en) values ('2028-01-01', 'Viti i Ri', 'New Year')", update: 'update public.public_holidays set name_sq = name_sq', deleteWhere: 'true' },
  { name: 'pillars', insert: "insert into public.pillars (slug, name_sq, name_en, position) values ('prevention', 'x', 'x', 9) on conflict do nothing", update: 'update public.pillars set name_sq = name_sq', deleteWhere: "slug = 'prosecution'" },
  { name: 'profiles', insert: `insert into public.profiles (id, display_name) values ('${users.bareUser}', 'Bosh')`, update: 'update public.profiles set display_name = display_name', deleteWhere: 'true' },
  { name: 'teachers', insert: `insert into public.teachers (user_id, region, school) values ('${users.plainUser}', 'kukes', 'Shkolla')`, update: 'update public.teachers set school = school', deleteWhere: 'true' },
  { name: 'committee_members', insert: `insert into public.committee_members (user_id, region) values ('${users.plainUser}', 'kukes')`, update: 'update public.committee_members set region = region', deleteWhere: 'true' },
  { name: 'coordinators', insert: `insert into public.coordinators (user_id) values ('${users.plainUser}')`, update: 'update public.coordinators set appointed_at = appointed_at', deleteWhere: 'true' },
  { name: 'plans', insert: "insert into public.plans (region, period_start, period_end, title) values ('kukes', '2028-01-01', '2028-12-31', 'Plan')", update: 'update public.plans set title = title', deleteWhere: 'true' },
  { name: 'plan_objectives', insert: `insert into public.plan_objectives (plan_id, pillar, code, title_sq) values ('${kukesPlan}', 'prevention', 'T.9', 'Objektiv')`, update: 'update public.plan_objectives set title_sq = title_sq', deleteWhere: 'true' },
  { name: 'plan_activities', insert: `insert into public.plan_activities (objective_id, title, responsible_institution) select id, 'Aktivitet', 'Bashkia' from public.plan_objectives where plan_id = '${kukesPlan}' and code = 'P.1'`, update: 'update public.plan_activities set progress = progress', deleteWhere: 'true' },
  { name: 'class_sessions', insert: "insert into public.class_sessions (kind, region, school, grade_band, closes_at) values ('class', 'kukes', 'Shkolla', '10-12', now() + interval '1 hour')", update: 'update public.class_sessions set students_present = students_present', deleteWhere: `id in ('${sessions.lezheClass}', '${sessions.kukesEmptyClass}')` },
  { name: 'ideas', insert: `insert into public.ideas ${validIdea}`, update: 'update public.ideas set status = status', deleteWhere: 'true' },
  { name: 'idea_questions', insert: "insert into public.idea_questions (idea_id, text) select id, 'Pyetje?' from public.ideas where region = 'kukes' limit 1", update: 'update public.idea_questions set answer = answer', deleteWhere: 'true' },
  { name: 'idea_activity_links', insert: "insert into public.idea_activity_links (idea_id, activity_id) select i.id, a.id from public.ideas i, public.plan_activities a where i.status = 'approved' and i.region = 'kukes' and a.status = 'done' limit 1", update: 'update public.idea_activity_links set note = note', deleteWhere: 'true' },
  { name: 'safeguarding_clearances', insert: "insert into public.safeguarding_clearances (idea_id, region, reason) select id, region, 'false_alarm' from public.ideas where region = 'kukes' limit 1", update: "update public.safeguarding_clearances set reason = reason", deleteWhere: 'true' },
  { name: 'referrals', insert: "insert into public.referrals (region, action) values ('kukes', 'school_psychologist')", update: 'update public.referrals set action = action', deleteWhere: 'true' },
  { name: 'moderation_log', insert: "insert into public.moderation_log (action) values ('read')", update: 'update public.moderation_log set action = action', deleteWhere: 'true' },
  { name: 'public_regions', insert: "insert into public.public_regions (slug, name_sq, name_en) values ('provo', 'P', 'P')", update: 'update public.public_regions set name_sq = name_sq', deleteWhere: 'true' },
  { name: 'public_ideas', insert: null, update: 'update public.public_ideas set public_text = public_text', deleteWhere: 'true' },
  { name: 'public_plan_activities', insert: null, update: 'update public.public_plan_activities set title = title', deleteWhere: 'true' },
  { name: 'teacher_session_counts', insert: null, update: null, deleteWhere: null, totalSql: "select * from public.class_sessions where kind = 'class'" },
  { name: 'public_activity_statistics', insert: null, update: 'update public.public_activity_statistics set sessions_run = sessions_run', deleteWhere: 'true' },
  { name: 'public_open_calls', insert: "insert into public.public_open_calls (region, join_code, opens_at, closes_at) values ('kukes', 'ABC234', now(), now() + interval '1 day')", update: 'update public.public_open_calls set closes_at = closes_at', deleteWhere: 'true' },
  { name: 'teacher_session_ideas', insert: null, update: 'update public.teacher_session_ideas set public_text = public_text', deleteWhere: 'true', totalSql: "select * from public.ideas i join public.class_sessions s on s.id = i.session_id where s.kind = 'class' and i.status in ('approved', 'adopted') and i.publish_consent" },
];

type Cell = string;

/** Runs a statement and undoes it whatever happens, so each probe starts from the same data. */
async function probe<T>(sql: string): ReturnType<typeof attempt<T>> {
  await t.db.exec('savepoint probe');
  const result = await attempt<T>(t.db, sql);
  await t.db.exec('rollback to savepoint probe');
  return result;
}

async function classify(sql: string, total: number, affected: (rows: number) => number): Promise<Cell> {
  const result = await probe<{ n: number }>(sql);
  if (!result.ok) {
    if (result.error.code === '42501') return '—';
    if (result.error.message === 'moderation_log_append_only') return 'trigger';
    // A view that is not updatable refuses before privileges are checked.
    if (result.error.code === '55000' || result.error.code === '0A000') return '—';
    throw new Error(`${sql}: ${result.error.code} ${result.error.message}`);
  }
  const n = affected(result.rows[0]?.n ?? 0);
  if (n === 0) return 'none';
  return n >= total ? 'all' : 'some';
}

async function cellsFor(target: Target, persona: Persona): Promise<Cell[]> {
  await resetRole(t.db);
  const total = await count(t.db, target.totalSql ?? `select * from public.${target.name}`);
  const deletable = target.deleteWhere ? await count(t.db, `select * from public.${target.name} where ${target.deleteWhere}`) : 0;
  await authenticateAs(t.db, persona);
  const select = await classify(`select count(*)::int as n from public.${target.name}`, total, (n) => n);
  let insert: Cell = 'n/a';
  if (target.insert) {
    const result = await probe(target.insert);
    if (result.ok) insert = 'yes';
    else if (result.error.code === '42501') insert = '—';
    else if (result.error.code === '55000' || result.error.code === '0A000') insert = '—';
    else throw new Error(`${target.name} insert as ${persona}: ${result.error.code} ${result.error.message}`);
  }
  const wrap = (sql: string) => `with changed as (${sql} returning 1) select count(*)::int as n from changed`;
  const update = target.update ? await classify(wrap(target.update), total, (n) => n) : 'n/a';
  const remove = target.deleteWhere
    ? await classify(wrap(`delete from public.${target.name} where ${target.deleteWhere}`), deletable, (n) => n)
    : 'n/a';
  await resetRole(t.db);
  return [select, insert, update, remove];
}

/** select / insert / update / delete per caller; "—" is a Postgres permission error (42501). */
const expected: Record<string, Record<(typeof personas)[number], string>> = {
  settings: { anon: '— — — —', teacherKukes: 'none — none —', teacherLezhe: 'none — none —', moderatorKukes: 'none — none —', memberKukes: 'none — none —', moderatorDurres: 'none — none —', coordinator: 'all — all —', service_role: 'all yes all all' },
  regions: { anon: 'all — — —', teacherKukes: 'all — — —', teacherLezhe: 'all — — —', moderatorKukes: 'all — — —', memberKukes: 'all — — —', moderatorDurres: 'all — — —', coordinator: 'all — — —', service_role: 'all yes all all' },
  public_holidays: { anon: '— — — —', teacherKukes: 'all — — —', teacherLezhe: 'all — — —', moderatorKukes: 'all — — —', memberKukes: 'all — — —', moderatorDurres: 'all — — —', coordinator: 'all — — —', service_role: 'all yes all all' },
  pillars: { anon: 'all — — —', teacherKukes: 'all — — —', teacherLezhe: 'all — — —', moderatorKukes: 'all — — —', memberKukes: 'all — — —', moderatorDurres: 'all — — —', coordinator: 'all — — —', service_role: 'all yes all all' },
  profiles: { anon: '— — — —', teacherKukes: 'some — some —', teacherLezhe: 'some — some —', moderatorKukes: 'some — some —', memberKukes: 'some — some —', moderatorDurres: 'some — some —', coordinator: 'all — some —', service_role: 'all yes all all' },
  teachers: { anon: '— — — —', teacherKukes: 'some — — none', teacherLezhe: 'some — — none', moderatorKukes: 'some — — none', memberKukes: 'some — — none', moderatorDurres: 'none — — none', coordinator: 'all — — all', service_role: 'all yes all all' },
  committee_members: { anon: '— — — —', teacherKukes: 'none — — —', teacherLezhe: 'none — — —', moderatorKukes: 'some — — —', memberKukes: 'some — — —', moderatorDurres: 'some — — —', coordinator: 'all — — —', service_role: 'all yes all all' },
  coordinators: { anon: '— — — —', teacherKukes: 'none — — —', teacherLezhe: 'none — — —', moderatorKukes: 'none — — —', memberKukes: 'none — — —', moderatorDurres: 'none — — —', coordinator: 'all — — —', service_role: 'all yes all all' },
  plans: { anon: 'all — — —', teacherKukes: 'all — none none', teacherLezhe: 'all — none none', moderatorKukes: 'all — none none', memberKukes: 'all — none none', moderatorDurres: 'all — none none', coordinator: 'all yes all all', service_role: 'all yes all all' },
  // Written only through the logged plan-editor functions (20260601007000_plan_editor.sql).
  plan_objectives: { anon: 'all — — —', teacherKukes: 'all — — —', teacherLezhe: 'all — — —', moderatorKukes: 'all — — —', memberKukes: 'all — — —', moderatorDurres: 'all — — —', coordinator: 'all — — —', service_role: 'all yes all all' },
  plan_activities: { anon: 'all — — —', teacherKukes: 'all — — —', teacherLezhe: 'all — — —', moderatorKukes: 'all — — —', memberKukes: 'all — — —', moderatorDurres: 'all — — —', coordinator: 'all — — —', service_role: 'all yes all all' },
  class_sessions: { anon: '— — — —', teacherKukes: 'some yes some —', teacherLezhe: 'some — some —', moderatorKukes: 'some — none —', memberKukes: 'some — none —', moderatorDurres: 'some — none —', coordinator: 'all — none —', service_role: 'all yes all all' },
  // A flagged idea is left out of every direct read, the officers' and the coordinator's included:
  // its words are read only through moderation_queue (officers) and break_glass_flagged_idea, both logged.
  ideas: { anon: 'some — — —', teacherKukes: 'none — — —', teacherLezhe: 'none — — —', moderatorKukes: 'some — — —', memberKukes: 'some — — —', moderatorDurres: 'some — — —', coordinator: 'some — — —', service_role: 'all yes all all' },
  idea_questions: { anon: '— — — —', teacherKukes: 'none — — —', teacherLezhe: 'none — — —', moderatorKukes: 'all — — —', memberKukes: 'all — — —', moderatorDurres: 'none — — —', coordinator: 'all — — —', service_role: 'all yes all all' },
  idea_activity_links: { anon: 'all — — —', teacherKukes: 'none — — —', teacherLezhe: 'none — — —', moderatorKukes: 'all — — —', memberKukes: 'all — — —', moderatorDurres: 'none — — —', coordinator: 'all — — —', service_role: 'all yes all all' },
  // The seed has no clearance: 16_safeguarding reads them as officer, other region and coordinator.
  safeguarding_clearances: { anon: '— — — —', teacherKukes: 'none — — —', teacherLezhe: 'none — — —', moderatorKukes: 'none — — —', memberKukes: 'none — — —', moderatorDurres: 'none — — —', coordinator: 'none — — —', service_role: 'none — — —' },
  // The seed's one referral is in Kukës; both seeded moderators are their region's safeguarding officer, member A2 is not.
  referrals: { anon: '— — — —', teacherKukes: 'none — — —', teacherLezhe: 'none — — —', moderatorKukes: 'all — — —', memberKukes: 'none — — —', moderatorDurres: 'none — — —', coordinator: 'all — — —', service_role: 'all — — —' },
  moderation_log: { anon: '— — — —', teacherKukes: 'none — — —', teacherLezhe: 'none — — —', moderatorKukes: 'some — — —', memberKukes: 'some — — —', moderatorDurres: 'some — — —', coordinator: 'all — — —', service_role: 'all — — —' },
  public_regions: { anon: 'all — — —', teacherKukes: 'all — — —', teacherLezhe: 'all — — —', moderatorKukes: 'all — — —', memberKukes: 'all — — —', moderatorDurres: 'all — — —', coordinator: 'all — — —', service_role: 'all — — —' },
  // Views run with the caller's rights: signed-in staff see their own rows through them; the public pages read as anon.
  public_ideas: { anon: 'all n/a — —', teacherKukes: 'none n/a — —', teacherLezhe: 'none n/a — —', moderatorKukes: 'some n/a — —', memberKukes: 'some n/a — —', moderatorDurres: 'some n/a — —', coordinator: 'all n/a — —', service_role: 'all n/a — —' },
  public_plan_activities: { anon: 'all n/a — —', teacherKukes: 'all n/a — —', teacherLezhe: 'all n/a — —', moderatorKukes: 'all n/a — —', memberKukes: 'all n/a — —', moderatorDurres: 'all n/a — —', coordinator: 'all n/a — —', service_role: 'all n/a — —' },
  public_activity_statistics: { anon: 'all n/a — —', teacherKukes: 'all n/a — —', teacherLezhe: 'all n/a — —', moderatorKukes: 'all n/a — —', memberKukes: 'all n/a — —', moderatorDurres: 'all n/a — —', coordinator: 'all n/a — —', service_role: 'all n/a — —' },
  public_open_calls: { anon: 'all — — —', teacherKukes: 'all — — —', teacherLezhe: 'all — — —', moderatorKukes: 'all — — —', memberKukes: 'all — — —', moderatorDurres: 'all — — —', coordinator: 'all — — —', service_role: 'all — — —' },
  teacher_session_counts: { anon: '— n/a n/a n/a', teacherKukes: 'some n/a n/a n/a', teacherLezhe: 'some n/a n/a n/a', moderatorKukes: 'none n/a n/a n/a', memberKukes: 'none n/a n/a n/a', moderatorDurres: 'none n/a n/a n/a', coordinator: 'none n/a n/a n/a', service_role: 'none n/a n/a n/a' },
  teacher_session_ideas: { anon: '— n/a — —', teacherKukes: 'all n/a — —', teacherLezhe: 'none n/a — —', moderatorKukes: 'none n/a — —', memberKukes: 'none n/a — —', moderatorDurres: 'none n/a — —', coordinator: 'none n/a — —', service_role: 'none n/a — —' },
};

function markdown(results: Record<string, Record<string, Cell[]>>): string {
  const header = `| table / view | ${personas.map((p) => labels[p]).join(' | ')} |`;
  const rule = `|---|${personas.map(() => '---').join('|')}|`;
  const rows = targets.map((target) => `| \`${target.name}\` | ${personas.map((p) => results[target.name]![p]!.join(' · ')).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}

describe('policy matrix', () => {
  it('every table and view × caller × select/insert/update/delete is as designed', async () => {
    // One question so idea_questions has a row to see, a flagged idea (left
    // out of every direct read, officers' included) and a Kukës member who
    // is not the safeguarding officer.
    await authenticateAs(t.db, 'anon');
    await t.db.query("select public.ask_about_idea('KUKES-APRV2', 'Kur do të fillojë?')");
    await t.db.query('select public.submit_idea(p_code => $1, p_text => $2, p_theme => $3, p_can_do => null, p_age_band => null, p_locale => $4, p_publish_consent => true, p_idempotency_key => $5)',
      ['KUK234', 'Më kanë marrë pasaportën dhe nuk më lënë të dal.', 'family', 'sq', crypto.randomUUID()]);
    await resetRole(t.db);
    await addMemberKukes(t.db);
    const results: Record<string, Record<string, Cell[]>> = {};
    const mismatches: string[] = [];
    for (const target of targets) {
      results[target.name] = {};
      for (const persona of personas) {
        const cells = await cellsFor(target, persona);
        results[target.name]![persona] = cells;
        if (cells.join(' ') !== expected[target.name]?.[persona]) {
          mismatches.push(`${target.name} × ${persona}: got '${cells.join(' ')}', expected '${expected[target.name]?.[persona]}'`);
        }
      }
    }
    const table = markdown(results);
    console.log(`\nPolicy matrix (select · insert · update · delete)\n\n${table}\n`);
    if (process.env['UPDATE_DOCS'] === '1' && mismatches.length === 0) {
      const file = new URL('../../docs/security.md', import.meta.url);
      const doc = readFileSync(file, 'utf8');
      const start = '<!-- policy-matrix:start -->';
      const end = '<!-- policy-matrix:end -->';
      const updated = doc.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${table}\n${end}`);
      writeFileSync(file, updated);
    }
    expect(mismatches).toEqual([]);
  });

  it('TRUNCATE, which RLS does not cover, is denied to every API role on every table', async () => {
    for (const role of ['anon', 'authenticated', 'service_role']) {
      const { rows } = await t.db.query<{ name: string }>(
        `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind = 'r' and has_table_privilege($1, c.oid, 'truncate')
           and c.relname not in ('settings', 'regions', 'pillars', 'public_holidays', 'profiles', 'teachers', 'committee_members', 'coordinators',
             'plans', 'plan_objectives', 'plan_activities', 'class_sessions', 'ideas', 'idea_questions', 'idea_activity_links')`,
        [role],
      );
      expect(rows, role).toEqual([]);
    }
    for (const role of ['anon', 'authenticated']) {
      const { rows } = await t.db.query<{ name: string }>(
        `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'v') and has_table_privilege($1, c.oid, 'truncate')`,
        [role],
      );
      expect(rows, role).toEqual([]);
    }
  });
});
