// Issue 12, item 3: a named safeguarding officer per region. Only the
// region's officers read a flagged idea's words (every read logged); other
// moderators see that it exists and when it came; the coordinator reads it
// only through a logged break glass with a reason; flags no officer read
// within one working day (Albanian public holidays counted) reach the
// coordinator's overview; a referral records what was done from a fixed list.
import { describe, expect, it } from 'vitest';
import { referralActions } from '../../src/lib/referralActions.ts';
import {
  addMemberKukes, attempt, authenticateAs, count, expectFailure, ideaArgs, resetRole, rpc, rpcAttempt, useTestDatabase, users,
  type Persona,
} from './harness.ts';

const t = useTestDatabase();
const DISCLOSURE = 'Më kanë marrë pasaportën dhe nuk më lënë të dal nga shtëpia.';

interface Card {
  id: string;
  text: string | null;
  can_do: string | null;
  original_hidden: boolean;
  created_at: string;
  safeguarding_flag: boolean;
  flag_details: { safeguarding: unknown[] };
  questions: Array<{ text: string | null; safeguarding_flag: boolean }>;
}

/** A flagged Kukës idea sent `minutesAgo` minutes ago (as a student would), with its id. */
async function flaggedIdea(minutesAgo = 0): Promise<string> {
  await authenticateAs(t.db, 'anon');
  const result = await rpc<{ receipt_code: string }>(t.db, 'submit_idea', ideaArgs({ p_text: DISCLOSURE, p_can_do: 'Të flas me dikë.' }));
  await resetRole(t.db);
  // created_at is immutable for every role; the trigger is disabled for this fixture only.
  await t.db.exec('alter table public.ideas disable trigger protect_idea_original');
  const { rows } = await t.db.query<{ id: string }>(
    `update public.ideas set created_at = now() - make_interval(mins => $2)
     where receipt_hash = private.receipt_hash($1) returning id`, [result.receipt_code, minutesAgo]);
  await t.db.exec('alter table public.ideas enable trigger protect_idea_original');
  return rows[0]!.id;
}

async function queueCard(persona: Persona, id: string): Promise<Card | undefined> {
  await authenticateAs(t.db, persona);
  const queue = await rpc<{ items: Card[] }>(t.db, 'moderation_queue', { p_region: 'kukes', p_status: null, p_limit: 100 });
  await resetRole(t.db);
  return queue.items.find((item) => item.id === id);
}

async function errorOf(persona: Persona, fn: string, args: Record<string, unknown>): Promise<string> {
  await authenticateAs(t.db, persona);
  const result = await rpcAttempt(t.db, fn, args);
  await resetRole(t.db);
  return result.ok ? 'ok' : result.error.message;
}

const reads = (id: string) => count(t.db, "select * from public.moderation_log where idea_id = $1 and action = 'read_flagged'", [id]);

describe('only the region\'s safeguarding officers read flagged words', () => {
  it('the officer\'s queue shows the words; another member sees the flagged idea and its date, not its words', async () => {
    await addMemberKukes(t.db);
    const id = await flaggedIdea();
    const officer = await queueCard('moderatorKukes', id);
    expect(officer).toMatchObject({ text: DISCLOSURE, can_do: 'Të flas me dikë.', original_hidden: false });
    expect(officer!.flag_details.safeguarding.length).toBeGreaterThan(0);
    const member = await queueCard('memberKukes', id);
    expect(member).toMatchObject({ id, safeguarding_flag: true, text: null, can_do: null, original_hidden: true, created_at: expect.any(String) });
    expect(member!.flag_details.safeguarding).toEqual([]);
    expect(JSON.stringify(member)).not.toContain('pasaport');
  });

  it('the coordinator\'s queue shows no flagged words', async () => {
    const id = await flaggedIdea();
    const card = await queueCard('coordinator', id);
    expect(card).toMatchObject({ text: null, original_hidden: true });
  });

  it('a flagged question\'s text reaches only the officer', async () => {
    await addMemberKukes(t.db);
    await authenticateAs(t.db, 'anon');
    await rpc(t.db, 'ask_about_idea', { p_receipt_code: 'KUKES-APRV2', p_text: 'Më ndihmoni, më kanë marrë pasaportën.' });
    await resetRole(t.db);
    const { rows } = await t.db.query<{ id: string }>("select id from public.ideas where receipt_hash = private.receipt_hash('KUKES-APRV2')");
    const id = rows[0]!.id;
    const texts = async (persona: Persona) => (await queueCard(persona, id))!.questions.map((q) => q.text);
    expect(await texts('moderatorKukes')).toContain('Më ndihmoni, më kanë marrë pasaportën.');
    expect(await texts('memberKukes')).toContain(null);
    expect(await texts('memberKukes')).not.toContain('Më ndihmoni, më kanë marrë pasaportën.');
    await authenticateAs(t.db, 'moderatorKukes');
    expect(await count(t.db, 'select * from public.idea_questions where safeguarding_flag')).toBe(0);
    await resetRole(t.db);
  });

  it('no direct read of the table returns a flagged idea, officer and coordinator included', async () => {
    await addMemberKukes(t.db);
    const id = await flaggedIdea();
    for (const persona of ['moderatorKukes', 'memberKukes', 'coordinator', 'teacherKukes'] as const) {
      await authenticateAs(t.db, persona);
      expect(await count(t.db, 'select text from public.ideas where id = $1', [id]), persona).toBe(0);
    }
    await resetRole(t.db);
  });

  it('similar_ideas says nothing about a flagged idea to a member who is not the officer', async () => {
    await addMemberKukes(t.db);
    const id = await flaggedIdea();
    await authenticateAs(t.db, 'memberKukes');
    expect(await rpc(t.db, 'similar_ideas', { p_idea_id: id })).toEqual([]);
    await resetRole(t.db);
  });
});

