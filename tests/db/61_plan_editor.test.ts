// The plan editor (supabase/migrations/20260601007000_plan_editor.sql): the
// same rules as src/lib/schemas/planActivity.ts, region-bound, every change logged.
import { describe, expect, it } from 'vitest';
import { planActivitySchema, PLAN_TITLE_MAX, PLAN_TITLE_MIN, type PlanActivityInput } from '../../src/lib/schemas/planActivity.ts';
import { attempt, authenticateAs, count, resetRole, rpc, rpcAttempt, useTestDatabase, type Persona } from './harness.ts';

const t = useTestDatabase();

const durresPlan = 'c0000000-0000-4000-8000-000000000004';

async function objectiveOf(region: string, code: string): Promise<string> {
  await resetRole(t.db);
  const { rows } = await t.db.query<{ id: string }>(
    'select o.id from public.plan_objectives o join public.plans p on p.id = o.plan_id where p.region = $1 and o.code = $2', [region, code]);
  return rows[0]!.id;
}

const valid: PlanActivityInput = {
  title: 'Konkurs posterash në shkolla',
  responsibleInstitution: 'education_directorate',
  timelineStart: '2026-09-01',
  timelineEnd: '2026-12-20',
  partners: ['Këshilli Rinor'],
  status: 'planned',
  progress: 0,
};

function sqlArgs(objective: string, input: Record<string, unknown>): Record<string, unknown> {
  return {
    p_objective_id: objective,
    p_title: input['title'] ?? null,
    p_responsible_institution: input['responsibleInstitution'] ?? null,
    p_institution_other: input['responsibleInstitutionOther'] ?? null,
    p_timeline_start: input['timelineStart'] ?? null,
    p_timeline_end: input['timelineEnd'] ?? null,
    p_partners: input['partners'] ?? [],
    p_status: input['status'] ?? 'planned',
    p_progress: input['progress'] ?? 0,
    p_description: input['description'] ?? null,
  };
}

async function errorOf(persona: Persona, fn: string, args: Record<string, unknown>): Promise<string> {
  await authenticateAs(t.db, persona);
  const result = await rpcAttempt(t.db, fn, args);
  return result.ok ? 'ok' : result.error.message;
}

describe('save_plan_activity', () => {
  it('accepts and refuses the same activities as planActivitySchema', async () => {
    const objective = await objectiveOf('durres', 'P.1');
    const cases: Array<[string, Record<string, unknown>]> = [
      ['valid', {}],
      ['title at the minimum', { title: 'a'.repeat(PLAN_TITLE_MIN) }],
      ['title too short', { title: 'a'.repeat(PLAN_TITLE_MIN - 1) }],
      ['title at the maximum', { title: 'ë'.repeat(PLAN_TITLE_MAX) }],
      ['title too long', { title: 'a'.repeat(PLAN_TITLE_MAX + 1) }],
      ['end before start', { timelineStart: '2026-12-01', timelineEnd: '2026-11-30' }],
      ['other institution without a name', { responsibleInstitution: 'other' }],
      ['other institution with a name', { responsibleInstitution: 'other', responsibleInstitutionOther: 'Kryqi i Kuq' }],
      ['unknown institution', { responsibleInstitution: 'ministry_of_magic' }],
      ['progress 101', { progress: 101 }],
      ['progress 100', { progress: 100, status: 'done' }],
      ['21 partners', { partners: Array.from({ length: 21 }, (_, n) => `Partner ${n}`) }],
      ['description of 2001 characters', { description: 'a'.repeat(2001) }],
    ];
    for (const [name, change] of cases) {
      const input = { ...valid, ...change };
      const zod = planActivitySchema.safeParse(input).success;
      await authenticateAs(t.db, 'moderatorDurres');
      const sql = await rpcAttempt(t.db, 'save_plan_activity', sqlArgs(objective, input));
      expect(sql.ok, name).toBe(zod);
    }
  });

  it('creates, edits and logs; stores the free text for "other"', async () => {
    const objective = await objectiveOf('durres', 'P.1');
    await authenticateAs(t.db, 'moderatorDurres');
    const created = await rpc<{ id: string; position: number }>(t.db, 'save_plan_activity', sqlArgs(objective, valid));
    const edited = await rpc<{ responsible_institution: string; progress: number }>(t.db, 'save_plan_activity', {
      ...sqlArgs(objective, { ...valid, responsibleInstitution: 'other', responsibleInstitutionOther: 'Kryqi i Kuq', progress: 40, status: 'in_progress' }),
      p_id: created.id,
    });
    expect(edited.responsible_institution).toBe('Kryqi i Kuq');
    expect(edited.progress).toBe(40);
    await resetRole(t.db);
    expect(await count(t.db, "select * from public.moderation_log where action = 'plan_activity' and after ->> 'activity_id' = $1", [created.id])).toBe(2);
  });

  it('is refused outside the caller’s region and to teachers', async () => {
    const kukes = await objectiveOf('kukes', 'P.1');
    expect(await errorOf('moderatorDurres', 'save_plan_activity', sqlArgs(kukes, valid))).toBe('not_allowed');
    expect(await errorOf('teacherKukes', 'save_plan_activity', sqlArgs(kukes, valid))).toBe('not_allowed');
    expect(await errorOf('coordinator', 'save_plan_activity', sqlArgs(kukes, valid))).toBe('ok');
  });
});

