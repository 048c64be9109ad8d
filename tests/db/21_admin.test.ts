import { describe, expect, it } from 'vitest';
import { authenticateAs, count, resetRole, rpc, rpcAttempt, sessions, useTestDatabase, users, type Persona } from './harness.ts';

const t = useTestDatabase();

async function errorOf(persona: Persona, fn: string, args: Record<string, unknown>): Promise<string> {
  await authenticateAs(t.db, persona);
  const result = await rpcAttempt(t.db, fn, args);
  return result.ok ? 'ok' : result.error.message;
}

const hour = 3_600_000;

describe('new accounts', () => {
  it('get a profile from the sign-up metadata, and a teacher application when they give a school', async () => {
    await t.db.query(
      `insert into auth.users (id, email, raw_user_meta_data) values ($1, 'new@zeri.test', '{"display_name": "Re", "school": "Shkolla X", "region": "fier"}')`,
      ['a0000000-0000-4000-8000-000000000099'],
    );
    expect(await count(t.db, "select * from public.profiles where id = 'a0000000-0000-4000-8000-000000000099' and display_name = 'Re' and region = 'fier'")).toBe(1);
    expect(await count(t.db, "select * from public.teachers where user_id = 'a0000000-0000-4000-8000-000000000099' and approved_at is null")).toBe(1);
  });
});

describe('coordinator administration', () => {
  it('approve_teacher lets a pending teacher open sessions in their region', async () => {
    const open = `insert into public.class_sessions (kind, region, school, grade_band, closes_at) values ('class', 'kukes', 'Shkolla Tjetër', '6-9', now() + interval '1 hour') returning join_code`;
    await authenticateAs(t.db, 'teacherPending');
    const before = await rpcAttemptSql(open);
    expect(before).toBe('42501');
    expect(await errorOf('moderatorKukes', 'approve_teacher', { p_user_id: users.teacherPending })).toBe('not_allowed');
    expect(await errorOf('coordinator', 'approve_teacher', { p_user_id: users.teacherPending })).toBe('ok');
    expect(await errorOf('coordinator', 'approve_teacher', { p_user_id: users.plainUser })).toBe('teacher_unknown');
    await authenticateAs(t.db, 'teacherPending');
    expect(await rpcAttemptSql(open)).toMatch(/^[0-9A-HJKMNP-Z]{6}$/);
  });

  it('appoint_moderator and remove_moderator change who moderates a region', async () => {
    expect(await errorOf('moderatorKukes', 'appoint_moderator', { p_user_id: users.plainUser, p_region: 'kukes' })).toBe('not_allowed');
    expect(await errorOf('coordinator', 'appoint_moderator', { p_user_id: users.plainUser, p_region: 'atlantis' })).toBe('invalid_region');
    expect(await errorOf('coordinator', 'appoint_moderator', { p_user_id: crypto.randomUUID(), p_region: 'fier' })).toBe('user_unknown');
    expect(await errorOf('coordinator', 'appoint_moderator', { p_user_id: users.plainUser, p_region: 'durres' })).toBe('ok');
    await authenticateAs(t.db, 'plainUser');
    expect(await count(t.db, "select * from public.ideas where region = 'durres'")).toBeGreaterThan(0);
    await authenticateAs(t.db, 'coordinator');
    expect(await rpc(t.db, 'remove_moderator', { p_user_id: users.plainUser })).toEqual({ removed: true });
    await authenticateAs(t.db, 'plainUser');
    expect(await count(t.db, 'select * from public.ideas')).toBe(0);
  });
});

