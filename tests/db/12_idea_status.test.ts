import { describe, expect, it } from 'vitest';
import { authenticateAs, count, ideaArgs, resetRole, rpc, rpcAttempt, useTestDatabase } from './harness.ts';

const t = useTestDatabase();

interface Status {
  status: string;
  public_text: string | null;
  feedback_sq: string | null;
  reject_reason: string | null;
  activities: { title: string; progress: number }[];
  questions: { text: string; answer: string | null }[];
}

const statusKeys = ['activities', 'adopted_at', 'feedback_en', 'feedback_sq', 'moderated_at', 'public_text', 'questions', 'read_at', 'reject_reason', 'status', 'submitted_at'];

describe('idea_status', () => {
  it('maps each stage to the student-facing status', async () => {
    await authenticateAs(t.db, 'anon');
    const statuses: Record<string, string> = {};
    for (const code of ['KUKES-PEND2', 'KUKES-READ2', 'KUKES-APRV2', 'KUKES-ADPT2', 'KUKES-REJT2', 'KUKES-ESKA2']) {
      statuses[code] = (await rpc<Status>(t.db, 'idea_status', { p_receipt_code: code })).status;
    }
    expect(statuses).toEqual({
      'KUKES-PEND2': 'received',
      'KUKES-READ2': 'read',
      'KUKES-APRV2': 'published',
      'KUKES-ADPT2': 'adopted',
      'KUKES-REJT2': 'not_published',
      'KUKES-ESKA2': 'read',
    });
  });

  it('shows the public text, feedback and the adopting activities, never the original', async () => {
    await authenticateAs(t.db, 'anon');
    const adopted = await rpc<Status>(t.db, 'idea_status', { p_receipt_code: 'kukesadpt2' });
    const approved0 = await rpc<Status>(t.db, 'idea_status', { p_receipt_code: 'KUKES-APRV2' });
    expect(adopted.activities).toEqual([expect.objectContaining({ title: expect.stringContaining('Orë mësimore'), progress: 35 })]);
    // "In the plan since" is the adoption, not the read date.
    await resetRole(t.db);
    const { rows } = await t.db.query<{ linked_at: string }>(
      "select min(l.linked_at) as linked_at from public.idea_activity_links l join public.ideas i on i.id = l.idea_id where i.receipt_hash = private.receipt_hash('KUKESADPT2')");
    expect(new Date((adopted as unknown as { adopted_at: string }).adopted_at).getTime()).toBe(new Date(rows[0]!.linked_at).getTime());
    expect((approved0 as unknown as { adopted_at: string | null }).adopted_at).toBeNull();
    await authenticateAs(t.db, 'anon');
    const approved = await rpc<Status>(t.db, 'idea_status', { p_receipt_code: 'KUKES-APRV2' });
    // The original named a teacher; the moderator masked her name.
    expect(approved.public_text).toContain('mësueses sonë [hequr], ku');
    expect(JSON.stringify(approved)).not.toContain('Drita');
    expect(approved.feedback_sq).toBe('Faleminderit! Ideja jote u publikua.');
  });

  it('answers unknown and malformed codes with the same keys', async () => {
    await authenticateAs(t.db, 'anon');
    const known = await rpc<Status>(t.db, 'idea_status', { p_receipt_code: 'KUKES-PEND2' });
    for (const code of ['ZZZZZ-ZZZZZ', '', null, "' or 1=1 --"]) {
      const unknown = await rpc<Status>(t.db, 'idea_status', { p_receipt_code: code });
      expect(unknown.status).toBe('unknown');
      expect(Object.keys(unknown).sort()).toEqual(Object.keys(known).sort());
    }
    expect(Object.keys(known).sort()).toEqual(statusKeys);
  });
});

describe('ask_about_idea', () => {
  it('stores a question that the status then shows; unknown codes answer asked: false', async () => {
    await authenticateAs(t.db, 'anon');
    expect(await rpc(t.db, 'ask_about_idea', { p_receipt_code: 'KUKES-APRV2', p_text: 'Kur do publikohet?' })).toEqual({ asked: true, safeguarding: false });
    expect(await rpc(t.db, 'ask_about_idea', { p_receipt_code: 'ZZZZZ-ZZZZZ', p_text: 'Kur?' })).toEqual({ asked: false });
    const status = await rpc<Status>(t.db, 'idea_status', { p_receipt_code: 'KUKES-APRV2' });
    expect(status.questions).toEqual([expect.objectContaining({ text: 'Kur do publikohet?', answer: null })]);
  });

  it('refuses empty or long questions and more than the open-question limit', async () => {
    await authenticateAs(t.db, 'anon');
    const empty = await rpcAttempt(t.db, 'ask_about_idea', { p_receipt_code: 'KUKES-APRV2', p_text: '  ' });
    expect(!empty.ok && empty.error.message).toBe('invalid_question');
    const long = await rpcAttempt(t.db, 'ask_about_idea', { p_receipt_code: 'KUKES-APRV2', p_text: 'q'.repeat(501) });
    expect(!long.ok && long.error.message).toBe('invalid_question');
    for (let i = 0; i < 3; i++) await rpc(t.db, 'ask_about_idea', { p_receipt_code: 'KUKES-APRV2', p_text: `Pyetja ${i}` });
    const fourth = await rpcAttempt(t.db, 'ask_about_idea', { p_receipt_code: 'KUKES-APRV2', p_text: 'Edhe një?' });
    expect(!fourth.ok && fourth.error.message).toBe('too_many_questions');
  });
});

describe('withdraw_idea', () => {
  it('deletes the idea, its questions and links; the log keeps only ids and actions', async () => {
    await authenticateAs(t.db, 'anon');
    await rpc(t.db, 'ask_about_idea', { p_receipt_code: 'KUKES-ADPT2', p_text: 'Pyetje' });
    expect(await rpc(t.db, 'withdraw_idea', { p_receipt_code: 'KUKES-ADPT2' })).toEqual({ withdrawn: true });
    expect(await rpc(t.db, 'withdraw_idea', { p_receipt_code: 'KUKES-ADPT2' })).toEqual({ withdrawn: false });
    expect((await rpc<Status>(t.db, 'idea_status', { p_receipt_code: 'KUKES-ADPT2' })).status).toBe('unknown');
    await resetRole(t.db);
    expect(await count(t.db, 'select * from public.idea_questions q where not exists (select 1 from public.ideas i where i.id = q.idea_id)')).toBe(0);
    expect(await count(t.db, 'select * from public.idea_activity_links l where not exists (select 1 from public.ideas i where i.id = l.idea_id)')).toBe(0);
    const { rows } = await t.db.query<{ action: string; before: unknown; after: unknown }>(
      "select action, before, after from public.moderation_log where idea_id not in (select id from public.ideas) and idea_id is not null order by id",
    );
    expect(rows.map((row) => row.action)).toEqual(['approve', 'link', 'withdraw']);
    expect(JSON.stringify(rows)).not.toMatch(/orë mësimi|Të kemi/i);
  });

  it('a withdrawn idea\'s key can no longer be replayed into a duplicate answer', async () => {
    const key = crypto.randomUUID();
    await authenticateAs(t.db, 'anon');
    const first = await rpc<{ receipt_code: string }>(t.db, 'submit_idea', ideaArgs({ p_idempotency_key: key }));
    await rpc(t.db, 'withdraw_idea', { p_receipt_code: first.receipt_code });
    const again = await rpc<{ duplicate: boolean }>(t.db, 'submit_idea', ideaArgs({ p_idempotency_key: key }));
    expect(again.duplicate).toBe(false);
  });
});