describe('objectives, order and archive', () => {
  it('a moderator adds an objective to their plan, not to another region’s', async () => {
    const args = { p_plan_id: durresPlan, p_pillar: 'prevention', p_code: 'P.3', p_title_sq: 'Të rinjtë flasin për rreziqet online' };
    expect(await errorOf('moderatorKukes', 'save_plan_objective', args)).toBe('not_allowed');
    expect(await errorOf('moderatorDurres', 'save_plan_objective', { ...args, p_code: 'P.1' })).toBe('code_taken');
    expect(await errorOf('moderatorDurres', 'save_plan_objective', { ...args, p_pillar: 'pr' })).toBe('invalid_pillar');
    expect(await errorOf('moderatorDurres', 'save_plan_objective', args)).toBe('ok');
  });

  it('reorders activities only with the complete list', async () => {
    const objective = await objectiveOf('durres', 'P.1');
    const { rows } = await t.db.query<{ id: string }>('select id from public.plan_activities where objective_id = $1 order by position', [objective]);
    const ids = rows.map((r) => r.id);
    expect(await errorOf('moderatorDurres', 'reorder_plan_activities', { p_objective_id: objective, p_ids: ids.slice(1) })).toBe('invalid_order');
    expect(await errorOf('moderatorDurres', 'reorder_plan_activities', { p_objective_id: objective, p_ids: [...ids].reverse() })).toBe('ok');
    await resetRole(t.db);
    const { rows: after } = await t.db.query<{ id: string }>('select id from public.plan_activities where objective_id = $1 order by position', [objective]);
    expect(after.map((r) => r.id)).toEqual([...ids].reverse());
  });

  it('archiving an objective hides its activities from the public view and logs it', async () => {
    const objective = await objectiveOf('durres', 'P.2');
    await resetRole(t.db);
    const before = await count(t.db, 'select * from public.public_plan_activities where objective_id = $1', [objective]);
    expect(before).toBeGreaterThan(0);
    expect(await errorOf('moderatorKukes', 'archive_plan_objective', { p_id: objective })).toBe('not_allowed');
    expect(await errorOf('moderatorDurres', 'archive_plan_objective', { p_id: objective })).toBe('ok');
    await resetRole(t.db);
    expect(await count(t.db, 'select * from public.public_plan_activities where objective_id = $1', [objective])).toBe(0);
    expect(await count(t.db, "select * from public.moderation_log where action = 'plan_archive' and region = 'durres'")).toBe(1);
  });

  it('committee_plan returns the region’s plan with archived rows, for its committee only', async () => {
    await authenticateAs(t.db, 'moderatorDurres');
    const plan = await rpc<{ region: string; plans: Array<{ objectives: unknown[] }> }>(t.db, 'committee_plan', {});
    expect(plan.region).toBe('durres');
    expect(plan.plans[0]!.objectives).toHaveLength(4);
    expect(await errorOf('moderatorDurres', 'committee_plan', { p_region: 'kukes' })).toBe('not_allowed');
  });
});

