import { describe, expect, it } from 'vitest';
import { authenticateAs, ideaArgs, resetRole, rpc, useTestDatabase } from './harness.ts';

const t = useTestDatabase();

describe('public_ideas', () => {
  it('shows only approved or adopted ideas with consent, and only public columns', async () => {
    await authenticateAs(t.db, 'anon');
    const { rows } = await t.db.query<Record<string, unknown>>('select * from public.public_ideas order by region, public_text');
    expect(Object.keys(rows[0]!).sort()).toEqual(['activities', 'id', 'month', 'public_text', 'region', 'status', 'theme']);
    expect(rows.map((row) => row['status']).every((status) => status === 'approved' || status === 'adopted')).toBe(true);
    expect(rows).toHaveLength(5);
    const text = JSON.stringify(rows);
    // The masked demo idea (KUKES-APRV2): published with the teacher's name hidden.
    expect(text).toContain('mësueses sonë [hequr], ku');
    expect(text).not.toContain('Drita');
    expect(text).not.toContain('aktivitete sportive'); // rejected
    expect(text).not.toContain('Greqi për punë'); // escalated
  });

  it('hides an approved idea whose author did not agree to publication', async () => {
    await authenticateAs(t.db, 'anon');
    const receipt = await rpc<{ receipt_code: string }>(t.db, 'submit_idea', ideaArgs({ p_publish_consent: false }));
    await resetRole(t.db);
    const { rows } = await t.db.query<{ id: string }>('select id from public.ideas where receipt_hash = private.receipt_hash($1)', [receipt.receipt_code]);
    await authenticateAs(t.db, 'moderatorKukes');
    await rpc(t.db, 'approve_idea', { p_idea_id: rows[0]!.id });
    await authenticateAs(t.db, 'anon');
    expect((await t.db.query('select * from public.public_ideas where id = $1', [rows[0]!.id])).rows).toEqual([]);
    expect((await rpc<{ status: string }>(t.db, 'idea_status', { p_receipt_code: receipt.receipt_code })).status).toBe('approved');
  });
});

describe('public_plan_activities', () => {
  it('lists the demo plans of the four pilot regions with their objectives, marked as demo', async () => {
    await authenticateAs(t.db, 'anon');
    const { rows } = await t.db.query<{ region: string; is_demo: boolean; pillar: string }>('select region, is_demo, pillar from public.public_plan_activities');
    expect([...new Set(rows.map((row) => row.region))].sort()).toEqual(['durres', 'kukes', 'lezhe', 'shkoder']);
    expect(rows.every((row) => row.is_demo)).toBe(true);
    expect([...new Set(rows.map((row) => row.pillar))].sort()).toEqual(['coordination', 'prevention', 'protection']);
  });
});

describe('region_statistics', () => {
  it('suppresses every cell under 10 and shows those of 10 or more', async () => {
    await t.db.query("update public.settings set value = '1000' where key = 'submit_burst_per_minute'");
    await authenticateAs(t.db, 'anon');
    for (let i = 0; i < 10; i++) await rpc(t.db, 'submit_idea', ideaArgs({ p_code: 'DUR234', p_theme: 'online' }));
    const { rows } = await t.db.query<{ region: string; theme: string | null; status: string | null; ideas: number | null }>(
      "select region, theme, status, ideas from public.region_statistics('durres')",
    );
    const cell = (theme: string | null, status: string | null) => rows.find((row) => row.theme === theme && row.status === status)?.ideas;
    expect(cell(null, null)).toBe(11);
    expect(cell('online', null)).toBe(10);
    expect(cell('community', null)).toBeNull();
    expect(cell(null, 'received')).toBe(10);
    expect(cell(null, 'published')).toBeNull();
    expect(rows.every((row) => row.region === 'durres')).toBe(true);
    expect(rows.every((row) => row.ideas === null || row.ideas >= 10)).toBe(true);
  });

  it('never names an escalated idea: it counts as received', async () => {
    await authenticateAs(t.db, 'anon');
    const { rows } = await t.db.query<{ status: string | null }>('select distinct status from public.region_statistics()');
    expect(rows.map((row) => row.status).filter(Boolean).sort()).toEqual(['adopted', 'not_published', 'published', 'received']);
  });
});
