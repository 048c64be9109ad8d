// Late delivery: an idea queued on a device while its session was open, and
// delivered after the session closed, is accepted within the grace period
// (settings.late_delivery_grace_hours) and by the same rules as any idea, if
// the device proves it joined while the session was open: the seat token
// join_session gave it (settings.seat_token_ideas per seat,
// settings.late_ideas_per_session per session).
import { beforeEach, describe, expect, it } from 'vitest';
import { attempt, authenticateAs, count, ideaArgs, resetRole, rpc, rpcAttempt, sessions, useTestDatabase } from './harness.ts';

const t = useTestDatabase();

interface Receipt {
  receipt_code: string | null;
  submitted_at: string;
  duplicate: boolean;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** The demo Durrës open call (DUR234), open for 3 hours until `closedMinutesAgo` minutes ago. */
async function closeDurres(closedMinutesAgo: number, how: 'closes_at' | 'closed_at' = 'closes_at'): Promise<void> {
  await resetRole(t.db);
  await t.db.query(
    how === 'closes_at'
      ? 'update public.class_sessions set opens_at = now() - make_interval(mins => $2 + 180), closes_at = now() - make_interval(mins => $2) where id = $1'
      : 'update public.class_sessions set opens_at = now() - make_interval(mins => $2 + 180), closed_at = now() - make_interval(mins => $2) where id = $1',
    [sessions.durresOpenCall, closedMinutesAgo],
  );
}

async function ideasOfDurres(): Promise<number> {
  await resetRole(t.db);
  return count(t.db, 'select * from public.ideas where session_id = $1', [sessions.durresOpenCall]);
}

/**
 * A seat of `code` as join_session gives it to a device while the session is
 * open, dated `issuedMinutesAgo` (the test's transaction has one now(), so
 * the seat is moved back to when the device joined).
 */
async function seatFor(code: string, issuedMinutesAgo: number): Promise<string> {
  await authenticateAs(t.db, 'anon');
  const joined = await rpc<{ status: string; seat_token: string | null }>(t.db, 'join_session', { p_code: code });
  expect(joined.status).toBe('open');
  expect(joined.seat_token).toMatch(/^[A-Za-z0-9_-]{24}$/);
  await resetRole(t.db);
  await t.db.query(
    "update private.session_seats set issued_at = now() - make_interval(mins => $2) where token_hash = encode(extensions.digest($1, 'sha256'), 'hex')",
    [joined.seat_token, issuedMinutesAgo],
  );
  return joined.seat_token as string;
}

let durresSeat: string | undefined;

/**
 * Submits as anon (to DUR234 unless told) and returns the error message, or
 * 'accepted'. Carries a seat of DUR234 taken before closing unless the
 * overrides set p_seat_token.
 */
async function deliver(overrides: Record<string, unknown>): Promise<string> {
  await authenticateAs(t.db, 'anon');
  const result = await rpcAttempt(t.db, 'submit_idea', ideaArgs({ p_code: 'DUR234', p_seat_token: durresSeat ?? null, ...overrides }));
  return result.ok ? 'accepted' : `${result.error.code} ${result.error.message}`;
}

describe('submit_idea after the session closed', () => {
  beforeEach(async () => {
    // Taken while DUR234 is open (closeDurres closes it at least 1 minute ago
    // after opening it 3 hours before); good for 5 late ideas.
    durresSeat = await seatFor('DUR234', 90);
  });

  it('accepts an idea queued before closing and delivered within the grace period', async () => {
    await closeDurres(30);
    const before = await ideasOfDurres();
    expect(await deliver({ p_queued_at: minutesAgo(45) })).toBe('accepted');
    expect(await ideasOfDurres()).toBe(before + 1);
  });

  it('also after a teacher closed the session early (closed_at before closes_at)', async () => {
    await closeDurres(10, 'closed_at');
    expect(await deliver({ p_queued_at: minutesAgo(20) })).toBe('accepted');
    // Queued after the early close: the session was no longer taking ideas.
    expect(await deliver({ p_queued_at: minutesAgo(5) })).toBe('P0001 session_closed');
  });

  it('still refuses a late delivery without queued_at, as before', async () => {
    await closeDurres(30);
    const before = await ideasOfDurres();
    expect(await deliver({})).toBe('P0001 session_closed');
    expect(await deliver({ p_queued_at: null })).toBe('P0001 session_closed');
    expect(await ideasOfDurres()).toBe(before);
  });

  it('refuses an idea queued after the session closed', async () => {
    await closeDurres(30);
    expect(await deliver({ p_queued_at: minutesAgo(29) })).toBe('P0001 session_closed');
  });

  it('refuses a delivery after the grace period, which is a setting', async () => {
    durresSeat = await seatFor('DUR234', 25 * 60 + 20);
    await closeDurres(25 * 60);
    expect(await deliver({ p_queued_at: minutesAgo(25 * 60 + 10) })).toBe('P0001 session_closed');
    await resetRole(t.db);
    await t.db.query("update public.settings set value = '48' where key = 'late_delivery_grace_hours'");
    expect(await deliver({ p_queued_at: minutesAgo(25 * 60 + 10) })).toBe('accepted');
    await resetRole(t.db);
    await t.db.query("update public.settings set value = '0' where key = 'late_delivery_grace_hours'");
    await closeDurres(1);
    expect(await deliver({ p_queued_at: minutesAgo(2) })).toBe('P0001 session_closed');
  });

  it('refuses a claimed queued_at in the future or before the session opened', async () => {
    await closeDurres(30);
    const before = await ideasOfDurres();
    expect(await deliver({ p_queued_at: new Date(Date.now() + 60_000).toISOString() })).toBe('P0001 invalid_queued_at');
    expect(await deliver({ p_queued_at: minutesAgo(4 * 60) })).toBe('P0001 invalid_queued_at');
    expect(await ideasOfDurres()).toBe(before);
  });

  it('keeps max_ideas: a late idea does not overfill a session', async () => {
    await closeDurres(30);
    await t.db.query('update public.class_sessions set max_ideas = (select count(*) from public.ideas where session_id = $1) where id = $1', [
      sessions.durresOpenCall,
    ]);
    expect(await deliver({ p_queued_at: minutesAgo(45) })).toBe('P0001 session_full');
  });

  it('keeps the burst limit', async () => {
    // The empty Kukës class: no seeded idea counts in its last minute.
    const { rows: codes } = await t.db.query<{ join_code: string }>('select join_code from public.class_sessions where id = $1', [sessions.kukesEmptyClass]);
    const seat = await seatFor(codes[0]!.join_code, 60);
    await t.db.query(
      "update public.class_sessions set opens_at = now() - interval '3 hours', closes_at = now() - interval '30 minutes' where id = $1",
      [sessions.kukesEmptyClass],
    );
    await t.db.query("update public.settings set value = '2' where key = 'submit_burst_per_minute'");
    const { rows } = await t.db.query<{ join_code: string }>('select join_code from public.class_sessions where id = $1', [sessions.kukesEmptyClass]);
    const p_code = rows[0]!.join_code;
    expect(await deliver({ p_code, p_seat_token: seat, p_queued_at: minutesAgo(45) })).toBe('accepted');
    expect(await deliver({ p_code, p_seat_token: seat, p_queued_at: minutesAgo(44) })).toBe('accepted');
    expect(await deliver({ p_code, p_seat_token: seat, p_queued_at: minutesAgo(43) })).toBe('PT429 rate_limited');
  });

  it('keeps validation and idempotency: a retried late delivery is one idea', async () => {
    await closeDurres(30);
    expect(await deliver({ p_queued_at: minutesAgo(45), p_text: 'short' })).toBe('P0001 invalid_text');
    const key = crypto.randomUUID();
    await authenticateAs(t.db, 'anon');
    const args = ideaArgs({ p_code: 'DUR234', p_idempotency_key: key, p_queued_at: minutesAgo(45), p_seat_token: durresSeat });
    const first = await rpc<Receipt>(t.db, 'submit_idea', args);
    const retry = await rpc<Receipt>(t.db, 'submit_idea', args);
    expect(first.duplicate).toBe(false);
    expect(retry).toMatchObject({ duplicate: true, submitted_at: first.submitted_at });
    await resetRole(t.db);
    expect(await count(t.db, 'select * from public.ideas where idempotency_key = $1', [key])).toBe(1);
  });

  it('delivers to the session that was open when the idea was queued, not a newer one with the same code', async () => {
    await closeDurres(30, 'closed_at');
    await t.db.query("insert into public.class_sessions (kind, region, join_code, closes_at) values ('open_call', 'vlore', 'DUR234', now() + interval '1 day')");
    const before = await ideasOfDurres();
    expect(await deliver({ p_queued_at: minutesAgo(45) })).toBe('accepted');
    expect(await ideasOfDurres()).toBe(before + 1);
    // Without queued_at, the open session with that code gets it, as before.
    expect(await deliver({})).toBe('accepted');
    expect(await ideasOfDurres()).toBe(before + 1);
  });

  it('ignores queued_at while the session is open, even from a device whose clock is wrong', async () => {
    expect(await deliver({ p_queued_at: new Date(Date.now() + 3_600_000).toISOString() })).toBe('accepted');
    expect(await deliver({ p_queued_at: '2001-01-01T00:00:00Z' })).toBe('accepted');
  });

  it('keeps the call shape: the function has one signature, and anon may execute it', async () => {
    const { rows } = await t.db.query<{ args: string; anon: boolean; everyone: boolean }>(`
      select pg_get_function_identity_arguments(p.oid) as args,
        has_function_privilege('anon', p.oid, 'execute') as anon,
        coalesce(array_to_string(p.proacl, ','), '') ~ '(^|,)=X' as everyone
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.proname = 'submit_idea'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ anon: true, everyone: false });
    expect(rows[0]!.args).toMatch(/p_queued_at timestamp with time zone, p_seat_token text$/);
  });

  it('refuses a late delivery without a seat token: the code alone does not open a closed session', async () => {
    await closeDurres(30);
    const before = await ideasOfDurres();
    expect(await deliver({ p_queued_at: minutesAgo(45), p_seat_token: null })).toBe('P0001 session_closed');
    expect(await deliver({ p_queued_at: minutesAgo(45), p_seat_token: 'made-up-token-made-up-tok' })).toBe('P0001 session_closed');
    expect(await ideasOfDurres()).toBe(before);
  });

  it('accepts a late delivery with the seat token the device got while the session was open', async () => {
    await closeDurres(30);
    const before = await ideasOfDurres();
    expect(await deliver({ p_queued_at: minutesAgo(45) })).toBe('accepted');
    expect(await ideasOfDurres()).toBe(before + 1);
  });

  it('refuses a seat of another session, or one given after the session closed', async () => {
    const kukesSeat = await seatFor('KUK234', 90);
    const lateSeat = await seatFor('DUR234', 10);
    await closeDurres(30);
    expect(await deliver({ p_queued_at: minutesAgo(45), p_seat_token: kukesSeat })).toBe('P0001 session_closed');
    expect(await deliver({ p_queued_at: minutesAgo(45), p_seat_token: lateSeat })).toBe('P0001 session_closed');
  });

  it('gives no seat for a session that is not open', async () => {
    await closeDurres(30);
    await authenticateAs(t.db, 'anon');
    const joined = await rpc<{ status: string; seat_token: string | null }>(t.db, 'join_session', { p_code: 'DUR234' });
    expect(joined).toMatchObject({ status: 'closed', seat_token: null });
  });

  it('lets one seat deliver seat_token_ideas late ideas, and a session late_ideas_per_session', async () => {
    await t.db.query("update public.settings set value = '2' where key = 'seat_token_ideas'");
    await t.db.query("update public.settings set value = '3' where key = 'late_ideas_per_session'");
    const second = await seatFor('DUR234', 80);
    await closeDurres(30);
    expect(await deliver({ p_queued_at: minutesAgo(45) })).toBe('accepted');
    expect(await deliver({ p_queued_at: minutesAgo(44) })).toBe('accepted');
    expect(await deliver({ p_queued_at: minutesAgo(43) })).toBe('P0001 session_closed');
    expect(await deliver({ p_queued_at: minutesAgo(43), p_seat_token: second })).toBe('accepted');
    // The session's fourth late idea, although this seat has one left.
    expect(await deliver({ p_queued_at: minutesAgo(42), p_seat_token: second })).toBe('P0001 session_closed');
  });

  it('sweeps seats once their session closed more than 31 days ago (the grace period is at most 30 days)', async () => {
    const old = await seatFor('KUK234', 40 * 24 * 60);
    const recent = await seatFor('DUR234', 40 * 24 * 60);
    await t.db.query("update public.class_sessions set opens_at = now() - interval '41 days', closed_at = now() - interval '32 days' where join_code = 'KUK234'");
    await t.db.query("update public.class_sessions set opens_at = now() - interval '41 days', closed_at = now() - interval '29 days' where join_code = 'DUR234'");
    const { rows } = await t.db.query<{ swept: number }>('select private.sweep_seats() as swept');
    expect(rows[0]!.swept).toBeGreaterThanOrEqual(1);
    const left = await t.db.query<{ token_hash: string }>(
      "select token_hash from private.session_seats where token_hash in (encode(extensions.digest($1, 'sha256'), 'hex'), encode(extensions.digest($2, 'sha256'), 'hex'))",
      [old, recent],
    );
    expect(left.rows).toHaveLength(1);
  });

  it('keeps the grace setting within 0..720 hours', async () => {
    await resetRole(t.db);
    const tooLong = await attempt(t.db, "update public.settings set value = '1000' where key = 'late_delivery_grace_hours'");
    expect(tooLong.ok ? 'updated' : tooLong.error.code).toBe('23514');
  });
});
