// The committee's queue, dashboard, similar ideas and plain-language closing
// (supabase/migrations/20260601006000_moderation.sql).
import { describe, expect, it } from 'vitest';
import { checkPlainLanguage, plainLanguageJargon } from '../../src/lib/checkPlainLanguage.ts';
import { authenticateAs, count, ideaArgs, resetRole, rpc, rpcAttempt, useTestDatabase, type Persona } from './harness.ts';

const t = useTestDatabase();

interface QueueItem {
  id: string;
  status: string;
  region: string;
  safeguarding_flag: boolean;
  personal_data_flag: boolean;
  created_at: string;
  moderated_by_name: string | null;
  questions: Array<{ id: string; text: string }>;
}
interface Queue {
  region: string;
  total: number;
  items: QueueItem[];
}

async function submit(code: string, text: string, minutesAgo = 0): Promise<string> {
  await authenticateAs(t.db, 'anon');
  await rpc(t.db, 'submit_idea', ideaArgs({ p_code: code, p_text: text }));
  await resetRole(t.db);
  const { rows } = await t.db.query<{ id: string }>('select id from public.ideas where text = $1', [text]);
  const id = rows[0]!.id;
  if (minutesAgo) {
    // created_at is immutable for every role; the trigger is disabled for this fixture only.
    await t.db.exec('alter table public.ideas disable trigger protect_idea_original');
    await t.db.query("update public.ideas set created_at = now() - make_interval(mins => $2) where id = $1", [id, minutesAgo]);
    await t.db.exec('alter table public.ideas enable trigger protect_idea_original');
  }
  return id;
}

async function errorOf(persona: Persona, fn: string, args: Record<string, unknown>): Promise<string> {
  await authenticateAs(t.db, persona);
  const result = await rpcAttempt(t.db, fn, args);
  return result.ok ? 'ok' : result.error.message;
}

async function statusOf(id: string): Promise<string> {
  await resetRole(t.db);
  const { rows } = await t.db.query<{ status: string }>('select status from public.ideas where id = $1', [id]);
  return rows[0]!.status;
}

describe('moderation_queue', () => {
  it('lists only the moderator’s region: safeguarding first, then personal data, then oldest', async () => {
    const plain = await submit('DUR234', 'Të bëjmë postera për rreziqet e punës jashtë vendit në shkollë.', 300);
    const personal = await submit('DUR234', 'Më shkruani në arta@example.com për një ide për shkollën.', 10);
    const danger = await submit('DUR234', 'Më detyrojnë të punoj natën dhe nuk më lënë të dal nga shtëpia.', 5);
    await authenticateAs(t.db, 'moderatorDurres');
    const queue = await rpc<Queue>(t.db, 'moderation_queue', {});
    expect(queue.region).toBe('durres');
    expect(queue.items.every((item) => item.region === 'durres' && item.status === 'pending')).toBe(true);
    expect(queue.items.map((item) => item.id)).toEqual([danger, personal, plain]);
    expect(queue.total).toBe(3);
  });

  it('filters by flag and theme and pages with limit and offset', async () => {
    for (let n = 0; n < 5; n++) await submit('DUR234', `Ideja numër ${n} për një orë mësimi në shkollë.`, 100 - n);
    await authenticateAs(t.db, 'moderatorDurres');
    const first = await rpc<Queue>(t.db, 'moderation_queue', { p_limit: 2, p_offset: 0 });
    const second = await rpc<Queue>(t.db, 'moderation_queue', { p_limit: 2, p_offset: 2 });
    expect(first.total).toBe(5);
    expect(first.items).toHaveLength(2);
    expect(second.items.map((i) => i.id)).not.toContain(first.items[0]!.id);
    const flagged = await rpc<Queue>(t.db, 'moderation_queue', { p_flag: 'safeguarding' });
    expect(flagged.total).toBe(0);
    const online = await rpc<Queue>(t.db, 'moderation_queue', { p_theme: 'online' });
    expect(online.total).toBe(0);
    const approved = await rpc<Queue>(t.db, 'moderation_queue', { p_status: 'approved' });
    expect(approved.items.map((i) => i.moderated_by_name)).toEqual(['Komiteti Durrës']);
  });

  it('refuses another region to a moderator, lets the coordinator name any, and refuses teachers', async () => {
    expect(await errorOf('moderatorKukes', 'moderation_queue', { p_region: 'durres' })).toBe('not_allowed');
    expect(await errorOf('teacherKukes', 'moderation_queue', {})).toBe('not_allowed');
    expect(await errorOf('anon', 'moderation_queue', {})).toMatch(/permission denied/);
    await authenticateAs(t.db, 'coordinator');
    const queue = await rpc<Queue>(t.db, 'moderation_queue', { p_region: 'kukes', p_status: null });
    expect(queue.items.every((item) => item.region === 'kukes')).toBe(true);
    expect(queue.total).toBe(6);
  });

  it('shows the questions a student asked beside their idea', async () => {
    const id = await submit('DUR234', 'Të ftojmë një polic në klasë për të folur për internetin.');
    await resetRole(t.db);
    await t.db.query("insert into public.idea_questions (idea_id, text) values ($1, 'Kur do ta lexoni?')", [id]);
    await authenticateAs(t.db, 'moderatorDurres');
    const queue = await rpc<Queue>(t.db, 'moderation_queue', {});
    expect(queue.items.find((item) => item.id === id)!.questions.map((q) => q.text)).toEqual(['Kur do ta lexoni?']);
  });
});

