import { describe, expect, it } from 'vitest';
import { attempt, authenticateAs, resetRole, useTestDatabase, type Persona } from './harness.ts';

const t = useTestDatabase();

describe('moderation_log is append-only', () => {
  for (const persona of ['anon', 'moderatorKukes', 'coordinator', 'service_role'] as const satisfies readonly Persona[]) {
    it(`refuses update, delete and insert by ${persona}`, async () => {
      await authenticateAs(t.db, persona);
      for (const sql of [
        "update public.moderation_log set action = 'read'",
        'delete from public.moderation_log',
        "insert into public.moderation_log (action) values ('read')",
        'truncate public.moderation_log',
      ]) {
        const result = await attempt(t.db, sql);
        expect(result.ok ? 'ok' : result.error.code, sql).toBe('42501');
      }
    });
  }

  it('refuses update, delete and truncate even by the owner, through its triggers', async () => {
    await resetRole(t.db);
    for (const sql of ["update public.moderation_log set action = 'read'", 'delete from public.moderation_log', 'truncate public.moderation_log']) {
      const result = await attempt(t.db, sql);
      expect(result.ok ? 'ok' : result.error.message, sql).toBe('moderation_log_append_only');
    }
  });

  it('holds no student text, only ids, actions and structural fields', async () => {
    await resetRole(t.db);
    const { rows } = await t.db.query<{ before: unknown; after: unknown }>('select before, after from public.moderation_log');
    const keys = new Set<string>();
    for (const row of rows) for (const value of [row.before, row.after]) if (value) for (const key of Object.keys(value)) keys.add(key);
    expect([...keys].sort()).toEqual(
      ['action', 'activity_id', 'feedback', 'masks', 'public_text_length', 'read_at', 'reason', 'region', 'status', 'user_id'].sort(),
    );
  });
});
