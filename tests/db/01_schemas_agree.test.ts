// The SQL check constraints and submit_idea mirror src/lib/schemas; feeding the
// same boundary values through both keeps them in step.
import { describe, expect, it } from 'vitest';
import { logActions } from '../../src/lib/logActions.ts';
import { ageBands, CAN_DO_MAX, IDEA_TEXT_MAX, IDEA_TEXT_MIN, ideaSchema, ideaThemes } from '../../src/lib/schemas/idea.ts';
import { createSessionSchema, gradeBands, MAX_IDEAS_MAX, SCHOOL_MAX, SCHOOL_MIN, STUDENTS_PRESENT_MAX } from '../../src/lib/schemas/session.ts';
import { authenticateAs, ideaArgs, rpcAttempt, useTestDatabase } from './harness.ts';

const t = useTestDatabase();

function zodAccepts(fields: Record<string, unknown>): boolean {
  return ideaSchema.safeParse({
    sessionCode: 'KUK234',
    text: 'Një ide e mjaftueshme për provë.',
    theme: 'school',
    locale: 'sq',
    publishConsent: true,
    idempotencyKey: crypto.randomUUID(),
    receiptCode: 'ABCDE-FGHJK',
    ...fields,
  }).success;
}

async function sqlAccepts(args: Record<string, unknown>): Promise<boolean> {
  await authenticateAs(t.db, 'anon');
  const result = await rpcAttempt(t.db, 'submit_idea', ideaArgs({ p_code: 'SHK234', ...args }));
  if (!result.ok && !result.error.message.startsWith('invalid_')) throw new Error(JSON.stringify(result.error));
  return result.ok;
}

describe('idea limits agree between zod and SQL', () => {
  const texts = [
    ['9 characters', 'a'.repeat(IDEA_TEXT_MIN - 1)],
    ['10 characters', 'a'.repeat(IDEA_TEXT_MIN)],
    ['1000 characters', 'ë'.repeat(IDEA_TEXT_MAX)],
    ['1001 characters', 'a'.repeat(IDEA_TEXT_MAX + 1)],
    ['10 characters padded with spaces and newlines', `  \n${'a'.repeat(10)}\t `],
    ['9 characters padded to 12', ` ${'a'.repeat(9)}  `],
    ['10 emoji', '😀'.repeat(10)],
    ['9 emoji', '😀'.repeat(9)],
    ['e + combining diaeresis x 5 (10 before NFC, 5 after)', 'e\u0308'.repeat(5)],
    ['only whitespace', '            '],
    ['non-breaking spaces around 10 characters', `\u00a0${'b'.repeat(10)}\u00a0`],
    ['10 characters with bidi overrides and zero-width spaces (refused: 6 visible)', `\u202e${'c'.repeat(6)}\u200b\u2066\u2069\u200f`],
    ['10 characters plus invisible controls', `\u202e${'c'.repeat(10)}\u202c\ufeff`],
    ['emoji joined by U+200D count as their parts', '👩\u200d👩\u200d👧'.repeat(2)],
  ] as const;

  for (const [name, text] of texts) {
    it(`text: ${name}`, async () => {
      expect(await sqlAccepts({ p_text: text })).toBe(zodAccepts({ text }));
    });
  }

  for (const [name, canDo] of [
    ['500 characters', 'c'.repeat(CAN_DO_MAX)],
    ['501 characters', 'c'.repeat(CAN_DO_MAX + 1)],
    ['whitespace only', '   '],
  ] as const) {
    it(`can_do: ${name}`, async () => {
      expect(await sqlAccepts({ p_can_do: canDo })).toBe(zodAccepts({ canDo }));
    });
  }

  it('themes, age bands and locales are the same lists', async () => {
    for (const theme of [...ideaThemes, 'politics']) {
      expect(await sqlAccepts({ p_theme: theme }), theme).toBe(zodAccepts({ theme }));
    }
    for (const ageBand of [...ageBands, '10-11']) {
      expect(await sqlAccepts({ p_age_band: ageBand }), ageBand).toBe(zodAccepts({ ageBand }));
    }
    for (const locale of ['sq', 'en', 'it']) {
      expect(await sqlAccepts({ p_locale: locale }), locale).toBe(zodAccepts({ locale }));
    }
  });

  it('receipt code form agrees', async () => {
    for (const code of ['ABCDE-FGHJK', 'mnpqr stuvw', 'ABCDE-FGHJ0', 'ABCDEFGHJ', 'ABCDE-FGHJI']) {
      expect(await sqlAccepts({ p_receipt_code: code }), code).toBe(zodAccepts({ receiptCode: code }));
    }
  });
});