describe('only those who read the words decide on a flagged idea', () => {
  const feedback = { p_feedback_sq: 'Faleminderit që na shkrove.' };

  it('a member who is not the officer, and the coordinator, cannot reject, refer or answer it', async () => {
    await addMemberKukes(t.db);
    const id = await flaggedIdea();
    await t.db.query("insert into public.idea_questions (idea_id, text) values ($1, 'Kur do ta lexoni?')", [id]);
    const { rows } = await t.db.query<{ id: string }>('select id from public.idea_questions where idea_id = $1', [id]);
    for (const persona of ['memberKukes', 'coordinator'] as const) {
      expect(await errorOf(persona, 'reject_with_feedback', { p_idea_id: id, p_reason: 'other', ...feedback }), persona).toBe('flagged_officer_only');
      expect(await errorOf(persona, 'reject_ideas', { p_idea_ids: [id], p_reason: 'other', ...feedback }), persona).toBe('flagged_officer_only');
      expect(await errorOf(persona, 'escalate_idea', { p_idea_id: id, p_action: 'police' }), persona).toBe('flagged_officer_only');
      expect(await errorOf(persona, 'reply_to_question', { p_question_id: rows[0]!.id, p_answer: 'Së shpejti.' }), persona).toBe('flagged_officer_only');
    }
    expect(await count(t.db, "select * from public.ideas where id = $1 and status = 'pending'", [id])).toBe(1);
    expect(await errorOf('moderatorKukes', 'reply_to_question', { p_question_id: rows[0]!.id, p_answer: 'Së shpejti.' })).toBe('ok');
    expect(await errorOf('moderatorKukes', 'reject_with_feedback', { p_idea_id: id, p_reason: 'other', ...feedback })).toBe('ok');
  });
});

describe('every read of flagged words is logged', () => {
  it('each queue page that shows the officer a flagged idea logs who read which idea, and when', async () => {
    const id = await flaggedIdea();
    await queueCard('moderatorKukes', id);
    await queueCard('moderatorKukes', id);
    const { rows } = await t.db.query<{ actor: string; region: string; via: string; recent: boolean }>(
      "select actor, region, after ->> 'via' as via, at > now() - interval '1 minute' as recent from public.moderation_log where idea_id = $1 and action = 'read_flagged'", [id]);
    expect(rows).toEqual([
      { actor: users.moderatorKukes, region: 'kukes', via: 'officer', recent: true },
      { actor: users.moderatorKukes, region: 'kukes', via: 'officer', recent: true },
    ]);
  });

  it('pages without flagged words, and queues of those who see no words, log nothing', async () => {
    await addMemberKukes(t.db);
    const id = await flaggedIdea();
    await queueCard('memberKukes', id);
    await queueCard('coordinator', id);
    await authenticateAs(t.db, 'moderatorKukes');
    await rpc(t.db, 'moderation_queue', { p_flag: 'none' });
    await resetRole(t.db);
    expect(await count(t.db, "select * from public.moderation_log where action = 'read_flagged'")).toBe(0);
  });

  it('the log of reads is append-only', async () => {
    const id = await flaggedIdea();
    await queueCard('moderatorKukes', id);
    const change = await expectFailure(t.db, "delete from public.moderation_log where action = 'read_flagged'");
    expect(change.message).toBe('moderation_log_append_only');
  });
});

