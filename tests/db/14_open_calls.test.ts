// public_open_calls: the regional open calls a region page may show, open or
// upcoming, with nothing but region, join code and window.
import { describe, expect, it } from 'vitest';
import { attempt, authenticateAs, resetRole, rpc, sessions, useTestDatabase, type Persona } from './harness.ts';

const t = useTestDatabase();

interface OpenCall {
  region: string;
  join_code: string;
  opens_at: string;
  closes_at: string;
}

async function openCalls(persona: Persona = 'anon'): Promise<OpenCall[]> {
  await authenticateAs(t.db, persona);
  const { rows } = await t.db.query<OpenCall>('select * from public.public_open_calls order by region, opens_at');
  await resetRole(t.db);
  return rows;
}

describe('public_open_calls', () => {
  it('lists the open calls for anyone, with only region, join code and window', async () => {
    const rows = await openCalls();
    expect(rows.map((row) => [row.region, row.join_code])).toEqual([
      ['durres', 'DUR234'],
      ['lezhe', '1EZ234'],
      ['shkoder', 'SHK234'],
    ]);
    expect(Object.keys(rows[0]!).sort()).toEqual(['closes_at', 'join_code', 'opens_at', 'region']);
    expect((await openCalls('teacherKukes')).length).toBe(3);
  });

  it('never lists class sessions', async () => {
    const codes = (await openCalls()).map((row) => row.join_code);
    expect(codes).not.toContain('KUK234');
    const { rows } = await t.db.query<{ join_code: string }>("select join_code from public.class_sessions where kind = 'class'");
    for (const row of rows) expect(codes).not.toContain(row.join_code);
  });

  it('lists an upcoming open call and one a moderator has just opened', async () => {
    await authenticateAs(t.db, 'moderatorKukes');
    const opened = await rpc<{ join_code: string }>(t.db, 'open_call', {
      p_region: 'kukes',
      p_opens_at: new Date(Date.now() + 86_400_000).toISOString(),
      p_closes_at: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    await resetRole(t.db);
    const kukes = (await openCalls()).filter((row) => row.region === 'kukes');
    expect(kukes).toEqual([expect.objectContaining({ join_code: opened.join_code })]);
    expect(new Date(kukes[0]!.opens_at).getTime()).toBeGreaterThan(Date.now());
  });

  it('leaves out closed, expired and full open calls', async () => {
    await t.db.query('update public.class_sessions set closed_at = now() where id = $1', [sessions.shkoderOpenCall]);
    await t.db.query(
      "update public.class_sessions set opens_at = now() - interval '2 hours', closes_at = now() - interval '1 minute' where id = $1",
      [sessions.lezheOpenCall],
    );
    await t.db.query('update public.class_sessions set max_ideas = (select count(*) from public.ideas where session_id = $1) where id = $1', [
      sessions.durresOpenCall,
    ]);
    expect(await openCalls()).toEqual([]);
  });

  it('is read-only for every API role', async () => {
    for (const persona of ['anon', 'coordinator', 'service_role'] as const) {
      await authenticateAs(t.db, persona);
      for (const sql of [
        "update public.public_open_calls set closes_at = now() + interval '1 year'",
        'delete from public.public_open_calls',
        "insert into public.public_open_calls (region, join_code, opens_at, closes_at) values ('kukes', 'ABC234', now(), now() + interval '1 day')",
      ]) {
        const result = await attempt(t.db, sql);
        expect(result.ok ? `${persona} allowed: ${sql}` : result.error.code).toBe('42501');
      }
      await resetRole(t.db);
    }
  });
});