describe('session limits agree between zod and the class_sessions constraints', () => {
  const now = new Date();
  const base = {
    school: 'Shkolla Demo',
    gradeBand: '10-12',
    opensAt: new Date(now.getTime() - 60_000),
    closesAt: new Date(now.getTime() + 3_600_000),
  };

  async function teacherCanInsert(fields: Record<string, unknown>): Promise<boolean> {
    const row = { school: base.school, grade_band: base.gradeBand, opens_at: base.opensAt, closes_at: base.closesAt, max_ideas: 40, students_present: null, ...fields };
    await authenticateAs(t.db, 'teacherKukes');
    await t.db.exec('savepoint s');
    try {
      await t.db.query(
        `insert into public.class_sessions (kind, region, school, grade_band, opens_at, closes_at, max_ideas, students_present)
         values ('class', 'kukes', $1, $2, $3, $4, $5, $6)`,
        [row.school, row.grade_band, row.opens_at, row.closes_at, row.max_ideas, row.students_present],
      );
      await t.db.exec('release savepoint s');
      return true;
    } catch {
      await t.db.exec('rollback to savepoint s');
      return false;
    }
  }

  const schema = createSessionSchema(() => now);
  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['school 2 characters', { school: 'ab' }, { school: 'ab' }],
    ['school 1 character', { school: 'a' }, { school: 'a' }],
    ['school 120 characters', { school: 's'.repeat(SCHOOL_MAX) }, { school: 's'.repeat(SCHOOL_MAX) }],
    ['school 121 characters', { school: 's'.repeat(SCHOOL_MAX + 1) }, { school: 's'.repeat(SCHOOL_MAX + 1) }],
    ['max ideas 200', { maxIdeas: MAX_IDEAS_MAX }, { max_ideas: MAX_IDEAS_MAX }],
    ['max ideas 201', { maxIdeas: MAX_IDEAS_MAX + 1 }, { max_ideas: MAX_IDEAS_MAX + 1 }],
    ['max ideas 0', { maxIdeas: 0 }, { max_ideas: 0 }],
    ['students present 100', { studentsPresent: STUDENTS_PRESENT_MAX }, { students_present: STUDENTS_PRESENT_MAX }],
    ['students present 101', { studentsPresent: STUDENTS_PRESENT_MAX + 1 }, { students_present: STUDENTS_PRESENT_MAX + 1 }],
    ['window of 8 hours', { closesAt: new Date(base.opensAt.getTime() + 8 * 3_600_000) }, { closes_at: new Date(base.opensAt.getTime() + 8 * 3_600_000) }],
    ['window of 8 hours and a minute', { closesAt: new Date(base.opensAt.getTime() + 8 * 3_600_000 + 60_000) }, { closes_at: new Date(base.opensAt.getTime() + 8 * 3_600_000 + 60_000) }],
    ['closes before it opens', { closesAt: new Date(base.opensAt.getTime() - 1000) }, { closes_at: new Date(base.opensAt.getTime() - 1000) }],
  ];
  for (const [name, zodFields, sqlFields] of cases) {
    it(name, async () => {
      expect(SCHOOL_MIN).toBe(2);
      const zod = schema.safeParse({ ...base, ...zodFields }).success;
      expect(await teacherCanInsert(sqlFields)).toBe(zod);
    });
  }

  it('grade bands are the same list', async () => {
    for (const gradeBand of [...gradeBands, '1-5']) {
      const zod = schema.safeParse({ ...base, gradeBand }).success;
      expect(await teacherCanInsert({ grade_band: gradeBand }), gradeBand).toBe(zod);
    }
  });
});

describe('vocabularies agree between src/lib and SQL', () => {
  it('the moderation log actions are those of src/lib/logActions.ts', async () => {
    const { rows } = await t.db.query<{ def: string }>(`
      select pg_get_constraintdef(c.oid) as def from pg_constraint c
      where c.conrelid = 'public.moderation_log'::regclass and c.contype = 'c' and pg_get_constraintdef(c.oid) like '%action%'`);
    const inSql = [...(rows[0]?.def ?? '').matchAll(/'([a-z_]+)'::text/g)].map((match) => match[1]).sort();
    expect(inSql).toEqual([...logActions].sort());
  });
});
