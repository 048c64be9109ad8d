// Issue 12: a child's disclosure is never published, whoever asks. The rule
// lives in the ideas table (a check constraint and a trigger), so it holds for
// every function, every direct write and every role, the owner included; a
// flag goes only through the region's safeguarding officer, with a reason;
// withdrawing a referred idea deletes the child's words but keeps the referral.
import { describe, expect, it } from 'vitest';
import {
  attempt, authenticateAs, count, expectFailure, ideaArgs, resetRole, rpc, rpcAttempt, useTestDatabase, users, type Persona,
} from './harness.ts';

const t = useTestDatabase();
const DISCLOSURE = 'Më kanë marrë pasaportën dhe nuk më lënë të dal nga shtëpia.';

/** Submits a disclosure as a student would, returning the idea id and receipt. */
async function flaggedIdea(): Promise<{ id: string; receipt: string }> {
  await authenticateAs(t.db, 'anon');
  const result = await rpc<{ receipt_code: string }>(t.db, 'submit_idea', ideaArgs({ p_text: DISCLOSURE }));
  await resetRole(t.db);
  const { rows } = await t.db.query<{ id: string; safeguarding_flag: boolean }>(
    'select id, safeguarding_flag from public.ideas where receipt_hash = private.receipt_hash($1)', [result.receipt_code]);
  expect(rows[0]?.safeguarding_flag).toBe(true);
  return { id: rows[0]!.id, receipt: result.receipt_code };
}

async function errorOf(persona: Persona, fn: string, args: Record<string, unknown>): Promise<string> {
  await authenticateAs(t.db, persona);
  const result = await rpcAttempt(t.db, fn, args);
  await resetRole(t.db);
  return result.ok ? 'ok' : result.error.message;
}

const publicText = 'Të flasim në klasë për ofertat e rreme të punës.';

describe('a flagged idea is never published', () => {
  it('approve_idea refuses it with idea_flagged, for the region moderator and the coordinator', async () => {
    const { id } = await flaggedIdea();
    for (const persona of ['moderatorKukes', 'coordinator'] as const) {
      expect(await errorOf(persona, 'approve_idea', { p_idea_id: id })).toBe('idea_flagged');
    }
  });

  for (const persona of ['service_role', 'moderatorKukes', 'coordinator'] as const) {
    it(`a direct update as ${persona} cannot give it a published status`, async () => {
      const { id } = await flaggedIdea();
      await authenticateAs(t.db, persona);
      const result = await attempt(t.db, "update public.ideas set status = 'approved', public_text = $2 where id = $1 returning id", [id, publicText]);
      await resetRole(t.db);
      // service_role: the table's check (23514); signed-in staff: no update privilege at all (42501).
      expect(result.ok ? 'updated' : result.error.code).toBe(persona === 'service_role' ? '23514' : '42501');
    });
  }

  it('not even the table owner can publish it or clear its flag directly', async () => {
    const { id } = await flaggedIdea();
    const publish = await expectFailure(t.db, "update public.ideas set status = 'adopted', public_text = $2 where id = $1", [id, publicText]);
    expect(publish.code).toBe('23514');
    expect(publish.message).toMatch(/ideas_flagged_never_published/);
    const clear = await expectFailure(t.db, 'update public.ideas set safeguarding_flag = false where id = $1', [id]);
    expect(clear.message).toBe('flag_clear_needs_officer');
    const both = await expectFailure(t.db, "update public.ideas set safeguarding_flag = false, status = 'approved', public_text = $2 where id = $1", [id, publicText]);
    expect(both.message).toBe('flag_clear_needs_officer');
  });

  it('service_role cannot write a clearance to slip past the trigger', async () => {
    const { id } = await flaggedIdea();
    await authenticateAs(t.db, 'service_role');
    const insert = await attempt(t.db, "insert into public.safeguarding_clearances (idea_id, region, reason) values ($1, 'kukes', 'false_alarm')", [id]);
    await resetRole(t.db);
    expect(insert.ok ? 'inserted' : insert.error.code).toBe('42501');
  });

  it('no public or teacher-facing view shows a flagged idea', async () => {
    await flaggedIdea();
    await resetRole(t.db);
    const flaggedIds = 'select id from public.ideas where safeguarding_flag';
    expect(await count(t.db, flaggedIds)).toBeGreaterThan(0);
    for (const view of ['public_ideas', 'public_adopted_ideas']) {
      expect(await count(t.db, `select * from public.${view} where id in (${flaggedIds})`), view).toBe(0);
    }
    expect(await count(t.db, `select * from public.teacher_session_ideas where id in (${flaggedIds})`)).toBe(0);
  });
});

