// Awareness activities run, for the public statistics pages
// (supabase/migrations/20260601008000_public_views_and_statistics.sql), on the
// demo sessions of supabase/seed.sql (four closed Lezhë lessons).
import { describe, expect, it } from 'vitest';
import { attempt, authenticateAs, ideaArgs, resetRole, rpc, sessions, useTestDatabase, type Persona } from './harness.ts';

const t = useTestDatabase();

interface Row {
  scope: string;
  kind: 'activity' | 'campaign';
  key: string;
  sessions_run: number;
  sessions_with_count: number;
  students_present: number | null;
  ideas: number | null;
}

async function rowsAs(persona: Persona, where = 'true'): Promise<Row[]> {
  await authenticateAs(t.db, persona);
  const { rows } = await t.db.query<Row>(`select * from public.public_activity_statistics where ${where} order by scope, kind, key`);
  return rows;
}

function cell(rows: Row[], scope: string, kind: string, key: string): Omit<Row, 'scope' | 'kind' | 'key'> | undefined {
  const row = rows.find((r) => r.scope === scope && r.kind === kind && r.key === key);
  if (!row) return undefined;
  const { sessions_run, sessions_with_count, students_present, ideas } = row;
  return { sessions_run, sessions_with_count, students_present, ideas };
}

/** The empty Kukës class of the harness, following an activity, with ideas sent through submit_idea. */
async function kukesLesson(ideas: number, studentsPresent: number | null): Promise<void> {
  await resetRole(t.db);
  await t.db.query("update public.class_sessions set activity_slug = 'myths-and-facts', students_present = $2 where id = $1",
    [sessions.kukesEmptyClass, studentsPresent]);
  const { rows } = await t.db.query<{ join_code: string }>('select join_code from public.class_sessions where id = $1', [sessions.kukesEmptyClass]);
  await authenticateAs(t.db, 'anon');
  for (let n = 0; n < ideas; n++) {
    await rpc(t.db, 'submit_idea', ideaArgs({ p_code: rows[0]!.join_code, p_text: `Ideja numër ${n} pas lojës mit apo fakt.` }));
  }
}

async function closeKukesLesson(): Promise<void> {
  await authenticateAs(t.db, 'teacherKukes');
  await rpc(t.db, 'close_session', { p_session_id: sessions.kukesEmptyClass });
}

describe('public_activity_statistics', () => {
  it('shows anon the demo lessons per activity and campaign, with counts of children under 10 suppressed', async () => {
    const rows = await rowsAs('anon');
    // Two lessons, 24 + 19 students, 7 + 5 ideas.
    expect(cell(rows, 'lezhe', 'activity', 'spot-the-fake-job-ad')).toEqual({ sessions_run: 2, sessions_with_count: 2, students_present: 43, ideas: 12 });
    // 8 students and 2 ideas: both under 10; the session count is shown.
    expect(cell(rows, 'lezhe', 'activity', 'myths-and-facts')).toEqual({ sessions_run: 1, sessions_with_count: 1, students_present: null, ideas: null });
    // No count recorded: sessions_with_count 0 tells it from "fewer than 10".
    expect(cell(rows, 'lezhe', 'activity', 'who-can-i-trust-online')).toEqual({ sessions_run: 1, sessions_with_count: 0, students_present: null, ideas: null });
    expect(cell(rows, 'lezhe', 'campaign', 'lezhe-easy-money-abroad')).toEqual({ sessions_run: 2, sessions_with_count: 2, students_present: 43, ideas: 12 });
    expect(cell(rows, 'all', 'activity', 'spot-the-fake-job-ad')).toEqual(cell(rows, 'lezhe', 'activity', 'spot-the-fake-job-ad'));
    expect(new Set(rows.map((r) => r.scope))).toEqual(new Set(['all', 'lezhe']));
  });

  it('counts a lesson only once it has ended, never an open call or a lesson closed before it began', async () => {
    await kukesLesson(3, 25);
    expect(cell(await rowsAs('anon', "scope = 'kukes'"), 'kukes', 'activity', 'myths-and-facts')).toBeUndefined();
    await closeKukesLesson();
    expect(cell(await rowsAs('anon', "scope = 'kukes'"), 'kukes', 'activity', 'myths-and-facts'))
      .toEqual({ sessions_run: 1, sessions_with_count: 1, students_present: 25, ideas: null });
    expect(cell(await rowsAs('anon'), 'all', 'activity', 'myths-and-facts')!.sessions_run).toBe(2);

    await resetRole(t.db);
    await t.db.query(`update public.class_sessions set activity_slug = 'spot-the-fake-job-ad', students_present = 30,
      opens_at = now() + interval '1 day', closes_at = now() + interval '2 days', closed_at = now() where id = $1`, [sessions.lezheClass]);
    await t.db.query("update public.class_sessions set activity_slug = 'spot-the-fake-job-ad', closes_at = now() - interval '1 minute' where kind = 'open_call'");
    expect(cell(await rowsAs('anon'), 'lezhe', 'activity', 'spot-the-fake-job-ad')!.sessions_run).toBe(2);
  });

  it('suppresses ideas and students at 9 and shows them at 10', async () => {
    await kukesLesson(10, 9);
    await closeKukesLesson();
    const at10 = cell(await rowsAs('anon', "scope = 'kukes'"), 'kukes', 'activity', 'myths-and-facts');
    expect(at10).toEqual({ sessions_run: 1, sessions_with_count: 1, students_present: null, ideas: 10 });
    await resetRole(t.db);
    await t.db.query('update public.class_sessions set students_present = 10 where id = $1', [sessions.kukesEmptyClass]);
    await t.db.query('delete from public.ideas where id = (select id from public.ideas where session_id = $1 limit 1)', [sessions.kukesEmptyClass]);
    expect(cell(await rowsAs('anon', "scope = 'kukes'"), 'kukes', 'activity', 'myths-and-facts'))
      .toEqual({ sessions_run: 1, sessions_with_count: 1, students_present: 10, ideas: null });
  });

  it('publishes no school, teacher, join code, session or date', async () => {
    await authenticateAs(t.db, 'anon');
    const { rows } = await t.db.query<Record<string, unknown>>('select * from public.public_activity_statistics');
    expect(Object.keys(rows[0]!).sort()).toEqual(['ideas', 'key', 'kind', 'scope', 'sessions_run', 'sessions_with_count', 'students_present']);
    const text = JSON.stringify(rows);
    for (const secret of ['Shkolla', 'AKT20', 'b0000000', 'a0000000']) expect(text).not.toContain(secret);
  });

  it('leaves anon no way to the sessions or ideas themselves', async () => {
    await authenticateAs(t.db, 'anon');
    // anon reads published ideas' public columns (tests/db/03), never which session sent them.
    for (const sql of ['select count(*) from public.class_sessions', 'select session_id from public.ideas']) {
      const result = await attempt(t.db, sql);
      expect(result.ok ? 'ok' : result.error.code, sql).toBe('42501');
    }
  });

  it('is read-only for every API role', async () => {
    for (const persona of ['anon', 'moderatorLezhe', 'coordinator', 'service_role'] as const) {
      await authenticateAs(t.db, persona);
      const result = await attempt(t.db, 'update public.public_activity_statistics set sessions_run = 1000');
      expect(result.ok, persona).toBe(false);
      const removal = await attempt(t.db, 'delete from public.public_activity_statistics');
      expect(removal.ok, persona).toBe(false);
    }
  });
});
