import { describe, expect, it } from 'vitest';
import { authenticateAs, count, resetRole, rpc, rpcAttempt, useTestDatabase, users, type Persona } from './harness.ts';

const t = useTestDatabase();

async function ideaId(receipt: string): Promise<string> {
  await resetRole(t.db);
  const { rows } = await t.db.query<{ id: string }>('select id from public.ideas where receipt_hash = private.receipt_hash($1)', [receipt]);
  return rows[0]!.id;
}

async function kukesActivity(): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>("select id from public.public_plan_activities where region = 'kukes' order by objective_position, position limit 1");
  return rows[0]!.id;
}

async function durresActivity(): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>("select id from public.public_plan_activities where region = 'durres' limit 1");
  return rows[0]!.id;
}

async function errorOf(persona: Persona, fn: string, args: Record<string, unknown>): Promise<string> {
  await authenticateAs(t.db, persona);
  const result = await rpcAttempt(t.db, fn, args);
  return result.ok ? 'ok' : result.error.message;
}

describe('moderators see only their region', () => {
  it('the Kukës moderator reads Kukës ideas only; the coordinator reads all; a teacher none', async () => {
    await resetRole(t.db);
    const total = await count(t.db, 'select * from public.ideas');
    const kukes = await count(t.db, "select * from public.ideas where region = 'kukes'");
    await authenticateAs(t.db, 'moderatorKukes');
    expect(await count(t.db, 'select * from public.ideas')).toBe(kukes);
    expect(await count(t.db, "select * from public.ideas where region <> 'kukes'")).toBe(0);
    await authenticateAs(t.db, 'coordinator');
    expect(await count(t.db, 'select * from public.ideas')).toBe(total);
    await authenticateAs(t.db, 'teacherKukes');
    expect(await count(t.db, 'select * from public.ideas')).toBe(0);
  });
});