describe('the coordinator\'s break glass', () => {
  it('needs a reason of 10 to 300 characters', async () => {
    const id = await flaggedIdea();
    for (const reason of [null, '', '   ', 'short', 'x'.repeat(301)]) {
      expect(await errorOf('coordinator', 'break_glass_flagged_idea', { p_idea_id: id, p_reason: reason }), String(reason)).toBe('invalid_break_glass_reason');
    }
    expect(await reads(id)).toBe(0);
  });

  it('returns the words and logs the read with the reason', async () => {
    const id = await flaggedIdea();
    const reason = 'Prindi telefonoi zyrën kombëtare për këtë rast.';
    await authenticateAs(t.db, 'coordinator');
    const card = await rpc<Card>(t.db, 'break_glass_flagged_idea', { p_idea_id: id, p_reason: reason });
    await resetRole(t.db);
    expect(card).toMatchObject({ id, text: DISCLOSURE, original_hidden: false });
    const { rows } = await t.db.query<{ actor: string; after: unknown }>(
      "select actor, after from public.moderation_log where idea_id = $1 and action = 'read_flagged'", [id]);
    expect(rows).toEqual([{ actor: users.coordinator, after: { via: 'break_glass', reason } }]);
  });

  it('is the coordinator\'s alone, and only for flagged words', async () => {
    await addMemberKukes(t.db);
    const id = await flaggedIdea();
    const reason = 'Një arsye e mjaftueshme për provë.';
    for (const persona of ['moderatorKukes', 'memberKukes', 'teacherKukes'] as const) {
      expect(await errorOf(persona, 'break_glass_flagged_idea', { p_idea_id: id, p_reason: reason }), persona).toBe('not_allowed');
    }
    expect(await errorOf('anon', 'break_glass_flagged_idea', { p_idea_id: id, p_reason: reason })).toMatch(/permission denied/);
    const { rows } = await t.db.query<{ id: string }>("select id from public.ideas where receipt_hash = private.receipt_hash('KUKES-PEND2')");
    expect(await errorOf('coordinator', 'break_glass_flagged_idea', { p_idea_id: rows[0]!.id, p_reason: reason })).toBe('idea_not_flagged');
  });
});

