import { describe, expect, it } from 'vitest';
import { authenticateAs, count, ideaArgs, resetRole, rpc, rpcAttempt, sessions, testReceiptCode, useTestDatabase } from './harness.ts';

const t = useTestDatabase();

interface Receipt {
  receipt_code: string | null;
  submitted_at: string;
  duplicate: boolean;
}

async function ideaCount(): Promise<number> {
  await resetRole(t.db);
  return count(t.db, 'select * from public.ideas');
}

/** Submits as anon and expects the stable error code, with no row written. */
async function expectRefused(args: Record<string, unknown>, code: string, sqlstate = 'P0001'): Promise<void> {
  const before = await ideaCount();
  await authenticateAs(t.db, 'anon');
  const result = await rpcAttempt(t.db, 'submit_idea', ideaArgs(args));
  expect(result.ok ? 'accepted' : `${result.error.code} ${result.error.message}`).toBe(`${sqlstate} ${code}`);
  expect(await ideaCount()).toBe(before);
}

describe('submit_idea accepts', () => {
  it('an idea from anon and returns a generated 10-character receipt code', async () => {
    await authenticateAs(t.db, 'anon');
    const receipt = await rpc<Receipt>(t.db, 'submit_idea', ideaArgs());
    expect(receipt.duplicate).toBe(false);
    expect(receipt.receipt_code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    await resetRole(t.db);
    const { rows } = await t.db.query<{ receipt_hash: string; region: string; status: string }>(
      'select receipt_hash, region, status from public.ideas where receipt_hash = private.receipt_hash($1)',
      [receipt.receipt_code],
    );
    expect(rows).toEqual([{ receipt_hash: expect.stringMatching(/^[0-9a-f]{64}$/), region: 'kukes', status: 'pending' }]);
  });

  it('a text without its invisible bidi and zero-width controls (a reversed number behind U+202E is stored as written)', async () => {
    await authenticateAs(t.db, 'anon');
    const receipt = await rpc<Receipt>(t.db, 'submit_idea', ideaArgs({ p_text: '\u202eNjë ide\u200b për shkollën\u2066 tonë\u2069\ufeff', p_can_do: '\u200fMund të ndihmoj\u202c' }));
    await resetRole(t.db);
    const { rows } = await t.db.query<{ text: string; can_do: string }>(
      'select text, can_do from public.ideas where receipt_hash = private.receipt_hash($1)',
      [receipt.receipt_code],
    );
    expect(rows).toEqual([{ text: 'Një ide për shkollën tonë', can_do: 'Mund të ndihmoj' }]);
  });

  it('the receipt code made on the device, normalised, storing only its sha256', async () => {
    const code = testReceiptCode();
    await authenticateAs(t.db, 'anon');
    const receipt = await rpc<Receipt>(t.db, 'submit_idea', ideaArgs({ p_receipt_code: `${code.slice(0, 5).toLowerCase()}-${code.slice(5)}` }));
    expect(receipt.receipt_code).toBe(code);
    await resetRole(t.db);
    expect(await count(t.db, 'select * from public.ideas where receipt_hash = encode(extensions.digest($1, \'sha256\'), \'hex\')', [code])).toBe(1);
    expect(await count(t.db, "select * from public.ideas where row_to_json(ideas)::text like '%' || $1 || '%'", [code])).toBe(0);
  });

  it('the same idempotency key twice as one idea, echoing the code only when sent again', async () => {
    const key = crypto.randomUUID();
    const code = testReceiptCode();
    await authenticateAs(t.db, 'anon');
    const first = await rpc<Receipt>(t.db, 'submit_idea', ideaArgs({ p_idempotency_key: key, p_receipt_code: code }));
    const retry = await rpc<Receipt>(t.db, 'submit_idea', ideaArgs({ p_idempotency_key: key, p_receipt_code: code }));
    const blind = await rpc<Receipt>(t.db, 'submit_idea', ideaArgs({ p_idempotency_key: key }));
    expect(retry).toEqual({ ...first, duplicate: true });
    expect(blind).toEqual({ receipt_code: null, submitted_at: first.submitted_at, duplicate: true });
    await resetRole(t.db);
    expect(await count(t.db, 'select * from public.ideas where idempotency_key = $1', [key])).toBe(1);
  });

  it('a retry after the session closed still gets the first answer', async () => {
    const key = crypto.randomUUID();
    await authenticateAs(t.db, 'anon');
    const first = await rpc<Receipt>(t.db, 'submit_idea', ideaArgs({ p_code: 'DUR234', p_idempotency_key: key }));
    await resetRole(t.db);
    await t.db.query('update public.class_sessions set closed_at = now() where id = $1', [sessions.durresOpenCall]);
    await authenticateAs(t.db, 'anon');
    const retry = await rpc<Receipt>(t.db, 'submit_idea', ideaArgs({ p_code: 'DUR234', p_idempotency_key: key }));
    expect(retry).toMatchObject({ duplicate: true, submitted_at: first.submitted_at });
  });

  it('sets the personal-data and safeguarding flags with their spans', async () => {
    const code = testReceiptCode();
    await authenticateAs(t.db, 'anon');
    await rpc(t.db, 'submit_idea', ideaArgs({ p_text: 'Më morën pasaportën. Më shkruani në 069 123 4567.', p_receipt_code: code }));
    await resetRole(t.db);
    const { rows } = await t.db.query<{ personal_data_flag: boolean; safeguarding_flag: boolean; flag_details: { personalData: { kind: string }[]; safeguarding: { kind: string }[] } }>(
      'select personal_data_flag, safeguarding_flag, flag_details from public.ideas where receipt_hash = private.receipt_hash($1)',
      [code],
    );
    expect(rows[0]).toMatchObject({ personal_data_flag: true, safeguarding_flag: true });
    expect(rows[0]!.flag_details.personalData.map((span) => span.kind)).toEqual(['phone']);
    expect(rows[0]!.flag_details.safeguarding.map((span) => span.kind)).toEqual(['documents']);
  });

  it('a transcribed idea from the session\'s own teacher', async () => {
    await authenticateAs(t.db, 'teacherKukes');
    const receipt = await rpc<Receipt>(t.db, 'submit_idea', ideaArgs({ p_transcribed: true }));
    expect(receipt.duplicate).toBe(false);
  });
});

describe('submit_idea refuses, writing nothing', () => {
  it('empty, too short and too long text', async () => {
    await expectRefused({ p_text: '' }, 'invalid_text');
    await expectRefused({ p_text: null }, 'invalid_text');
    await expectRefused({ p_text: '   short   ' }, 'invalid_text');
    await expectRefused({ p_text: 'x'.repeat(1001) }, 'invalid_text');
  });

  it('a theme, age band or locale outside the lists', async () => {
    await expectRefused({ p_theme: 'politics' }, 'invalid_theme');
    await expectRefused({ p_theme: null }, 'invalid_theme');
    await expectRefused({ p_age_band: '9-11' }, 'invalid_age_band');
    await expectRefused({ p_locale: 'it' }, 'invalid_locale');
  });

  it('a too long can-do text, missing consent, missing key, malformed receipt code', async () => {
    await expectRefused({ p_can_do: 'c'.repeat(501) }, 'invalid_can_do');
    await expectRefused({ p_publish_consent: null }, 'invalid_consent');
    await expectRefused({ p_idempotency_key: null }, 'invalid_idempotency_key');
    await expectRefused({ p_receipt_code: 'ABCDE-FGHI0' }, 'invalid_receipt_code');
    await expectRefused({ p_receipt_code: 'ABC' }, 'invalid_receipt_code');
  });

  it('an unknown code, answered (not raised) so that the failed join is counted', async () => {
    await authenticateAs(t.db, 'anon');
    expect(await rpc(t.db, 'submit_idea', ideaArgs({ p_code: 'ZZZ999' }))).toEqual({
      receipt_code: null, submitted_at: null, duplicate: false, refused: 'session_unknown',
    });
  });

  it('a closed, not yet open or full session', async () => {
    await t.db.query('update public.class_sessions set closed_at = now() where id = $1', [sessions.shkoderOpenCall]);
    await expectRefused({ p_code: 'SHK234' }, 'session_closed');
    await resetRole(t.db);
    await t.db.query("update public.class_sessions set closes_at = now() - interval '1 minute' where id = $1", [sessions.durresOpenCall]);
    await expectRefused({ p_code: 'DUR234' }, 'session_closed');
    await resetRole(t.db);
    await t.db.query("update public.class_sessions set opens_at = now() + interval '1 hour' where id = $1", [sessions.lezheOpenCall]);
    await expectRefused({ p_code: 'LEZ234' }, 'session_not_open');
    await resetRole(t.db);
    await t.db.query('update public.class_sessions set max_ideas = 6 where id = $1', [sessions.kukesClass]);
    await expectRefused({ p_code: 'KUK234' }, 'session_full');
  });

  it('a burst over the per-session limit with PT429 rate_limited', async () => {
    await t.db.query("update public.settings set value = '3' where key = 'submit_burst_per_minute'");
    const { rows } = await t.db.query<{ join_code: string }>('select join_code from public.class_sessions where id = $1', [sessions.kukesEmptyClass]);
    const code = rows[0]!.join_code;
    await authenticateAs(t.db, 'anon');
    for (let i = 0; i < 3; i++) await rpc(t.db, 'submit_idea', ideaArgs({ p_code: code }));
    await expectRefused({ p_code: code }, 'rate_limited', 'PT429');
    // Another session is not affected.
    await authenticateAs(t.db, 'anon');
    expect((await rpcAttempt(t.db, 'submit_idea', ideaArgs({ p_code: 'DUR234' }))).ok).toBe(true);
  });

  it('a receipt code already in use', async () => {
    await expectRefused({ p_receipt_code: 'KUKES-PEND2' }, 'receipt_code_taken');
  });

  it('a transcribed idea from anyone but the session\'s teacher', async () => {
    await expectRefused({ p_transcribed: true }, 'not_allowed');
    await authenticateAs(t.db, 'teacherLezhe');
    const result = await rpcAttempt(t.db, 'submit_idea', ideaArgs({ p_transcribed: true }));
    expect(result.ok ? 'accepted' : result.error.message).toBe('not_allowed');
  });
});