describe('moderation functions', () => {
  it('mark_idea_read sets read_at once and logs it', async () => {
    const id = await ideaId('KUKES-PEND2');
    await authenticateAs(t.db, 'moderatorKukes');
    const first = await rpc<{ read_at: string }>(t.db, 'mark_idea_read', { p_idea_id: id });
    const second = await rpc<{ read_at: string }>(t.db, 'mark_idea_read', { p_idea_id: id });
    expect(second.read_at).toBe(first.read_at);
    await resetRole(t.db);
    expect(await count(t.db, "select * from public.moderation_log where idea_id = $1 and action = 'read'", [id])).toBe(1);
  });

  it('approve_idea publishes the original, with feedback, as the caller', async () => {
    const id = await ideaId('KUKES-PEND2');
    await authenticateAs(t.db, 'moderatorKukes');
    const result = await rpc<{ status: string; moderated_by: string }>(t.db, 'approve_idea', {
      p_idea_id: id, p_feedback_sq: 'Faleminderit!',
    });
    expect(result).toMatchObject({ status: 'approved', moderated_by: users.moderatorKukes });
    await resetRole(t.db);
    expect(await count(t.db, 'select * from public.ideas where id = $1 and public_text = text', [id])).toBe(1);
    await authenticateAs(t.db, 'anon');
    expect(await count(t.db, 'select * from public.public_ideas where id = $1', [id])).toBe(1);
  });

  it('approve_idea refuses feedback that is too long', async () => {
    const id = await ideaId('KUKES-PEND2');
    expect(await errorOf('moderatorKukes', 'approve_idea', { p_idea_id: id, p_feedback_sq: 'f'.repeat(501) })).toBe('invalid_feedback');
  });

  it('reject_with_feedback needs a reason from the fixed list', async () => {
    const id = await ideaId('KUKES-PEND2');
    const feedback = { p_feedback_sq: 'Faleminderit! Ideja jote ka një numër telefoni.' };
    expect(await errorOf('moderatorKukes', 'reject_with_feedback', { p_idea_id: id, p_reason: 'boring', ...feedback })).toBe('invalid_reason');
    expect(await errorOf('moderatorKukes', 'reject_with_feedback', { p_idea_id: id, p_reason: 'personal_data', ...feedback })).toBe('ok');
    await authenticateAs(t.db, 'anon');
    expect(await rpc(t.db, 'idea_status', { p_receipt_code: 'KUKES-PEND2' })).toMatchObject({
      status: 'not_published', reject_reason: 'personal_data', feedback_sq: feedback.p_feedback_sq,
    });
  });

  it('escalate_idea records what was done and hides the referral from the student', async () => {
    const id = await ideaId('KUKES-PEND2');
    expect(await errorOf('moderatorKukes', 'escalate_idea', { p_idea_id: id, p_action: 'Psikologia e shkollës' })).toBe('invalid_referral_action');
    expect(await errorOf('moderatorKukes', 'escalate_idea', { p_idea_id: id, p_action: 'school_psychologist' })).toBe('ok');
    await authenticateAs(t.db, 'anon');
    expect((await rpc<{ status: string }>(t.db, 'idea_status', { p_receipt_code: 'KUKES-PEND2' })).status).toBe('read');
  });

  it('a second decision on the same idea is already_moderated, naming who decided', async () => {
    const id = await ideaId('KUKES-APRV2');
    await authenticateAs(t.db, 'coordinator');
    const result = await rpcAttempt(t.db, 'reject_with_feedback', { p_idea_id: id, p_reason: 'other', p_feedback_sq: 'Faleminderit!' });
    expect(result.ok ? null : result.error).toMatchObject({ message: 'already_moderated', detail: 'Komiteti Kukës', hint: 'approved' });
  });

  it('a moderator of another region, a teacher and anon are not allowed', async () => {
    const id = await ideaId('KUKES-PEND2');
    expect(await errorOf('moderatorDurres', 'approve_idea', { p_idea_id: id })).toBe('not_allowed');
    expect(await errorOf('teacherKukes', 'mark_idea_read', { p_idea_id: id })).toBe('not_allowed');
    await authenticateAs(t.db, 'anon');
    const anon = await rpcAttempt(t.db, 'mark_idea_read', { p_idea_id: id });
    expect(anon.ok ? null : anon.error.code).toBe('42501');
    expect(await errorOf('moderatorKukes', 'mark_idea_read', { p_idea_id: crypto.randomUUID() })).toBe('idea_unknown');
  });

  // KUKES-APRV2 was approved with plain feedback (seed.sql), so adopting needs none.
  it('adopt_idea adopts an approved idea with an activity of its own region only', async () => {
    const approved = await ideaId('KUKES-APRV2');
    const pending = await ideaId('KUKES-PEND2');
    const kukes = await kukesActivity();
    const durres = await durresActivity();
    expect(await errorOf('moderatorKukes', 'adopt_idea', { p_idea_id: pending, p_activity_ids: [kukes] })).toBe('idea_not_approved');
    expect(await errorOf('moderatorKukes', 'adopt_idea', { p_idea_id: approved, p_activity_ids: [durres] })).toBe('activity_other_region');
    expect(await errorOf('moderatorKukes', 'adopt_idea', { p_idea_id: approved, p_activity_ids: [crypto.randomUUID()] })).toBe('activity_unknown');
    expect(await errorOf('moderatorKukes', 'adopt_idea', { p_idea_id: approved, p_activity_ids: [kukes], p_note: 'Shënim' })).toBe('ok');
    expect(await errorOf('moderatorKukes', 'adopt_idea', { p_idea_id: approved, p_activity_ids: [kukes] })).toBe('already_linked');
    await authenticateAs(t.db, 'anon');
    expect(await rpc(t.db, 'idea_status', { p_receipt_code: 'KUKES-APRV2' })).toMatchObject({ status: 'adopted' });
  });

  it('reply_to_question answers once, for the idea\'s region', async () => {
    await authenticateAs(t.db, 'anon');
    await rpc(t.db, 'ask_about_idea', { p_receipt_code: 'KUKES-APRV2', p_text: 'Kur?' });
    await resetRole(t.db);
    const { rows } = await t.db.query<{ id: string }>('select id from public.idea_questions limit 1');
    const question = rows[0]!.id;
    expect(await errorOf('moderatorDurres', 'reply_to_question', { p_question_id: question, p_answer: 'Së shpejti.' })).toBe('not_allowed');
    expect(await errorOf('moderatorKukes', 'reply_to_question', { p_question_id: question, p_answer: '' })).toBe('invalid_answer');
    expect(await errorOf('moderatorKukes', 'reply_to_question', { p_question_id: question, p_answer: 'Së shpejti.' })).toBe('ok');
    expect(await errorOf('moderatorKukes', 'reply_to_question', { p_question_id: question, p_answer: 'Përsëri.' })).toBe('already_answered');
    await authenticateAs(t.db, 'anon');
    expect(await rpc(t.db, 'idea_status', { p_receipt_code: 'KUKES-APRV2' })).toMatchObject({ questions: [expect.objectContaining({ answer: 'Së shpejti.' })] });
  });

  it('nobody can change an idea\'s original text, region or receipt, not even the owner', async () => {
    const id = await ideaId('KUKES-PEND2');
    for (const column of ['text', 'region', 'receipt_hash']) {
      const value = column === 'region' ? "'durres'" : column === 'text' ? "'Një tekst tjetër krejt.'" : "repeat('a', 64)";
      const result = await rpcAttemptSql(`update public.ideas set ${column} = ${value} where id = $1`, [id]);
      expect(result, column).toBe('idea_immutable');
    }
  });
});