describe('the safeguarding officer clears a flag, with a reason', () => {
  it('a moderator who is not the officer, another region\'s officer and the coordinator are refused', async () => {
    const { id } = await flaggedIdea();
    await t.db.query('update public.committee_members set safeguarding_officer = false where user_id = $1', [users.moderatorKukes]);
    for (const persona of ['moderatorKukes', 'moderatorDurres', 'coordinator', 'teacherKukes', 'anon'] as const) {
      const error = await errorOf(persona, 'clear_safeguarding_flag', { p_idea_id: id, p_reason: 'false_alarm' });
      expect(error, persona).toMatch(/not_allowed|permission denied/);
    }
  });

  it('the officer clears it with a listed reason; it is logged and the idea can then be approved', async () => {
    const { id } = await flaggedIdea();
    expect(await errorOf('moderatorKukes', 'clear_safeguarding_flag', { p_idea_id: id, p_reason: 'because' })).toBe('invalid_clear_reason');
    expect(await errorOf('moderatorKukes', 'clear_safeguarding_flag', { p_idea_id: id, p_reason: 'false_alarm' })).toBe('ok');
    expect(await count(t.db, "select * from public.safeguarding_clearances where idea_id = $1 and reason = 'false_alarm' and officer_id = $2", [id, users.moderatorKukes])).toBe(1);
    expect(await count(t.db, "select * from public.moderation_log where idea_id = $1 and action = 'clear_flag' and actor = $2", [id, users.moderatorKukes])).toBe(1);
    expect(await errorOf('moderatorKukes', 'approve_idea', { p_idea_id: id })).toBe('ok');
  });

  it('only the coordinator names an officer, and it is logged', async () => {
    expect(await errorOf('moderatorDurres', 'set_safeguarding_officer', { p_user_id: users.moderatorDurres, p_officer: true })).toBe('not_allowed');
    expect(await errorOf('coordinator', 'set_safeguarding_officer', { p_user_id: users.teacherKukes, p_officer: true })).toBe('not_a_committee_member');
    expect(await errorOf('coordinator', 'set_safeguarding_officer', { p_user_id: users.moderatorDurres, p_officer: false })).toBe('ok');
    expect(await count(t.db, "select * from public.moderation_log where action = 'remove_officer' and after->>'user_id' = $1", [users.moderatorDurres])).toBe(1);
  });

  it('clearances are read by the region\'s officer and the coordinator only', async () => {
    const { id } = await flaggedIdea();
    await errorOf('moderatorKukes', 'clear_safeguarding_flag', { p_idea_id: id, p_reason: 'false_alarm' });
    const readers: Array<[Persona, number]> = [['moderatorKukes', 1], ['coordinator', 1], ['moderatorDurres', 0], ['teacherKukes', 0]];
    for (const [persona, expected] of readers) {
      await authenticateAs(t.db, persona);
      expect(await count(t.db, 'select * from public.safeguarding_clearances where idea_id = $1', [id]), persona).toBe(expected);
    }
    await resetRole(t.db);
  });

  it('clearances are append-only', async () => {
    const { id } = await flaggedIdea();
    await errorOf('moderatorKukes', 'clear_safeguarding_flag', { p_idea_id: id, p_reason: 'handled_child_agrees' });
    const change = await expectFailure(t.db, "update public.safeguarding_clearances set reason = 'false_alarm' where idea_id = $1", [id]);
    expect(change.message).toBe('moderation_log_append_only');
  });
});

