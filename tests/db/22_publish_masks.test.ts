// Issue 12, item 6: the child's words stay the child's. approve_idea takes no
// text: the published text is the original with the moderator's masks
// replaced by "[hequr]" (Albanian idea) or "[removed]" (English), nothing
// else; each mask is logged with its reason, never the words it hid.
import { describe, expect, it } from 'vitest';
import { maskReasons } from '../../src/lib/maskReasons.ts';
import { authenticateAs, count, ideaArgs, resetRole, rpc, rpcAttempt, useTestDatabase } from './harness.ts';

const t = useTestDatabase();

interface Mask {
  start: number;
  end: number;
  reason: string;
}

/** Submits an idea as a student would and returns its id. */
async function idea(text: string, locale: 'sq' | 'en' = 'sq'): Promise<string> {
  await authenticateAs(t.db, 'anon');
  const { receipt_code } = await rpc<{ receipt_code: string }>(t.db, 'submit_idea', ideaArgs({ p_text: text, p_locale: locale }));
  await resetRole(t.db);
  const { rows } = await t.db.query<{ id: string }>('select id from public.ideas where receipt_hash = private.receipt_hash($1)', [receipt_code]);
  return rows[0]!.id;
}

/** Code-point offsets of `word` in `text`, as the detectors and approve_idea count. */
function span(text: string, word: string, reason: string): Mask {
  const start = [...text.slice(0, text.indexOf(word))].length;
  return { start, end: start + [...word].length, reason };
}

/** approve_idea as the Kukës moderator with masks sent as supabase-js sends jsonb. */
async function approve(id: string, masks: unknown): Promise<string> {
  await authenticateAs(t.db, 'moderatorKukes');
  const result = await rpcAttempt(t.db, 'approve_idea', { p_idea_id: id, p_masks: JSON.stringify(masks) });
  await resetRole(t.db);
  return result.ok ? 'ok' : result.error.message;
}

async function publicText(id: string): Promise<string | null> {
  await resetRole(t.db);
  const { rows } = await t.db.query<{ public_text: string | null }>('select public_text from public.ideas where id = $1', [id]);
  return rows[0]!.public_text;
}