// The inner steps that skip the plain-language check are not
// part of the API; every way a signed-in user can close an idea checks it.
describe('no idea is closed without plain feedback', () => {
  const oldCalls = async (): Promise<Array<[string, Record<string, unknown>]>> => {
    const pending = await ideaId('KUKES-PEND2');
    const approved = await ideaId('KUKES-APRV2');
    const activity = await kukesActivity();
    await authenticateAs(t.db, 'anon');
    await rpc(t.db, 'ask_about_idea', { p_receipt_code: 'KUKES-APRV2', p_text: 'Kur?' });
    await resetRole(t.db);
    const { rows } = await t.db.query<{ id: string }>('select id from public.idea_questions limit 1');
    return [
      ['reject_idea', { p_idea_id: pending, p_reason: 'other' }],
      ['link_idea_to_activity', { p_idea_id: approved, p_activity_id: activity }],
      ['answer_question', { p_question_id: rows[0]!.id, p_answer: 'Sipas procedurës institucionale.' }],
    ];
  };

  for (const persona of ['moderatorKukes', 'coordinator', 'service_role'] as const) {
    it(`refuses the unchecked reject_idea, link_idea_to_activity and answer_question to ${persona} (42501)`, async () => {
      for (const [fn, args] of await oldCalls()) {
        await authenticateAs(t.db, persona);
        const result = await rpcAttempt(t.db, fn, args);
        expect(result.ok ? 'ok' : result.error.code, `${fn} as ${persona}`).toBe('42501');
      }
      await resetRole(t.db);
      expect(await count(t.db, "select * from public.ideas where id = $1 and status = 'pending'", [await ideaId('KUKES-PEND2')])).toBe(1);
      expect(await count(t.db, "select * from public.ideas where id = $1 and status = 'approved'", [await ideaId('KUKES-APRV2')])).toBe(1);
      expect(await count(t.db, 'select * from public.idea_questions where answer is not null')).toBe(0);
    });
  }

  it('no API role may execute the unchecked functions, while the checking wrappers stay open to signed-in users', async () => {
    const { rows } = await t.db.query<{ name: string; role: string }>(`
      select p.proname as name, r.role
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace,
        unnest(array['anon', 'authenticated', 'service_role']) as r(role)
      where n.nspname = 'public' and p.proname in ('reject_idea', 'link_idea_to_activity', 'answer_question')
        and has_function_privilege(r.role, p.oid, 'execute')`);
    expect(rows).toEqual([]);
    for (const fn of ['reject_with_feedback', 'reject_ideas', 'adopt_idea', 'reply_to_question']) {
      const { rows: granted } = await t.db.query<{ ok: boolean }>(
        `select bool_and(has_function_privilege('authenticated', p.oid, 'execute')) as ok
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' and p.proname = $1`, [fn]);
      expect(granted[0]!.ok, fn).toBe(true);
    }
  });

  it('every closing path a moderator can call refuses missing feedback with feedback_required', async () => {
    const id = await ideaId('KUKES-PEND2');
    const activity = await kukesActivity();
    expect(await errorOf('moderatorKukes', 'reject_with_feedback', { p_idea_id: id, p_reason: 'other' })).toBe('feedback_required');
    expect(await errorOf('moderatorKukes', 'reject_ideas', { p_idea_ids: [id], p_reason: 'other' })).toBe('feedback_required');
    // Approved without feedback: adopting it must ask for some.
    await authenticateAs(t.db, 'moderatorKukes');
    await rpc(t.db, 'approve_idea', { p_idea_id: id });
    expect(await errorOf('moderatorKukes', 'adopt_idea', { p_idea_id: id, p_activity_ids: [activity] })).toBe('feedback_required');
    await resetRole(t.db);
    expect(await count(t.db, "select * from public.ideas where id = $1 and status = 'approved'", [id])).toBe(1);
    expect(await count(t.db, 'select * from public.idea_activity_links where idea_id = $1', [id])).toBe(0);
    expect(await count(t.db, "select * from public.moderation_log where idea_id = $1 and action in ('reject', 'link')", [id])).toBe(0);
  });

  it('every closing path refuses jargon or long sentences with feedback_not_plain, naming the problem', async () => {
    const pending = await ideaId('KUKES-PEND2');
    const activity = await kukesActivity();
    const jargon = 'Në përputhje me procedurën, ideja nuk pranohet.';
    await authenticateAs(t.db, 'moderatorKukes');
    const reject = await rpcAttempt(t.db, 'reject_with_feedback', { p_idea_id: pending, p_reason: 'other', p_feedback_sq: jargon });
    expect(reject.ok ? null : reject.error).toMatchObject({ code: 'P0001', message: 'feedback_not_plain' });
    expect(await errorOf('moderatorKukes', 'reject_ideas', { p_idea_ids: [pending], p_reason: 'other', p_feedback_en: 'Pursuant to the framework, no.' })).toBe('feedback_not_plain');
    await authenticateAs(t.db, 'moderatorKukes');
    await rpc(t.db, 'approve_idea', { p_idea_id: pending });
    expect(await errorOf('moderatorKukes', 'adopt_idea', { p_idea_id: pending, p_activity_ids: [activity], p_feedback_sq: jargon })).toBe('feedback_not_plain');
    await resetRole(t.db);
    expect(await count(t.db, "select * from public.ideas where id = $1 and status = 'approved'", [pending])).toBe(1);
  });
});

async function rpcAttemptSql(sql: string, params: unknown[]): Promise<string> {
  await t.db.exec('savepoint m');
  try {
    await t.db.query(sql, params);
    await t.db.exec('release savepoint m');
    return 'ok';
  } catch (error) {
    await t.db.exec('rollback to savepoint m');
    return String((error as Error).message);
  }
}