// The plan tables have no write policy or grant for signed-in
// users, so every change goes through the functions above and is logged.
describe('plan tables are written only through the logged functions', () => {
  async function directWrites(): Promise<Array<[string, string]>> {
    const objective = await objectiveOf('durres', 'P.1');
    return [
      ['insert objective', `insert into public.plan_objectives (plan_id, pillar, code, title_sq) values ('${durresPlan}', 'prevention', 'P.9', 'Objektiv pa log')`],
      ['update objective', `update public.plan_objectives set title_sq = 'Ndryshuar pa log' where id = '${objective}'`],
      ['delete objective', `delete from public.plan_objectives where id = '${objective}'`],
      ['insert activity', `insert into public.plan_activities (objective_id, title, responsible_institution) values ('${objective}', 'Aktivitet pa log', 'Bashkia')`],
      ['update activity', `update public.plan_activities set progress = 99 where objective_id = '${objective}'`],
      ['delete activity', `delete from public.plan_activities where objective_id = '${objective}'`],
    ];
  }

  for (const persona of ['moderatorDurres', 'coordinator', 'teacherKukes'] as const) {
    it(`refuses direct insert, update and delete on plan_objectives and plan_activities to ${persona} (42501)`, async () => {
      const writes = await directWrites();
      await resetRole(t.db);
      const snapshot = async () => (await t.db.query(
        'select o.*, a.* from public.plan_objectives o left join public.plan_activities a on a.objective_id = o.id order by o.id, a.id')).rows;
      const before = await snapshot();
      const logged = await count(t.db, 'select * from public.moderation_log');
      for (const [name, sql] of writes) {
        await authenticateAs(t.db, persona);
        const result = await attempt(t.db, sql);
        expect(result.ok ? 'ok' : result.error.code, `${name} as ${persona}`).toBe('42501');
      }
      await resetRole(t.db);
      expect(await snapshot()).toEqual(before);
      expect(await count(t.db, 'select * from public.moderation_log')).toBe(logged);
    });
  }

  it('still lets every signed-in user read objectives and activities directly', async () => {
    await resetRole(t.db);
    const objectives = await count(t.db, 'select * from public.plan_objectives');
    const activities = await count(t.db, 'select * from public.plan_activities');
    for (const persona of ['moderatorDurres', 'coordinator', 'teacherKukes'] as const) {
      await authenticateAs(t.db, persona);
      expect(await count(t.db, 'select * from public.plan_objectives'), persona).toBe(objectives);
      expect(await count(t.db, 'select * from public.plan_activities'), persona).toBe(activities);
    }
  });

  it('leaves no write policy and no write privilege for anon or authenticated on the plan tables', async () => {
    await resetRole(t.db);
    const { rows: policies } = await t.db.query<{ name: string }>(
      "select tablename || ': ' || policyname as name from pg_policies where schemaname = 'public' and tablename in ('plan_objectives', 'plan_activities') and cmd <> 'SELECT'");
    expect(policies).toEqual([]);
    const { rows: grants } = await t.db.query<{ grant: string }>(`
      select r.role || ' ' || p.privilege || ' ' || t.name as grant
      from unnest(array['public.plan_objectives', 'public.plan_activities']) as t(name),
        unnest(array['anon', 'authenticated']) as r(role),
        unnest(array['insert', 'update', 'delete', 'truncate']) as p(privilege)
      where has_table_privilege(r.role, t.name, p.privilege)`);
    expect(grants).toEqual([]);
  });

  it('a moderator’s edit through save_plan_activity still works and writes one log row', async () => {
    const objective = await objectiveOf('durres', 'P.1');
    await resetRole(t.db);
    const logged = await count(t.db, "select * from public.moderation_log where action = 'plan_activity'");
    await authenticateAs(t.db, 'moderatorDurres');
    await rpc(t.db, 'save_plan_activity', sqlArgs(objective, valid));
    await resetRole(t.db);
    expect(await count(t.db, "select * from public.moderation_log where action = 'plan_activity'")).toBe(logged + 1);
  });
});
