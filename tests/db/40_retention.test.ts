import { describe, expect, it } from 'vitest';
import { authenticateAs, count, expectFailure, resetRole, rpc, rpcAttempt, sessions, useTestDatabase } from './harness.ts';

const t = useTestDatabase();

/** Inserts an idea directly (as the superuser), with a chosen age and status. */
async function oldIdea(createdAt: string, fields: { status?: string; reject_reason?: string; public_text?: string } = {}): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    `insert into public.ideas (session_id, region, theme, text, receipt_hash, publish_consent, idempotency_key, created_at, status, reject_reason, public_text)
     values ($1, 'kukes', 'school', 'Një ide e vjetër për provë.', encode(extensions.gen_random_bytes(32), 'hex'), true, gen_random_uuid(), $2, $3, $4, $5)
     returning id`,
    [sessions.kukesClass, createdAt, fields.status ?? 'pending', fields.reject_reason ?? null, fields.public_text ?? null],
  );
  return rows[0]!.id;
}

describe('purge_expired_ideas', () => {
  it('is callable by service_role only', async () => {
    for (const persona of ['anon', 'coordinator'] as const) {
      await authenticateAs(t.db, persona);
      const result = await rpcAttempt(t.db, 'purge_expired_ideas');
      expect(result.ok ? 'ok' : result.error.code, persona).toBe('42501');
    }
  });

  it('deletes unpublished ideas after the plan period plus the retention days, keeps published ones and logs it', async () => {
    await t.db.query(
      "insert into public.plans (region, period_start, period_end, title, is_demo) values ('kukes', '2020-01-01', '2021-12-31', 'Old plan', true)",
    );
    const pending = await oldIdea('2021-03-01');
    const rejected = await oldIdea('2021-03-01', { status: 'rejected', reject_reason: 'other' });
    const published = await oldIdea('2021-03-01', { status: 'approved', public_text: 'Një ide e vjetër e publikuar.' });
    const recent = await oldIdea(new Date().toISOString());
    await authenticateAs(t.db, 'service_role');
    const result = await rpc<{ unpublished_deleted: number; flagged_deleted: number }>(t.db, 'purge_expired_ideas');
    expect(result.unpublished_deleted).toBe(2);
    await resetRole(t.db);
    expect(await count(t.db, 'select * from public.ideas where id in ($1, $2)', [pending, rejected])).toBe(0);
    expect(await count(t.db, 'select * from public.ideas where id = $1', [published])).toBe(1);
    expect(await count(t.db, 'select * from public.ideas where id = $1', [recent])).toBe(1);
    expect(await count(t.db, "select * from public.moderation_log where idea_id = $1 and action = 'purge'", [pending])).toBe(1);
  });

  it('deletes escalated ideas the configured days after the referral, not before', async () => {
    const insert = async (escalatedAt: string) => {
      const { rows } = await t.db.query<{ id: string }>(
        `insert into public.ideas (session_id, region, theme, text, receipt_hash, publish_consent, idempotency_key, status, escalated_at, escalation_informed)
         values ($1, 'kukes', 'family', 'Një ide me shqetësim për provë.', encode(extensions.gen_random_bytes(32), 'hex'), false, gen_random_uuid(), 'escalated', $2, 'Psikologia')
         returning id`,
        [sessions.kukesClass, escalatedAt],
      );
      return rows[0]!.id;
    };
    const old = await insert(new Date(Date.now() - 91 * 86_400_000).toISOString());
    const fresh = await insert(new Date(Date.now() - 89 * 86_400_000).toISOString());
    await authenticateAs(t.db, 'service_role');
    const result = await rpc<{ flagged_deleted: number }>(t.db, 'purge_expired_ideas');
    expect(result.flagged_deleted).toBe(1);
    await resetRole(t.db);
    expect(await count(t.db, 'select * from public.ideas where id in ($1, $2)', [old, fresh])).toBe(1);
    expect(await count(t.db, 'select * from public.ideas where id = $1', [fresh])).toBe(1);
  });

  it('follows the retention setting and closes expired sessions, freeing their codes', async () => {
    await authenticateAs(t.db, 'service_role');
    expect(await rpc(t.db, 'purge_expired_ideas')).toMatchObject({ flagged_deleted: 0, sessions_closed: 0 });
    await resetRole(t.db);
    // With 0 days the seed's escalated idea (referred at seeding) is due.
    await t.db.query("update public.settings set value = '0' where key = 'retention_flagged_after_referral_days'");
    await t.db.query("update public.class_sessions set closes_at = now() - interval '1 minute' where id = $1", [sessions.kukesEmptyClass]);
    await authenticateAs(t.db, 'service_role');
    const result = await rpc<{ flagged_deleted: number; sessions_closed: number }>(t.db, 'purge_expired_ideas');
    expect(result).toMatchObject({ flagged_deleted: 1, sessions_closed: 1 });
    await resetRole(t.db);
    expect(await count(t.db, 'select * from public.class_sessions where id = $1 and closed_at is not null', [sessions.kukesEmptyClass])).toBe(1);
  });
});

