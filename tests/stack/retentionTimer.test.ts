// The local stack runs retention itself (hosted Supabase runs it with pg_cron):
// the timer calls purge_expired_ideas as service_role, at once and on its interval.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRetentionTimer } from '../../supabase/local/retentionTimer.ts';
import { createStack, type Stack } from '../../supabase/local/stack.ts';

describe('the local retention timer', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await createStack({ database: 'pglite', dataDir: null, seed: true, log: () => undefined });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('purges an expired unpublished idea without anyone calling the API', async () => {
    const exec = await stack.database.executor();
    try {
      // A pending idea from three years ago, outside any plan period: past the 730-day rule.
      await exec.exec(`
        insert into public.ideas (session_id, region, theme, text, publish_consent, idempotency_key, receipt_hash, created_at)
        values ('b0000000-0000-4000-8000-000000000001', 'kukes', 'school', 'Një ide e vjetër që duhet fshirë.', true,
                gen_random_uuid(), repeat('e', 64), now() - interval '3 years')`);
    } finally {
      exec.release();
    }
    const errors: unknown[] = [];
    const timer = startRetentionTimer(stack.database, { intervalMs: 50, log: (error) => errors.push(error) });
    try {
      const deadline = Date.now() + 10_000;
      let left = 1;
      while (left > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        left = await stack.database.transaction(async (query) => {
          const { rows } = await query("select count(*)::int as n from public.ideas where receipt_hash = repeat('e', 64)");
          return rows[0]?.['n'] as number;
        }, { readOnly: true });
      }
      expect(left).toBe(0);
      expect(errors).toEqual([]);
      expect(await timer.runNow()).toMatchObject({ unpublished_deleted: 0 });
    } finally {
      timer.stop();
    }
  }, 60_000);
});
