// Export, the moderation log view, coordinator administration and public
// statistics (supabase/migrations/20260601006000_moderation.sql, 20260601008000_public_views_and_statistics.sql).
import { describe, expect, it } from 'vitest';
import { attempt, authenticateAs, ideaArgs, resetRole, rpc, rpcAttempt, useTestDatabase, users, type Persona } from './harness.ts';

const t = useTestDatabase();

async function errorOf(persona: Persona, fn: string, args: Record<string, unknown> = {}): Promise<string> {
  await authenticateAs(t.db, persona);
  const result = await rpcAttempt(t.db, fn, args);
  return result.ok ? 'ok' : result.error.message;
}

describe('export', () => {
  it('exports only published ideas with their public fields, never originals or pending ones', async () => {
    await authenticateAs(t.db, 'moderatorKukes');
    const page = await rpc<{ total: number; items: Array<Record<string, unknown>> }>(t.db, 'export_region_ideas', { p_region: 'kukes' });
    // Seed: KUKES-APRV2 (published) and KUKES-ADPT2 (adopted); the pending, read, rejected and escalated ones stay out.
    expect(page.total).toBe(2);
    expect(page.items.map((i) => i['status']).sort()).toEqual(['adopted', 'approved']);
    for (const item of page.items) {
      expect(Object.keys(item).sort()).toEqual(['activity_ids', 'id', 'month', 'public_text', 'region', 'status', 'theme']);
    }
    const text = JSON.stringify(page);
    // KUKES-APRV2 was published with the teacher's name masked; the name stays out.
    expect(text).toContain('[hequr]');
    expect(text).not.toContain('Drita');
  });

  it('pages by id so a large export can show progress', async () => {
    await authenticateAs(t.db, 'coordinator');
    const first = await rpc<{ total: number; items: Array<{ id: string }>; next: string | null }>(t.db, 'export_region_ideas', { p_limit: 2 });
    expect(first.total).toBe(5);
    expect(first.next).toBe(first.items[1]!.id);
    const second = await rpc<{ total: number | null; items: Array<{ id: string }>; next: string | null }>(t.db, 'export_region_ideas', { p_limit: 2, p_after: first.next });
    expect(second.total).toBeNull();
    expect(second.items[0]!.id > first.items[1]!.id).toBe(true);
  });

  it('lets a moderator export only their own region; all regions are the coordinator’s', async () => {
    expect(await errorOf('moderatorDurres', 'export_region_ideas', { p_region: 'kukes' })).toBe('not_allowed');
    expect(await errorOf('moderatorDurres', 'export_region_ideas', {})).toBe('not_allowed');
    expect(await errorOf('teacherKukes', 'export_region_plan', { p_region: 'kukes' })).toBe('not_allowed');
    await authenticateAs(t.db, 'moderatorKukes');
    const plan = await rpc<Array<{ region: string; idea_ids: string[] }>>(t.db, 'export_region_plan', { p_region: 'kukes' });
    expect(plan.every((a) => a.region === 'kukes')).toBe(true);
    expect(plan.filter((a) => a.idea_ids.length > 0)).toHaveLength(1);
  });
});

describe('moderation_log_entries', () => {
  it('shows a moderator their region’s log with names, and the coordinator everything', async () => {
    await authenticateAs(t.db, 'moderatorKukes');
    const kukes = await rpc<{ total: number; items: Array<{ region: string; actor_name: string | null; action: string }> }>(t.db, 'moderation_log_entries', {});
    expect(kukes.items.every((e) => e.region === 'kukes')).toBe(true);
    expect(kukes.items.some((e) => e.action === 'escalate' && e.actor_name === 'Komiteti Kukës')).toBe(true);
    expect(await errorOf('moderatorKukes', 'moderation_log_entries', { p_region: 'durres' })).toBe('not_allowed');
    await authenticateAs(t.db, 'coordinator');
    const all = await rpc<{ total: number }>(t.db, 'moderation_log_entries', {});
    expect(all.total).toBeGreaterThan(kukes.total);
    const approvals = await rpc<{ items: Array<{ action: string }> }>(t.db, 'moderation_log_entries', { p_action: 'approve' });
    expect(approvals.items.every((e) => e.action === 'approve')).toBe(true);
  });
});