describe('teachers open class sessions through RLS', () => {
  it('an approved teacher opens one in their region; the trigger picks the code, ignoring nothing the teacher may set', async () => {
    await authenticateAs(t.db, 'teacherKukes');
    const { rows } = await t.db.query<{ join_code: string; teacher_id: string }>(
      `insert into public.class_sessions (kind, region, school, grade_band, closes_at) values ('class', 'kukes', 'Shkolla', '10-12', now() + interval '1 hour') returning join_code, teacher_id`,
    );
    expect(rows[0]).toEqual({ join_code: expect.stringMatching(/^[0-9A-HJKMNP-Z]{6}$/), teacher_id: users.teacherKukes });
  });

  it('a teacher cannot open one in another region, for someone else, with a chosen code, or as an open call', async () => {
    await authenticateAs(t.db, 'teacherLezhe');
    expect(await rpcAttemptSql(`insert into public.class_sessions (kind, region, school, grade_band, closes_at) values ('class', 'kukes', 'Shkolla', '10-12', now() + interval '1 hour')`)).toBe('42501');
    expect(await rpcAttemptSql(`insert into public.class_sessions (kind, teacher_id, region, school, grade_band, closes_at) values ('class', '${users.teacherKukes}', 'lezhe', 'Shkolla', '10-12', now() + interval '1 hour')`)).toBe('42501');
    expect(await rpcAttemptSql(`insert into public.class_sessions (kind, region, school, grade_band, join_code, closes_at) values ('class', 'lezhe', 'Shkolla', '10-12', 'AAA222', now() + interval '1 hour')`)).toBe('42501');
    expect(await rpcAttemptSql(`insert into public.class_sessions (kind, teacher_id, region, closes_at) values ('open_call', null, 'lezhe', now() + interval '1 hour')`)).toBe('42501');
  });

  it('teachers see their own sessions and the counts per status, never other teachers\' sessions', async () => {
    await authenticateAs(t.db, 'teacherKukes');
    const { rows } = await t.db.query<{ session_id: string; total: number; pending: number; approved: number; adopted: number; rejected: number }>(
      'select session_id, total, pending, approved, adopted, rejected from public.teacher_session_counts where session_id = $1',
      [sessions.kukesClass],
    );
    expect(rows).toEqual([{ session_id: sessions.kukesClass, total: 6, pending: 3, approved: 1, adopted: 1, rejected: 1 }]);
    expect(await count(t.db, 'select * from public.class_sessions where teacher_id <> $1', [users.teacherKukes])).toBe(0);
    const texts = await t.db.query<{ public_text: string }>('select public_text from public.teacher_session_ideas order by public_text');
    expect(texts.rows).toHaveLength(2);
    await authenticateAs(t.db, 'teacherLezhe');
    expect(await count(t.db, 'select * from public.teacher_session_counts where session_id = $1', [sessions.kukesClass])).toBe(0);
  });
});

describe('open_call, close_session, extend_session', () => {
  it('a moderator opens a call in their own region only, with a valid window', async () => {
    const opens = new Date(Date.now() - 60_000);
    const closes = new Date(opens.getTime() + 24 * hour);
    expect(await errorOf('moderatorKukes', 'open_call', { p_region: 'durres', p_opens_at: opens, p_closes_at: closes, p_max_ideas: 100 })).toBe('not_allowed');
    expect(await errorOf('moderatorKukes', 'open_call', { p_region: 'kukes', p_opens_at: closes, p_closes_at: opens, p_max_ideas: 100 })).toBe('invalid_window');
    expect(await errorOf('moderatorKukes', 'open_call', { p_region: 'kukes', p_opens_at: opens, p_closes_at: closes, p_max_ideas: 0 })).toBe('invalid_max_ideas');
    expect(await errorOf('teacherKukes', 'open_call', { p_region: 'kukes', p_opens_at: opens, p_closes_at: closes, p_max_ideas: 100 })).toBe('not_allowed');
    await authenticateAs(t.db, 'moderatorKukes');
    const call = await rpc<{ join_code: string }>(t.db, 'open_call', { p_region: 'kukes', p_opens_at: opens, p_closes_at: closes, p_max_ideas: 100 });
    await authenticateAs(t.db, 'anon');
    expect(await rpc(t.db, 'join_session', { p_code: call.join_code })).toMatchObject({ status: 'open', kind: 'open_call', region: 'kukes' });
  });

  it('the teacher closes and extends their session; another teacher cannot', async () => {
    expect(await errorOf('teacherLezhe', 'extend_session', { p_session_id: sessions.kukesEmptyClass, p_minutes: 10 })).toBe('not_allowed');
    expect(await errorOf('teacherKukes', 'extend_session', { p_session_id: sessions.kukesEmptyClass, p_minutes: 0 })).toBe('invalid_minutes');
    expect(await errorOf('teacherKukes', 'extend_session', { p_session_id: sessions.kukesEmptyClass, p_minutes: 30 })).toBe('ok');
    expect(await errorOf('teacherLezhe', 'close_session', { p_session_id: sessions.kukesEmptyClass })).toBe('not_allowed');
    expect(await errorOf('moderatorKukes', 'close_session', { p_session_id: sessions.kukesEmptyClass })).toBe('ok');
    expect(await errorOf('teacherKukes', 'extend_session', { p_session_id: sessions.kukesEmptyClass, p_minutes: 30 })).toBe('session_closed');
    expect(await errorOf('teacherKukes', 'close_session', { p_session_id: crypto.randomUUID() })).toBe('session_unknown');
    await resetRole(t.db);
    expect(await count(t.db, "select * from public.moderation_log where action in ('extend_session', 'close_session')")).toBe(2);
  });
});

async function rpcAttemptSql(sql: string): Promise<string> {
  await t.db.exec('savepoint a');
  try {
    const { rows } = await t.db.query<{ join_code?: string }>(sql);
    await t.db.exec('release savepoint a');
    return rows[0]?.join_code ?? 'ok';
  } catch (error) {
    await t.db.exec('rollback to savepoint a');
    return String((error as { code?: string }).code);
  }
}