describe('working days and unacknowledged flags', () => {
  it('the holiday table lists Albanian public holidays for 2026 and 2027, readable by staff only', async () => {
    const { rows } = await t.db.query<{ year: number; n: number }>(
      'select extract(year from day)::int as year, count(*)::int as n from public.public_holidays group by 1 order by 1');
    expect(rows.map((r) => r.year)).toEqual([2026, 2027]);
    expect(rows.every((r) => r.n >= 12)).toBe(true);
    expect(await count(t.db, "select * from public.public_holidays where day in ('2026-01-01', '2026-05-01', '2026-12-25', '2027-11-22')")).toBe(4);
    await authenticateAs(t.db, 'moderatorKukes');
    expect(await count(t.db, 'select * from public.public_holidays')).toBeGreaterThan(20);
    await authenticateAs(t.db, 'anon');
    const anon = await attempt(t.db, 'select * from public.public_holidays');
    await resetRole(t.db);
    expect(anon.ok ? 'read' : anon.error.code).toBe('42501');
  });

  it('one working day skips weekends and public holidays, in Tirana time', async () => {
    const due = async (at: string) => {
      const { rows } = await t.db.query<{ due: string }>(
        "select to_char(private.add_working_days($1::timestamptz, 1) at time zone 'Europe/Tirane', 'YYYY-MM-DD HH24:MI') as due", [at]);
      return rows[0]!.due;
    };
    expect(await due('2026-06-10 09:00+02')).toBe('2026-06-11 09:00'); // Wednesday
    expect(await due('2026-06-05 15:00+02')).toBe('2026-06-08 15:00'); // Friday -> Monday
    expect(await due('2026-04-03 15:00+02')).toBe('2026-04-07 15:00'); // Friday before Catholic Easter Monday
    expect(await due('2026-12-31 15:00+01')).toBe('2027-01-05 15:00'); // New Year, weekend and the Monday in lieu
    expect(await due('2026-11-27 10:00+01')).toBe('2026-12-02 10:00'); // 28-29 November on a weekend
    const { rows } = await t.db.query<{ n: number }>(
      "select private.working_days_between('2026-12-24 10:00+01', '2027-01-05 10:00+01') as n");
    // 28-31 December and 5 January; 25 December, 1 and 4 January and the weekends do not count.
    expect(rows[0]!.n).toBe(5);
  });

  it('working_days_between counts like going day by day, over spans of any length', async () => {
    const { rows } = await t.db.query<{ from: string; to: string; fast: number; slow: number }>(`
      select f::date::text as from, (f + d * interval '1 day')::date::text as to,
        private.working_days_between(f, f + d * interval '1 day') as fast,
        (select count(*)::int from generate_series(f::date + 1, (f + d * interval '1 day')::date, interval '1 day') as x
          where private.is_working_day(x::date)) as slow
      from generate_series('2026-01-01 12:00+01'::timestamptz, '2027-12-01 12:00+01', interval '23 days') as f,
        (values (0), (1), (3), (6), (7), (8), (13), (40), (400)) as v(d)`);
    expect(rows.length).toBeGreaterThan(200);
    expect(rows.filter((r) => r.fast !== r.slow)).toEqual([]);
  });

  it('a flag no officer read within one working day reaches the coordinator\'s overview, without words', async () => {
    const old = await flaggedIdea(6 * 24 * 60);
    const fresh = await flaggedIdea(1);
    await authenticateAs(t.db, 'coordinator');
    const overview = await rpc<{ safeguarding_overdue: Array<Record<string, unknown>> }>(t.db, 'admin_overview');
    await resetRole(t.db);
    const ids = overview.safeguarding_overdue.map((o) => o.id);
    expect(ids).toContain(old);
    expect(ids).not.toContain(fresh);
    const entry = overview.safeguarding_overdue.find((o) => o.id === old)!;
    expect(Object.keys(entry).sort()).toEqual(['created_at', 'due_at', 'id', 'region', 'working_days']);
    expect(entry).toMatchObject({ region: 'kukes' });
    expect(entry.working_days).toBeGreaterThanOrEqual(3);
  });

  it('the officer reading it acknowledges it; the coordinator\'s break glass does not', async () => {
    const old = await flaggedIdea(6 * 24 * 60);
    const overdue = async () => {
      await authenticateAs(t.db, 'coordinator');
      const overview = await rpc<{ safeguarding_overdue: Array<{ id: string }> }>(t.db, 'admin_overview');
      await resetRole(t.db);
      return overview.safeguarding_overdue.map((o) => o.id);
    };
    await authenticateAs(t.db, 'coordinator');
    await rpc(t.db, 'break_glass_flagged_idea', { p_idea_id: old, p_reason: 'Kontroll nga zyra kombëtare.' });
    await resetRole(t.db);
    expect(await overdue()).toContain(old);
    await queueCard('moderatorKukes', old);
    expect(await overdue()).not.toContain(old);
  });

  it('a member who is not the officer opening it does not acknowledge it', async () => {
    await addMemberKukes(t.db);
    const old = await flaggedIdea(6 * 24 * 60);
    await queueCard('memberKukes', old);
    expect(await errorOf('memberKukes', 'mark_idea_read', { p_idea_id: old })).toBe('ok');
    await authenticateAs(t.db, 'moderatorKukes');
    const board = await rpc<{ safeguarding_overdue: Array<{ id: string }> }>(t.db, 'committee_dashboard', {});
    await resetRole(t.db);
    expect(board.safeguarding_overdue.map((o) => o.id)).toContain(old);
  });
});

describe('a referral records what was done', () => {
  it('the SQL list is src/lib/referralActions.ts', async () => {
    const { rows } = await t.db.query<{ actions: string[] }>('select private.referral_actions() as actions');
    expect(rows[0]!.actions).toEqual([...referralActions]);
  });

  it('the referrals table refuses anything else, whoever writes', async () => {
    const bad = await expectFailure(t.db, "insert into public.referrals (region, action) values ('kukes', 'told_a_friend')");
    expect(bad.code).toBe('23514');
    const none = await expectFailure(t.db, "insert into public.referrals (region, action) values ('kukes', 'none')");
    expect(none.message).toMatch(/referrals_none_has_reason/);
  });

  it('escalate_idea takes each action from the list; none needs a reason', async () => {
    for (const action of referralActions) {
      const id = await flaggedIdea();
      const reason = action === 'none' ? 'Fëmija është tashmë në kujdes të shërbimeve.' : null;
      if (action === 'none') {
        expect(await errorOf('moderatorKukes', 'escalate_idea', { p_idea_id: id, p_action: 'none', p_reason: '  ' })).toBe('referral_reason_required');
      }
      expect(await errorOf('moderatorKukes', 'escalate_idea', { p_idea_id: id, p_action: action, p_reason: reason }), action).toBe('ok');
      expect(await count(t.db, 'select * from public.referrals where idea_id = $1 and action = $2 and reason is not distinct from $3', [id, action, reason])).toBe(1);
    }
    const id = await flaggedIdea();
    expect(await errorOf('moderatorKukes', 'escalate_idea', { p_idea_id: id, p_action: 'helpline' })).toBe('invalid_referral_action');
    expect(await errorOf('moderatorKukes', 'escalate_idea', { p_idea_id: id, p_action: 'police', p_reason: 'x'.repeat(501) })).toBe('invalid_referral_reason');
  });
});