describe('coordinator administration', () => {
  it('admin_overview lists waiting teachers first, members and open calls, for coordinators only', async () => {
    expect(await errorOf('moderatorKukes', 'admin_overview')).toBe('not_allowed');
    await authenticateAs(t.db, 'coordinator');
    const overview = await rpc<{ teachers: Array<{ user_id: string; approved_at: string | null; email: string }>; members: Array<{ region: string }>; calls: unknown[] }>(t.db, 'admin_overview');
    expect(overview.teachers[0]!.user_id).toBe(users.teacherPending);
    expect(overview.teachers[0]!.approved_at).toBeNull();
    expect(overview.members.map((m) => m.region).sort()).toEqual(['durres', 'kukes', 'lezhe', 'shkoder']);
    expect(overview.calls.length).toBe(3);
  });

  it('find_users finds accounts by e-mail for the coordinator; remove_teacher is logged', async () => {
    expect(await errorOf('moderatorKukes', 'find_users', { p_query: 'zeri' })).toBe('not_allowed');
    await authenticateAs(t.db, 'coordinator');
    const found = await rpc<Array<{ email: string }>>(t.db, 'find_users', { p_query: 'perdorues' });
    expect(found.map((u) => u.email)).toEqual(['perdorues@zeri.test']);
    expect(await errorOf('moderatorKukes', 'remove_teacher', { p_user_id: users.teacherPending })).toBe('not_allowed');
    expect(await errorOf('coordinator', 'remove_teacher', { p_user_id: users.teacherPending })).toBe('ok');
    await resetRole(t.db);
    const { rows } = await t.db.query<{ n: number }>("select count(*)::int as n from public.moderation_log where action = 'remove_teacher'");
    expect(rows[0]!.n).toBe(1);
  });
});

describe('public_idea_statistics', () => {
  it('suppresses cells under 10 and counts once there are enough, for anon', async () => {
    await authenticateAs(t.db, 'anon');
    const { rows: few } = await t.db.query<{ submitted: number | null }>(
      "select submitted from public.public_idea_statistics where scope = 'kukes' and kind = 'total'");
    expect(few[0]!.submitted).toBeNull();
    for (let n = 0; n < 10; n++) {
      await rpc(t.db, 'submit_idea', ideaArgs({ p_code: 'SHK234', p_text: `Ide numër ${n} për shkollën tonë.`, p_theme: 'school' }));
    }
    const { rows } = await t.db.query<{ kind: string; key: string; submitted: number | null; published: number | null }>(
      "select kind, key, submitted, published from public.public_idea_statistics where scope = 'shkoder' order by kind, key");
    const total = rows.find((r) => r.kind === 'total')!;
    expect(total.submitted).toBe(11);
    expect(total.published).toBeNull();
    expect(rows.find((r) => r.kind === 'theme' && r.key === 'school')!.submitted).toBe(10);
    expect(rows.find((r) => r.kind === 'theme' && r.key === 'work_abroad')!.submitted).toBeNull();
    const { rows: national } = await t.db.query<{ submitted: number }>(
      "select submitted from public.public_idea_statistics where scope = 'all' and kind = 'total'");
    expect(national[0]!.submitted).toBe(34); // 9 + 15 seeded ideas (the Lezhë activity lessons) + these 10
  });

  it('is read-only for every API role', async () => {
    for (const persona of ['anon', 'moderatorKukes', 'service_role'] as const) {
      await authenticateAs(t.db, persona);
      const result = await attempt(t.db, "update public.public_idea_statistics set submitted = 1000");
      expect(result.ok, persona).toBe(false);
    }
  });
});

describe('public_adopted_ideas', () => {
  it('shows anon the adopted, consented ideas with feedback and note, and nothing else', async () => {
    await authenticateAs(t.db, 'anon');
    const { rows } = await t.db.query<Record<string, unknown>>('select * from public.public_adopted_ideas');
    expect(rows).toHaveLength(1);
    expect(rows[0]!['region']).toBe('kukes');
    expect(rows[0]!['feedback_sq']).toBe('Ideja jote u bë pjesë e planit rajonal.');
    expect(rows[0]!['note']).toBe('E përfshirë në orët mësimore të vitit 2026.');
    expect(Object.keys(rows[0]!).sort()).toEqual(['activity_id', 'feedback_en', 'feedback_sq', 'id', 'month', 'note', 'public_text', 'region', 'theme']);
  });
});