describe('committee_dashboard', () => {
  it('lists ideas unread after 14 days and safeguarding flags no officer read within one working day', async () => {
    const old = await submit('DUR234', 'Një ide e vjetër për fushatë në shkollë.', 15 * 24 * 60);
    const recent = await submit('DUR234', 'Një ide e re për fushatë në shkollë.', 60);
    const danger = await submit('DUR234', 'Më detyrojnë të punoj dhe më morën pasaportën.', 5 * 24 * 60);
    await authenticateAs(t.db, 'moderatorDurres');
    const board = await rpc<{ unread_after_14_days: { id: string }[]; safeguarding_overdue: { id: string }[]; pending: number }>(
      t.db, 'committee_dashboard', {});
    expect(board.unread_after_14_days.map((i) => i.id)).toEqual([old]);
    expect(board.unread_after_14_days.map((i) => i.id)).not.toContain(recent);
    expect(board.safeguarding_overdue.map((i) => i.id)).toEqual([danger]);
    // The officer's queue shows the flagged words: that read acknowledges the flag.
    await rpc(t.db, 'moderation_queue', { p_flag: 'safeguarding' });
    const after = await rpc<{ safeguarding_overdue: unknown[] }>(t.db, 'committee_dashboard', {});
    expect(after.safeguarding_overdue).toEqual([]);
  });

  it('counts a flag raised on Friday afternoon as due on Monday, not Saturday', async () => {
    await resetRole(t.db);
    const { rows } = await t.db.query<{ due: string }>(
      "select to_char(private.add_working_days('2026-06-05 15:00+02', 1) at time zone 'Europe/Tirane', 'Dy HH24') as due");
    expect(rows[0]!.due).toBe('Mon 15');
  });
});

describe('similar_ideas', () => {
  it('finds published ideas of the same region that share words, never other regions or pending ones', async () => {
    const id = await submit('DUR234', 'Postera në port me numrin e telefonit për fëmijët që kanë nevojë.');
    await submit('DUR234', 'Postera në port për fëmijët që kanë nevojë për ndihmë.');
    await authenticateAs(t.db, 'moderatorDurres');
    const similar = await rpc<Array<{ public_text: string; status: string }>>(t.db, 'similar_ideas', { p_idea_id: id });
    expect(similar.length).toBeGreaterThanOrEqual(1);
    expect(similar[0]!.public_text).toContain('Në port duhet të ketë postera');
    expect(similar.every((s) => s.status === 'approved' || s.status === 'adopted')).toBe(true);
    expect(await errorOf('moderatorKukes', 'similar_ideas', { p_idea_id: id })).toBe('not_allowed');
  });
});

describe('closing an idea needs plain feedback', () => {
  it('agrees with src/lib/checkPlainLanguage.ts on the jargon list and on sample texts', async () => {
    await resetRole(t.db);
    const { rows } = await t.db.query<{ list: string[] }>('select private.plain_language_jargon() as list');
    expect(rows[0]!.list).toEqual([...plainLanguageJargon]);
    const samples = [
      'Faleminderit! Ideja jote u publikua.',
      'Në përputhje me procedurën, ideja u refuzua.',
      'Kjo fjali ka shumë fjalë sepse e shkruam pa u ndalur dhe pa pikë e pa presje dhe ajo vazhdon ende më tej deri në fund.',
      'Thank you. Pursuant to our framework, your idea was declined.',
      'Ideja jote është e mirë. Do ta përdorim në shkollë.',
    ];
    for (const text of samples) {
      const { rows: sql } = await t.db.query<{ problems: string[] }>('select private.plain_language_problems($1) as problems', [text]);
      expect(sql[0]!.problems, text).toEqual(checkPlainLanguage(text));
    }
    expect(checkPlainLanguage(samples[1]!)).toEqual(['jargon:ne perputhje me', 'jargon:procedur']);
    expect(checkPlainLanguage(samples[2]!)).toEqual(['long_sentence']);
  });

  it('reject_with_feedback refuses no feedback and jargon, then rejects with plain words', async () => {
    const id = await submit('DUR234', 'Dua një palestër të re në lagjen tonë.');
    expect(await errorOf('moderatorDurres', 'reject_with_feedback', { p_idea_id: id, p_reason: 'off_topic' })).toBe('feedback_required');
    expect(await errorOf('moderatorDurres', 'reject_with_feedback', {
      p_idea_id: id, p_reason: 'off_topic', p_feedback_sq: 'Sipas nenit 3 të procedurës, ideja nuk pranohet.' })).toBe('feedback_not_plain');
    expect(await errorOf('moderatorKukes', 'reject_with_feedback', {
      p_idea_id: id, p_reason: 'off_topic', p_feedback_sq: 'Faleminderit!' })).toBe('not_allowed');
    expect(await errorOf('moderatorDurres', 'reject_with_feedback', {
      p_idea_id: id, p_reason: 'off_topic', p_feedback_sq: 'Faleminderit! Kjo ide nuk lidhet me temën tonë.' })).toBe('ok');
    expect(await statusOf(id)).toBe('rejected');
  });

  it('reply_to_question answers only in plain words', async () => {
    const id = await submit('DUR234', 'Të ftojmë një polic në klasë për të folur për internetin.');
    await resetRole(t.db);
    const { rows } = await t.db.query<{ id: string }>("insert into public.idea_questions (idea_id, text) values ($1, 'Kur?') returning id", [id]);
    const question = rows[0]!.id;
    expect(await errorOf('moderatorDurres', 'reply_to_question', { p_question_id: question, p_answer: 'Pas implementimit të mekanizmit.' })).toBe('answer_not_plain');
    expect(await errorOf('moderatorKukes', 'reply_to_question', { p_question_id: question, p_answer: 'Së shpejti.' })).toBe('not_allowed');
    expect(await errorOf('moderatorDurres', 'reply_to_question', { p_question_id: question, p_answer: 'Këtë javë. Faleminderit!' })).toBe('ok');
  });
});