describe('approve_idea publishes the original with masks, and nothing else', () => {
  it('replaces exactly the masked spans with [hequr] in an Albanian idea, counting code points', async () => {
    // The emoji is one code point but two UTF-16 units: offsets must count it once.
    const text = 'Unë 🙂 dhe mësuesja Drita bëmë postera në Bicaj për punën jashtë shtetit.';
    const id = await idea(text);
    // Given out of order: the function sorts them.
    expect(await approve(id, [span(text, 'Bicaj', 'identifying_place'), span(text, 'Drita', 'real_person')])).toBe('ok');
    expect(await publicText(id)).toBe('Unë 🙂 dhe mësuesja [hequr] bëmë postera në [hequr] për punën jashtë shtetit.');
  });

  it('uses [removed] for an idea written in English', async () => {
    const text = 'My teacher Drita made posters about fake job offers abroad.';
    const id = await idea(text, 'en');
    expect(await approve(id, [span(text, 'Drita', 'real_person')])).toBe('ok');
    expect(await publicText(id)).toBe('My teacher [removed] made posters about fake job offers abroad.');
  });

  it('publishes the original unchanged when no masks are given', async () => {
    const text = 'Të flasim në klasë për ofertat e rreme të punës jashtë vendit.';
    const id = await idea(text);
    expect(await approve(id, [])).toBe('ok');
    expect(await publicText(id)).toBe(text);
  });

  it('refuses overlapping, out-of-range, empty, malformed, unknown-reason or too many masks, changing nothing', async () => {
    const text = 'Mësuesja Drita në Bicaj na foli për ofertat e rreme të punës.';
    const id = await idea(text);
    const length = [...text].length;
    const drita = span(text, 'Drita', 'real_person');
    const bad: Array<[string, unknown]> = [
      ['overlapping', [drita, { start: drita.start + 2, end: drita.end + 3, reason: 'real_person' }]],
      ['the same span twice', [drita, drita]],
      ['end past the text', [{ start: length - 2, end: length + 1, reason: 'personal_data' }]],
      ['negative start', [{ start: -1, end: 3, reason: 'personal_data' }]],
      ['empty span', [{ start: 4, end: 4, reason: 'personal_data' }]],
      ['end before start', [{ start: 6, end: 2, reason: 'personal_data' }]],
      ['fractional offsets', [{ start: 1.5, end: 3, reason: 'personal_data' }]],
      ['offsets as strings', [{ start: '1', end: '3', reason: 'personal_data' }]],
      ['unknown reason', [{ ...drita, reason: 'too_long' }]],
      ['missing reason', [{ start: drita.start, end: drita.end }]],
      ['an extra key carrying words', [{ ...drita, text: 'Arta' }]],
      ['not an array', drita],
      ['a replacement text instead of masks', 'Një tekst krejt tjetër nga moderatori.'],
      ['more than 50', Array.from({ length: 51 }, (_, n) => ({ start: n, end: n + 1, reason: 'personal_data' }))],
    ];
    for (const [name, masks] of bad) expect(await approve(id, masks), name).toBe('invalid_masks');
    expect(await count(t.db, "select * from public.ideas where id = $1 and status = 'pending' and public_text is null", [id])).toBe(1);
    expect(await count(t.db, "select * from public.moderation_log where idea_id = $1 and action = 'approve'", [id])).toBe(0);
  });

  it('accepts 50 masks, the most allowed', async () => {
    const text = 'a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y z dhe ofertat e rreme.';
    const id = await idea(text);
    const masks = Array.from({ length: 50 }, (_, n) => ({ start: 2 * n, end: 2 * n + 1, reason: 'personal_data' }));
    expect(await approve(id, masks)).toBe('ok');
  });

  it('cannot publish other words: the public text argument is gone and approve_idea has one signature', async () => {
    const id = await idea('Të flasim në klasë për ofertat e rreme të punës jashtë vendit.');
    await authenticateAs(t.db, 'moderatorKukes');
    const rewrite = await rpcAttempt(t.db, 'approve_idea', { p_idea_id: id, p_public_text: 'Teksti që moderatori shkroi vetë.' });
    await resetRole(t.db);
    expect(rewrite.ok ? 'ok' : rewrite.error.code).toBe('42883');
    const { rows } = await t.db.query<{ args: string }>(
      "select pg_get_function_identity_arguments(p.oid) as args from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public' and p.proname = 'approve_idea'");
    expect(rows.map((r) => r.args)).toEqual(['p_idea_id uuid, p_masks jsonb, p_feedback_sq text, p_feedback_en text']);
  });

  it('still refuses a masked text that holds personal data, and publishes once the number is masked', async () => {
    const text = 'Më telefononi në 069 123 4567 për të bërë postera në shkollë.';
    const id = await idea(text);
    expect(await approve(id, [])).toBe('public_text_personal_data');
    expect(await approve(id, [span(text, 'telefononi', 'personal_data')])).toBe('public_text_personal_data');
    expect(await approve(id, [span(text, '069 123 4567', 'personal_data')])).toBe('ok');
    expect(await publicText(id)).toBe('Më telefononi në [hequr] për të bërë postera në shkollë.');
  });

  it('refuses masks that leave too little to publish with invalid_public_text', async () => {
    const text = 'Ofertat e rreme.';
    const id = await idea(text);
    expect(await approve(id, [{ start: 0, end: [...text].length, reason: 'personal_data' }])).toBe('invalid_public_text');
  });

  it('logs every mask with its reason and offsets, never the words it hid', async () => {
    const text = 'Mësuesja Drita dhe Arta nga Bicaj na folën për ofertat e rreme.';
    const id = await idea(text);
    const masks = [span(text, 'Drita', 'real_person'), span(text, 'Arta', 'personal_data'), span(text, 'Bicaj', 'identifying_place')];
    expect(await approve(id, masks)).toBe('ok');
    const { rows } = await t.db.query<{ after: { masks: Mask[] } }>(
      "select after from public.moderation_log where idea_id = $1 and action = 'approve'", [id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.after.masks).toEqual(masks);
    expect(rows[0]!.after.masks.map((m) => m.reason).sort()).toEqual([...maskReasons].sort());
    const logged = JSON.stringify(rows[0]!.after);
    for (const word of ['Drita', 'Arta', 'Bicaj', 'hequr']) expect(logged).not.toContain(word);
  });

  it('the SQL list of reasons is src/lib/maskReasons.ts', async () => {
    const { rows } = await t.db.query<{ reasons: string[] }>('select private.mask_reasons() as reasons');
    expect(rows[0]!.reasons).toEqual([...maskReasons]);
  });
});