describe('withdrawing a referred idea', () => {
  it('deletes the child\'s words but keeps the referral record for the officer', async () => {
    const { id, receipt } = await flaggedIdea();
    expect(await errorOf('moderatorKukes', 'escalate_idea', { p_idea_id: id, p_action: 'child_protection_unit' })).toBe('ok');
    expect(await count(t.db, 'select * from public.referrals where idea_id = $1', [id])).toBe(1);
    await authenticateAs(t.db, 'anon');
    expect(await rpc(t.db, 'withdraw_idea', { p_receipt_code: receipt })).toEqual({ withdrawn: true });
    await resetRole(t.db);
    expect(await count(t.db, 'select * from public.ideas where id = $1', [id])).toBe(0);
    const { rows } = await t.db.query<{ region: string; school: string; action: string; withdrawn: boolean }>(
      "select region, school, action, idea_withdrawn_at is not null as withdrawn from public.referrals where idea_id is null and action = 'child_protection_unit'");
    expect(rows).toEqual([{ region: 'kukes', school: expect.any(String), action: 'child_protection_unit', withdrawn: true }]);
  });

  it('referrals are read by the region\'s officer and the coordinator only', async () => {
    await resetRole(t.db);
    const all = await count(t.db, 'select * from public.referrals');
    expect(all).toBeGreaterThan(0); // the seed's escalated Kukës idea
    await authenticateAs(t.db, 'coordinator');
    expect(await count(t.db, 'select * from public.referrals')).toBe(all);
    await authenticateAs(t.db, 'moderatorKukes');
    expect(await count(t.db, "select * from public.referrals where region <> 'kukes'")).toBe(0);
    await authenticateAs(t.db, 'teacherKukes');
    expect(await count(t.db, 'select * from public.referrals')).toBe(0);
    await authenticateAs(t.db, 'anon');
    const anon = await attempt(t.db, 'select * from public.referrals');
    expect(anon.ok ? 'read' : anon.error.code).toBe('42501');
  });
});

describe('questions are scanned too', () => {
  it('a question that reads like a disclosure is flagged and the answer says so', async () => {
    await authenticateAs(t.db, 'anon');
    const asked = await rpc(t.db, 'ask_about_idea', { p_receipt_code: 'KUKES-APRV2', p_text: 'Më ndihmoni, më kanë marrë pasaportën.' });
    expect(asked).toEqual({ asked: true, safeguarding: true });
    const plain = await rpc(t.db, 'ask_about_idea', { p_receipt_code: 'KUKES-APRV2', p_text: 'Kur do ta lexoni idenë time?' });
    expect(plain).toEqual({ asked: true, safeguarding: false });
    await resetRole(t.db);
    const { rows } = await t.db.query<{ text: string; safeguarding_flag: boolean }>(
      "select q.text, q.safeguarding_flag from public.idea_questions q join public.ideas i on i.id = q.idea_id where i.receipt_hash = private.receipt_hash('KUKES-APRV2') order by q.asked_at, q.text");
    expect(rows.filter((r) => r.safeguarding_flag).map((r) => r.text)).toEqual(['Më ndihmoni, më kanë marrë pasaportën.']);
  });
});

describe('submit_idea checks cheap things first', () => {
  it('refuses an unknown code before running either detector', async () => {
    await t.db.exec("set local track_functions = 'all'");
    const calls = async () => {
      const { rows } = await t.db.query<{ n: number }>(
        "select coalesce(sum(calls), 0)::int as n from pg_stat_xact_user_functions where schemaname = 'private' and funcname in ('detect_safeguarding', 'detect_personal_data')");
      return rows[0]!.n;
    };
    const before = await calls();
    await authenticateAs(t.db, 'anon');
    const unknown = await rpcAttempt(t.db, 'submit_idea', ideaArgs({ p_code: 'ZZZ999', p_text: DISCLOSURE }));
    await resetRole(t.db);
    expect(unknown.ok ? (unknown.rows[0] as { refused?: string }).refused : unknown.error.message).toBe('session_unknown');
    expect(await calls()).toBe(before);
    await authenticateAs(t.db, 'anon');
    await rpc(t.db, 'submit_idea', ideaArgs({ p_text: DISCLOSURE }));
    await resetRole(t.db);
    expect(await calls()).toBe(before + 2);
  });
});