describe('reject_ideas (bulk)', () => {
  it('rejects several with one reason, skips what another moderator closed and names them', async () => {
    const a = await submit('DUR234', 'Ide e parë e njëjtë për postera në shkollë.');
    const b = await submit('DUR234', 'Ide e dytë e njëjtë për postera në shkollë.');
    const c = await submit('DUR234', 'Ide e tretë e njëjtë për postera në shkollë.');
    await authenticateAs(t.db, 'coordinator');
    await rpc(t.db, 'approve_idea', { p_idea_id: c });
    await authenticateAs(t.db, 'moderatorDurres');
    const result = await rpc<{ rejected: string[]; skipped: { id: string; moderated_by_name: string }[] }>(t.db, 'reject_ideas', {
      p_idea_ids: [a, b, c], p_reason: 'duplicate', p_feedback_sq: 'Faleminderit! Një ide si kjo është tashmë në faqe.',
    });
    expect(result.rejected.sort()).toEqual([a, b].sort());
    expect(result.skipped).toEqual([{ id: c, status: 'approved', moderated_by_name: 'Koordinatorja Kombëtare' }]);
    await resetRole(t.db);
    expect(await count(t.db, "select * from public.moderation_log where action = 'reject' and idea_id = any($1)", [[a, b]])).toBe(2);
  });

  it('does nothing when one idea belongs to another region', async () => {
    const a = await submit('DUR234', 'Ide për postera në shkollë, Durrës.');
    const kukes = await submit('KUK234', 'Ide për postera në shkollë, Kukës.');
    expect(await errorOf('moderatorDurres', 'reject_ideas', {
      p_idea_ids: [a, kukes], p_reason: 'duplicate', p_feedback_sq: 'Faleminderit!' })).toBe('not_allowed');
    expect(await statusOf(a)).toBe('pending');
  });
});

describe('adopt_idea', () => {
  it('links an approved idea to several activities of its region with plain feedback', async () => {
    const id = await submit('DUR234', 'Një video në TikTok për ofertat e rreme të punës.');
    await resetRole(t.db);
    const { rows } = await t.db.query<{ id: string }>("select id from public.public_plan_activities where region = 'durres' and pillar = 'prevention' order by objective_position, position");
    const activities = rows.map((r) => r.id).slice(0, 2);
    await authenticateAs(t.db, 'moderatorDurres');
    expect(await errorOf('moderatorDurres', 'adopt_idea', { p_idea_id: id, p_activity_ids: activities })).toBe('idea_not_approved');
    await rpc(t.db, 'approve_idea', { p_idea_id: id });
    expect(await errorOf('moderatorDurres', 'adopt_idea', { p_idea_id: id, p_activity_ids: activities })).toBe('feedback_required');
    expect(await errorOf('moderatorKukes', 'adopt_idea', { p_idea_id: id, p_activity_ids: activities, p_feedback_sq: 'Bravo!' })).toBe('not_allowed');
    await authenticateAs(t.db, 'moderatorDurres');
    const result = await rpc<{ status: string }>(t.db, 'adopt_idea', {
      p_idea_id: id, p_activity_ids: activities, p_note: 'Për fushatën e vjeshtës.', p_feedback_sq: 'Bravo! Ideja jote hyn në planin tonë.',
    });
    expect(result.status).toBe('adopted');
    await resetRole(t.db);
    expect(await count(t.db, 'select * from public.idea_activity_links where idea_id = $1', [id])).toBe(2);
  });
});