describe('published ideas lose their original words after publication (issue 12, item 9)', () => {
  /** A published idea (consent given) with its original words, published `daysAgo` days ago. */
  async function publishedIdea(daysAgo: number, fields: { consent?: boolean } = {}): Promise<string> {
    const { rows } = await t.db.query<{ id: string }>(
      `insert into public.ideas (session_id, region, theme, text, can_do, receipt_hash, publish_consent, idempotency_key,
         status, public_text, moderated_at, published_at)
       values ($1, 'kukes', 'school', 'Fjalët e mia origjinale për provë.', 'Mund të flas me shokët.',
         encode(extensions.gen_random_bytes(32), 'hex'), $3, gen_random_uuid(), 'approved', 'Teksti publik për provë.',
         now() - make_interval(days => $2), now() - make_interval(days => $2))
       returning id`,
      [sessions.kukesClass, daysAgo, fields.consent ?? true],
    );
    return rows[0]!.id;
  }

  const original = (id: string) =>
    t.db.query<{ text: string | null; can_do: string | null; public_text: string; purged: boolean }>(
      'select text, can_do, public_text, original_purged_at is not null as purged from public.ideas where id = $1', [id]).then((r) => r.rows[0]);

  it('removes text and "what I can do" the configured days after publication, keeps the public text, and logs it', async () => {
    const old = await publishedIdea(91);
    const fresh = await publishedIdea(89);
    await authenticateAs(t.db, 'service_role');
    const result = await rpc<{ originals_removed: number }>(t.db, 'purge_expired_ideas');
    await resetRole(t.db);
    expect(result.originals_removed).toBe(1);
    expect(await original(old)).toEqual({ text: null, can_do: null, public_text: 'Teksti publik për provë.', purged: true });
    expect(await original(fresh)).toMatchObject({ text: 'Fjalët e mia origjinale për provë.', purged: false });
    expect(await count(t.db, 'select * from public.public_ideas where id = $1', [old])).toBe(1);
    expect(await count(t.db, "select * from public.moderation_log where idea_id = $1 and action = 'purge' and after ->> 'rule' = 'original_after_publication'", [old])).toBe(1);
  });

  it('follows retention_original_after_publication_days', async () => {
    const id = await publishedIdea(10);
    await authenticateAs(t.db, 'service_role');
    expect((await rpc<{ originals_removed: number }>(t.db, 'purge_expired_ideas')).originals_removed).toBe(0);
    await resetRole(t.db);
    await t.db.query("update public.settings set value = '7' where key = 'retention_original_after_publication_days'");
    await authenticateAs(t.db, 'service_role');
    expect((await rpc<{ originals_removed: number }>(t.db, 'purge_expired_ideas')).originals_removed).toBe(1);
    await resetRole(t.db);
    expect(await original(id)).toMatchObject({ text: null, purged: true });
  });

  it('counts from approve_idea\'s publication and leaves unpublished ideas alone', async () => {
    const unconsented = await publishedIdea(400, { consent: false });
    await t.db.query("update public.settings set value = '0' where key = 'retention_original_after_publication_days'");
    // The seed's published ideas were approved with approve_idea at seeding (published_at set).
    const published = await count(t.db, "select * from public.ideas where status in ('approved', 'adopted') and publish_consent and published_at is not null");
    expect(published).toBeGreaterThan(0);
    await authenticateAs(t.db, 'service_role');
    const result = await rpc<{ originals_removed: number }>(t.db, 'purge_expired_ideas');
    await resetRole(t.db);
    expect(result.originals_removed).toBe(published);
    expect(await count(t.db, "select * from public.ideas where status not in ('approved', 'adopted') and text is null")).toBe(0);
    expect(await original(unconsented)).toMatchObject({ purged: false });
  });

  it('nobody removes or rewrites an original any other way, the owner included', async () => {
    const { rows } = await t.db.query<{ id: string }>("select id from public.ideas where status = 'pending' limit 1");
    const pending = rows[0]!.id;
    expect((await expectFailure(t.db, 'update public.ideas set text = null, can_do = null, original_purged_at = now() where id = $1', [pending])).message)
      .toMatch(/ideas_original_kept_until_purged/);
    const published = await publishedIdea(1);
    expect((await expectFailure(t.db, 'update public.ideas set text = null where id = $1', [published])).message).toBe('idea_immutable');
    expect((await expectFailure(t.db, "update public.ideas set text = 'Fjalë të tjera të shkruara.' where id = $1", [published])).message).toBe('idea_immutable');
    await t.db.query('update public.ideas set text = null, can_do = null, original_purged_at = now() where id = $1', [published]);
    expect((await expectFailure(t.db, "update public.ideas set text = 'Fjalët e mia origjinale për provë.', original_purged_at = null where id = $1", [published])).message)
      .toBe('idea_immutable');
  });
});
