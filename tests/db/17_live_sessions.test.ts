import { describe, expect, it } from 'vitest';
import { authenticateAs, resetRole, useTestDatabase, users, type Persona } from './harness.ts';

const t = useTestDatabase();

/** What the role helpers answer for `persona` with the claims `claims` (its own by default). */
async function rights(persona: Persona, claims?: Record<string, unknown>): Promise<Record<string, unknown>> {
  await authenticateAs(t.db, persona);
  if (claims) await t.db.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
  const { rows } = await t.db.query(`select private.session_is_live() as live, private.is_coordinator() as coordinator,
    private.is_moderator_of('kukes') as moderator, private.can_moderate('kukes') as can_moderate,
    private.my_committee_region() as region, private.is_approved_teacher_of('kukes') as teacher,
    private.is_safeguarding_officer_of('kukes') as officer`);
  await resetRole(t.db);
  return rows[0] as Record<string, unknown>;
}

describe('staff rights need a live session (private.session_is_live)', () => {
  it('are granted with the session the token names', async () => {
    expect(await rights('moderatorKukes')).toMatchObject({ live: true, moderator: true, can_moderate: true, region: 'kukes', officer: true });
    expect(await rights('coordinator')).toMatchObject({ live: true, coordinator: true, can_moderate: true });
    expect(await rights('teacherKukes')).toMatchObject({ live: true, teacher: true });
  });

  it('are gone once the session row is deleted (sign-out)', async () => {
    await t.db.query('delete from auth.sessions where id = $1', [users.moderatorKukes]);
    await t.db.query('delete from auth.sessions where id = $1', [users.teacherKukes]);
    expect(await rights('moderatorKukes')).toEqual({ live: false, coordinator: false, moderator: false, can_moderate: false, region: null, teacher: false, officer: false });
    expect(await rights('teacherKukes')).toMatchObject({ live: false, teacher: false });
  });

  it('are gone once the session is past its not_after', async () => {
    await t.db.query("update auth.sessions set not_after = now() - interval '1 second' where id = $1", [users.coordinator]);
    expect(await rights('coordinator')).toMatchObject({ live: false, coordinator: false, can_moderate: false });
  });

  it('are refused to a token without a session id, with a malformed one, or with another user\'s session', async () => {
    expect(await rights('coordinator', { role: 'authenticated', sub: users.coordinator })).toMatchObject({ live: false, coordinator: false });
    expect(await rights('coordinator', { role: 'authenticated', sub: users.coordinator, session_id: 'not-a-uuid' })).toMatchObject({ live: false, coordinator: false });
    // The session must be the token subject's own.
    expect(await rights('teacherKukes', { role: 'authenticated', sub: users.teacherKukes, session_id: users.moderatorKukes })).toMatchObject({ live: false, moderator: false, teacher: false });
  });
});
