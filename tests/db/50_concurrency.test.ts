// Real PostgreSQL only: many clients at once against one session, and two
// moderators deciding the same idea at the same moment.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../support/throwawayDatabase.ts';
import { claimsFor, databaseUrl, ideaArgs, openTestDatabase, type Persona, type TestDatabase } from './harness.ts';

const SUBMISSIONS = 500;

describe.skipIf(!databaseUrl)('concurrency on PostgreSQL', () => {
  let handle: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    handle = await openTestDatabase();
    pool = createPool(handle.url as string, { max: 30 });
  });
  afterAll(async () => {
    // The pool's clients first: the harness drops the database once the server sees none of them.
    await pool?.end();
    await handle?.close();
  });

  /** One PostgREST-like request: a transaction as the persona, one function call. */
  async function call(persona: Persona, fn: string, args: Record<string, unknown>): Promise<{ ok: true; result: Record<string, unknown> } | { ok: false; code: string; message: string; detail?: string }> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const claims = claimsFor(persona);
      await client.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [claims.role, JSON.stringify(claims)]);
      const names = Object.keys(args);
      const { rows } = await client.query(`select public.${fn}(${names.map((n, i) => `${n} => $${i + 1}`).join(', ')}) as result`, Object.values(args));
      await client.query('commit');
      return { ok: true, result: rows[0].result };
    } catch (error) {
      await client.query('rollback');
      const e = error as { code: string; message: string; detail?: string };
      return { ok: false, code: e.code, message: e.message, ...(e.detail ? { detail: e.detail } : {}) };
    } finally {
      client.release();
    }
  }

  async function openCall(code: string, maxIdeas: number): Promise<void> {
    await handle.db.query(
      "insert into public.class_sessions (kind, region, join_code, closes_at, max_ideas) values ('open_call', 'fier', $1, now() + interval '1 day', $2)",
      [code, maxIdeas],
    );
  }

  async function burst(code: string) {
    return Promise.all(Array.from({ length: SUBMISSIONS }, () => call('anon', 'submit_idea', ideaArgs({ p_code: code }))));
  }

  it(`${SUBMISSIONS} concurrent submissions to one session make ${SUBMISSIONS} ideas with unique receipts`, async () => {
    await handle.db.query("update public.settings set value = '10000' where key = 'submit_burst_per_minute'");
    await openCall('CCC222', 1000);
    const results = await burst('CCC222');
    const failures = results.filter((r) => !r.ok);
    expect(failures).toEqual([]);
    const receipts = new Set(results.map((r) => (r.ok ? r.result['receipt_code'] : null)));
    expect(receipts.size).toBe(SUBMISSIONS);
    const { rows } = await handle.db.query<{ n: number; hashes: number }>(
      "select count(*)::int as n, count(distinct receipt_hash)::int as hashes from public.ideas i join public.class_sessions s on s.id = i.session_id where s.join_code = 'CCC222'",
    );
    expect(rows[0]).toEqual({ n: SUBMISSIONS, hashes: SUBMISSIONS });
  });

  it('stops at exactly max_ideas and refuses the rest with session_full', async () => {
    await handle.db.query("update public.settings set value = '10000' where key = 'submit_burst_per_minute'");
    await openCall('CCC333', 100);
    const results = await burst('CCC333');
    expect(results.filter((r) => r.ok)).toHaveLength(100);
    const refusals = results.filter((r) => !r.ok).map((r) => (r.ok ? '' : `${r.code} ${r.message}`));
    expect(new Set(refusals)).toEqual(new Set(['P0001 session_full']));
    const { rows } = await handle.db.query<{ n: number }>(
      "select count(*)::int as n from public.ideas i join public.class_sessions s on s.id = i.session_id where s.join_code = 'CCC333'",
    );
    expect(rows[0]!.n).toBe(100);
  });

  it('stops at exactly the burst limit and refuses the rest with PT429 rate_limited', async () => {
    await handle.db.query("update public.settings set value = '60' where key = 'submit_burst_per_minute'");
    await openCall('CCC444', 1000);
    const results = await burst('CCC444');
    expect(results.filter((r) => r.ok)).toHaveLength(60);
    const refusals = results.filter((r) => !r.ok).map((r) => (r.ok ? '' : `${r.code} ${r.message}`));
    expect(new Set(refusals)).toEqual(new Set(['PT429 rate_limited']));
  });

  it('the same idempotency key sent 20 times at once makes one idea', async () => {
    await handle.db.query("update public.settings set value = '10000' where key = 'submit_burst_per_minute'");
    const args = ideaArgs({ p_code: 'CCC222', p_receipt_code: 'QQQQQ-22222' });
    const results = await Promise.all(Array.from({ length: 20 }, () => call('anon', 'submit_idea', args)));
    expect(results.every((r) => r.ok && r.result['receipt_code'] === 'QQQQQ22222')).toBe(true);
    expect(results.filter((r) => r.ok && r.result['duplicate'] === false)).toHaveLength(1);
  });

  it('two moderators deciding one idea at once: one wins, the other gets already_moderated with their name', async () => {
    const { rows } = await handle.db.query<{ id: string }>("select id from public.ideas where region = 'kukes' and status = 'pending' limit 1");
    const id = rows[0]!.id;
    const [a, b] = await Promise.all([
      call('moderatorKukes', 'approve_idea', { p_idea_id: id }),
      call('coordinator', 'reject_with_feedback', { p_idea_id: id, p_reason: 'other', p_feedback_sq: 'Faleminderit! Ideja nuk lidhet me temën.' }),
    ]);
    const outcomes = [a, b].map((r) => (r.ok ? 'ok' : r.message)).sort();
    expect(outcomes).toEqual(['already_moderated', 'ok']);
    const loser = [a, b].find((r) => !r.ok);
    expect(loser && !loser.ok && loser.detail).toMatch(/^(Komiteti Kukës|Koordinatorja Kombëtare)$/);
  });
});
