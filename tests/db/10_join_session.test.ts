import { describe, expect, it } from 'vitest';
import { authenticateAs, resetRole, rpc, sessions, useTestDatabase } from './harness.ts';

const t = useTestDatabase();

interface Joined {
  status: string;
  kind?: string;
  region?: string;
  school?: string | null;
}

describe('join_session', () => {
  it('opens a seeded class session for anon with region, school and kind', async () => {
    await authenticateAs(t.db, 'anon');
    const joined = await rpc<Joined>(t.db, 'join_session', { p_code: 'KUK234' });
    expect(joined).toMatchObject({ status: 'open', kind: 'class', region: 'kukes', school: 'Shkolla e Mesme Demo, Kukës' });
  });

  it('normalises the code: lowercase, spaces, dashes, O->0, I/L->1', async () => {
    await authenticateAs(t.db, 'anon');
    expect((await rpc<Joined>(t.db, 'join_session', { p_code: ' kuk-234 ' })).status).toBe('open');
    expect((await rpc<Joined>(t.db, 'join_session', { p_code: 'lez 234' })).region).toBe('lezhe');
    expect((await rpc<Joined>(t.db, 'join_session', { p_code: 'IEZ234' })).region).toBe('lezhe');
  });

  it('answers only {status: unknown} for an unknown or malformed code', async () => {
    await authenticateAs(t.db, 'anon');
    expect(await rpc(t.db, 'join_session', { p_code: 'ZZZ999' })).toEqual({ status: 'unknown' });
    expect(await rpc(t.db, 'join_session', { p_code: '' })).toEqual({ status: 'unknown' });
    expect(await rpc(t.db, 'join_session', { p_code: null })).toEqual({ status: 'unknown' });
  });

  it('reports closed, not yet open and full sessions', async () => {
    await t.db.query("update public.class_sessions set opens_at = now() + interval '1 hour', closes_at = now() + interval '2 hours' where id = $1", [sessions.lezheClass]);
    await t.db.query('update public.class_sessions set closed_at = now() where id = $1', [sessions.shkoderOpenCall]);
    await t.db.query('update public.class_sessions set max_ideas = 1 where id = $1', [sessions.durresOpenCall]);
    const { rows } = await t.db.query<{ join_code: string }>('select join_code from public.class_sessions where id = $1', [sessions.lezheClass]);
    await authenticateAs(t.db, 'anon');
    expect((await rpc<Joined>(t.db, 'join_session', { p_code: rows[0]!.join_code })).status).toBe('not_yet_open');
    expect((await rpc<Joined>(t.db, 'join_session', { p_code: 'SHK234' })).status).toBe('closed');
    expect((await rpc<Joined>(t.db, 'join_session', { p_code: 'DUR234' })).status).toBe('full');
    await resetRole(t.db);
  });

  it('prefers the open session when a closed one had the same code', async () => {
    await t.db.query('update public.class_sessions set closed_at = now() where id = $1', [sessions.shkoderOpenCall]);
    await t.db.query(
      "insert into public.class_sessions (kind, region, join_code, closes_at) values ('open_call', 'vlore', 'SHK234', now() + interval '1 day')",
    );
    await authenticateAs(t.db, 'anon');
    expect(await rpc<Joined>(t.db, 'join_session', { p_code: 'SHK234' })).toMatchObject({ status: 'open', region: 'vlore' });
  });

  it('refuses a second open session with the same code', async () => {
    await expectUniqueViolation();
  });
});

async function expectUniqueViolation(): Promise<void> {
  await t.db.exec('savepoint u');
  let code = '';
  try {
    await t.db.query(
      "insert into public.class_sessions (kind, region, join_code, closes_at) values ('open_call', 'vlore', 'KUK234', now() + interval '1 day')",
    );
  } catch (error) {
    code = String((error as { code?: string }).code);
  }
  await t.db.exec('rollback to savepoint u');
  expect(code).toBe('23505');
}
